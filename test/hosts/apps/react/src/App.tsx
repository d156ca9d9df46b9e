import { useState } from 'react';
import type { AutopilotErrorEvent } from 'autopilot-connect';
import { AutopilotConnect } from 'autopilot-connect/react';
import { BareTag } from './BareTag.js';

export function App() {
  const [connected, setConnected] = useState<string | null>(null);
  const [lastError, setLastError] = useState<string | null>(null);

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
        onConnected={(event) => setConnected(`${event.connection.organisation.name} → ${event.connection.division.name}`)}
        onError={onError}
        onCancelled={(event) => setLastError(event.type)}
      />
      {/* The bare tag beside the wrapper, on another backend. */}
      <BareTag apiBase="/mock/empty/api" />
    </main>
  );
}
