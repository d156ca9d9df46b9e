import { createMockBackend, type MockBackend } from './backend.js';
import { isScenarioName, scenarios, type ScenarioName } from './scenarios.js';

/** Every scenario's backend lives under this prefix: `/mock/<scenario>/...`. */
export const MOCK_PREFIX = '/mock';

const backends = new Map<string, MockBackend>();

/** The scenario's backend, created on first use and kept, so every request sees one model. */
export function getBackend(scenario: ScenarioName, basePath = `${MOCK_PREFIX}/${scenario}`): MockBackend {
  const key = `${scenario} ${basePath}`;
  let backend = backends.get(key);
  if (!backend) {
    backend = createMockBackend({ ...scenarios[scenario](), basePath });
    backends.set(key, backend);
  }
  return backend;
}

/** Forgets one scenario's backends (all when no scenario is given); the next use starts afresh. */
export function resetBackends(scenario?: ScenarioName): void {
  for (const key of [...backends.keys()]) {
    if (scenario === undefined || key.startsWith(`${scenario} `)) backends.delete(key);
  }
}

/** Splits `/mock/<scenario>/<rest>`; null for other paths and unknown scenarios. */
export function matchMockPath(pathname: string): { scenario: ScenarioName; rest: string } | null {
  const match = /^\/mock\/([^/]+)(\/.*)$/.exec(pathname);
  const scenario = match?.[1];
  if (!match || !isScenarioName(scenario)) return null;
  return { scenario, rest: match[2] ?? '/' };
}

/**
 * The one entry point both adapters use: routes `/mock/<scenario>/...` to that scenario's
 * backend, and `POST /mock/<scenario>/reset` rebuilds it (end-to-end tests start clean).
 */
export async function handleMockRequest(request: Request): Promise<Response | null> {
  const match = matchMockPath(new URL(request.url).pathname);
  if (!match) return null;
  if (match.rest === '/reset' && request.method === 'POST') {
    resetBackends(match.scenario);
    return new Response(null, { status: 204 });
  }
  return getBackend(match.scenario).handle(request);
}
