import { assign } from 'xstate';
import { connectSetup } from './connect-setup.js';
import { failedRequest, retryWhenRateLimited } from './requests.js';

const toSignIn = { actions: 'forwardToSignIn' } as const;

/**
 * `Opnieuw verbinden` on a connection whose login lapsed, was replaced or left its administration
 * out: one Exact login (the child machine `signIn`, with every guarantee of the login step), and
 * the connection keeps its id, organisation and administration. If the backend did not already
 * move it onto the new grant (another Exact user took over), the element asks it to, in place.
 */
export const reconnectStep = connectSetup.createStateConfig({
  meta: { view: 'reconnect' },
  initial: 'signingIn',
  on: {
    'user.cancel': { target: '#connect.connections', actions: assign({ reconnecting: null, authorization: null }) },
  },
  states: {
    signingIn: {
      invoke: {
        id: 'signIn',
        src: 'signIn',
        input: ({ context }) => ({
          loginTimeout: context.loginTimeout,
          // The connection's own grant is what failed; another user's grant is a choice the user makes below.
          forceNewLogin: true,
          organisationId: context.reconnecting!.organisation.id,
          // On the host the connection lives on: nothing is portable between Exact's countries.
          region: context.reconnecting!.region,
          problem: null,
          // Leaving the page would lose the reconnect: a blocked popup is opened again instead.
          sameTab: false,
        }),
        onDone: [
          {
            guard: { type: 'isRepaired', params: ({ event }) => event.output },
            target: '#connect.connections',
            actions: [assign({ authorization: ({ event }) => event.output }), { type: 'noteReconnected', params: { repaired: null } }, 'emitReconnected'],
          },
          { target: 'reauthorizing', actions: assign({ authorization: ({ event }) => event.output }) },
        ],
      },
      on: {
        'user.openLogin': toSignIn,
        'user.loginAsOther': toSignIn,
        'user.retry': toSignIn,
        'signIn.failed': { actions: 'reportLoginError' },
      },
    },
    /** The login is another Exact user's (or the backend did not move it): point the connection at it. */
    reauthorizing: {
      tags: ['busy'],
      exit: 'endRateLimitRun',
      invoke: {
        src: 'reauthorizeConnection',
        input: ({ context }) => ({ connectionId: context.reconnecting!.id, authorizationId: context.authorization!.id }),
        onDone: {
          target: '#connect.connections',
          actions: [{ type: 'noteReconnected', params: ({ event }) => ({ repaired: event.output }) }, 'emitReconnected'],
        },
        onError: { target: 'failed', actions: failedRequest('reauthorizeConnection') },
      },
    },
    /** Refused (e.g. that login does not reach the administration): say why; log in again or try again. */
    failed: {
      ...retryWhenRateLimited,
      on: {
        'user.retry': { target: 'reauthorizing', actions: 'clearError' },
        'user.loginAgain': { target: 'signingIn', actions: ['clearError', assign({ authorization: null })] },
      },
    },
  },
});
