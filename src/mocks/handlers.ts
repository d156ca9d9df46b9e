import type { FailureInjection } from './failures.js';
import { ScenarioBackend } from './scenario-backend.js';
import { isScenarioName, type ScenarioName } from './scenario-names.js';
import { worlds } from './worlds.js';

/** Every scenario's backend lives under this prefix: `/mock/<scenario>/...`. */
export const MOCK_PREFIX = '/mock';

const backends = new Map<string, ScenarioBackend>();

/** How a host serves the mock: where its copy of the callback page is (default `/callback.html`). */
export interface MockServeOptions {
  callbackPath?: string;
  /** The page's origin (default the page's own, in a browser; the request's, over HTTP). */
  origin?: string;
}

const pageOrigin = (): string => (typeof location === 'undefined' ? 'http://localhost' : location.origin);

/**
 * The scenario's backend, created on first use and kept, so every request sees one world. One per
 * callback page too: a backend redirects only to the page it was made for. The page's origin is
 * the one of the first use (the simulator may later be reached on the other loopback name).
 */
export function getBackend(scenario: ScenarioName, basePath = `${MOCK_PREFIX}/${scenario}`, { callbackPath, origin = pageOrigin() }: MockServeOptions = {}): ScenarioBackend {
  const key = `${scenario} ${basePath} ${callbackPath ?? ''}`;
  let backend = backends.get(key);
  if (!backend) {
    backend = new ScenarioBackend({ world: worlds[scenario](), basePath, origin, ...(callbackPath ? { callbackPath } : {}) });
    backends.set(key, backend);
  }
  return backend;
}

/** Forgets one scenario's backends (all when no scenario is given); the next use starts afresh. */
export async function resetBackends(scenario?: ScenarioName): Promise<void> {
  const gone: ScenarioBackend[] = [];
  for (const [key, backend] of [...backends]) {
    if (scenario === undefined || key.startsWith(`${scenario} `)) {
      backends.delete(key);
      gone.push(backend);
    }
  }
  await Promise.all(gone.map((backend) => backend.dispose()));
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
 * Test controls over HTTP, for end-to-end tests that cannot reach the backend object:
 * - `POST /mock/<scenario>/reset`: a fresh world;
 * - `POST /mock/<scenario>/inject` with a JSON {@link FailureInjection}; `DELETE` clears them;
 * - `POST /mock/<scenario>/authorizations/<id>/expire` and `.../deny` settle a login;
 * - the simulator's own controls at `/mock/<scenario>/exact/_simulator/…`.
 * Answers 204, or 400/404 with `{ error }`; null for other paths.
 */
async function handleControl(request: Request, backend: ScenarioBackend, rest: string): Promise<Response | null> {
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
    const [row] = await backend.query("SELECT id FROM authorizations WHERE id = $1 AND status = 'pending'", [id]);
    if (!row) return controlError(404, `No pending authorization ${id}.`);
    if (settle[2] === 'expire') await backend.expireAuthorization(id);
    else await backend.query("UPDATE authorizations SET status = 'denied' WHERE id = $1", [id]);
    return new Response(null, { status: 204 });
  }
  return null;
}

/**
 * The one entry point both adapters use (MSW in the browser, the Vite plugin over HTTP): routes
 * `/mock/<scenario>/...` to that scenario's backend and simulator, and its test controls.
 */
export async function handleMockRequest(request: Request, serve: MockServeOptions = {}): Promise<Response | null> {
  const url = new URL(request.url);
  const match = matchMockPath(url.pathname);
  if (!match) return null;
  if (match.rest === '/reset' && request.method === 'POST') {
    await resetBackends(match.scenario);
    return new Response(null, { status: 204 });
  }
  // Over HTTP the page's origin is the first request's (the page's own status call).
  const origin = serve.origin ?? (typeof location === 'undefined' ? url.origin : location.origin);
  const backend = getBackend(match.scenario, undefined, { ...serve, origin });
  const control = await handleControl(request, backend, match.rest);
  if (control) return control;
  return backend.handle(request);
}
