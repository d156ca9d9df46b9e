import { makeSecrets, type RequestContext, type SimulatorParts } from './context.js';
import { control, CONTROL_PREFIX } from './control.js';
import { copyCounters, emptyCounters, type Counters } from './counters.js';
import { FaultQueue, type Fault, type LiftRequest, type QueuedFault, type StandingFault } from './faults.js';
import { routeRequest, type Region } from './hosts.js';
import { jsonResponse } from './json.js';
import { authorize } from './oauth-pages.js';
import { resolveOptions, type SimulatorOptions } from './options.js';
import { rest } from './rest.js';
import { SeededRandom } from './seeded-random.js';
import { token } from './token.js';
import { World } from './world.js';

export interface SeededLogin {
  username: string;
  password: string;
  fullName: string;
  region: Region;
  divisions: number;
}

export interface ExactSimulator {
  /** The fetch handler: a standard Request in, a standard Response out. */
  handle: (request: Request) => Promise<Response>;
  counters: () => Counters;
  pendingFaults: () => readonly QueuedFault[];
  /** Queues a one-shot fault or changes the world; a message when the fault names nothing known. */
  inject: (fault: Fault) => string | undefined;
  /** Lifts standing faults (a refused mailbox, an unavailable division or user): the ones lifted, or a message when the division or user is unknown. */
  lift: (request: LiftRequest) => StandingFault[] | string;
  /** Back to the seed: no sessions, codes, chains, counts or faults; the clock keeps its advance. */
  reset: () => void;
  now: () => number;
  advanceClock: (ms: number) => void;
  users: () => SeededLogin[];
  /** Every code, access token and refresh token issued since the last reset, so a test can prove none leaks. */
  issuedTokens: () => IssuedTokens;
}

export interface IssuedTokens {
  codes: string[];
  accessTokens: string[];
  refreshTokens: string[];
}

/** An Exact Online on its country hosts, as a fetch handler (see hosts.ts for one origin serving all). */
export function createExactSimulator(input: SimulatorOptions): ExactSimulator {
  const options = resolveOptions(input);
  let advance = 0;
  const now = () => options.now() + advance;
  const fresh = (): SimulatorParts => {
    const random = new SeededRandom(options.randomSeed);
    const faults = new FaultQueue();
    const parts: SimulatorParts = { options, random, faults, counters: emptyCounters(), now, world: new World(options.seed(), makeSecrets(random).id, now()) };
    for (const fault of options.faults) applyFault(parts, fault);
    return parts;
  };
  let parts = fresh();

  const simulator: ExactSimulator = {
    async handle(request) {
      const url = new URL(request.url);
      if (url.pathname.startsWith(`${options.basePath}${CONTROL_PREFIX}`)) return control(simulator, request, url.pathname.slice(options.basePath.length));
      const route = routeRequest(url, options.basePath);
      if (!route) return jsonResponse(404, { error: `Not an Exact Online host: use https://start.exactonline.{nl,be,de,co.uk,com,es,fr} or a region as the first path segment (/nl/api/…)` });
      const ctx: RequestContext = { ...parts, request, url, route };
      if (route.path === '/api/oauth2/auth' && (request.method === 'GET' || request.method === 'POST')) return authorize(ctx);
      if (route.path === '/api/oauth2/token') return token(ctx);
      if (route.path.startsWith('/api/v1/')) return rest(ctx);
      return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    },
    counters: () => copyCounters(parts.counters),
    pendingFaults: () => parts.faults.pending(),
    inject: (fault) => applyFault(parts, fault),
    lift: (request) => liftFaults(parts, request),
    reset: () => {
      parts = fresh();
    },
    now,
    advanceClock: (ms) => {
      advance += ms;
    },
    users: () =>
      parts.world.users.map((user) => ({ username: user.username, password: user.password, fullName: user.fullName, region: user.region, divisions: user.divisions.length })),
    issuedTokens: () => ({ codes: [...parts.world.codes.keys()], accessTokens: [...parts.world.accessTokens.keys()], refreshTokens: [...parts.world.refreshTokens.keys()] }),
  };
  return simulator;
}

function applyFault(parts: SimulatorParts, fault: Fault): string | undefined {
  if (fault.kind === 'divisionUnavailable') {
    const division = parts.world.divisions.get(fault.division);
    if (!division) return `divisionUnavailable: no division ${fault.division} in the seed`;
    division.unavailable = fault.reason;
    return undefined;
  }
  if (fault.kind === 'mailboxRefused') {
    const division = parts.world.divisions.get(fault.division);
    if (!division) return `mailboxRefused: no division ${fault.division} in the seed`;
    division.mailboxRefusal = fault.failure;
    return undefined;
  }
  if (fault.kind === 'userUnavailable') {
    const user = parts.world.users.find((candidate) => candidate.username.toLowerCase() === fault.username.toLowerCase());
    if (!user) return `userUnavailable: no user ${fault.username} in the seed`;
    user.unavailable = fault.reason;
    return undefined;
  }
  parts.faults.add(fault);
  return undefined;
}

/** Puts the world back as the seed had it for what the request names; lifting nothing is no error. */
function liftFaults(parts: SimulatorParts, request: LiftRequest): StandingFault[] | string {
  if ('username' in request) {
    const user = parts.world.users.find((candidate) => candidate.username.toLowerCase() === request.username.toLowerCase());
    if (!user) return `no user ${request.username} in the seed`;
    const lifted: StandingFault[] = user.unavailable ? [{ kind: 'userUnavailable', username: user.username, reason: user.unavailable }] : [];
    delete user.unavailable;
    return lifted;
  }
  const division = parts.world.divisions.get(request.division);
  if (!division) return `no division ${request.division} in the seed`;
  const lifted: StandingFault[] = [];
  if (request.kind !== 'divisionUnavailable' && division.mailboxRefusal) {
    lifted.push({ kind: 'mailboxRefused', division: division.code, failure: division.mailboxRefusal });
    delete division.mailboxRefusal;
  }
  if (request.kind !== 'mailboxRefused' && division.unavailable) {
    lifted.push({ kind: 'divisionUnavailable', division: division.code, reason: division.unavailable });
    delete division.unavailable;
  }
  return lifted;
}
