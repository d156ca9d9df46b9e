import type { AutopilotConnect } from 'autopilot-connect';

// Never run: lines the host's tsc must reject. Should one of them type-check, tsc fails
// with "Unused '@ts-expect-error' directive". Their right-typed twins are in main.ts.
export function mistakes(element: AutopilotConnect): void {
  // @ts-expect-error requestTimeout is a number of seconds
  element.requestTimeout = 'x';
  // @ts-expect-error loginTimeout is a number of seconds
  element.loginTimeout = '600';
  element.addEventListener('autopilot-connected', (event) => {
    // @ts-expect-error the event carries `connection`, not a bare id
    console.log(event.connectionId);
  });
  element.addEventListener('autopilot-error', (event) => {
    // @ts-expect-error an ApiError has no `reason`
    console.log(event.error.reason);
  });
  // @ts-expect-error retry takes no argument
  element.retry(1);
}
