import { fromPromise } from 'xstate';
import type { ApiClient } from './api/client.js';
import type { ConnectMachine } from './machine/connect-machine.js';
import { createLoginWindowActor } from './popup/login-window.js';

export interface EffectsEnvironment {
  api: ApiClient;
  window: Window;
  /** Origin of the callback page; the page with the element, unless the host says otherwise. */
  callbackOrigin: string;
  locale: () => string;
  /** Same-tab login: leave the page for the login of `authorizationId`; the element resumes on return. */
  navigate: (url: string, authorizationId: string) => void;
}

/** The real side effects of the connect machine: the backend contract and the login window. */
export function provideEffects(machine: ConnectMachine, { api, window, callbackOrigin, locale, navigate }: EffectsEnvironment) {
  return machine.provide({
    actions: { navigateToLogin: (_, { url, authorizationId }) => navigate(url, authorizationId) },
    actors: {
      getStatus: fromPromise(({ signal }) => api.getStatus(signal)),
      listConnections: fromPromise(async ({ signal }) => (await api.listConnections(signal)).items),
      listOrganisations: fromPromise(({ input, signal }) => api.listOrganisations(input, signal)),
      startLogin: fromPromise(({ signal }) =>
        api.startAuthorization({ returnOrigin: callbackOrigin, locale: locale() }, signal),
      ),
      listGrants: fromPromise(async ({ signal }) => (await api.listAuthorizations(signal)).items),
      loginWindow: createLoginWindowActor({ window, expectedOrigin: callbackOrigin }),
      getAuthorization: fromPromise(({ input, signal }) => api.getAuthorization(input.authorizationId, signal)),
      listDivisions: fromPromise(({ input: { authorizationId, ...page }, signal }) =>
        api.listDivisions(authorizationId, page, signal),
      ),
      createConnection: fromPromise(({ input: { idempotencyKey, ...request }, signal }) =>
        api.createConnection(request, idempotencyKey, signal),
      ),
      createRedelivery: fromPromise(({ input, signal }) => api.createRedelivery(input.organisationId, input.from, signal)),
    },
  });
}
