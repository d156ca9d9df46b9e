import { fromPromise, type AnyActorRef } from 'xstate';
import type { ApiClient } from './api/client.js';
import type { Status } from './api/types.js';
import { connectMachine } from './machine/connect-machine.js';
import { signInMachine } from './machine/sign-in-machine.js';
import type { ResumeRecord, StartAuthorizationInput } from './machine/types.js';
import type { BatchRecord } from './machine/batch-types.js';
import { batchEffects } from './batch-effects.js';
import { createLoginWindowActor } from './popup/login-window.js';

export interface EffectsEnvironment {
  api: ApiClient;
  window: Window;
  /** Origin of the callback page; the page with the element, unless the host says otherwise. */
  callbackOrigin: string;
  locale: () => string;
  /** Same-tab login: leave the page for the login of `authorizationId`; the element resumes on return. */
  navigate: (url: string, authorizationId: string) => void;
  /** Where this flow's resume record lives; the machine decides when to write and drop it. */
  resume: { save: (record: ResumeRecord) => void; clear: () => void };
  /** Where a batch run is kept for a reload, beside the resume record. */
  batch: { save: (record: BatchRecord) => void; clear: () => void };
  /** The flow's status request, the first sent before the flow was built. */
  status: EarlyRequest<Status>;
}

/** The actor system a flow and its children share. */
type AnyActorSystem = AnyActorRef['system'];

/**
 * Each running flow's environment, found from its actor system, which the flow's children (the
 * login) share. So the machine is provided once per page, not rebuilt for every element: an
 * element binds its environment to the actor it creates (`bindEffects`) before starting it.
 */
const environments = new WeakMap<AnyActorSystem, EffectsEnvironment>();

function environmentOf(system: AnyActorSystem): EffectsEnvironment {
  const environment = environments.get(system);
  if (!environment) throw new Error('bindEffects(actor, environment) must come before actor.start()');
  return environment;
}

export const bindEffects = (actor: AnyActorRef, environment: EffectsEnvironment): void => {
  environments.set(actor.system, environment);
};

const apiOf = (system: AnyActorSystem) => environmentOf(system).api;

/**
 * A request sent at once, before anything that can wait (building the flow, reading storage,
 * the first render), and handed to the first actor that asks; any later one asks afresh. The
 * actor's abort (a stopped flow) aborts it; `cancel` does when no actor came to take it.
 */
export interface EarlyRequest<T> {
  take: (signal: AbortSignal) => Promise<T>;
  cancel: () => void;
}

export function earlyRequest<T>(request: (signal: AbortSignal) => Promise<T>): EarlyRequest<T> {
  const controller = new AbortController();
  let pending: Promise<T> | null = request(controller.signal);
  // Rejected before its actor takes it, it is that actor's to report, not an unhandled rejection.
  pending.catch(() => {});
  return {
    take(signal) {
      const taken = pending;
      pending = null;
      if (!taken) return request(signal);
      if (signal.aborted) controller.abort(signal.reason);
      else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
      return taken;
    },
    cancel() {
      if (pending) controller.abort();
      pending = null;
    },
  };
}

/** An actor that makes one backend call with the flow's API client. */
const call = <T, I>(request: (api: ApiClient, input: I, signal: AbortSignal, system: AnyActorSystem) => Promise<T>) =>
  fromPromise<T, I>(({ input, signal, system }) => request(apiOf(system), input, signal, system));

const getAuthorization = call((api, input: { authorizationId: string }, signal) => api.getAuthorization(input.authorizationId, signal));
const startAuthorization = call((api, input: StartAuthorizationInput, signal, system) => {
  const { callbackOrigin, locale } = environmentOf(system);
  return api.startAuthorization(
    {
      returnOrigin: callbackOrigin,
      locale: locale(),
      // The backend derives the Exact region from the organisation's country, unless a reconnect names it.
      ...(input.organisationId ? { organisationId: input.organisationId } : {}),
      ...(input.region ? { region: input.region } : {}),
      forceLogin: input.forceLogin,
    },
    signal,
  );
});

/**
 * The connect machine with its real side effects: the backend contract (each actor named as its
 * operation), the login window, the page's address and the resume record, each taken from the
 * running flow's environment.
 */
export const connectWithEffects = connectMachine.provide({
  actions: {
    navigateToLogin: ({ system }, { url, authorizationId }) => environmentOf(system).navigate(url, authorizationId),
    saveResume: ({ system }, record) => environmentOf(system).resume.save(record),
    clearResume: ({ system }) => environmentOf(system).resume.clear(),
    saveBatch: ({ system }, record) => environmentOf(system).batch.save(record),
    clearBatch: ({ system }) => environmentOf(system).batch.clear(),
  },
  actors: {
    getStatus: fromPromise(({ signal, system }) => environmentOf(system).status.take(signal)),
    listConnections: call(async (api, _: unknown, signal) => (await api.listConnections(signal)).items),
    listOrganisations: call((api, input: Parameters<ApiClient['listOrganisations']>[0], signal) => api.listOrganisations(input, signal)),
    getAuthorization,
    listDivisions: call((api, { authorizationId, ...page }: { authorizationId: string } & Parameters<ApiClient['listDivisions']>[1], signal) =>
      api.listDivisions(authorizationId, page, signal),
    ),
    createConnection: call((api, { idempotencyKey, ...request }: { idempotencyKey: string } & Parameters<ApiClient['createConnection']>[0], signal) =>
      api.createConnection(request, idempotencyKey, signal),
    ),
    previewRedelivery: call((api, input: { organisationId: string; from: string }, signal) => api.previewRedelivery(input.organisationId, input.from, signal)),
    createRedelivery: call((api, input: { organisationId: string; from: string; idempotencyKey: string }, signal) =>
      api.createRedelivery(input.organisationId, input.from, input.idempotencyKey, signal),
    ),
    deleteConnection: call((api, input: { connectionId: string }, signal) => api.deleteConnection(input.connectionId, signal)),
    loadBatchCandidates: call((api, input: { authorizationId: string }, signal) => batchEffects(api).loadBatchCandidates(input.authorizationId, signal)),
    previewRedeliveries: call((api, input: { organisationIds: string[]; from: string }, signal) => batchEffects(api).previewRedeliveries(input.organisationIds, input.from, signal)),
    createRedeliveries: call((api, input: { requests: Array<{ organisationId: string; idempotencyKey: string }>; from: string }, signal) =>
      batchEffects(api).createRedeliveries(input.requests, input.from, signal),
    ),
    startAuthorization,
    reauthorizeConnection: call((api, input: { connectionId: string; authorizationId: string }, signal) =>
      api.reauthorizeConnection(input.connectionId, input.authorizationId, signal),
    ),
    signIn: signInMachine.provide({
      actors: {
        startAuthorization,
        listAuthorizations: call(async (api, _: unknown, signal) => (await api.listAuthorizations(signal)).items),
        loginWindow: createLoginWindowActor((system) => {
          const { window, callbackOrigin } = environmentOf(system);
          return { window, expectedOrigin: callbackOrigin };
        }),
        getAuthorization,
      },
    }),
  },
});
