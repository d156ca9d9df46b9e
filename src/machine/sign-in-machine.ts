import { assign, fromCallback, fromPromise, raise, sendParent, setup } from 'xstate';
import type { Authorization, StartedAuthorization } from '../api/types.js';
import {
  failedRequest,
  isRetriedAutomatically,
  notProvided,
  rateLimitRunAfter,
  rememberedError,
  retryDelay,
  retryWhenRateLimited,
} from './requests.js';
import { CHECK_GAP_MS, POPUP_CLOSED_GRACE_MS, SEVERED_WINDOW_MS, UNSEEN_POLL_FIRST_MS, UNSEEN_POLL_MAX_MS } from './timing.js';
import type { LoginProblem, LoginWindowEvent, SignInContext, SignInEvent, SignInInput, StartAuthorizationInput } from './types.js';

/**
 * The Exact login (step 3), as a child of the connect machine: it gets the authorize URL, offers a
 * grant the platform holds, opens the login window, and asks the backend — which alone decides —
 * until the login is settled. Its output is the confirmed authorization (the grant).
 */

/** A login the backend settled without a grant: which problem to show. */
export const loginProblemOf = (status: Authorization['status']): LoginProblem =>
  status === 'denied' || status === 'expired' || status === 'revoked' ? status : 'failed';

/** What a login URL is asked for: the organisation (the backend's default host), or the host a reconnect needs. */
const loginRequest = (context: SignInContext, forceLogin: boolean): StartAuthorizationInput => ({
  organisationId: context.organisationId,
  ...(context.region ? { region: context.region } : {}),
  forceLogin,
});

export const signInMachine = setup({
  types: {
    context: {} as SignInContext,
    events: {} as SignInEvent,
    input: {} as SignInInput,
    output: {} as Authorization,
  },
  actors: {
    /** `forceLogin`: Exact asks who logs in instead of reusing its session (to log in as another user). */
    startAuthorization: fromPromise<StartedAuthorization, StartAuthorizationInput>(notProvided('startAuthorization')),
    /** Grants the platform already holds for this user, to reuse instead of a second login. */
    listAuthorizations: fromPromise<Authorization[]>(notProvided('listAuthorizations')),
    /** Opens the login window when started (inside the user's click) and reports what happens to it. */
    loginWindow: fromCallback<LoginWindowEvent, { url: string; authorizationId: string }>(notProvided('loginWindow')),
    getAuthorization: fromPromise<Authorization, { authorizationId: string }>(notProvided('getAuthorization')),
  },
  delays: {
    loginTimeout: ({ context }) => context.loginTimeout,
    popupClosedGrace: POPUP_CLOSED_GRACE_MS,
    severedWindow: SEVERED_WINDOW_MS,
    retryAfter: retryDelay,
    checkGap: CHECK_GAP_MS,
    unseenPoll: ({ context }) => Math.min(UNSEEN_POLL_FIRST_MS * 2 ** context.unseenPolls, UNSEEN_POLL_MAX_MS),
  },
  guards: {
    startsWithProblem: ({ context }) => context.loginProblem !== null,
    hasReusableGrant: ({ context }) => context.reusable !== null,
    isRetriedAutomatically,
    isCheckQueued: ({ context }) => context.checkQueued,
    isBlocked: ({ context }) => context.loginProblem === 'blocked',
    /** Only where the flow can resume after leaving the page (the connect flow, not a reconnect). */
    canLoginSameTab: ({ context }) => context.sameTab && context.loginProblem === 'blocked' && context.started !== null,
    /** A login URL fetched before the click that starts this login: it opens at once. */
    hasPreparedLogin: ({ context }) => context.started !== null,
    isAuthorized: (_, authorization: Authorization) => authorization.status === 'authorized',
    isPending: (_, authorization: Authorization) => authorization.status === 'pending',
  },
  actions: {
    rememberError: assign(({ context }, params: { error: unknown; operation: string }) =>
      rememberedError(context, params.error, params.operation),
    ),
    endRateLimitRun: assign({ rateLimited: ({ context, event }) => rateLimitRunAfter(context, event.type) }),
    /** The connect machine tells the host, as it does for its own requests. */
    reportError: sendParent(({ context }) => ({ type: 'signIn.failed' as const, error: context.error! })),
    raiseRetry: raise({ type: 'user.retry' }),
    /** The window region wants the backend asked; the backend region asks when it may. */
    raiseCheck: raise({ type: 'login.check' }),
    noteUnseen: assign({ loginProblem: 'unseen' }),
    queueCheck: assign({ checkQueued: true }),
    /** Same-tab fallback when popups are blocked: the connect machine leaves the page for the login. */
    leaveForLogin: sendParent(({ context }) => ({ type: 'signIn.leave' as const, started: context.started! })),
    /** `Inloggen als andere Exact-gebruiker`: the window opens the force_login URL. */
    useOtherLogin: assign({ started: ({ context }) => context.startedOther }),
  },
}).createMachine({
  id: 'signIn',
  context: ({ input }) => ({
    started: input.prepared ?? null,
    startedOther: null,
    authorization: null,
    authorizations: [],
    reusable: null,
    forceNewLogin: input.forceNewLogin,
    organisationId: input.organisationId,
    region: input.region ?? null,
    sameTab: input.sameTab ?? true,
    loginProblem: input.problem,
    error: null,
    loginTimeout: input.loginTimeout,
    checkQueued: false,
    unseenPolls: 0,
    rateLimited: 0,
  }),
  initial: 'starting',
  output: ({ context }) => context.authorization!,
  states: {
    starting: {
      always: [
        { guard: 'startsWithProblem', target: 'problem' },
        // `Opnieuw inloggen` with a URL fetched beforehand: the window opens inside that click.
        { guard: 'hasPreparedLogin', target: 'open' },
        { target: 'preparing' },
      ],
    },
    /**
     * Both authorize URLs are fetched now, so `Open` and `Inloggen als andere Exact-gebruiker`
     * each open the window inside the click; the grants the platform already holds are fetched
     * alongside them.
     */
    preparing: {
      tags: ['busy'],
      entry: assign({ started: null, startedOther: null, loginProblem: null, error: null, authorizations: [], reusable: null }),
      type: 'parallel',
      states: {
        url: {
          initial: 'loading',
          states: {
            loading: {
              exit: 'endRateLimitRun',
              invoke: {
                src: 'startAuthorization',
                // Exact's own session decides who logs in: the common case, one user.
                input: ({ context }) => loginRequest(context, false),
                onDone: { target: 'done', actions: assign({ started: ({ event }) => event.output }) },
                onError: { target: '#signIn.failed', actions: failedRequest('startAuthorization') },
              },
            },
            done: { type: 'final' },
          },
        },
        /**
         * A login that reuses Exact's session logs in the same user again, and so revokes that
         * user's grant. The way to another user is a URL with force_login: Exact asks who.
         */
        otherUrl: {
          initial: 'loading',
          states: {
            loading: {
              exit: 'endRateLimitRun',
              invoke: {
                src: 'startAuthorization',
                input: ({ context }) => loginRequest(context, true),
                onDone: { target: 'done', actions: assign({ startedOther: ({ event }) => event.output }) },
                onError: { target: '#signIn.failed', actions: failedRequest('startAuthorization') },
              },
            },
            done: { type: 'final' },
          },
        },
        authorizations: {
          initial: 'loading',
          states: {
            loading: {
              invoke: {
                src: 'listAuthorizations',
                onDone: {
                  target: 'done',
                  actions: assign(({ context, event }) => ({
                    authorizations: event.output,
                    reusable: context.forceNewLogin ? null : (event.output.find((grant) => grant.status === 'authorized') ?? null),
                  })),
                },
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
        // The first URL would log in the same user and revoke the grant offered: only another user.
        'user.loginAsOther': { target: 'open', actions: 'useOtherLogin' },
      },
    },
    ready: { on: { 'user.openLogin': 'open', 'user.loginAsOther': { target: 'open', actions: 'useOtherLogin' } } },
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
        input: ({ context }) => ({ url: context.started!.authorizeUrl, authorizationId: context.started!.id }),
        // A bug in the window's watcher must not end the flow: the login is then a problem with a way on.
        onError: { target: 'problem', actions: assign({ loginProblem: 'failed' }) },
      },
      after: { loginTimeout: { target: 'problem', actions: assign({ loginProblem: 'timedOut' }) } },
      on: {
        'popup.blocked': { target: 'problem', actions: assign({ loginProblem: 'blocked' }) },
        'user.openLogin': { target: 'open', reenter: true },
      },
      states: {
        window: {
          initial: 'opening',
          // A failed check changes nothing while the window may still be in use (the report was
          // only a hint); `confirming` alone treats it as the end.
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
                'authorization.unknown': { target: '#signIn.failed', actions: failedRequest('getAuthorization') },
              },
            },
            /**
             * Out of sight: severed (at once or late) or closed, the element cannot tell which.
             * It keeps listening and asks the backend, less often as time goes by; once the
             * backend says pending it says it can no longer see the window.
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
                input: ({ context }) => ({ authorizationId: context.started!.id }),
                onDone: [
                  {
                    guard: { type: 'isAuthorized', params: ({ event }) => event.output },
                    target: '#signIn.authorized',
                    actions: assign({ authorization: ({ event }) => event.output }),
                  },
                  // Not settled: nothing changes; the window region decides what that means.
                  {
                    guard: { type: 'isPending', params: ({ event }) => event.output },
                    target: 'resting',
                    actions: raise({ type: 'authorization.pending' }),
                  },
                  { target: '#signIn.problem', actions: assign({ loginProblem: ({ event }) => loginProblemOf(event.output.status) }) },
                ],
                onError: { target: 'resting', actions: raise(({ event }) => ({ type: 'authorization.unknown' as const, error: event.error })) },
              },
            },
            /** The gap between two checks; a reason to ask that arrives now is kept for its end. */
            resting: {
              after: {
                checkGap: [{ guard: 'isCheckQueued', target: 'checking', actions: assign({ checkQueued: false }) }, { target: 'idle' }],
              },
            },
          },
        },
      },
    },
    /** Blocked, denied, expired, failed or timed out: say which; a fresh login is one click away. */
    problem: {
      on: {
        'user.openLogin': { guard: 'isBlocked', target: 'open' },
        'user.loginSameTab': { guard: 'canLoginSameTab', actions: 'leaveForLogin' },
        'user.retry': 'preparing',
      },
    },
    failed: { ...retryWhenRateLimited, on: { 'user.retry': 'preparing' } },
    authorized: { type: 'final' },
  },
});

export type SignInMachine = typeof signInMachine;
