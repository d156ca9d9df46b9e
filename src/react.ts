/**
 * `autopilot-connect/react`: the element as a React component (via @lit/react), with its
 * properties as props and its events as `onConnected`, `onCancelled` and `onError`. Importing
 * it registers the tag. Its types also bring the JSX types of the bare tag (./jsx.ts).
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { AutopilotConnect as AutopilotConnectElement } from './define.js';
import type { AutopilotCancelledEvent, AutopilotConnectedEvent, AutopilotDisconnectedEvent, AutopilotErrorEvent, AutopilotReconnectedEvent } from './events.js';
import type { AutopilotConnectJsxProps } from './jsx.js';

export const AutopilotConnect = createComponent({
  tagName: 'autopilot-connect',
  elementClass: AutopilotConnectElement,
  react: React,
  events: {
    onConnected: 'autopilot-connected' as EventName<AutopilotConnectedEvent>,
    onDisconnected: 'autopilot-disconnected' as EventName<AutopilotDisconnectedEvent>,
    onReconnected: 'autopilot-reconnected' as EventName<AutopilotReconnectedEvent>,
    onCancelled: 'autopilot-cancelled' as EventName<AutopilotCancelledEvent>,
    onError: 'autopilot-error' as EventName<AutopilotErrorEvent>,
  },
  displayName: 'AutopilotConnect',
});

/** The wrapper's props, for hosts that pass them around. */
export type AutopilotConnectProps = React.ComponentProps<typeof AutopilotConnect>;
/** The bare tag's JSX props (`<autopilot-connect>`), declared in React's JSX by ./jsx.ts. */
export type { AutopilotConnectJsxProps };
