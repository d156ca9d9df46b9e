import { assign } from 'xstate';
import { administrationsScope, connectSetup, resumeRecord } from './connect-setup.js';
import type { ConnectContext, ConnectEvent } from './types.js';

type LeaveEvent = Extract<ConnectEvent, { type: 'signIn.leave' }>;

const toSignIn = { actions: 'forwardToSignIn' } as const;

/**
 * Step 3 of 5: the Exact Online login. The child machine `signIn` does the login itself; this
 * step holds its outcome (the grant), prefetches the administrations while the user reads the
 * confirmation, and leaves the page when the login must run in this tab.
 */
export const loginStep = connectSetup.createStateConfig({
  meta: { view: 'login', step: 3 },
  initial: 'signingIn',
  on: { 'user.back': 'system' },
  states: {
    signingIn: {
      // A new login may reach other administrations: earlier choices there are void.
      entry: ['forgetGrant', 'clearResume'],
      exit: assign({ resumedProblem: null, loginAtOnce: null }),
      invoke: {
        id: 'signIn',
        src: 'signIn',
        input: ({ context }) => ({
          loginTimeout: context.loginTimeout,
          forceNewLogin: context.forceNewLogin,
          organisationId: context.organisation?.id ?? null,
          problem: context.resumedProblem,
          prepared: context.loginAtOnce,
        }),
        onDone: { target: 'authorized', actions: assign({ authorization: ({ event }) => event.output }) },
      },
      on: {
        'user.openLogin': toSignIn,
        'user.reuseGrant': toSignIn,
        'user.loginAsOther': toSignIn,
        'user.loginSameTab': toSignIn,
        'user.retry': toSignIn,
        'signIn.failed': { actions: 'reportLoginError' },
        'signIn.leave': {
          target: 'leftForLogin',
          actions: [
            {
              type: 'saveResume',
              params: ({ context, event }: { context: ConnectContext; event: ConnectEvent }) => ({
                organisation: context.organisation!,
                authorizationId: (event as LeaveEvent).started.id,
                administration: null,
                bookingFlow: context.bookingFlow,
                idempotencyKey: null,
              }),
            },
            {
              type: 'navigateToLogin',
              params: ({ event }: { event: ConnectEvent }) => ({
                url: (event as LeaveEvent).started.authorizeUrl,
                authorizationId: (event as LeaveEvent).started.id,
              }),
            },
          ],
        },
      },
    },
    /**
     * The login is confirmed. The first page of administrations is fetched now, while the user
     * reads the confirmation, so `Ga door` shows them without a wait.
     */
    authorized: {
      initial: 'checking',
      entry: { type: 'saveResume', params: resumeRecord },
      exit: 'clearResume',
      states: {
        checking: { always: [{ guard: 'hasAdministrations', target: 'prefetched' }, { target: 'prefetching' }] },
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
            input: ({ context }) => ({ ...administrationsScope(context), query: context.administrations.query }),
            onDone: {
              actions: [
                { type: 'rememberPage', params: ({ event }) => ({ list: 'administrations' as const, page: event.output as never, append: false }) },
                'raisePrefetchSettled',
              ],
            },
            // Kept, not shown yet: the administration step says what went wrong when the user gets there.
            onError: {
              actions: [{ type: 'rememberError', params: ({ event }) => ({ error: event.error, operation: 'listDivisions' }) }, 'raisePrefetchSettled'],
            },
          },
        },
        prefetched: { on: { 'user.continue': '#connect.flow.administration' } },
      },
    },
    /** The page goes to the login; the element resumes at the administration step on return. */
    leftForLogin: { tags: ['leftForLogin'], exit: 'clearResume' },
  },
});
