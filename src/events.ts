import type { ApiError } from './api/api-error.js';
import type { Connection } from './api/types.js';

/** Fired when a connection is made; `connection` is the backend's record of it. */
export class AutopilotConnectedEvent extends Event {
  static readonly eventName = 'autopilot-connected';
  constructor(readonly connection: Connection) {
    super(AutopilotConnectedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the user removed a connection (`Verbinding verbreken`, confirmed); `connection` is the one removed. */
export class AutopilotDisconnectedEvent extends Event {
  static readonly eventName = 'autopilot-disconnected';
  constructor(readonly connection: Connection) {
    super(AutopilotDisconnectedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Fired when `Opnieuw verbinden` brought connections back: `connections` are those that work
 * again, the one the user chose first, then any others the same Exact login repaired.
 */
export class AutopilotReconnectedEvent extends Event {
  static readonly eventName = 'autopilot-reconnected';
  constructor(readonly connections: Connection[]) {
    super(AutopilotReconnectedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the user cancels the flow before it was finished. */
export class AutopilotCancelledEvent extends Event {
  static readonly eventName = 'autopilot-cancelled';
  constructor() {
    super(AutopilotCancelledEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Fired when a call to the backend fails, for the host's logging or session handling
 * (`error.status === 401`: the platform session ended). The element shows its own message.
 */
export class AutopilotErrorEvent extends Event {
  static readonly eventName = 'autopilot-error';
  constructor(readonly error: ApiError) {
    super(AutopilotErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'autopilot-connected': AutopilotConnectedEvent;
    'autopilot-disconnected': AutopilotDisconnectedEvent;
    'autopilot-reconnected': AutopilotReconnectedEvent;
    'autopilot-cancelled': AutopilotCancelledEvent;
    'autopilot-error': AutopilotErrorEvent;
  }
}
