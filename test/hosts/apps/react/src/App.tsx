import { useState } from 'react';
import type { AutopilotConnectedEvent, AutopilotErrorEvent } from 'autopilot-connect';
import { AutopilotConnect } from 'autopilot-connect/react';
// The bare tag beside the wrapper: registered by define.js, typed in JSX by the jsx entry.
import 'autopilot-connect/define.js';
import type {} from 'autopilot-connect/jsx';

export function App() {
  const [connected, setConnected] = useState<string | null>(null);
  const [lastError, setLastError] = useState<string | null>(null);

  const onConnected = (event: AutopilotConnectedEvent) =>
    setConnected(`${event.connection.organisation.name} → ${event.connection.division.name}`);
  const onError = (event: AutopilotErrorEvent) => setLastError(`${event.error.kind} ${event.error.status ?? ''}`);

  return (
    <main>
      <p role="status">{connected ? `Verbonden: ${connected}` : 'Nog niet verbonden'}</p>
      {lastError ? <p role="alert">Fout: {lastError}</p> : null}
      <AutopilotConnect
        id="wrapped"
        apiBase="/mock/default/api"
        locale="nl"
        requestTimeout={30}
        loginTimeout={600}
        onConnected={onConnected}
        onError={onError}
        onCancelled={(event) => setLastError(event.type)}
      />
      <autopilot-connect id="bare" api-base="/mock/empty/api" locale="nl"></autopilot-connect>
    </main>
  );
}
