// The bare tag only: registered by define.js, typed in JSX by the jsx entry (no wrapper import
// here, so tsconfig.bare-tag.json proves the jsx entry alone is enough).
import 'autopilot-connect/define.js';
import type {} from 'autopilot-connect/jsx';

export function BareTag({ apiBase }: { apiBase: string }) {
  return <autopilot-connect id="bare" api-base={apiBase} locale="nl"></autopilot-connect>;
}
