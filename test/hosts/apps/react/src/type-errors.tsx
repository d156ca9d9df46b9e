import { AutopilotConnect } from 'autopilot-connect/react';
import type {} from 'autopilot-connect/jsx';

// Never rendered: props the host's tsc must reject. Should one of them type-check, tsc fails
// with "Unused '@ts-expect-error' directive". Their right-typed twins are in App.tsx.
export const mistakes = (
  <>
    {/* @ts-expect-error requestTimeout is a number of seconds */}
    <AutopilotConnect requestTimeout="soon" />
    <AutopilotConnect
      onConnected={(event) => {
        // @ts-expect-error the event carries `connection`, not a bare id
        console.log(event.connectionId);
      }}
    />
    <AutopilotConnect
      onError={(event) => {
        // @ts-expect-error an ApiError has no `reason`
        console.log(event.error.reason);
      }}
    />
    {/* @ts-expect-error the bare tag's requestTimeout property is a number too */}
    <autopilot-connect requestTimeout="soon"></autopilot-connect>
  </>
);
