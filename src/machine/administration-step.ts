import { assign, emit } from 'xstate';
import { administrationsScope, connectSetup, resumeRecord } from './connect-setup.js';
import { pagedList } from './paged-list.js';
import { failedRequest, retryWhenRateLimited } from './requests.js';
import type { ConnectEvent } from './types.js';

/**
 * Step 4 of 5: `Selecteer afdeling` (the Exact Online administration) and the booking flow, then
 * `Afronden`. What is chosen is kept for a reload (saveResume) as it is chosen.
 */
const administrations = pagedList({
  list: 'administrations',
  src: 'listDivisions',
  scope: administrationsScope,
});

const keepResume = { type: 'saveResume', params: resumeRecord } as const;

type Select = Extract<ConnectEvent, { type: 'user.selectAdministration' }>;
type SelectFlow = Extract<ConnectEvent, { type: 'user.selectBookingFlow' }>;

const choose = {
  selectAdministration: {
    guard: { type: 'isAdministrationSelectable', params: ({ event }: { event: ConnectEvent }) => (event as Select).administration },
    actions: [{ type: 'chooseAdministration', params: ({ event }: { event: ConnectEvent }) => (event as Select).administration }, keepResume],
  },
  selectBookingFlow: {
    actions: [{ type: 'chooseBookingFlow', params: ({ event }: { event: ConnectEvent }) => (event as SelectFlow).bookingFlow }, keepResume],
  },
} as const;

export const administrationStep = connectSetup.createStateConfig({
  meta: { view: 'administration', step: 4 },
  initial: 'entering',
  entry: keepResume,
  exit: 'clearResume',
  /**
   * A login URL for `Opnieuw inloggen`, fetched while the user picks: the window must open inside
   * that click, and a popup opened after an await is blocked. Without it the login step prepares one.
   */
  invoke: {
    src: 'startAuthorization',
    input: ({ context }) => ({ organisationId: context.organisation!.id, forceLogin: false }),
    onDone: { actions: assign({ preparedLogin: ({ event }) => event.output }) },
    onError: { actions: [] },
  },
  on: {
    'user.back': '#connect.flow.login.authorized',
    /** An administration was not granted on the consent screen: log in again to grant it (at once, when the URL is here). */
    'user.loginAgain': { target: '#connect.flow.login', actions: 'takePreparedLogin' },
    'user.searchAdministrations': administrations.search,
    /** From wherever the button is: `Afronden` (a retry keeps the key of the attempt that failed). */
    'user.finish': {
      guard: 'canFinish',
      target: '.finishing',
      actions: [assign({ idempotencyKey: ({ context }) => context.idempotencyKey ?? context.createId() }), keepResume],
    },
  },
  states: {
    /**
     * Straight to the list when the prefetch (or an earlier visit) brought it, or to the
     * prefetch's failure: one request, its error shown where it belongs.
     */
    entering: {
      always: [
        { guard: 'hasAdministrations', target: 'ready' },
        { guard: 'hasError', target: 'failed', actions: 'reportError' },
        { target: 'loading' },
      ],
    },
    ...administrations.states,
    ready: {
      on: {
        'user.loadMoreAdministrations': administrations.loadMore,
        'user.selectAdministration': choose.selectAdministration,
        'user.selectBookingFlow': choose.selectBookingFlow,
      },
    },
    /**
     * A second `Afronden` has nowhere to go from here; a retry reuses the same key. Search, back,
     * cancel and `Opnieuw inloggen` wait too: leaving now would lose a connection the backend may make.
     */
    finishing: {
      tags: ['busy'],
      entry: 'clearError',
      on: {
        'user.finish': { actions: [] },
        'user.loginAgain': { actions: [] },
        'user.searchAdministrations': { actions: [] },
        'user.back': { actions: [] },
        'user.cancel': { actions: [] },
      },
      exit: 'endRateLimitRun',
      invoke: {
        src: 'createConnection',
        input: ({ context }) => ({
          organisationId: context.organisation!.id,
          authorizationId: context.authorization!.id,
          divisionCode: context.administration!.code,
          bookingFlow: context.bookingFlow,
          idempotencyKey: context.idempotencyKey!,
        }),
        onDone: {
          target: '#connect.done',
          actions: [assign({ connection: ({ event }) => event.output }), emit(({ event }) => ({ type: 'connected' as const, connection: event.output }))],
        },
        onError: { target: 'finishFailed', actions: failedRequest('createConnection') },
      },
    },
    /**
     * The choices stay; the user tries `Afronden` again or picks another administration. A refusal
     * that stays (finish-refusal.ts) is not tried again: only another administration or a login helps.
     */
    finishFailed: {
      ...retryWhenRateLimited,
      on: {
        'user.finish': { guard: 'isFinishRefused', actions: [] },
        'user.retry': 'finishing',
        'user.selectAdministration': { ...choose.selectAdministration, target: 'ready' },
        'user.selectBookingFlow': { ...choose.selectBookingFlow, target: 'ready' },
      },
    },
  },
});
