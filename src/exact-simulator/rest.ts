import { caller } from './bearer.js';
import type { RequestContext } from './context.js';
import { refuseDivision } from './division-access.js';
import { divisions } from './rest-divisions.js';
import { odataError, forbidden, htmlUnauthorized } from './rest-errors.js';
import { currentMe } from './rest-me.js';
import { mailboxes } from './rest-mailboxes.js';
import { countCall } from './rate-limit.js';

interface Endpoint {
  /** `current/Me`, `system/Divisions`, … as counted. */
  name: string;
  division?: number;
  key?: string;
}

const divisionResources = new Set(['system/Divisions', 'system/AllDivisions', 'mailbox/Mailboxes']);

function endpointOf(path: string): Endpoint | undefined {
  if (path === '/api/v1/current/Me') return { name: 'current/Me' };
  const match = /^\/api\/v1\/(\d+)\/([A-Za-z]+\/[A-Za-z]+)(?:\(([^)]*)\))?$/.exec(path);
  if (!match || !divisionResources.has(match[2]!)) return undefined;
  return { name: match[2]!, division: Number(match[1]), ...(match[3] !== undefined ? { key: match[3] } : {}) };
}

/** `/api/v1/…`: bearer check (HTML 401), rate limit (headers, 429), Reason 403s, then the endpoint. */
export async function rest(ctx: RequestContext): Promise<Response> {
  const endpoint = endpointOf(ctx.route.path);
  const counted = `${ctx.request.method} ${endpoint?.name ?? ctx.route.path}`;
  ctx.counters.apiCalls[counted] = (ctx.counters.apiCalls[counted] ?? 0) + 1;

  const who = caller(ctx);
  if (!who || ctx.faults.take('accessTokenRejected')) return htmlUnauthorized();
  const rate = countCall(ctx, who.chain.clientId, who.user.company);
  if (rate.refused) return rate.refused;
  const answer = await serve(ctx, endpoint, who);
  for (const [name, value] of Object.entries(rate.headers)) answer.headers.set(name, value);
  return answer;
}

async function serve(ctx: RequestContext, endpoint: Endpoint | undefined, who: NonNullable<ReturnType<typeof caller>>): Promise<Response> {
  const failure = ctx.faults.take('serverError', (fault) => fault.endpoint === undefined || fault.endpoint === endpoint?.name);
  if (failure) return odataError(failure.status ?? 500, 'An error has occurred.');
  if (!endpoint) return odataError(404, `Resource not found for the segment '${ctx.route.path.split('/').pop() ?? ''}'.`);
  // Without it Exact answers Atom XML, which the simulator does not speak: say so rather than pretend.
  if (!(ctx.request.headers.get('accept') ?? '').includes('application/json')) return odataError(406, 'Send Accept: application/json (Exact answers XML otherwise).');
  if (who.user.unavailable) return forbidden(who.user.unavailable);
  if (endpoint.division === undefined) return currentMe(ctx, who);
  const refused = refuseDivision(ctx, who, endpoint.division);
  if (refused) return refused;
  if (endpoint.name === 'mailbox/Mailboxes') return mailboxes(ctx, who, endpoint.division, endpoint.key);
  if (endpoint.key !== undefined) return odataError(404, 'Resource not found');
  return divisions(ctx, who, endpoint.division, endpoint.name);
}
