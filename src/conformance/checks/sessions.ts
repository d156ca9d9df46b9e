import { CookieJar } from '../cookie-jar.js';
import { describeAnswer, expect, Failure, type Kit } from '../kit.js';
import type { Check } from './check.js';

const SESSION_COOKIE = 'econnect_session';

interface DevUser {
  id: string;
  name: string;
  accountId: string;
}

/** `/_dev/` sits beside the API or at the backend's root: the kit tries both. */
async function devFetch(kit: Kit, path: string, init: RequestInit, session: CookieJar | null) {
  const api = kit.options.api.replace(/\/$/, '');
  const candidates = [`${api}/_dev/${path}`, `${new URL(api).origin}/_dev/${path}`];
  let last;
  for (const url of candidates) {
    last = await kit.backend.fetch(url, init, session);
    if (last.status !== 404) return last;
  }
  return last!;
}

async function devSession(kit: Kit, user: DevUser): Promise<CookieJar> {
  const jar = new CookieJar();
  const answer = await devFetch(kit, 'session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: user.id }) }, jar);
  expect(answer.status < 300, `POST /_dev/session for ${user.name} answered ${answer.status}`);
  expect(jar.header(kit.options.api).includes(`${SESSION_COOKIE}=`), `POST /_dev/session for ${user.name} set no ${SESSION_COOKIE} cookie`);
  return jar;
}

export const sessionChecks: Check[] = [
  {
    name: 'sessions: platform sessions for two users of one account',
    async run(kit) {
      const users = await kit.exact.users();
      const wanted = kit.options.exactUser;
      kit.user = (wanted ? users.find((user) => user.username === wanted && user.region === 'nl') : (users.find((user) => user.username.startsWith('jan@')) ?? users.find((user) => user.region === 'nl'))) ?? null;
      expect(kit.user, `the simulator has no Exact user ${wanted ?? ''} on the nl host (GET /_simulator/users lists ${users.map((user) => user.username).join(', ')})`);
      if (kit.options.cookie) {
        kit.session = new CookieJar(kit.options.cookie);
        if (kit.options.cookie2) kit.session2 = new CookieJar(kit.options.cookie2);
        return `from --cookie${kit.options.cookie2 ? ' and --cookie2' : ' (no --cookie2: the shared-grant check is skipped)'}; Exact user ${kit.user.username}`;
      }
      if (!kit.options.devSessions) throw new Failure('give --cookie "econnect_session=…" (and --cookie2 for a second user of the same account) or --dev-sessions');
      const listed = await devFetch(kit, 'users', {}, null);
      expect(listed.status === 200 && Array.isArray(listed.json), `GET /_dev/users answered ${listed.status}; --dev-sessions needs a backend started with devSessions`);
      const devUsers = listed.json as DevUser[];
      const pair = devUsers.flatMap((first) => devUsers.filter((second) => second !== first && second.accountId === first.accountId).map((second) => [first, second] as const))[0];
      const first = pair?.[0] ?? devUsers[0];
      expect(first, 'GET /_dev/users lists no user');
      kit.session = await devSession(kit, first);
      if (pair) kit.session2 = await devSession(kit, pair[1]);
      return `${first.name}${pair ? ` and ${pair[1].name}` : ' (no second user of the account: the shared-grant check is skipped)'} from /_dev/session; Exact user ${kit.user.username}`;
    },
  },
  {
    name: 'session: a call without the platform session answers 401 unauthenticated',
    async run(kit) {
      const answer = await kit.backend.call('getStatus', { session: null });
      expect(answer.status === 401 && answer.code === 'unauthenticated', `GET /status without a session answered ${describeAnswer(answer)}, not 401 unauthenticated`);
    },
  },
  {
    name: 'status: GET /status answers the contract with the session',
    async run(kit) {
      const answer = await kit.backend.call('getStatus', { session: kit.needSession() });
      expect(answer.status === 200, `GET /status answered ${describeAnswer(answer)}`);
      const status = answer.json as { autopilotInstalled: boolean; connections?: unknown };
      return status.autopilotInstalled ? 'Autopilot installed' : 'Autopilot not installed';
    },
  },
  {
    name: 'cors: an allowed origin gets CORS with credentials, another origin none',
    async run(kit) {
      const preflight = (origin: string) =>
        kit.backend.fetch(kit.backend.url('/connections'), { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' } }, null);
      const allowed = await preflight(kit.origin);
      const allowOrigin = allowed.headers.get('access-control-allow-origin');
      expect(allowOrigin === kit.origin, `the preflight from the allowed origin ${kit.origin} answered Access-Control-Allow-Origin ${allowOrigin ?? '(none)'}; it must echo the origin (pass --origin with an origin the backend allows)`);
      expect(allowed.headers.get('access-control-allow-credentials') === 'true', 'the preflight lacks Access-Control-Allow-Credentials: true (the element sends the session cookie)');
      const allowHeaders = (allowed.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      expect(allowHeaders.includes('idempotency-key') && allowHeaders.includes('content-type'), `the preflight allows the headers "${allowHeaders}", not Content-Type and Idempotency-Key`);
      const simple = await kit.backend.fetch(kit.backend.url('/status'), { headers: { Origin: kit.origin } }, kit.needSession());
      expect(simple.headers.get('access-control-allow-origin') === kit.origin, `GET /status from ${kit.origin} answered Access-Control-Allow-Origin ${simple.headers.get('access-control-allow-origin') ?? '(none)'}`);
      expect((simple.headers.get('access-control-expose-headers') ?? '').toLowerCase().includes('retry-after'), 'GET /status from an allowed origin does not expose Retry-After (Access-Control-Expose-Headers)');
      const foreign = 'https://not-allowed.conformance.invalid';
      for (const answer of [await preflight(foreign), await kit.backend.fetch(kit.backend.url('/status'), { headers: { Origin: foreign } }, kit.needSession())]) {
        const echoed = answer.headers.get('access-control-allow-origin');
        expect(echoed === null, `an answer to ${foreign} carries Access-Control-Allow-Origin ${echoed}; only the platform's page origins may get CORS`);
      }
    },
  },
];
