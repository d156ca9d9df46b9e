import { and, assign } from 'xstate';
import type { ConnectEvent } from './types.js';
import { administrationStep } from './administration-step.js';
import { connectSetup, emptyList, todayUtc } from './connect-setup.js';
import { loginStep } from './login-step.js';
import { reconnectStep } from './reconnect-step.js';
import { batchStep } from './batch-step.js';
import { pagedList } from './paged-list.js';
import { failedRequest, retryWhenRateLimited } from './requests.js';
import { loginProblemOf } from './sign-in-machine.js';
import { DEFAULT_LOGIN_TIMEOUT_MS } from './timing.js';

export { DEFAULT_LOGIN_TIMEOUT_MS, SEARCH_DEBOUNCE_MS, POPUP_CLOSED_GRACE_MS, SEVERED_WINDOW_MS, CHECK_GAP_MS } from './timing.js';
export { UNSEEN_POLL_FIRST_MS, UNSEEN_POLL_MAX_MS } from './timing.js';

/**
 * The whole connect flow, and the one place where it is decided. It imports no DOM, no fetch
 * and no Lit: every side effect is an actor or action named in connect-setup.ts and supplied with
 * `.provide()` — the real ones by the element (effects.ts), fakes by the tests. The steps with
 * most to decide have their own files: the login (login-step.ts, whose login itself is the child
 * machine in sign-in-machine.ts) and the administration (administration-step.ts).
 */

const organisations = pagedList({ list: 'organisations', src: 'listOrganisations' });

const toRedelivery = {
  target: '#connect.redelivery',
  actions: { type: 'chooseRedelivery', params: ({ event }: { event: ConnectEvent }) => (event as Extract<ConnectEvent, { type: 'user.redeliver' }>).connection },
} as const;

type SubmitRedelivery = Extract<ConnectEvent, { type: 'user.submitRedelivery' }>;
const submitRedelivery = {
  guard: { type: 'isRedeliveryDateAllowed', params: ({ event }: { event: ConnectEvent }) => (event as SubmitRedelivery).from },
  target: '#connect.redelivery.previewing',
  actions: { type: 'keyRedelivery', params: ({ event }: { event: ConnectEvent }) => (event as SubmitRedelivery).from },
} as const;

export const connectMachine = connectSetup.createMachine({
  id: 'connect',
  context: ({ input }) => ({
    status: null,
    connections: [],
    preloadedConnections: null,
    organisations: emptyList(),
    organisation: null,
    authorization: null,
    administrations: emptyList(),
    administrationsOf: null,
    administration: null,
    bookingFlow: 'simple',
    idempotencyKey: null,
    connection: null,
    disconnecting: null,
    disconnected: null,
    madeConnection: null,
    madeConnections: [],
    batchTable: null,
    batchRun: null,
    batchResume: input.batchResume ?? null,
    redeliveryConnection: null,
    redeliveryBatch: [],
    redeliveryPreview: null,
    redelivery: null,
    redeliveryAttempt: null,
    error: null,
    loginTimeout: input.loginTimeout ?? DEFAULT_LOGIN_TIMEOUT_MS,
    createId: input.createId,
    today: input.today ?? todayUtc,
    forceNewLogin: false,
    preparedLogin: null,
    loginAtOnce: null,
    reconnecting: null,
    reconnected: null,
    now: input.now ?? Date.now,
    resume: input.resume ?? null,
    resumedProblem: null,
    rateLimited: 0,
  }),
  initial: 'checkingStatus',
  states: {
    /** Is the Autopilot app installed on this account? */
    checkingStatus: {
      meta: { view: 'checkingStatus' },
      entry: 'clearError',
      exit: 'endRateLimitRun',
      invoke: {
        src: 'getStatus',
        onDone: [
          {
            guard: { type: 'isAutopilotInstalled', params: ({ event }) => event.output },
            target: 'installed',
            actions: assign({ status: ({ event }) => event.output, preloadedConnections: ({ event }) => event.output.connections?.items ?? null }),
          },
          { target: 'notInstalled', actions: assign({ status: ({ event }) => event.output }) },
        ],
        onError: { target: 'statusFailed', actions: failedRequest('getStatus') },
      },
    },
    installed: {
      always: [
        { guard: 'hasBatchResume', target: 'batch.resuming', actions: 'takeBatchResume' },
        { guard: 'hasResume', target: 'resuming' },
        { target: 'connections' },
      ],
    },
    // A flow that cannot start cannot resume either: the record goes (the user starts afresh).
    statusFailed: { meta: { view: 'statusFailed' }, entry: 'clearResume', ...retryWhenRateLimited, on: { 'user.retry': 'checkingStatus' } },

    /**
     * After a reload or the same-tab login: continue where the user was, once the backend
     * confirms the grant. Only ids and names were kept, never a code or token.
     */
    resuming: {
      meta: { view: 'resuming' },
      // The overview after a resume is a later return: it asks for the connections afresh.
      entry: assign({ preloadedConnections: null }),
      exit: 'endRateLimitRun',
      invoke: {
        src: 'getAuthorization',
        input: ({ context }) => ({ authorizationId: context.resume!.authorizationId }),
        onDone: [
          {
            guard: { type: 'isResumedAuthorized', params: ({ event }) => event.output.status },
            target: 'flow.administration',
            actions: assign(({ context, event }) => ({
              authorization: event.output,
              organisation: context.resume!.organisation,
              administration: context.resume!.administration,
              bookingFlow: context.resume!.bookingFlow,
              idempotencyKey: context.resume!.idempotencyKey,
              resume: null,
            })),
          },
          // Refused or lapsed while the page was away (the same-tab login): say so, as for a popup,
          // on the login step of the organisation the user chose, with a fresh login one click away.
          {
            guard: { type: 'isResumedSettled', params: ({ event }) => event.output.status },
            target: 'flow.login',
            actions: assign(({ context, event }) => ({
              organisation: context.resume!.organisation,
              resumedProblem: loginProblemOf(event.output.status),
              resume: null,
            })),
          },
          { target: 'connections' },
        ],
        onError: [
          // The backend no longer knows the grant: nothing to resume, start afresh.
          { guard: { type: 'isNotFound', params: ({ event }: { event: { error: unknown } }) => event.error }, target: 'connections' },
          { target: 'resumeFailed', actions: failedRequest('getAuthorization') },
        ],
      },
    },
    resumeFailed: {
      meta: { view: 'resuming' },
      ...retryWhenRateLimited,
      on: { 'user.retry': 'resuming', 'user.cancel': { target: 'connections', actions: 'emitCancelled' } },
    },
    notInstalled: { meta: { view: 'notInstalled' }, entry: 'clearResume', on: { 'user.retry': 'checkingStatus' } },

    /** The overview: the active connections, and the way to start a new one. */
    connections: {
      meta: { view: 'connections' },
      initial: 'entering',
      entry: ['resetFlow', 'clearResume'],
      states: {
        /** The first overview uses the connections the status carried; every later one asks (listConnections). */
        entering: {
          always: [
            {
              guard: 'hasPreloadedConnections',
              target: 'list',
              actions: assign(({ context }) => ({ connections: context.preloadedConnections!, preloadedConnections: null })),
            },
            { target: 'loading' },
          ],
        },
        loading: {
          exit: 'endRateLimitRun',
          invoke: {
            src: 'listConnections',
            onDone: { target: 'list', actions: assign({ connections: ({ event }) => event.output }) },
            onError: { target: 'failed', actions: failedRequest('listConnections') },
          },
        },
        list: {
          on: {
            'user.newConnection': { guard: 'canStartConnection', target: '#connect.flow', actions: 'forgetOverviewNotes' },
            'user.newBatch': { guard: and(['canStartConnection', 'canOfferBatch']), target: '#connect.batch', actions: 'forgetOverviewNotes' },
            'user.redeliver': toRedelivery,
            'user.disconnect': { target: 'confirmingDisconnect', actions: ['forgetOverviewNotes', assign({ disconnecting: ({ event }) => event.connection })] },
            'user.reconnect': { target: '#connect.reconnect', actions: ['forgetOverviewNotes', assign({ reconnecting: ({ event }) => event.connection })] },
          },
        },
        failed: { ...retryWhenRateLimited, on: { 'user.retry': { target: 'loading', actions: 'clearError' } } },
        /** `Verbinding verbreken` asks first: which connection, and that invoices stop reaching Exact Online. */
        confirmingDisconnect: {
          on: {
            'user.confirmDisconnect': 'disconnecting',
            'user.cancelDisconnect': { target: 'list', actions: assign({ disconnecting: null }) },
          },
        },
        disconnecting: {
          exit: 'endRateLimitRun',
          invoke: {
            src: 'deleteConnection',
            input: ({ context }) => ({ connectionId: context.disconnecting!.id }),
            onDone: {
              target: 'loading',
              actions: [
                'emitDisconnected',
                // Gone from the list at once; the reload then confirms what the backend has.
                assign(({ context }) => ({
                  connections: context.connections.filter((connection) => connection.id !== context.disconnecting!.id),
                  disconnected: context.disconnecting,
                  disconnecting: null,
                })),
              ],
            },
            onError: [
              // Already gone (another tab, a colleague): the list says so by no longer showing it.
              {
                guard: { type: 'isNotFound', params: ({ event }: { event: { error: unknown } }) => event.error },
                target: 'loading',
                actions: assign(({ context }) => ({ disconnected: context.disconnecting, disconnecting: null })),
              },
              { target: 'disconnectFailed', actions: failedRequest('deleteConnection') },
            ],
          },
        },
        disconnectFailed: {
          ...retryWhenRateLimited,
          on: {
            'user.retry': { target: 'disconnecting', actions: 'clearError' },
            'user.cancelDisconnect': { target: 'list', actions: [assign({ disconnecting: null }), 'clearError'] },
          },
        },
      },
    },

    /** Steps 1–4: everything between `New Connection` and `Afronden`; cancel leaves it from anywhere. */
    flow: {
      initial: 'organisation',
      on: { 'user.cancel': { target: 'connections', actions: 'emitCancelled' } },
      states: {
        /** Step 1 of 5: which organisation to connect. */
        organisation: {
          meta: { view: 'organisation', step: 1 },
          initial: 'loading',
          on: { 'user.back': '#connect.connections', 'user.searchOrganisations': organisations.search },
          states: {
            ...organisations.states,
            ready: {
              on: {
                'user.loadMoreOrganisations': organisations.loadMore,
                'user.selectOrganisation': {
                  guard: { type: 'isOrganisationSelectable', params: ({ event }) => event.organisation },
                  actions: assign({ organisation: ({ event }) => event.organisation }),
                },
                'user.confirmOrganisation': { guard: 'hasOrganisation', target: '#connect.flow.system' },
              },
            },
          },
        },
        /** Step 2 of 5: which bookkeeping system; Exact Online is the one this element connects. */
        system: { meta: { view: 'system', step: 2 }, on: { 'user.back': 'organisation', 'user.chooseExact': 'login' } },
        login: loginStep,
        administration: administrationStep,
      },
    },

    /** `Meerdere administraties koppelen`: one login, a matching table, `Alles koppelen`. */
    batch: batchStep,

    /** `Opnieuw verbinden`: one login repairs a connection (and the others of that Exact user) in place. */
    reconnect: reconnectStep,

    /** Step 5 of 5: connected. Earlier documents can be offered again. */
    done: {
      meta: { view: 'done', step: 5 },
      on: {
        // Back on the overview the new connection is the one highlighted (and focused).
        'user.done': { target: 'connections', actions: assign({ madeConnection: ({ context }) => context.connection?.id ?? null }) },
        'user.redeliver': toRedelivery,
      },
    },

    /** `API-download opnieuw aanbieden`: offer documents received since a date again. */
    redelivery: {
      meta: { view: 'redelivery' },
      initial: 'editing',
      entry: assign({ redelivery: null, redeliveryPreview: null, error: null }),
      on: { 'user.back': 'connections', 'user.done': 'connections' },
      states: {
        editing: { on: { 'user.submitRedelivery': submitRedelivery } },
        /** How many documents that date would offer again, before anything is sent. */
        previewing: {
          // An earlier attempt's preview is not this date's: the automatic retry reads it as "confirmed".
          entry: assign({ redeliveryPreview: null }),
          exit: 'endRateLimitRun',
          initial: 'routing',
          states: {
            routing: { always: [{ guard: 'isBatchRedelivery', target: 'many' }, { target: 'one' }] },
            one: {
              invoke: {
                src: 'previewRedelivery',
                input: ({ context }) => ({ organisationId: context.redeliveryConnection!.organisation.id, from: context.redeliveryAttempt!.from }),
                onDone: { target: '#connect.redelivery.confirming', actions: assign({ redeliveryPreview: ({ event }) => event.output }) },
                onError: { target: '#connect.redelivery.failed', actions: failedRequest('previewRedelivery') },
              },
            },
            /** A batch's connections: one count for all, from one date. */
            many: {
              invoke: {
                src: 'previewRedeliveries',
                input: ({ context }) => ({ organisationIds: context.redeliveryBatch.map((made) => made.organisation.id), from: context.redeliveryAttempt!.from }),
                onDone: { target: '#connect.redelivery.confirming', actions: assign({ redeliveryPreview: ({ event }) => event.output }) },
                onError: { target: '#connect.redelivery.failed', actions: failedRequest('previewRedelivery') },
              },
            },
          },
        },
        /** The count, and a confirmation before the documents are offered again (none: nothing to confirm). */
        confirming: {
          on: {
            'user.confirmRedelivery': { guard: 'hasDocumentsToRedeliver', target: 'submitting' },
            'user.changeRedeliveryDate': { target: 'editing', actions: assign({ redeliveryPreview: null }) },
          },
        },
        submitting: {
          exit: 'endRateLimitRun',
          initial: 'routing',
          states: {
            routing: { always: [{ guard: 'isBatchRedelivery', target: 'many' }, { target: 'one' }] },
            one: {
              invoke: {
                src: 'createRedelivery',
                input: ({ context }) => ({
                  organisationId: context.redeliveryConnection!.organisation.id,
                  from: context.redeliveryAttempt!.from,
                  idempotencyKey: context.redeliveryAttempt!.idempotencyKey,
                }),
                onDone: { target: '#connect.redelivery.submitted', actions: assign({ redelivery: ({ event }) => event.output }) },
                onError: { target: '#connect.redelivery.failed', actions: failedRequest('createRedelivery') },
              },
            },
            /** One request per organisation, each key derived from the attempt's: a retry sends the same ones. */
            many: {
              invoke: {
                src: 'createRedeliveries',
                input: ({ context }) => ({
                  requests: context.redeliveryBatch.map((made, index) => ({ organisationId: made.organisation.id, idempotencyKey: `${context.redeliveryAttempt!.idempotencyKey}-${index}` })),
                  from: context.redeliveryAttempt!.from,
                }),
                onDone: { target: '#connect.redelivery.submitted', actions: assign({ redelivery: ({ event }) => event.output }) },
                onError: { target: '#connect.redelivery.failed', actions: failedRequest('createRedelivery') },
              },
            },
          },
        },
        submitted: {},
        failed: {
          // A wait the element sits out sends the same attempt again (its key kept); the user's own
          // `Opnieuw proberen` goes back to the date first.
          // A failed preview is asked again; a failed submit (confirmed already) is sent again.
          after: {
            retryAfter: [
              { guard: and(['isRetriedAutomatically', 'hasRedeliveryPreview']), target: 'submitting' },
              { guard: 'isRetriedAutomatically', target: 'previewing' },
            ],
          },
          on: {
            'user.retry': { target: 'editing', actions: 'clearError' },
            'user.submitRedelivery': submitRedelivery,
            'user.changeRedeliveryDate': { target: 'editing', actions: ['clearError', assign({ redeliveryPreview: null })] },
          },
        },
      },
    },
  },
});

export type ConnectMachine = typeof connectMachine;
