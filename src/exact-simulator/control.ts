import type { ExactSimulator } from './simulator.js';
import { jsonResponse } from './json.js';
import { parseFault, type Fault, type LiftRequest } from './faults.js';

/** Where the simulator-only endpoints live, on any host (never a path Exact uses). */
export const CONTROL_PREFIX = '/_simulator/';

const problem = (status: number, message: string) => jsonResponse(status, { error: message });

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return JSON.parse(await request.text());
  } catch {
    return undefined;
  }
}

/**
 * The simulator-only endpoints: `GET counters`, `GET|POST faults` (one fault or a list), `DELETE faults?division=N`
 * (lifts the faults that stay on that division: `mailboxRefused`, `divisionUnavailable`; `&kind=` one of them only) and
 * `DELETE faults?username=U` (lifts `userUnavailable`), each answering `{ "lifted": [faults] }`; `POST reset`,
 * `GET|POST clock` (`{ "advanceMs": n }`), `GET users` (the seeded logins, for a demo page), `GET issued-tokens` (every
 * code, access and refresh token issued since the last reset: read-only, for a conformance kit that proves none reaches
 * a browser).
 */
export async function control(simulator: ExactSimulator, request: Request, path: string): Promise<Response> {
  // A demo page on another origin may reset the simulator or read its counters: nothing here is secret.
  if (request.method === 'OPTIONS') {
    return new Response(null, { status: 204, headers: { ...openToPages, 'Access-Control-Allow-Methods': 'GET, POST, DELETE', 'Access-Control-Allow-Headers': 'Content-Type' } });
  }
  const answer = await act(simulator, request, path);
  for (const [name, value] of Object.entries(openToPages)) answer.headers.set(name, value);
  return answer;
}

const openToPages = { 'Access-Control-Allow-Origin': '*' };

async function act(simulator: ExactSimulator, request: Request, path: string): Promise<Response> {
  const action = `${request.method} ${path.slice(CONTROL_PREFIX.length)}`;
  switch (action) {
    case 'GET counters':
      return jsonResponse(200, simulator.counters());
    case 'GET faults':
      return jsonResponse(200, simulator.pendingFaults());
    case 'POST faults': {
      const body = await jsonBody(request);
      const list = Array.isArray(body) ? body : [body];
      const faults: Fault[] = [];
      for (const item of list) {
        const fault = parseFault(item);
        if (typeof fault === 'string') return problem(400, fault);
        faults.push(fault);
      }
      for (const fault of faults) {
        const refused = simulator.inject(fault);
        if (refused) return problem(400, refused);
      }
      return jsonResponse(200, simulator.pendingFaults());
    }
    case 'DELETE faults': {
      const lift = liftRequest(new URL(request.url).searchParams);
      if (typeof lift === 'string') return problem(400, lift);
      const lifted = simulator.lift(lift);
      return typeof lifted === 'string' ? problem(404, lifted) : jsonResponse(200, { lifted });
    }
    case 'POST reset':
      simulator.reset();
      return new Response(null, { status: 204 });
    case 'GET clock':
      return jsonResponse(200, { now: simulator.now() });
    case 'POST clock': {
      const body = (await jsonBody(request)) as { advanceMs?: unknown } | undefined;
      if (typeof body?.advanceMs !== 'number' || !(body.advanceMs >= 0)) return problem(400, 'POST clock takes { "advanceMs": <a number of milliseconds, 0 or more> }');
      simulator.advanceClock(body.advanceMs);
      return jsonResponse(200, { now: simulator.now() });
    }
    case 'GET users':
      return jsonResponse(200, simulator.users());
    case 'GET issued-tokens':
      return jsonResponse(200, simulator.issuedTokens());
    default:
      return problem(404, `No simulator endpoint ${action}; there are GET counters, GET|POST|DELETE faults, POST reset, GET|POST clock, GET users under ${CONTROL_PREFIX}`);
  }
}

/** `?division=N[&kind=mailboxRefused|divisionUnavailable]` or `?username=U`, or what is wrong with the query. */
function liftRequest(query: URLSearchParams): LiftRequest | string {
  const usage = 'DELETE faults takes ?division=<code>[&kind=mailboxRefused|divisionUnavailable] or ?username=<login name>';
  const division = query.get('division');
  const username = query.get('username');
  const kind = query.get('kind');
  if ((division === null) === (username === null)) return usage;
  if (username !== null) return kind === null || kind === 'userUnavailable' ? { username } : usage;
  if (!/^\d+$/.test(division!)) return `${usage}: ${division} is not a division code`;
  if (kind !== null && kind !== 'mailboxRefused' && kind !== 'divisionUnavailable') return usage;
  return { division: Number(division), ...(kind ? { kind } : {}) };
}
