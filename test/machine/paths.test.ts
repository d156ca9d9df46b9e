import { expect } from '@esm-bundle/chai';
import type { EventObject } from 'xstate';
import { ApiError } from '../../src/api/api-error.js';
import { connectMachine } from '../../src/machine/connect-machine.js';
import { rateLimitWait } from '../../src/machine/retry-policy.js';
import type { ConnectSnapshot, StepMeta } from '../../src/machine/steps.js';
import type { ConnectEvent, ConnectInput } from '../../src/machine/types.js';
import type { BatchRecord } from '../../src/machine/batch-types.js';
import { deadEnds, describeEvent, expectNone, unreachedStateNodes, walkMachine } from './graph-walk.js';
import { administration, authorization, connection, organisation, page, redelivery, started, status } from './fakes.js';

/**
 * Path coverage of the connect machine (the Exact login, its child, has paths.sign-in.test.ts):
 * every state is reached, every event is tried from every reached state without a crash, and
 * from every reached state some path leads back to the connections or to done.
 */

const TODAY = '2025-06-15';
const input: ConnectInput = { createId: () => 'key-1', today: () => TODAY, loginTimeout: 60_000 };

const failure = (operation: string, status: number, retryAfter: number | null = null) =>
  new ApiError(status === 429 ? 'problem' : 'http', operation, status, null, retryAfter, 'walk');
/** A 409 saying the first request with this key still runs (no Retry-After): waited out like a 429. */
const inFlight = (operation: string) => new ApiError('problem', operation, 409, 'idempotency_key_in_flight', null, 'walk');

/** Everything the user (and the login child, and the prefetch) can send, with concrete payloads. */
const userEvents: ConnectEvent[] = [
  { type: 'user.openLogin' },
  { type: 'user.reuseGrant', authorization: authorization('grant-1') },
  { type: 'user.loginAsOther' },
  { type: 'user.loginSameTab' },
  { type: 'user.retry' },
  { type: 'user.back' },
  { type: 'user.cancel' },
  { type: 'user.newConnection' },
  { type: 'user.searchOrganisations', query: 'acme' },
  { type: 'user.loadMoreOrganisations' },
  { type: 'user.selectOrganisation', organisation: organisation('org-1') },
  { type: 'user.selectOrganisation', organisation: organisation('org-blocked', { blockers: [{ code: 'no_access' }] }) },
  { type: 'user.confirmOrganisation' },
  { type: 'user.chooseExact' },
  { type: 'user.loginAgain' },
  { type: 'user.continue' },
  { type: 'user.searchAdministrations', query: 'bv' },
  { type: 'user.loadMoreAdministrations' },
  { type: 'user.selectAdministration', administration: administration(101) },
  { type: 'user.selectAdministration', administration: administration(7, { blockedReason: 'blocked' }) },
  { type: 'user.selectBookingFlow', bookingFlow: 'advanced' },
  { type: 'user.selectBookingFlow', bookingFlow: 'simple' },
  { type: 'user.finish' },
  { type: 'user.redeliver', connection: connection('con-1') },
  { type: 'user.submitRedelivery', from: '2025-06-14' },
  { type: 'user.submitRedelivery', from: '2025-06-16' },
  { type: 'user.confirmRedelivery' },
  { type: 'user.changeRedeliveryDate' },
  { type: 'user.disconnect', connection: connection('con-1') },
  { type: 'user.confirmDisconnect' },
  { type: 'user.cancelDisconnect' },
  { type: 'user.reconnect', connection: connection('con-1', { status: 'needs_login' }) },
  { type: 'user.done' },
  { type: 'user.newBatch' },
  { type: 'user.tickBatchRow', organisationId: 'org-1', ticked: true },
  { type: 'user.tickBatchRow', organisationId: 'org-1', ticked: false },
  { type: 'user.tickAllBatchRows', ticked: true },
  { type: 'user.changeBatchRow', organisationId: 'org-2' },
  { type: 'user.searchBatchAdministrations', query: '10' },
  { type: 'user.chooseBatchAdministration', administration: administration(101, { kvk: '10000001' }) },
  { type: 'user.chooseBatchAdministration', administration: null },
  { type: 'user.chooseBatchAdministration', administration: administration(7, { blockedReason: 'blocked' }) },
  { type: 'user.closeBatchPicker' },
  { type: 'user.startBatch' },
  { type: 'user.stopBatch' },
  { type: 'user.retryFailedBatch' },
  { type: 'user.resumeSkippedBatch' },
  { type: 'user.redeliverBatch' },
  { type: 'prefetch.settled' },
  { type: 'signIn.failed', error: failure('startAuthorization', 503) },
  { type: 'signIn.leave', started: started('auth-1') },
];

const batchOrganisations = [organisation('org-1', { kvk: '10000001' }), organisation('org-2', { kvk: '10000002' })];
const batchDivisions = [administration(101, { kvk: '10000001' }), administration(102, { kvk: '10000002' })];

/** What each actor may answer: each success the machine tells apart, a failure, a 429 it sits out. */
const answers: Record<string, { outputs: unknown[]; errors: unknown[] }> = {
  getStatus: { outputs: [status(true), status(true, [connection('con-1')]), { ...status(true, []), connectableOrganisations: 1 }, status(false)], errors: [failure('getStatus', 503), failure('getStatus', 429, 5)] },
  listConnections: { outputs: [[connection('con-1')]], errors: [failure('listConnections', 503), failure('listConnections', 429, 5)] },
  listOrganisations: {
    outputs: [page([organisation('org-1')], 'next', 2), page([organisation('org-2')], null, 2)],
    errors: [failure('listOrganisations', 503), failure('listOrganisations', 429, 5)],
  },
  getAuthorization: {
    outputs: [authorization('auth-9', 'authorized'), authorization('auth-9', 'pending'), authorization('auth-9', 'denied'), authorization('auth-9', 'revoked')],
    errors: [failure('getAuthorization', 404), failure('getAuthorization', 503), failure('getAuthorization', 429, 5)],
  },
  listDivisions: {
    outputs: [page([administration(101)], 'next', 2), page([administration(102)], null, 2)],
    errors: [failure('listDivisions', 503), failure('listDivisions', 429, 5)],
  },
  createConnection: {
    outputs: [connection('con-new')],
    errors: [failure('createConnection', 409), failure('createConnection', 429, 5), inFlight('createConnection')],
  },
  // Documents to offer again, or none (nothing to confirm then).
  previewRedelivery: {
    outputs: [{ from: TODAY, documentCount: 3 }, { from: TODAY, documentCount: 0 }],
    errors: [failure('previewRedelivery', 422), failure('previewRedelivery', 429, 5)],
  },
  createRedelivery: {
    outputs: [redelivery(TODAY)],
    errors: [failure('createRedelivery', 422), failure('createRedelivery', 429, 5), inFlight('createRedelivery')],
  },
  // A 404 is a connection already gone.
  deleteConnection: {
    outputs: [undefined],
    errors: [failure('deleteConnection', 404), failure('deleteConnection', 503), failure('deleteConnection', 429, 5)],
  },
  // The login's output is its grant. It reports its own failures by `signIn.failed` (above).
  // A reconnect tells apart a grant that already repaired the connection and one that did not.
  signIn: { outputs: [authorization('auth-1'), { ...authorization('auth-2'), repointed: [{ connectionId: 'con-1', status: 'active' }] }], errors: [] },
  // The URL the administration step fetches ahead for `Opnieuw inloggen`; without it the login step prepares one.
  startAuthorization: { outputs: [started('auth-ahead')], errors: [failure('startAuthorization', 503)] },
  // Two organisations, each with its administration by KvK: a batch of two rows.
  loadBatchCandidates: {
    outputs: [{ organisations: batchOrganisations, divisions: batchDivisions }],
    errors: [failure('loadBatchCandidates', 503), failure('loadBatchCandidates', 429, 5)],
  },
  previewRedeliveries: {
    outputs: [{ from: TODAY, documentCount: 6 }, { from: TODAY, documentCount: 0 }],
    errors: [failure('previewRedelivery', 422)],
  },
  createRedeliveries: { outputs: [redelivery(TODAY)], errors: [failure('createRedelivery', 422), failure('createRedelivery', 429, 5)] },
  reauthorizeConnection: {
    outputs: [connection('con-1')],
    errors: [failure('reauthorizeConnection', 422), failure('reauthorizeConnection', 503), failure('reauthorizeConnection', 429, 5)],
  },
};

/** The answers of the actors running in this state, and the timers it has set. */
function actorAndTimerEvents(snapshot: ConnectSnapshot): EventObject[] {
  const events: EventObject[] = [];
  for (const [id, child] of Object.entries(snapshot.children as Record<string, { src: unknown } | undefined>)) {
    const src = String(child?.src);
    const answer = answers[src];
    if (!answer) throw new Error(`The walk has no answers for the actor "${src}" (${id}).`);
    for (const output of answer.outputs) events.push({ type: `xstate.done.actor.${id}`, output } as EventObject);
    for (const error of answer.errors) events.push({ type: `xstate.error.actor.${id}`, error } as EventObject);
  }
  const own = (snapshot as unknown as { _nodes: Array<{ ownEvents: string[] }> })._nodes.flatMap((node) => node.ownEvents);
  for (const type of new Set(own)) if (type.startsWith('xstate.after.')) events.push({ type });
  return events;
}

const events = (snapshot: ConnectSnapshot): EventObject[] => [...userEvents, ...actorAndTimerEvents(snapshot)];

/**
 * A state: its value, and what the guards and `!`s ahead of it read of the context, so the walk
 * stays finite and small. Left out everywhere: the status (only its answer is read), the run of
 * 429s (it only lengthens the wait), and the redelivery's connection and result (set on the way
 * into the redelivery, read only there) — but not its preview, which the confirmation and the
 * automatic retry read; and the connection being disconnected, set on the way into the
 * confirmation and read (`!`) while it is removed. Left out before the login: the grant and what comes of
 * it, which a new login forgets (`forgetGrant`) before anything reads them; outside the flow,
 * all of the flow, which the connections reset (`resetFlow`).
 */
const serialize = (snapshot: ConnectSnapshot): string => {
  const c = snapshot.context;
  const inFlow = snapshot.matches('flow');
  const granted = snapshot.matches({ flow: 'login' }) || snapshot.matches({ flow: 'administration' });
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    // Whether there is an error, and whether it is a 429 (or a key in flight) the machine sits out by itself (retry-policy).
    error: c.error ? (rateLimitWait(c.error)?.automatic ? 'waits' : 'shown') : null,
    resume: c.resume !== null,
    // The first overview takes the connections the status carried instead of asking.
    preloaded: c.preloadedConnections !== null,
    disconnecting: c.disconnecting !== null,
    // Set on the way into the reconnect and read (`!`) there; its grant is read by the reauthorize.
    ...(snapshot.matches('reconnect') && { reconnecting: c.reconnecting !== null, authorization: c.authorization?.id ?? null }),
    ...(snapshot.matches('redelivery') && {
      preview: c.redeliveryPreview ? (c.redeliveryPreview.documentCount > 0 ? 'documents' : 'none') : null,
      batch: c.redeliveryBatch.length,
    }),
    // The first overview's count of connectable organisations decides whether a batch is offered.
    ...(snapshot.matches('connections') && { connectable: c.status?.connectableOrganisations ?? null }),
    ...(snapshot.matches('batch') && {
      authorization: c.authorization?.id ?? null,
      table: c.batchTable && {
        ticked: [...c.batchTable.ticked].sort(),
        choices: [...c.batchTable.choices].map(([id, division]) => [id, division?.code ?? null]),
        changing: c.batchTable.changing,
      },
      run: c.batchRun && { rows: c.batchRun.rows.map((row) => row.status), stopping: c.batchRun.stopping },
    }),
    ...(inFlow && {
      organisation: c.organisation?.id ?? null,
      bookingFlow: c.bookingFlow,
      forceNewLogin: c.forceNewLogin,
      // The URL fetched ahead opens `Opnieuw inloggen` at once; the login step takes it.
      preparedLogin: c.preparedLogin !== null,
      loginAtOnce: c.loginAtOnce !== null,
      resumedProblem: c.resumedProblem,
      moreOrganisations: snapshot.matches({ flow: 'organisation' }) && c.organisations.nextCursor !== null,
    }),
    ...(granted && {
      authorization: c.authorization?.id ?? null,
      administration: c.administration?.code ?? null,
      key: c.idempotencyKey !== null,
      administrationsFetched: c.administrationsOf !== null && c.administrationsOf === c.authorization?.id,
      moreAdministrations: c.administrations.nextCursor !== null,
    }),
  });
};

const resume = {
  organisation: organisation('org-1'),
  authorizationId: 'auth-9',
  administration: administration(101),
  bookingFlow: 'simple' as const,
  idempotencyKey: 'key-kept',
};

/** The walk never starts an actor (it sends their answers), so the machine needs none provided. */
const machine = connectMachine;

type Walked = { start: ConnectInput; walk: ReturnType<typeof walkMachine<ConnectSnapshot>> };
let walked: Walked[] | null = null;
/** A batch run kept before a reload: one row made, one on its way, one not started. */
const batchResume: BatchRecord = {
  authorizationId: 'auth-9',
  rows: (['connected', 'working', 'pending'] as const).map((rowStatus, n) => ({
    organisation: { id: `org-${n + 1}`, name: `Org ${n + 1}` },
    division: { code: 101 + n, name: `Admin ${n + 1}` },
    idempotencyKey: `key-row-${n + 1}`,
    status: rowStatus,
    error: null,
    connection: rowStatus === 'connected' ? connection(`con-${n + 1}`) : null,
  })),
};

/** A fresh start, a start from a resume record (a reload, or back from the same-tab login) and one from a batch run; walked once, by the first test. */
const walks = (): Walked[] =>
  (walked ??= [input, { ...input, resume }, { ...input, batchResume }].map((start) => ({ start, walk: walkMachine<ConnectSnapshot>(machine, { input: start, events, serialize }) })));

const isHome = (snapshot: ConnectSnapshot) => snapshot.matches('connections') || snapshot.matches('done') || snapshot.status === 'done';

describe('connect machine: every path (xstate/graph)', () => {
  // Three starts walked in full (fresh, a resume record, a kept batch run): some seconds, more under
  // coverage's instrumentation than one test's 10 s allow; walked here, once, for all the tests below.
  before(function () {
    this.timeout(60_000);
    walks();
  });

  it('the walk is a real one: many states, every event tried in each', () => {
    for (const { walk } of walks()) {
      expect(walk.states.size, 'distinct states reached').to.be.greaterThan(100);
      for (const [key, { transitions }] of Object.entries(walk.adjacency)) {
        const tried = new Set(Object.values(transitions as object).map(({ event }: { event: EventObject }) => event.type));
        const untried = userEvents.map((event) => event.type).filter((type) => !tried.has(type));
        expect(untried, `events not tried in ${key}`).to.deep.equal([]);
      }
    }
  });

  it('reaches every state of the machine', function () {
    // The walks are computed by the first test that asks; on a loaded two-core machine that passes 10 s.
    this.timeout(60_000);
    const unreached = walks().map(({ start, walk }) => new Set(unreachedStateNodes(machine, walk, start)));
    const never = [...unreached[0]!].filter((id) => unreached.every((ids) => ids.has(id)));
    expectNone(never, 'states no path reaches');
  });

  it('no event crashes it in any state: no throw, no error snapshot', () => {
    const crashes = walks().flatMap(({ walk }) => walk.crashes.map((crash) => `${crash.event} in ${crash.state}: ${crash.error}`));
    expectNone(crashes, 'crashes (event in state: error)');
  });

  it('has no dead end: from every state a path leads back to the connections or to done', () => {
    const stuck = walks().flatMap(({ walk }) =>
      deadEnds(walk, isHome, serialize).map((key) => `${key}\n  reached by: ${walk.pathTo(key).join(' → ')}`),
    );
    expectNone(stuck, 'dead ends');
  });

  it('every state at rest says which view it shows (meta), and the flow steps their number', () => {
    const silent: string[] = [];
    for (const { walk } of walks()) {
      for (const [key, snapshot] of walk.states) {
        const metas = Object.values(snapshot.getMeta() as Record<string, StepMeta | undefined>).filter((meta) => meta?.view);
        if (metas.length !== 1) silent.push(`${key}: ${metas.length} views`);
        else if (snapshot.matches('flow') && typeof metas[0]!.step !== 'number') silent.push(`${key}: no step number`);
      }
    }
    expectNone(silent, 'states without one view, or a flow step without its number');
  });

  it('names each crash by its state and event (so a failure here says where to look)', () => {
    expect(describeEvent({ type: 'user.finish' })).to.equal('user.finish');
    expect(describeEvent({ type: 'xstate.error.actor.x', error: failure('createConnection', 409) } as EventObject)).to.equal(
      'xstate.error.actor.x {"error":"ApiError(409)"}',
    );
  });
});
