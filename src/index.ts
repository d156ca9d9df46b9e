// Exports only; importing this defines nothing. Import `define.js` to register the tag.
export { AutopilotConnect } from './autopilot-connect.js';
export { AutopilotCancelledEvent, AutopilotConnectedEvent, AutopilotDisconnectedEvent, AutopilotErrorEvent, AutopilotReconnectedEvent } from './events.js';
export { ApiClient, type ApiClientOptions } from './api/client.js';
export { ApiError, ApiErrorKind } from './api/api-error.js';
export { connectMachine } from './machine/connect-machine.js';
export type * from './api/types.js';
