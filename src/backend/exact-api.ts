import { regionBaseUrl } from './config.js';
import type { Region } from './contract.js';
import type { BackendDeps } from './deps.js';
import { currentAccess, refreshAccess } from './grants.js';
import { ApiProblem } from './problem.js';

export interface Grant {
  id: string;
  region: Region;
}

/** Exact's answer to a REST call: the parsed JSON (when it was JSON), and what errors carry. */
export interface ExactAnswer {
  status: number;
  ok: boolean;
  body: unknown;
  /** OData's `error.message.value`, when the body had one. */
  message: string;
  /** The 403 `Reason` header (NoDivisionAccess, DivisionBlocked, …). */
  reason: string | null;
  headers: Headers;
}

const spent = new WeakMap<BackendDeps, Map<string, number>>();
const spentUntil = (deps: BackendDeps): Map<string, number> => {
  const map = spent.get(deps) ?? new Map<string, number>();
  spent.set(deps, map);
  return map;
};

/**
 * When Exact says the limit is used up (Remaining 0), later calls of the grant wait for the reset
 * here instead of going out: Exact blocks a key for an hour after ten errors.
 */
function noteLimit(deps: BackendDeps, grantId: string, headers: Headers): void {
  if (headers.get('X-RateLimit-Minutely-Remaining') !== '0' && headers.get('X-RateLimit-Remaining') !== '0') return;
  spentUntil(deps).set(grantId, deps.now() + retryAfterOf(headers, deps.now()) * 1000);
}

/**
 * Seconds until Exact's limit resets (epoch ms in X-RateLimit-*Reset), or a minute when it does not
 * say. A minutely reset is never more than 60 s away in Exact's own time, so a clock that differs
 * from Exact's cannot stretch the wait beyond that.
 */
export function retryAfterOf(headers: Headers, now: number): number {
  const minutely = headers.get('X-RateLimit-Minutely-Remaining') === '0' || headers.get('X-RateLimit-Remaining') !== '0';
  const reset = Number(minutely ? headers.get('X-RateLimit-Minutely-Reset') : headers.get('X-RateLimit-Reset'));
  if (!Number.isFinite(reset) || reset <= 0) return 60;
  return Math.min(minutely ? 60 : 86_400, Math.max(1, Math.ceil((reset - now) / 1000)));
}

async function read(response: Response): Promise<ExactAnswer> {
  const text = await response.text();
  let body: unknown = undefined;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  const message = (body as { error?: { message?: { value?: unknown } } } | undefined)?.error?.message?.value;
  return { status: response.status, ok: response.ok, body, message: typeof message === 'string' ? message : '', reason: response.headers.get('Reason'), headers: response.headers };
}

/**
 * One REST call on the grant's host (`path` below `/api/v1/`, or a whole `__next` URL on it): a
 * 401 (Exact's HTML page for an expired or rejected token) gets one refresh and one retry; a 429
 * becomes `rate_limited` with the wait Exact's headers name; 5xx and network failures
 * `exact_unavailable`. Other answers are the caller's to read.
 */
export async function exactCall(deps: BackendDeps, grant: Grant, path: string, init: { method?: string; body?: unknown } = {}): Promise<ExactAnswer> {
  const base = regionBaseUrl(deps.config.exactBaseUrl, grant.region);
  const url = path.startsWith(`${base}/api/v1/`) ? path : `${base}/api/v1/${path}`;
  if (!url.startsWith(`${base}/api/v1/`)) throw new ApiProblem(503, 'exact_unavailable', 'Exact Online pointed outside its own API.');
  const send = async (token: string) => {
    try {
      const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      return await read(await deps.config.fetch(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), signal: AbortSignal.timeout(20_000) }));
    } catch {
      throw new ApiProblem(503, 'exact_unavailable', 'Exact Online cannot be reached.', 30);
    }
  };
  const waitUntil = spentUntil(deps).get(grant.id) ?? 0;
  if (waitUntil > deps.now()) throw new ApiProblem(429, 'rate_limited', 'Exact Online’s calls for this minute are used up.', (waitUntil - deps.now()) / 1000);
  let access = await currentAccess(deps, grant.id);
  let answer = await send(access.token);
  if (answer.status === 401) {
    access = await refreshAccess(deps, grant.id, access.version);
    answer = await send(access.token);
  }
  noteLimit(deps, grant.id, answer.headers);
  if (answer.status === 429) throw new ApiProblem(429, 'rate_limited', 'Exact Online asks to slow down.', retryAfterOf(answer.headers, deps.now()));
  if (answer.status === 401 || answer.status >= 500) throw new ApiProblem(503, 'exact_unavailable', `Exact Online answered ${answer.status}.`, answer.status === 401 ? undefined : 30);
  return answer;
}

/** The contract's problem for a refusal no caller handled more specifically. */
export function refusal(answer: ExactAnswer): ApiProblem {
  if (answer.status === 403 && answer.reason === 'NoDivisionAccess') return new ApiProblem(422, 'no_division_access', 'This Exact Online user cannot reach the administration (any more).');
  if (answer.status === 403 && answer.reason === 'DivisionBlocked') return new ApiProblem(422, 'division_blocked', 'The administration is blocked in Exact Online.');
  if (answer.status === 403 && answer.reason) return new ApiProblem(422, 'division_unavailable', `Exact Online refused the administration (${answer.reason}).`);
  return new ApiProblem(503, 'exact_unavailable', `Exact Online refused the request (${answer.status}).`);
}
