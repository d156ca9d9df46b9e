import type { AutopilotConnect } from 'autopilot-connect';

// A type-only import of the main entry, nothing else: the tag, its properties, retry() and
// the three events with their fields are known all the same.
export function wire(): AutopilotConnect {
  const element = document.createElement('autopilot-connect');
  element.apiBase = '/api/autopilot';
  element.requestTimeout = 30;
  element.retry();
  element.addEventListener('autopilot-connected', (event) => console.log(event.connection.organisation.name));
  element.addEventListener('autopilot-cancelled', (event) => console.log(event.type));
  element.addEventListener('autopilot-error', (event) => console.log(event.error.kind, event.error.status));
  // @ts-expect-error requestTimeout is a number of seconds
  element.requestTimeout = 'x';
  return element;
}
