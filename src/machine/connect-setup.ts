import { assign, emit, forwardTo, fromPromise, raise, setup } from 'xstate';
import type { Authorization, BookingFlow, Connection, Division, DivisionPage, Organisation, Redelivery, RedeliveryPreview, StartedAuthorization, Status } from '../api/types.js';
import { isRetriedAutomatically, notProvided, rateLimitRunAfter, rememberedError, retryDelay } from './requests.js';
import { finishRefusal } from './finish-refusal.js';
import { blocksNewConnection } from './prerequisites.js';
import { canStartBatch, countOf, isBatchChoiceAllowed, isPaced, madeConnections, nextRow, resumedRun } from './batch-run.js';
import type { BatchCandidates, BatchRecord } from './batch-types.js';
import { reconnectedBy } from './reconnected.js';
import { signInMachine } from './sign-in-machine.js';
import { SEARCH_DEBOUNCE_MS } from './timing.js';
import type {
  AdministrationPageRequest,
  ConnectContext,
  ConnectEmitted,
  ConnectEvent,
  ConnectInput,
  CreateConnectionInput,
  ListState,
  Page,
  PageRequest,
  ResumeRecord,
  StartAuthorizationInput,
} from './types.js';

/** The two searchable lists of the flow, by their context key. */
export type ListKey = 'organisations' | 'administrations';

export const emptyList = <T>(): ListState<T> => ({ query: '', items: [], total: 0, nextCursor: null });

/** A search's first page replaces the list (the query it was asked with stays); a further page is appended. */
const withPage = <T>(list: ListState<T>, page: Page<T>, append: boolean): ListState<T> => ({
  query: list.query,
  items: append ? [...list.items, ...page.items] : page.items,
  nextCursor: page.nextCursor,
  // Optional in the contract: Exact pages its administrations forward only, so a backend may not know it.
  total: page.total ?? null,
});

/** What every administrations page is asked with besides query and cursor: the grant, and the organisation for suggestions. */
export const administrationsScope = (context: ConnectContext): { authorizationId: string; organisationId?: string } => ({
  authorizationId: context.authorization!.id,
  ...(context.organisation ? { organisationId: context.organisation.id } : {}),
});

/**
 * Organisations that can still be connected: the backend's count (`Status.connectableOrganisations`)
 * less the connections on the overview that it did not count yet (made since), plus any removed
 * since. Without a count the offer stands: the batch's table says what can be connected.
 */
export const connectableLeft = (context: ConnectContext): number => {
  const counted = context.status?.connectableOrganisations;
  if (counted === undefined || counted === null) return Number.POSITIVE_INFINITY;
  // Without the status's own list there is nothing to tell new from counted.
  if (!context.status?.connections) return counted;
  const atStatus = new Set((context.status?.connections?.items ?? []).map((connection) => connection.organisation.id));
  const now = new Set(context.connections.map((connection) => connection.organisation.id));
  const made = [...now].filter((id) => !atStatus.has(id)).length;
  const removed = [...atStatus].filter((id) => !now.has(id)).length;
  return counted - made + removed;
};

/** YYYY-MM-DD of a day that exists (no 2025-13-45, no 30 February). */
export const isCalendarDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().startsWith(value);

/** A URL fetched ahead is used only with this much of its lifetime left: the login itself takes time. */
const PREPARED_LOGIN_MARGIN_MS = 5 * 60_000;

/** Today in UTC as YYYY-MM-DD, the form a date input gives. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * The connect machine's vocabulary: its actors (named as the contract's operations), guards (each
 * a question), delays and actions. Its states are in connect-machine.ts and the files it imports.
 * Nothing here touches the DOM, fetch or Lit: effects are provided from outside.
 */
export const connectSetup = setup({
  types: {
    context: {} as ConnectContext,
    events: {} as ConnectEvent,
    input: {} as ConnectInput,
    emitted: {} as ConnectEmitted,
  },
  actors: {
    getStatus: fromPromise<Status>(notProvided('getStatus')),
    listConnections: fromPromise<Connection[]>(notProvided('listConnections')),
    listOrganisations: fromPromise<Page<Organisation>, PageRequest>(notProvided('listOrganisations')),
    getAuthorization: fromPromise<Authorization, { authorizationId: string }>(notProvided('getAuthorization')),
    listDivisions: fromPromise<Page<Division>, AdministrationPageRequest>(notProvided('listDivisions')),
    createConnection: fromPromise<Connection, CreateConnectionInput>(notProvided('createConnection')),
    previewRedelivery: fromPromise<RedeliveryPreview, { organisationId: string; from: string }>(notProvided('previewRedelivery')),
    createRedelivery: fromPromise<Redelivery, { organisationId: string; from: string; idempotencyKey: string }>(notProvided('createRedelivery')),
    deleteConnection: fromPromise<void, { connectionId: string }>(notProvided('deleteConnection')),
    /** A batch's redelivery: the documents of every organisation from one date, counted together. */
    previewRedeliveries: fromPromise<RedeliveryPreview, { organisationIds: string[]; from: string }>(notProvided('previewRedeliveries')),
    /** …and offered again, one request per organisation, each with its own key. */
    createRedeliveries: fromPromise<Redelivery, { requests: Array<{ organisationId: string; idempotencyKey: string }>; from: string }>(notProvided('createRedeliveries')),
    /** A login URL fetched ahead, so `Opnieuw inloggen` opens the window inside its click. */
    startAuthorization: fromPromise<StartedAuthorization, StartAuthorizationInput>(notProvided('startAuthorization')),
    /** `Opnieuw verbinden`: the connection, in place, on the new login's grant. */
    reauthorizeConnection: fromPromise<Connection, { connectionId: string; authorizationId: string }>(notProvided('reauthorizeConnection')),
    /** Every organisation of the account and every administration of the grant, all pages: the batch's table. */
    loadBatchCandidates: fromPromise<BatchCandidates, { authorizationId: string }>(notProvided('loadBatchCandidates')),
    /** The Exact login, a child machine whose output is the grant. */
    signIn: signInMachine,
  },
  delays: {
    searchDebounce: SEARCH_DEBOUNCE_MS,
    retryAfter: retryDelay,
  },
  guards: {
    isAutopilotInstalled: (_, status: Status) => status.autopilotInstalled,
    hasResume: ({ context }) => context.resume !== null,
    /** No prerequisite the backend says blocks is unmet (the help article's: old connections broken, …). */
    canStartConnection: ({ context }) => !blocksNewConnection(context.status),
    isOrganisationSelectable: (_, organisation: Organisation) =>
      organisation.blockers.length === 0 && organisation.connectionId === null,
    hasOrganisation: ({ context }) => context.organisation !== null,
    hasMore: ({ context }, list: ListKey) => context[list].nextCursor !== null,
    isAdministrationSelectable: (_, administration: Division) =>
      administration.blockedReason === null && administration.connectedOrganisation === null,
    /** The status answer carried the overview's connections (one round trip to the first step). */
    hasPreloadedConnections: ({ context }) => context.preloadedConnections !== null,
    /** The administrations in the context are the current grant's (prefetched, or fetched on an earlier visit). */
    hasAdministrations: ({ context }) =>
      context.administrationsOf !== null && context.administrationsOf === context.authorization?.id && context.administrations.suggestedFor === (context.organisation?.id ?? null),
    hasError: ({ context }) => context.error !== null,
    /** `Afronden` needs an administration and the simple booking flow (the advanced one needs eConnect first). */
    canFinish: ({ context }) => context.administration !== null && context.bookingFlow === 'simple',
    /** `Afronden` failed for a reason a second try cannot change (finish-refusal.ts). */
    isFinishRefused: ({ context }) => finishRefusal(context.error) !== null,
    /** Documents can be offered again from a day that has been: not empty, not in the future. */
    isRedeliveryDateAllowed: ({ context }, from: string) => isCalendarDate(from) && from <= context.today(),
    /** The preview found documents to offer again: only then is there something to confirm. */
    hasDocumentsToRedeliver: ({ context }) => (context.redeliveryPreview?.documentCount ?? 0) > 0,
    hasRedeliveryPreview: ({ context }) => context.redeliveryPreview !== null,
    isRetriedAutomatically,
    isNotFound: (_, error: unknown) => (error as { status?: unknown } | null)?.status === 404,
    isResumedAuthorized: (_, status: string) => status === 'authorized',
    isResumedSettled: (_, status: string) => status !== 'pending',
    /** More than one organisation can still be connected (as the backend counted them, less what this session made): a batch is worth offering. */
    canOfferBatch: ({ context }) => connectableLeft(context) > 1,
    /** `Alles koppelen` is possible: rows ticked, none with an administration chosen twice. */
    canStartBatch: ({ context }) => canStartBatch(context.batchTable),
    isBatchChoiceAllowed: (_, division: Division | null) => isBatchChoiceAllowed(division),
    isBatchStopping: ({ context }) => context.batchRun?.stopping === true,
    hasNextBatchRow: ({ context }) => nextRow(context.batchRun) !== undefined,
    hasFailedBatchRows: ({ context }) => countOf(context.batchRun, 'failed') > 0,
    /** Skipped rows, and the grant the run was made with is the one this flow holds (not lapsed at a reload). */
    canResumeSkippedBatch: ({ context }) => countOf(context.batchRun, 'skipped') > 0 && context.authorization?.id === context.batchRun?.authorizationId,
    hasBatchConnections: ({ context }) => madeConnections(context.batchRun).length > 0,
    /** A 429 or a key still in flight: Exact's pace, waited out, not the row's failure. */
    isPacedFailure: (_, error: unknown) => isPaced(error),
    hasBatchResume: ({ context }) => context.batchResume !== null,
    /** The redelivery is a batch's: its organisations together. */
    isBatchRedelivery: ({ context }) => context.redeliveryBatch.length > 1,
    /** The new login already moved the connection back onto a grant that reaches its administration. */
    isRepaired: ({ context }, authorization: Authorization) =>
      authorization.repointed?.some((moved) => moved.connectionId === context.reconnecting?.id && moved.status === 'active') ?? false,
  },
  actions: {
    rememberError: assign(({ context }, params: { error: unknown; operation: string }) =>
      rememberedError(context, params.error, params.operation),
    ),
    endRateLimitRun: assign({ rateLimited: ({ context, event }) => rateLimitRunAfter(context, event.type) }),
    reportError: emit(({ context }) => ({ type: 'failed' as const, error: context.error! })),
    /** The login's request failed: the host hears of it as of any other. */
    reportLoginError: emit(({ event }) => ({ type: 'failed' as const, error: (event as Extract<ConnectEvent, { type: 'signIn.failed' }>).error })),
    clearError: assign({ error: null }),
    rememberPage: assign(({ context }, { list, page, append }: { list: ListKey; page: Page<never>; append: boolean }) =>
      list === 'organisations'
        ? { organisations: withPage(context.organisations, page as Page<Organisation>, append) }
        : {
            // A first page brings the suggestions for the organisation (none on a search); a next page keeps them.
            administrations: {
              ...withPage(context.administrations, page as Page<Division>, append),
              suggested: append ? context.administrations.suggested : (page as DivisionPage).suggested ?? [],
              suggestedFor: append ? context.administrations.suggestedFor : context.organisation?.id ?? null,
            },
            administrationsOf: context.authorization!.id,
          },
    ),
    rememberQuery: assign(({ context }, { list, query }: { list: ListKey; query: string }) =>
      list === 'organisations'
        ? { organisations: { ...context.organisations, query } }
        : { administrations: { ...context.administrations, query } },
    ),
    resetFlow: assign({
      organisations: () => emptyList<Organisation>(),
      organisation: null,
      authorization: null,
      administrations: () => emptyList<Division>(),
      administrationsOf: null,
      administration: null,
      bookingFlow: 'simple',
      idempotencyKey: null,
      connection: null,
      error: null,
      forceNewLogin: false,
      preparedLogin: null,
      loginAtOnce: null,
      resume: null,
      resumedProblem: null,
    }),
    /** A new login may reach other administrations: earlier choices there are void. */
    forgetGrant: assign({
      authorization: null,
      error: null,
      administrations: () => emptyList<Division>(),
      administrationsOf: null,
      administration: null,
      idempotencyKey: null,
    }),
    /** A choice on the administration step voids the key of an earlier attempt at another one. */
    chooseAdministration: assign((_, administration: Division) => ({ administration, idempotencyKey: null, error: null })),
    chooseBookingFlow: assign((_, bookingFlow: BookingFlow) => ({ bookingFlow, idempotencyKey: null, error: null })),
    chooseRedelivery: assign((_, redeliveryConnection: Connection) => ({ redeliveryConnection, redeliveryBatch: [], redeliveryAttempt: null })),
    /** One key per date: a retry of the same date reuses it (never offered twice), another date gets a new one. */
    keyRedelivery: assign(({ context }, from: string) => ({
      redeliveryAttempt: context.redeliveryAttempt?.from === from ? context.redeliveryAttempt : { from, idempotencyKey: context.createId() },
    })),
    /**
     * `Opnieuw inloggen` takes the URL fetched ahead, if it is still well within its lifetime
     * (the backend's pending login lasts 15 minutes), so the window opens inside the click.
     */
    takePreparedLogin: assign(({ context }) => {
      const prepared = context.preparedLogin;
      const fresh = prepared !== null && Date.parse(prepared.expiresAt) - context.now() > PREPARED_LOGIN_MARGIN_MS;
      return { loginAtOnce: fresh ? prepared : null, preparedLogin: null, forceNewLogin: true };
    }),
    /** What the reconnect repaired (`repaired`: the backend's answer to the in-place reauthorize, if one was asked). */
    noteReconnected: assign(({ context }, { repaired }: { repaired: Connection | null }) => {
      const reconnected = reconnectedBy(context, context.authorization!, repaired);
      // The list shows the new health at once; the reload that follows confirms what the backend has.
      const now = new Map([reconnected.connection, ...reconnected.others, ...reconnected.attention].map((connection) => [connection.id, connection]));
      return { reconnected, reconnecting: null, connections: context.connections.map((connection) => now.get(connection.id) ?? connection) };
    }),
    /** The host hears which connections work again, as it hears of one made. */
    emitReconnected: emit(({ context }) => ({
      type: 'reconnected' as const,
      connections: [context.reconnected!.connection, ...context.reconnected!.others],
    })),
    /** What the overview said about the last action (removed, made, repaired) ends with the next one. */
    forgetOverviewNotes: assign({ disconnected: null, madeConnection: null, madeConnections: () => [], reconnected: null }),
    /** The overview highlights what the batch made; the table and the run are done with. */
    rememberBatchMade: assign(({ context }) => ({ madeConnections: madeConnections(context.batchRun).map((made) => made.id), batchTable: null, batchRun: null, authorization: null })),
    /** The run kept before a reload becomes the flow's: rows that were on their way are sent again, with their keys. */
    takeBatchResume: assign(({ context }) => ({ batchRun: resumedRun({ ...context.batchResume!, stopping: false }), batchResume: null })),
    /** Keep the run for a reload (ids, names, keys and outcomes, in this tab): provided by the element. */
    saveBatch: (_, _record: BatchRecord) => {},
    /** The run is over (or left): nothing to resume. */
    clearBatch: () => {},
    /** What the user does on the login step is the login's to handle. */
    forwardToSignIn: forwardTo('signIn'),
    emitCancelled: emit({ type: 'cancelled' }),
    /** The host hears which connection is gone, as it hears of one made. */
    emitDisconnected: emit(({ context }) => ({ type: 'disconnected' as const, connection: context.disconnecting! })),
    raiseRetry: raise({ type: 'user.retry' }),
    /** Where to go once the administrations prefetch has an answer depends on whether the user is waiting. */
    raisePrefetchSettled: raise({ type: 'prefetch.settled' }),
    /** Keep what is needed to continue after a reload (ids and choices only, in this tab): provided by the element. */
    saveResume: (_, _record: ResumeRecord) => {},
    /** Nothing to continue from any more. */
    clearResume: () => {},
    /** Same-tab fallback when popups are blocked: the element navigates the page to the login. */
    navigateToLogin: (_, _params: { url: string; authorizationId: string }) => {
      throw new Error('The connect machine\'s "navigateToLogin" action was not provided.');
    },
  },
});

/** The record to resume from while the user is on the administration step (or just logged in). */
export const resumeRecord = ({ context }: { context: ConnectContext }): ResumeRecord => ({
  organisation: context.organisation!,
  authorizationId: context.authorization!.id,
  administration: context.administration,
  bookingFlow: context.bookingFlow,
  idempotencyKey: context.idempotencyKey,
});
