import { assign, emit, fromCallback, fromPromise, raise, setup } from 'xstate';
import { ApiError, isApiError } from '../api/api-error.js';
import { automaticRetryDelayMs, backedOff, rateLimitWait } from './retry-policy.js';
import type {
  Authorization,
  Connection,
  Division,
  Organisation,
  Redelivery,
  StartedAuthorization,
  Status,
} from '../api/types.js';
import type {
  ConnectContext,
  ConnectEmitted,
  ConnectEvent,
  ConnectInput,
  CreateConnectionInput,
  DivisionPageRequest,
  ListState,
  LoginProblem,
  LoginWindowEvent,
  Page,
  PageRequest,
} from './types.js';

/**
 * The whole connect flow, and the one place where it is decided. It imports no DOM, no fetch
 * and no Lit: every side effect is an actor named here and supplied with `.provide()` — the
 * real ones by the element, fakes by the tests.
 */

const notProvided = (name: string) => () => {
  throw new Error(`The connect machine's "${name}" actor was not provided.`);
};

const emptyList = <T>(): ListState<T> => ({ query: '', items: [], total: 0, nextCursor: null });
/** A search's first page replaces the list; the query it was asked with stays. */
const firstPage = <T>(list: ListState<T>, page: Page<T>): ListState<T> => ({ query: list.query, ...page });
/** A further page is appended. */
const nextPage = <T>(list: ListState<T>, page: Page<T>): ListState<T> => ({
  ...list,
  items: [...list.items, ...page.items],
  nextCursor: page.nextCursor,
  total: page.total,
});

/** Anything a request actor throws that is not an ApiError is a bug in the actor; still show it. */
const toApiError = (error: unknown, operation: string): ApiError =>
  isApiError(error) ? error : new ApiError('contract', operation, null, null, null, String(error));

export const SEARCH_DEBOUNCE_MS = 250;
export const POPUP_CLOSED_GRACE_MS = 1_500;
export const DEFAULT_LOGIN_TIMEOUT_MS = 10 * 60_000;
/**
 * A window that reads as closed this soon after opening was not closed by a person: a
 * Cross-Origin-Opener-Policy on the login page severed it. It is out of sight at once, without
 * the grace a closed window gets.
 */
export const SEVERED_WINDOW_MS = 3_000;
/**
 * A report is only a hint to ask the backend, so anyone who can post one can make the element
 * ask. One check runs at a time, reports during it are answered by one more check, and between
 * two checks lies at least this gap: a flood of reports is one request every two seconds.
 */
export const CHECK_GAP_MS = 2_000;
/**
 * A window out of sight (severed by a Cross-Origin-Opener-Policy, at once or on a later page, or
 * closed while the backend says the login is pending) cannot say how the login ends, so the
 * backend is asked after 2 s, then at doubling intervals up to 15 s, until the login timeout.
 */
export const UNSEEN_POLL_FIRST_MS = 2_000;
export const UNSEEN_POLL_MAX_MS = 15_000;

/** A login the backend settled without a grant: which problem to show. */
const loginProblemOf = (status: Authorization['status']): LoginProblem =>
  status === 'denied' ? 'denied' : status === 'expired' ? 'expired' : 'failed';

/** The actions of every failed request: keep the error for the view, tell the host. */
const failedRequest = (operation: string) =>
  [{ type: 'rememberError', params: ({ event }: { event: { error: unknown } }) => ({ error: event.error, operation }) }, 'reportError'] as const;

/** Automatic retry after a 429, once per bounded wait (see retry-policy): raise the state's own `user.retry`. */
const retryWhenRateLimited = {
  after: { retryAfter: { guard: 'isRetriedAutomatically' as const, actions: 'raiseRetry' as const } },
};

export const connectMachine = setup({
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
    startLogin: fromPromise<StartedAuthorization>(notProvided('startLogin')),
    /** Grants the platform already holds for this user, to reuse instead of a second login. */
    listGrants: fromPromise<Authorization[]>(notProvided('listGrants')),
    /** Opens the login window when started (inside the user's click) and reports what happens to it. */
    loginWindow: fromCallback<LoginWindowEvent, { url: string; authorizationId: string }>(notProvided('loginWindow')),
    getAuthorization: fromPromise<Authorization, { authorizationId: string }>(notProvided('getAuthorization')),
    listDivisions: fromPromise<Page<Division>, DivisionPageRequest>(notProvided('listDivisions')),
    createConnection: fromPromise<Connection, CreateConnectionInput>(notProvided('createConnection')),
    createRedelivery: fromPromise<Redelivery, { organisationId: string; from: string }>(
      notProvided('createRedelivery'),
    ),
  },
  delays: {
    searchDebounce: SEARCH_DEBOUNCE_MS,
    popupClosedGrace: POPUP_CLOSED_GRACE_MS,
    loginTimeout: ({ context }) => context.loginTimeout,
    severedWindow: SEVERED_WINDOW_MS,
    retryAfter: ({ context }) => automaticRetryDelayMs(context.error),
    checkGap: CHECK_GAP_MS,
    unseenPoll: ({ context }) => Math.min(UNSEEN_POLL_FIRST_MS * 2 ** context.unseenPolls, UNSEEN_POLL_MAX_MS),
  },
  guards: {
    isAutopilotInstalled: (_, status: Status) => status.autopilotInstalled,
    isOrganisationSelectable: (_, organisation: Organisation) =>
      organisation.blockers.length === 0 && organisation.connectionId === null,
    hasOrganisation: ({ context }) => context.organisation !== null,
    hasMoreOrganisations: ({ context }) => context.organisations.nextCursor !== null,
    isDivisionSelectable: (_, division: Division) => !division.blocked && division.connectedOrganisation === null,
    hasMoreDivisions: ({ context }) => context.divisions.nextCursor !== null,
    hasDivisions: ({ context }) => context.divisionsOf !== null && context.divisionsOf === context.authorization?.id,
    canFinish: ({ context }) => context.division !== null && context.bookingFlow === 'simple',
    hasReusableGrant: ({ context }) => !context.forceNewLogin && context.grants.some((grant) => grant.status === 'authorized'),
    isRetriedAutomatically: ({ context }) => rateLimitWait(context.error)?.automatic === true,
    isCheckQueued: ({ context }) => context.checkQueued,
  },
  actions: {
    /** A 429 extends the run of them (its wait backed off, see retry-policy); any other failure ends it. */
    rememberError: assign(({ context }, params: { error: unknown; operation: string }) => {
      const error = toApiError(params.error, params.operation);
      const rateLimited = error.status === 429 ? context.rateLimited + 1 : 0;
      return { error: rateLimited ? backedOff(error, rateLimited) : error, rateLimited };
    }),
    /** A request that answered (or was left) ends the run of 429s; one that failed leaves it to rememberError. */
    endRateLimitRun: assign({ rateLimited: ({ context, event }) => (event.type.startsWith('xstate.error.actor') ? context.rateLimited : 0) }),
    reportError: emit(({ context }) => ({ type: 'failed' as const, error: context.error! })),
    clearError: assign({ error: null }),
    /** A first page of administrations for the current grant and query. */
    rememberDivisions: assign({
      divisions: ({ context }, page: Page<Division>) => firstPage(context.divisions, page),
      divisionsOf: ({ context }) => context.authorization!.id,
    }),
    resetFlow: assign({
      organisations: () => emptyList<Organisation>(),
      organisation: null,
      login: null,
      authorization: null,
      loginProblem: null,
      divisions: () => emptyList<Division>(),
      divisionsOf: null,
      division: null,
      bookingFlow: 'simple',
      idempotencyKey: null,
      connection: null,
      error: null,
      grants: [],
      forceNewLogin: false,
      resume: null,
    }),
    emitCancelled: emit({ type: 'cancelled' }),
    raiseRetry: raise({ type: 'user.retry' }),
    /** The window region wants the backend asked; the backend region asks when it may. */
    raiseCheck: raise({ type: 'login.check' }),
    noteUnseen: assign({ loginProblem: 'unseen' }),
    queueCheck: assign({ checkQueued: true }),
    /** Where to go once the administrations prefetch has an answer depends on whether the user is waiting. */
    raisePrefetchSettled: raise({ type: 'prefetch.settled' }),
    /** Same-tab fallback when popups are blocked: the element navigates the page to the login. */
    navigateToLogin: (_, _params: { url: string; authorizationId: string }) => {
      throw new Error('The connect machine\'s "navigateToLogin" action was not provided.');
    },
  },
}).createMachine({
  id: 'connect',
  context: ({ input }) => ({
    status: null,
    connections: [],
    organisations: emptyList(),
    organisation: null,
    login: null,
    authorization: null,
    loginProblem: null,
    divisions: emptyList(),
    divisionsOf: null,
    division: null,
    bookingFlow: 'simple',
    idempotencyKey: null,
    connection: null,
    redeliveryConnection: null,
    redelivery: null,
    error: null,
    loginTimeout: input.loginTimeout ?? DEFAULT_LOGIN_TIMEOUT_MS,
    createId: input.createId,
    grants: [],
    forceNewLogin: false,
    resume: input.resume ?? null,
    checkQueued: false,
    unseenPolls: 0,
    rateLimited: 0,
  }),
  initial: 'checkingStatus',
  states: {
    /** Step 0: is the Autopilot app installed on this account? */
    checkingStatus: {
      entry: 'clearError',
      exit: 'endRateLimitRun',
      invoke: {
        src: 'getStatus',
        onDone: [
          {
            guard: ({ context, event }) => event.output.autopilotInstalled && context.resume !== null,
            target: 'resuming',
            actions: assign({ status: ({ event }) => event.output }),
          },
          {
            guard: { type: 'isAutopilotInstalled', params: ({ event }) => event.output },
            target: 'connections',
            actions: assign({ status: ({ event }) => event.output }),
          },
          { target: 'notInstalled', actions: assign({ status: ({ event }) => event.output }) },
        ],
        onError: {
          target: 'statusFailed',
          actions: failedRequest('getStatus'),
        },
      },
    },
    statusFailed: { ...retryWhenRateLimited, on: { 'user.retry': 'checkingStatus' } },

    /**
     * After a reload or the same-tab login: continue where the user was, once the backend
     * confirms the grant. Only ids and names were kept, never a code or token.
     */
    resuming: {
      exit: 'endRateLimitRun',
      invoke: {
        src: 'getAuthorization',
        input: ({ context }) => ({ authorizationId: context.resume!.authorizationId }),
        onDone: [
          {
            guard: ({ event }) => event.output.status === 'authorized',
            target: 'flow.administration',
            actions: assign(({ context, event }) => ({
              authorization: event.output,
              organisation: context.resume!.organisation,
              division: context.resume!.division,
              bookingFlow: context.resume!.bookingFlow,
              idempotencyKey: context.resume!.idempotencyKey,
              resume: null,
            })),
          },
          // Refused or lapsed while the page was away (the same-tab login): say so, as for a popup,
          // on the login step of the organisation the user chose, with a fresh login one click away.
          {
            guard: ({ event }) => event.output.status !== 'pending',
            target: 'flow.login.problem',
            actions: assign(({ context, event }) => ({
              organisation: context.resume!.organisation,
              loginProblem: loginProblemOf(event.output.status),
              resume: null,
            })),
          },
          { target: 'connections' },
        ],
        onError: [
          // The backend no longer knows the grant: nothing to resume, start afresh.
          { guard: ({ event }) => isApiError(event.error) && event.error.status === 404, target: 'connections' },
          {
          target: 'resumeFailed',
          actions: failedRequest('getAuthorization'),
          },
        ],
      },
    },
    resumeFailed: {
      ...retryWhenRateLimited,
      on: { 'user.retry': 'resuming', 'user.cancel': { target: 'connections', actions: 'emitCancelled' } },
    },
    notInstalled: { on: { 'user.retry': 'checkingStatus' } },

    /** Step 1: the active connections, and the way to start a new one. */
    connections: {
      initial: 'loading',
      entry: 'resetFlow',
      states: {
        loading: {
          exit: 'endRateLimitRun',
          invoke: {
            src: 'listConnections',
            onDone: { target: 'list', actions: assign({ connections: ({ event }) => event.output }) },
            onError: {
              target: 'failed',
              actions: failedRequest('listConnections'),
            },
          },
        },
        list: {
          on: {
            'user.newConnection': '#connect.flow',
            'user.redeliver': {
              target: '#connect.redelivery',
              actions: assign({ redeliveryConnection: ({ event }) => event.connection }),
            },
          },
        },
        failed: { ...retryWhenRateLimited, on: { 'user.retry': { target: 'loading', actions: 'clearError' } } },
      },
    },

    /** Steps 2–5: everything between `New Connection` and `Afronden`; cancel leaves it from anywhere. */
    flow: {
      initial: 'organisation',
      on: { 'user.cancel': { target: 'connections', actions: 'emitCancelled' } },
      states: {
        /** Step 2: which organisation to connect. */
        organisation: {
          initial: 'loading',
          on: {
            'user.back': '#connect.connections',
            'user.searchOrganisations': {
              target: '.debouncing',
              reenter: true,
              actions: assign({ organisations: ({ context, event }) => ({ ...context.organisations, query: event.query }) }),
            },
          },
          states: {
            debouncing: { tags: ['busy'], after: { searchDebounce: 'loading' } },
            loading: {
              tags: ['busy'],
              exit: 'endRateLimitRun',
              invoke: {
                src: 'listOrganisations',
                input: ({ context }) => ({ query: context.organisations.query }),
                onDone: {
                  target: 'ready',
                  actions: assign({ organisations: ({ context, event }) => firstPage(context.organisations, event.output) }),
                },
                onError: {
                  target: 'failed',
                  actions: failedRequest('listOrganisations'),
                },
              },
            },
            loadingMore: {
              tags: ['busy'],
              exit: 'endRateLimitRun',
              invoke: {
                src: 'listOrganisations',
                input: ({ context }) => ({ query: context.organisations.query, cursor: context.organisations.nextCursor }),
                onDone: {
                  target: 'ready',
                  actions: assign({ organisations: ({ context, event }) => nextPage(context.organisations, event.output) }),
                },
                onError: {
                  target: 'failed',
                  actions: failedRequest('listOrganisations'),
                },
              },
            },
            ready: {
              on: {
                'user.loadMoreOrganisations': { guard: 'hasMoreOrganisations', target: 'loadingMore' },
                'user.selectOrganisation': {
                  guard: { type: 'isOrganisationSelectable', params: ({ event }) => event.organisation },
                  actions: assign({ organisation: ({ event }) => event.organisation }),
                },
                'user.confirmOrganisation': { guard: 'hasOrganisation', target: '#connect.flow.system' },
              },
            },
            failed: { ...retryWhenRateLimited, on: { 'user.retry': { target: 'loading', actions: 'clearError' } } },
          },
        },

        /** Step 3: which bookkeeping system; Exact Online is the one this element connects. */
        system: {
          on: {
            'user.back': 'organisation',
            'user.chooseExact': 'login',
          },
        },

        /** Step 4: the Exact Online login in a popup; the backend is the truth about its outcome. */
        login: {
          initial: 'preparing',
          on: { 'user.back': 'system' },
          states: {
            /**
             * The authorize URL is fetched now, so `Open` can open the window inside the click; the
             * grants the platform already holds are fetched alongside it.
             */
            preparing: {
              // A new login may reach other administrations: earlier choices there are void.
              entry: assign({
                login: null,
                loginProblem: null,
                authorization: null,
                error: null,
                grants: [],
                divisions: () => emptyList<Division>(),
                divisionsOf: null,
                division: null,
                idempotencyKey: null,
              }),
              type: 'parallel',
              states: {
                url: {
                  initial: 'loading',
                  states: {
                    loading: {
                      exit: 'endRateLimitRun',
                      invoke: {
                        src: 'startLogin',
                        onDone: { target: 'done', actions: assign({ login: ({ event }) => event.output }) },
                        onError: {
                          target: '#connect.flow.login.failed',
                          actions: failedRequest('startAuthorization'),
                        },
                      },
                    },
                    done: { type: 'final' },
                  },
                },
                grants: {
                  initial: 'loading',
                  states: {
                    loading: {
                      invoke: {
                        src: 'listGrants',
                        onDone: { target: 'done', actions: assign({ grants: ({ event }) => event.output }) },
                        // Reusing a grant is a convenience: without the list, a fresh login still works.
                        onError: 'done',
                      },
                    },
                    done: { type: 'final' },
                  },
                },
              },
              onDone: [{ guard: 'hasReusableGrant', target: 'choosingGrant' }, { target: 'ready' }],
            },
            /**
             * One Exact user has one valid token chain per app: a second login with the same user
             * revokes the first. So offer the grant the platform holds before another login.
             */
            choosingGrant: {
              on: {
                'user.reuseGrant': { target: 'authorized', actions: assign({ authorization: ({ event }) => event.authorization }) },
                'user.openLogin': 'open',
              },
            },
            ready: { on: { 'user.openLogin': 'open' } },
            /**
             * The window is open (or was): its actor keeps listening until the login is settled. Two
             * regions: what the element sees of the window, and its questions to the backend, which
             * alone decides. A report and a window that reads closed are both only reasons to ask.
             */
            open: {
              type: 'parallel',
              entry: assign({ loginProblem: null, checkQueued: false, unseenPolls: 0 }),
              invoke: {
                src: 'loginWindow',
                input: ({ context }) => ({ url: context.login!.authorizeUrl, authorizationId: context.login!.id }),
              },
              after: { loginTimeout: { target: 'problem', actions: assign({ loginProblem: 'timedOut' }) } },
              on: {
                'popup.blocked': { target: 'problem', actions: assign({ loginProblem: 'blocked' }) },
                'user.openLogin': { target: 'open', reenter: true },
              },
              states: {
                window: {
                  initial: 'opening',
                  // A failed check changes nothing while the window may still be in use (the
                  // report was only a hint); `confirming` alone treats it as the end.
                  states: {
                    /** Just opened: a window that reads closed now was severed, not closed by a person. */
                    opening: { after: { severedWindow: 'watching' }, on: { 'popup.closed': 'unseen' } },
                    watching: { on: { 'popup.closed': 'closing' } },
                    /** The window closed: give its last message a moment before asking the backend. */
                    closing: { tags: ['checking'], after: { popupClosedGrace: 'confirming' } },
                    confirming: {
                      tags: ['checking'],
                      entry: 'raiseCheck',
                      on: {
                        'authorization.pending': { target: 'unseen', actions: 'noteUnseen' },
                        'authorization.unknown': { target: '#connect.flow.login.failed', actions: failedRequest('getAuthorization') },
                      },
                    },
                    /**
                     * Out of sight: severed (at once or late) or closed, the element cannot tell
                     * which. It keeps listening and asks the backend, less often as time goes by;
                     * once the backend says pending it says it can no longer see the window.
                     */
                    unseen: {
                      on: { 'authorization.pending': { actions: 'noteUnseen' } },
                      after: {
                        unseenPoll: {
                          target: 'unseen',
                          reenter: true,
                          actions: [assign({ unseenPolls: ({ context }) => context.unseenPolls + 1 }), 'raiseCheck'],
                        },
                      },
                    },
                  },
                },
                /** One question to the backend at a time; reasons to ask that arrive meanwhile make one more. */
                backend: {
                  initial: 'idle',
                  // A report or a check asked for while one runs or rests: kept for the end of the gap.
                  on: { 'login.*': { actions: 'queueCheck' } },
                  states: {
                    idle: { on: { 'login.*': 'checking' } },
                    checking: {
                      invoke: {
                        src: 'getAuthorization',
                        input: ({ context }) => ({ authorizationId: context.login!.id }),
                        onDone: [
                          {
                            guard: ({ event }) => event.output.status === 'authorized',
                            target: '#connect.flow.login.authorized',
                            actions: assign({ authorization: ({ event }) => event.output }),
                          },
                          // Not settled: nothing changes; the window region decides what that means.
                          { guard: ({ event }) => event.output.status === 'pending', target: 'resting', actions: raise({ type: 'authorization.pending' }) },
                          {
                            target: '#connect.flow.login.problem',
                            actions: assign({ loginProblem: ({ event }) => loginProblemOf(event.output.status) }),
                          },
                        ],
                        onError: { target: 'resting', actions: raise(({ event }) => ({ type: 'authorization.unknown' as const, error: event.error })) },
                      },
                    },
                    /** The gap between two checks; a reason to ask that arrives now is kept for its end. */
                    resting: {
                      after: {
                        checkGap: [
                          { guard: 'isCheckQueued', target: 'checking', actions: assign({ checkQueued: false }) },
                          { target: 'idle' },
                        ],
                      },
                    },
                  },
                },
              },
            },
            /**
             * The login is confirmed. The first page of administrations is fetched now, while the
             * user reads the confirmation, so `Ga door` shows them without a wait.
             */
            authorized: {
              initial: 'checking',
              states: {
                checking: { always: [{ guard: 'hasDivisions', target: 'prefetched' }, { target: 'prefetching' }] },
                prefetching: {
                  entry: 'clearError',
                  initial: 'waiting',
                  states: {
                    waiting: { on: { 'user.continue': 'continuing', 'prefetch.settled': '#connect.flow.login.authorized.prefetched' } },
                    /** `Ga door` while the list is on its way: wait for it rather than ask twice. */
                    continuing: { tags: ['busy'], on: { 'prefetch.settled': '#connect.flow.administration' } },
                  },
                  exit: 'endRateLimitRun',
                  invoke: {
                    src: 'listDivisions',
                    input: ({ context }) => ({ authorizationId: context.authorization!.id, query: context.divisions.query }),
                    onDone: { actions: [{ type: 'rememberDivisions', params: ({ event }) => event.output }, 'raisePrefetchSettled'] },
                    // Kept, not shown yet: the administration step says what went wrong when the user gets there.
                    onError: {
                      actions: [
                        { type: 'rememberError', params: ({ event }) => ({ error: event.error, operation: 'listDivisions' }) },
                        'raisePrefetchSettled',
                      ],
                    },
                  },
                },
                prefetched: { on: { 'user.continue': '#connect.flow.administration' } },
              },
            },
            /** Blocked, denied, expired, failed or timed out: say which; a fresh login is one click away. */
            problem: {
              on: {
                'user.openLogin': { guard: ({ context }) => context.loginProblem === 'blocked', target: 'open' },
                'user.loginSameTab': {
                  guard: ({ context }) => context.loginProblem === 'blocked' && context.login !== null,
                  target: 'leavingForLogin',
                },
                'user.retry': 'preparing',
              },
            },
            /** The page goes to the login; the element resumes at the administration step on return. */
            leavingForLogin: {
              entry: { type: 'navigateToLogin', params: ({ context }) => ({ url: context.login!.authorizeUrl, authorizationId: context.login!.id }) },
            },
            failed: { ...retryWhenRateLimited, on: { 'user.retry': 'preparing' } },
          },
        },

        /** Step 5: the Exact Online administration and the booking flow, then `Afronden`. */
        administration: {
          initial: 'entering',
          on: {
            'user.back': '#connect.flow.login.authorized',
            /** An administration was not granted on the consent screen: log in again to grant it. */
            'user.loginAgain': { target: '#connect.flow.login', actions: assign({ forceNewLogin: true }) },
            'user.searchDivisions': {
              target: '.debouncing',
              reenter: true,
              actions: assign({ divisions: ({ context, event }) => ({ ...context.divisions, query: event.query }) }),
            },
          },
          states: {
            /**
             * Straight to the list when the prefetch (or an earlier visit) brought it, or to the
             * prefetch's failure: one request, its error shown where it belongs.
             */
            entering: {
              always: [
                { guard: 'hasDivisions', target: 'ready' },
                { guard: ({ context }) => context.error !== null, target: 'failed', actions: 'reportError' },
                { target: 'loading' },
              ],
            },
            debouncing: { tags: ['busy'], after: { searchDebounce: 'loading' } },
            loading: {
              tags: ['busy'],
              exit: 'endRateLimitRun',
              invoke: {
                src: 'listDivisions',
                input: ({ context }) => ({ authorizationId: context.authorization!.id, query: context.divisions.query }),
                onDone: { target: 'ready', actions: { type: 'rememberDivisions', params: ({ event }) => event.output } },
                onError: {
                  target: 'failed',
                  actions: failedRequest('listDivisions'),
                },
              },
            },
            loadingMore: {
              tags: ['busy'],
              exit: 'endRateLimitRun',
              invoke: {
                src: 'listDivisions',
                input: ({ context }) => ({
                  authorizationId: context.authorization!.id,
                  query: context.divisions.query,
                  cursor: context.divisions.nextCursor,
                }),
                onDone: {
                  target: 'ready',
                  actions: assign({ divisions: ({ context, event }) => nextPage(context.divisions, event.output) }),
                },
                onError: {
                  target: 'failed',
                  actions: failedRequest('listDivisions'),
                },
              },
            },
            ready: {
              on: {
                'user.loadMoreDivisions': { guard: 'hasMoreDivisions', target: 'loadingMore' },
                'user.selectDivision': {
                  guard: { type: 'isDivisionSelectable', params: ({ event }) => event.division },
                  actions: assign({ division: ({ event }) => event.division, idempotencyKey: null }),
                },
                'user.selectBookingFlow': {
                  actions: assign({ bookingFlow: ({ event }) => event.bookingFlow, idempotencyKey: null }),
                },
                'user.finish': {
                  guard: 'canFinish',
                  target: 'finishing',
                  actions: assign({ idempotencyKey: ({ context }) => context.idempotencyKey ?? context.createId() }),
                },
              },
            },
            /**
             * A second `Afronden` has nowhere to go from here; a retry reuses the same key. Search,
             * back and cancel wait too: leaving now would lose a connection the backend may make.
             */
            finishing: {
              tags: ['busy'],
              entry: 'clearError',
              on: { 'user.searchDivisions': { actions: [] }, 'user.back': { actions: [] }, 'user.cancel': { actions: [] } },
              exit: 'endRateLimitRun',
              invoke: {
                src: 'createConnection',
                input: ({ context }) => ({
                  organisationId: context.organisation!.id,
                  authorizationId: context.authorization!.id,
                  divisionCode: context.division!.code,
                  bookingFlow: context.bookingFlow,
                  idempotencyKey: context.idempotencyKey!,
                }),
                onDone: {
                  target: '#connect.done',
                  actions: [
                    assign({ connection: ({ event }) => event.output }),
                    emit(({ event }) => ({ type: 'connected' as const, connection: event.output })),
                  ],
                },
                onError: {
                  target: 'finishFailed',
                  actions: failedRequest('createConnection'),
                },
              },
            },
            /** The choices stay; the user retries or picks another administration. */
            finishFailed: {
              ...retryWhenRateLimited,
              on: {
                'user.retry': 'finishing',
                'user.selectDivision': {
                  guard: { type: 'isDivisionSelectable', params: ({ event }) => event.division },
                  target: 'ready',
                  actions: assign({ division: ({ event }) => event.division, idempotencyKey: null, error: null }),
                },
                'user.selectBookingFlow': {
                  target: 'ready',
                  actions: assign({ bookingFlow: ({ event }) => event.bookingFlow, idempotencyKey: null, error: null }),
                },
              },
            },
            failed: { ...retryWhenRateLimited, on: { 'user.retry': { target: 'loading', actions: 'clearError' } } },
          },
        },
      },
    },

    /** Step 6: connected. Earlier documents can be offered again. */
    done: {
      on: {
        'user.done': 'connections',
        'user.redeliver': {
          target: 'redelivery',
          actions: assign({ redeliveryConnection: ({ event }) => event.connection }),
        },
      },
    },

    /** `API-download opnieuw aanbieden`: offer documents received since a date again. */
    redelivery: {
      initial: 'editing',
      entry: assign({ redelivery: null, error: null }),
      on: { 'user.back': 'connections', 'user.done': 'connections' },
      states: {
        editing: { on: { 'user.submitRedelivery': 'submitting' } },
        submitting: {
          exit: 'endRateLimitRun',
          invoke: {
            src: 'createRedelivery',
            input: ({ context, event }) => ({
              organisationId: context.redeliveryConnection!.organisation.id,
              from: (event as Extract<ConnectEvent, { type: 'user.submitRedelivery' }>).from,
            }),
            onDone: { target: 'submitted', actions: assign({ redelivery: ({ event }) => event.output }) },
            onError: {
              target: 'failed',
              actions: failedRequest('createRedelivery'),
            },
          },
        },
        submitted: {},
        failed: { ...retryWhenRateLimited, on: { 'user.retry': { target: 'editing', actions: 'clearError' }, 'user.submitRedelivery': 'submitting' } },
      },
    },
  },
});

export type ConnectMachine = typeof connectMachine;
