import { AutopilotConnect, AutopilotErrorEvent } from 'autopilot-connect';
import 'autopilot-connect/define.js';
import './host-status.js';

// Both come typed from HTMLElementTagNameMap: no casts anywhere in this host.
const connect = document.querySelector('autopilot-connect');
const status = document.querySelector('host-status');
if (!connect || !status) throw new Error('index.html holds <autopilot-connect> and <host-status>');

const element: AutopilotConnect = connect;
element.requestTimeout = 30;
element.loginTimeout = 600;

element.addEventListener('autopilot-connected', (event) => {
  status.connection = `${event.connection.organisation.name} → ${event.connection.division.name}`;
  status.dataset.connectionId = event.connection.id;
});

const onError = (event: AutopilotErrorEvent) => {
  status.lastError = `${event.error.operation} ${event.error.status ?? event.error.kind}`;
  // The platform session ended: renew it (here: nothing to renew) and let the flow go on.
  if (event.error.status === 401) element.retry();
};
element.addEventListener('autopilot-error', onError);
element.addEventListener('autopilot-cancelled', (event) => {
  status.lastError = event.type;
});
