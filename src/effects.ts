import { fromPromise } from 'xstate';
import type { ApiClient } from './api/client.js';
import type { ConnectMachine } from './machine/connect-machine.js';
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
}

/**
 * The real side effects of the connect machine: the backend contract (each actor named as its
 * operation), the login window, the page's address and the resume record.
 */
export function provideEffects(machine: ConnectMachine, { api, window, callbackOrigin, locale, navigate, resume, batch }: EffectsEnvironment) {
  const batchRequests = batchEffects(api);
  const getAuthorization = fromPromise<Awaited<ReturnType<ApiClient['getAuthorization']>>, { authorizationId: string }>(({ input, signal }) =>
    api.getAuthorization(input.authorizationId, signal),
  );
  const startAuthorization = fromPromise<Awaited<ReturnType<ApiClient['startAuthorization']>>, StartAuthorizationInput>(({ input, signal }) =>
    api.startAuthorization(
      {
        returnOrigin: callbackOrigin,
        locale: locale(),
        // The backend derives the Exact region from the organisation's country, unless a reconnect names it.
        ...(input.organisationId ? { organisationId: input.organisationId } : {}),
        ...(input.region ? { region: input.region } : {}),
        forceLogin: input.forceLogin,
      },
      signal,
    ),
  );
  return machine.provide({
    actions: {
      navigateToLogin: (_, { url, authorizationId }) => navigate(url, authorizationId),
      saveResume: (_, record) => resume.save(record),
      clearResume: () => resume.clear(),
      saveBatch: (_, record) => batch.save(record),
      clearBatch: () => batch.clear(),
    },
    actors: {
      getStatus: fromPromise(({ signal }) => api.getStatus(signal)),
      listConnections: fromPromise(async ({ signal }) => (await api.listConnections(signal)).items),
      listOrganisations: fromPromise(({ input, signal }) => api.listOrganisations(input, signal)),
      getAuthorization,
      listDivisions: fromPromise(({ input: { authorizationId, ...page }, signal }) => api.listDivisions(authorizationId, page, signal)),
      createConnection: fromPromise(({ input: { idempotencyKey, ...request }, signal }) =>
        api.createConnection(request, idempotencyKey, signal),
      ),
      previewRedelivery: fromPromise(({ input, signal }) => api.previewRedelivery(input.organisationId, input.from, signal)),
      createRedelivery: fromPromise(({ input, signal }) => api.createRedelivery(input.organisationId, input.from, input.idempotencyKey, signal)),
      deleteConnection: fromPromise(({ input, signal }) => api.deleteConnection(input.connectionId, signal)),
      loadBatchCandidates: fromPromise(({ input, signal }) => batchRequests.loadBatchCandidates(input.authorizationId, signal)),
      previewRedeliveries: fromPromise(({ input, signal }) => batchRequests.previewRedeliveries(input.organisationIds, input.from, signal)),
      createRedeliveries: fromPromise(({ input, signal }) => batchRequests.createRedeliveries(input.requests, input.from, signal)),
      startAuthorization,
      reauthorizeConnection: fromPromise(({ input, signal }) => api.reauthorizeConnection(input.connectionId, input.authorizationId, signal)),
      signIn: signInMachine.provide({
        actors: {
          startAuthorization,
          listAuthorizations: fromPromise(async ({ signal }) => (await api.listAuthorizations(signal)).items),
          loginWindow: createLoginWindowActor({ window, expectedOrigin: callbackOrigin }),
          getAuthorization,
        },
      }),
    },
  });
}
