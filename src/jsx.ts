/**
 * Types only (`autopilot-connect/jsx`): `<autopilot-connect>` in a React 19 host's TSX, for
 * hosts that use the bare tag (with `autopilot-connect/define.js`) rather than the wrapper.
 * React 19 sets the element's properties from props of the same name and listens to a custom
 * event through `on` + its exact name, e.g. `onautopilot-connected`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AutopilotConnect } from './autopilot-connect.js';
import type { AutopilotCancelledEvent, AutopilotConnectedEvent, AutopilotDisconnectedEvent, AutopilotErrorEvent, AutopilotReconnectedEvent } from './events.js';

export interface AutopilotConnectJsxProps extends DetailedHTMLProps<HTMLAttributes<AutopilotConnect>, AutopilotConnect> {
  /** Where the backend contract lives, e.g. `/api/autopilot`. */
  apiBase?: string;
  'api-base'?: string;
  /** `nl`, `en`, `fr`, `de` or `es`; without it the page's `lang` decides, else `nl`. */
  locale?: string | null;
  /** Seconds a backend call may take. */
  requestTimeout?: number;
  'request-timeout'?: number | string;
  /** Seconds the login window may stay open without an outcome. */
  loginTimeout?: number;
  'login-timeout'?: number | string;
  /** Where a user reaches eConnect (the Geavanceerde flow, the migration note). */
  contactUrl?: string;
  'contact-url'?: string;
  'onautopilot-connected'?: (event: AutopilotConnectedEvent) => void;
  'onautopilot-disconnected'?: (event: AutopilotDisconnectedEvent) => void;
  'onautopilot-reconnected'?: (event: AutopilotReconnectedEvent) => void;
  'onautopilot-cancelled'?: (event: AutopilotCancelledEvent) => void;
  'onautopilot-error'?: (event: AutopilotErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'autopilot-connect': AutopilotConnectJsxProps;
    }
  }
}
