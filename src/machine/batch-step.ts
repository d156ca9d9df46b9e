import { assign, emit } from 'xstate';
import { connectSetup } from './connect-setup.js';
import { failedRequest, retryWhenRateLimited, toApiError } from './requests.js';
import {
  firstTable,
  madeConnections,
  nextRow,
  planRun,
  withAllTicked,
  withChoice,
  withFailedAgain,
  withSkippedAgain,
  withRestSkipped,
  withRow,
  withTick,
} from './batch-run.js';
import type { ConnectContext, ConnectEvent } from './types.js';

const toSignIn = { actions: 'forwardToSignIn' } as const;

/** Kept for a reload after every change of the run: the record says where to resume. */
const keepBatch = { type: 'saveBatch', params: ({ context }: { context: ConnectContext }) => ({ authorizationId: context.batchRun!.authorizationId, rows: context.batchRun!.rows }) } as const;

type Event<T extends ConnectEvent['type']> = Extract<ConnectEvent, { type: T }>;
const eventOf = <T extends ConnectEvent['type']>(event: ConnectEvent) => event as Event<T>;

/** The row on its way: the run's first row not made yet. */
const current = (context: ConnectContext) => nextRow(context.batchRun)!;

/**
 * `Meerdere administraties koppelen`: one Exact login, a table that matches every connectable
 * organisation to an administration (the user ticks what is right, batch-match.ts proposes), and
 * `Alles koppelen`: one request per ticked row, one at a time (Exact's 60 calls a minute are the
 * account's), each with its own idempotency key, so no row is ever connected twice — not after a
 * retry, not after a reload mid-way (the run is kept in this tab and resumed).
 */
export const batchStep = connectSetup.createStateConfig({
  initial: 'signingIn',
  on: {
    'user.cancel': { target: '#connect.connections', actions: ['emitCancelled', 'clearBatch', assign({ batchTable: null, batchRun: null, authorization: null })] },
  },
  states: {
    /** The login, with every guarantee of the login step; an existing grant of the same Exact user is offered first. */
    signingIn: {
      meta: { view: 'batch' },
      entry: 'forgetGrant',
      invoke: {
        id: 'signIn',
        src: 'signIn',
        input: ({ context }) => ({
          loginTimeout: context.loginTimeout,
          forceNewLogin: false,
          // No one organisation: the login is on the account's usual host.
          organisationId: null,
          problem: null,
          // Nothing to resume a batch's table from after leaving the page: a blocked popup is opened again.
          sameTab: false,
        }),
        onDone: { target: 'loading', actions: assign({ authorization: ({ event }) => event.output }) },
      },
      on: {
        'user.openLogin': toSignIn,
        'user.reuseGrant': toSignIn,
        'user.loginAsOther': toSignIn,
        'user.retry': toSignIn,
        'signIn.failed': { actions: 'reportLoginError' },
      },
    },
    /** Every organisation of the account and every administration of the grant: the matching needs them all. */
    loading: {
      meta: { view: 'batch' },
      exit: 'endRateLimitRun',
      invoke: {
        src: 'loadBatchCandidates',
        input: ({ context }) => ({ authorizationId: context.authorization!.id }),
        onDone: { target: 'choosing', actions: assign({ batchTable: ({ event }) => firstTable(event.output) }) },
        onError: { target: 'loadFailed', actions: failedRequest('loadBatchCandidates') },
      },
    },
    loadFailed: { meta: { view: 'batch' }, ...retryWhenRateLimited, on: { 'user.retry': { target: 'loading', actions: 'clearError' } } },
    /** The table: the user ticks each row that is right, changes what is not, and starts. */
    choosing: {
      meta: { view: 'batch' },
      on: {
        'user.tickBatchRow': {
          actions: assign({ batchTable: ({ context, event }) => withTick(context.batchTable!, eventOf<'user.tickBatchRow'>(event).organisationId, eventOf<'user.tickBatchRow'>(event).ticked) }),
        },
        'user.tickAllBatchRows': { actions: assign({ batchTable: ({ context, event }) => withAllTicked(context.batchTable!, eventOf<'user.tickAllBatchRows'>(event).ticked) }) },
        'user.changeBatchRow': {
          actions: assign({ batchTable: ({ context, event }) => ({ ...context.batchTable!, changing: eventOf<'user.changeBatchRow'>(event).organisationId, query: '' }) }),
        },
        'user.searchBatchAdministrations': {
          actions: assign({ batchTable: ({ context, event }) => ({ ...context.batchTable!, query: eventOf<'user.searchBatchAdministrations'>(event).query }) }),
        },
        'user.chooseBatchAdministration': {
          guard: { type: 'isBatchChoiceAllowed', params: ({ event }) => eventOf<'user.chooseBatchAdministration'>(event).administration },
          actions: assign({
            batchTable: ({ context, event }) =>
              withChoice(context.batchTable!, context.batchTable!.changing!, eventOf<'user.chooseBatchAdministration'>(event).administration),
          }),
        },
        'user.closeBatchPicker': { actions: assign({ batchTable: ({ context }) => ({ ...context.batchTable!, changing: null, query: '' }) }) },
        'user.startBatch': {
          guard: 'canStartBatch',
          target: 'running',
          actions: [
            assign({ batchRun: ({ context }) => planRun(context.batchTable!, context.authorization!.id, context.createId) }),
            assign({ batchTable: ({ context }) => ({ ...context.batchTable!, changing: null }) }),
            keepBatch,
          ],
        },
      },
    },
    /** `Alles koppelen`: row after row; a stop ends after the row on its way. */
    running: {
      meta: { view: 'batch' },
      initial: 'next',
      on: {
        'user.stopBatch': { actions: assign({ batchRun: ({ context }) => ({ ...context.batchRun!, stopping: true }) }) },
        // Leaving now would leave a row half-known: stop after it instead (the view offers that).
        'user.cancel': { actions: [] },
      },
      states: {
        next: {
          always: [
            { guard: 'isBatchStopping', target: '#connect.batch.summary', actions: [assign({ batchRun: ({ context }) => withRestSkipped(context.batchRun!) }), keepBatch] },
            { guard: 'hasNextBatchRow', target: 'creating' },
            { target: '#connect.batch.summary' },
          ],
        },
        creating: {
          entry: [assign({ batchRun: ({ context }) => withRow(context.batchRun!, current(context).organisation.id, { status: 'working' }) }), keepBatch],
          exit: 'endRateLimitRun',
          invoke: {
            src: 'createConnection',
            input: ({ context }) => {
              const row = current(context);
              return {
                organisationId: row.organisation.id,
                authorizationId: context.batchRun!.authorizationId,
                divisionCode: row.division.code,
                bookingFlow: 'simple' as const,
                idempotencyKey: row.idempotencyKey,
              };
            },
            onDone: {
              target: 'next',
              actions: [
                assign({ batchRun: ({ context, event }) => withRow(context.batchRun!, current(context).organisation.id, { status: 'connected', connection: event.output, error: null }) }),
                assign({ error: null }),
                keepBatch,
                emit(({ event }) => ({ type: 'connected' as const, connection: event.output })),
              ],
            },
            onError: [
              {
                guard: { type: 'isPacedFailure', params: ({ event }: { event: { error: unknown } }) => event.error },
                target: 'waiting',
                actions: { type: 'rememberError', params: ({ event }) => ({ error: event.error, operation: 'createConnection' }) },
              },
              {
                target: 'next',
                actions: [
                  assign({
                    batchRun: ({ context, event }) =>
                      withRow(context.batchRun!, current(context).organisation.id, { status: 'failed', error: toApiError(event.error, 'createConnection') }),
                  }),
                  keepBatch,
                  emit(({ event }) => ({ type: 'failed' as const, error: toApiError(event.error, 'createConnection') })),
                ],
              },
            ],
          },
        },
        /** Exact's pace: the wait the backend passed on (Retry-After), bounded; the same row, the same key, after it. */
        waiting: {
          after: { retryAfter: { guard: 'isRetriedAutomatically', target: 'creating' } },
          on: {
            'user.retry': 'creating',
            'user.stopBatch': { target: '#connect.batch.summary', actions: [assign({ batchRun: ({ context }) => withRestSkipped(context.batchRun!), error: null }), keepBatch] },
          },
        },
      },
    },
    /** The end: connected, failed (each with its reason), skipped; the failed ones can be tried again alone. */
    // A view of its own, so focus goes to what the run came to (a new step, for the focus policy).
    summary: {
      meta: { view: 'batchSummary' },
      entry: assign({ error: null }),
      on: {
        'user.retryFailedBatch': { guard: 'hasFailedBatchRows', target: 'running', actions: [assign({ batchRun: ({ context }) => withFailedAgain(context.batchRun!) }), keepBatch] },
        // Skipped after a stop; after a lapsed login they would need a new login, so only on the grant that still stands.
        'user.resumeSkippedBatch': {
          guard: 'canResumeSkippedBatch',
          target: 'running',
          actions: [assign({ batchRun: ({ context }) => withSkippedAgain(context.batchRun!) }), keepBatch],
        },
        'user.done': { target: '#connect.connections', actions: ['rememberBatchMade', 'clearBatch'] },
        'user.cancel': { target: '#connect.connections', actions: ['rememberBatchMade', 'clearBatch'] },
        'user.redeliverBatch': {
          guard: 'hasBatchConnections',
          target: '#connect.redelivery',
          actions: [
            assign(({ context }) => {
              const made = madeConnections(context.batchRun);
              return { redeliveryConnection: made[0] ?? null, redeliveryBatch: made, redeliveryAttempt: null };
            }),
            'rememberBatchMade',
            'clearBatch',
          ],
        },
      },
    },
    /** After a reload mid-way: the grant is asked about, then the run goes on where it was. */
    resuming: {
      meta: { view: 'batch' },
      // The status answered before the run went on: the overview after it asks for the connections afresh.
      entry: assign({ preloadedConnections: null }),
      always: { guard: ({ context }) => !nextRow(context.batchRun), target: 'summary' },
      exit: 'endRateLimitRun',
      invoke: {
        src: 'getAuthorization',
        input: ({ context }) => ({ authorizationId: context.batchRun!.authorizationId }),
        onDone: [
          { guard: { type: 'isResumedAuthorized', params: ({ event }) => event.output.status }, target: 'running', actions: assign({ authorization: ({ event }) => event.output }) },
          // The login lapsed meanwhile: what was made stays; what was not is skipped, to be connected with a new login.
          { target: 'summary', actions: [assign({ batchRun: ({ context }) => withRestSkipped(context.batchRun!) }), keepBatch] },
        ],
        onError: [
          { guard: { type: 'isNotFound', params: ({ event }: { event: { error: unknown } }) => event.error }, target: 'summary', actions: [assign({ batchRun: ({ context }) => withRestSkipped(context.batchRun!) }), keepBatch] },
          { target: 'resumeFailed', actions: failedRequest('getAuthorization') },
        ],
      },
    },
    resumeFailed: { meta: { view: 'batch' }, ...retryWhenRateLimited, on: { 'user.retry': { target: 'resuming', actions: 'clearError' } } },
  },
});
