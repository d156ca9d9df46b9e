import type { BackendAnswer } from '../backend-client.js';
import { describeAnswer, expect, Failure, Skip, type Kit } from '../kit.js';
import type { Check } from './check.js';

const CONCURRENT = 20;
/** Past the access token's 10 minutes (and the 9.5 before which Exact refuses a refresh). */
const PAST_EXPIRY_MS = 10 * 60_000 + 5_000;

const statusOf = (answer: BackendAnswer) => (answer.json as { status?: string } | undefined)?.status;

function expectHealth(answer: BackendAnswer, health: string, what: string): void {
  expect(answer.status === 200, `${what}: GET /connections/{id} answered ${describeAnswer(answer)}, not 200 with status ${health}`);
  expect(statusOf(answer) === health, `${what}: the connection's status is ${statusOf(answer)}, not ${health}`);
}

export const exactHealthChecks: Check[] = [
  {
    name: `expired access token: ${CONCURRENT} concurrent GET /connections/{id} make one token call`,
    async run(kit) {
      const connection = kit.needConnection();
      await kit.exact.advanceClock(PAST_EXPIRY_MS);
      const before = (await kit.exact.counters()).tokenCalls.refresh_token;
      const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => kit.backend.call('getConnection', { session: kit.needSession(), params: { connectionId: connection.id } })));
      const calls = (await kit.exact.counters()).tokenCalls.refresh_token - before;
      const wrong = answers.filter((answer) => answer.status !== 200 || statusOf(answer) !== 'active');
      const answered = `${wrong.length} of ${CONCURRENT} answered ${[...new Set(wrong.map((answer) => (answer.status === 200 ? `status ${statusOf(answer)}` : describeAnswer(answer))))].join(', ')}, not 200 active`;
      expect(calls === 1, `${CONCURRENT} concurrent calls with an expired access token made ${calls} refresh token calls at Exact, not 1 (two at once kill the chain: "Old refresh token used")${wrong.length ? `; ${answered}` : ''}`);
      if (wrong.length) throw new Failure(answered);
    },
  },
  {
    name: 'Exact 429: passed on as 429 rate_limited with Retry-After',
    async run(kit) {
      const connection = kit.needConnection();
      // Without Exact's rate-limit headers: the backend must still tell the element how long to wait.
      await kit.exact.fault({ kind: 'rateLimitExhausted', window: 'minutely', withoutHeaders: true });
      const answer = await kit.backend.call('getConnection', { session: kit.needSession(), params: { connectionId: connection.id } });
      const unmet = await kit.exact.pendingFaults();
      // The simulator's minute is used up now; the next one starts fresh.
      await kit.exact.advanceClock(61_000);
      expect(unmet.length === 0, 'GET /connections/{id} did not call Exact\'s REST API, though the contract says it checks the health with Exact');
      expect(answer.status === 429 && answer.code === 'rate_limited', `Exact's 429 became ${describeAnswer(answer)}, not 429 rate_limited`);
      expect(answer.headers.get('retry-after'), "Exact's 429 was passed on without Retry-After");
      return `Retry-After: ${answer.headers.get('retry-after')}`;
    },
  },
  {
    name: "Exact's HTML 401: not the platform's 401 nor a crash, and the grant survives it",
    async run(kit) {
      const connection = kit.needConnection();
      await kit.exact.fault({ kind: 'accessTokenRejected' });
      const answer = await kit.connectionHealth(connection.id);
      expect(answer.status !== 401, "Exact's HTML 401 was passed on as 401: the host would renew its platform session for nothing");
      expect(answer.status === 200 || (answer.status === 503 && answer.code === 'exact_unavailable'), `Exact's HTML 401 became ${describeAnswer(answer)}; expected 200 with the health found, or 503 exact_unavailable`);
      expect((await kit.exact.pendingFaults()).length === 0, 'GET /connections/{id} did not call Exact\'s REST API, though the contract says it checks the health with Exact');
      const next = await kit.connectionHealth(connection.id);
      expectHealth(next, 'active', 'the call after the HTML 401');
      return answer.status === 200 ? `200 ${statusOf(answer)}` : '503 exact_unavailable';
    },
  },
  {
    name: "Exact's 403 with Reason DivisionBlocked: the connection's status is division_unavailable",
    async run(kit) {
      const connection = kit.concurrentConnection;
      if (!connection) throw new Skip('no second connection (the concurrent idempotency check failed)');
      await kit.exact.fault({ kind: 'divisionUnavailable', division: connection.divisionCode, reason: 'DivisionBlocked' });
      const answer = await kit.connectionHealth(connection.id);
      expectHealth(answer, 'division_unavailable', `administration ${connection.divisionCode} blocked in Exact`);
    },
  },
  {
    name: 'old refresh token (Exact: "Old refresh token used."): the connection needs_login',
    async run(kit) {
      const connection = kit.needConnection();
      await kit.exact.advanceClock(PAST_EXPIRY_MS);
      await kit.exact.fault({ kind: 'tokenFails', grant: 'refresh_token', status: 401, error: 'unauthorized_client', description: 'Old refresh token used.' });
      const answer = await kit.connectionHealth(connection.id);
      expectHealth(answer, 'needs_login', 'after "Old refresh token used."');
      const listed = await kit.backend.call('listConnections', { session: kit.needSession() });
      const stored = (listed.json as { items?: { id: string; status: string }[] } | undefined)?.items?.find((item) => item.id === connection.id);
      expect(stored?.status === 'needs_login', `GET /connections (the stored health) shows the connection as ${stored?.status ?? 'missing'}, not needs_login`);
    },
  },
];
