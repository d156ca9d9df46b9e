import { createMockBackend, type MockBackend } from './backend.js';
import type { FailureInjection } from './failures.js';
import { isScenarioName, scenarios, type ScenarioName } from './scenarios.js';

/** Every scenario's backend lives under this prefix: `/mock/<scenario>/...`. */
export const MOCK_PREFIX = '/mock';

const backends = new Map<string, MockBackend>();

/** How a host serves the mock: where its copy of the callback page is (default `/callback.html`). */
export interface MockServeOptions {
  callbackPath?: string;
}

/**
 * The scenario's backend, created on first use and kept, so every request sees one model. One per
 * place the host serves its callback page too: a backend redirects only to the page it was made for.
 */
export function getBackend(scenario: ScenarioName, basePath = `${MOCK_PREFIX}/${scenario}`, { callbackPath }: MockServeOptions = {}): MockBackend {
  const key = `${scenario} ${basePath} ${callbackPath ?? ''}`;
  let backend = backends.get(key);
  if (!backend) {
    const { platform, options } = scenarios[scenario]();
    backend = createMockBackend({ platform, options: callbackPath ? { ...options, callbackPath } : options, basePath });
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

const controlError = (status: number, error: string): Response =>
  new Response(JSON.stringify({ error }), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * Test controls over HTTP, for end-to-end tests that cannot reach the model:
 * - `POST /mock/<scenario>/inject` with a JSON {@link FailureInjection} body;
 * - `DELETE /mock/<scenario>/inject` clears the injected failures;
 * - `POST /mock/<scenario>/authorizations/<id>/expire` and `.../deny` settle a login.
 * Answers 204, or 400/404 with `{ error }`; null for other paths.
 */
async function handleControl(request: Request, scenario: ScenarioName, rest: string, serve: MockServeOptions): Promise<Response | null> {
  const backend = getBackend(scenario, undefined, serve);
  if (rest === '/inject' && request.method === 'POST') {
    try {
      backend.injectFailure(JSON.parse(await request.text()) as FailureInjection);
    } catch (error) {
      return controlError(400, error instanceof Error ? error.message : String(error));
    }
    return new Response(null, { status: 204 });
  }
  if (rest === '/inject' && request.method === 'DELETE') {
    backend.clearFailures();
    return new Response(null, { status: 204 });
  }
  const settle = /^\/authorizations\/([^/]+)\/(expire|deny)$/.exec(rest);
  if (settle && request.method === 'POST') {
    const id = decodeURIComponent(settle[1] ?? '');
    if (!backend.platform.authorizationRecord(id)) return controlError(404, `No authorization ${id}.`);
    if (settle[2] === 'expire') backend.platform.expireAuthorization(id);
    else backend.platform.denyAuthorization(id);
    return new Response(null, { status: 204 });
  }
  return null;
}

/**
 * The one entry point both adapters use: routes `/mock/<scenario>/...` to that scenario's
 * backend, and `POST /mock/<scenario>/reset` rebuilds it (end-to-end tests start clean).
 * The test controls of {@link handleControl} live next to it.
 */
export async function handleMockRequest(request: Request, serve: MockServeOptions = {}): Promise<Response | null> {
  const match = matchMockPath(new URL(request.url).pathname);
  if (!match) return null;
  if (match.rest === '/reset' && request.method === 'POST') {
    resetBackends(match.scenario);
    return new Response(null, { status: 204 });
  }
  const control = await handleControl(request, match.scenario, match.rest, serve);
  if (control) return control;
  return getBackend(match.scenario, undefined, serve).handle(request);
}
