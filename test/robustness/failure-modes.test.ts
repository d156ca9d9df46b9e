/**
 * 7. Every backend failure mode maps to a clear message (the exact nl.ts text) and a way on, on
 * several operations: network down, timeout, 500, 502/503, 429 (waits and retries by itself),
 * 401 (autopilot-error, state kept, `element.retry()`), 403, 404, malformed JSON, a contract
 * violation and an HTML error page.
 */
import { expect } from '@esm-bundle/chai';
import type { ApiError } from '../../src/api/api-error.js';
import { messages } from '../../src/i18n/messages.js';

const nl = messages();
import type { FailureInjection } from '../../src/mocks/index.js';
import {
  afterItsTurn,
  alertText,
  backend,
  button,
  completeExactLogin,
  expectExplained,
  findButton,
  heading,
  installFakeClock,
  isDisabled,
  listbox,
  mount,
  option,
  pointerClick,
  press,
  recordFetches,
  reportLogin,
  stubWindowOpen,
  toAdministration,
  toConnections,
  toLoginReady,
  toSystem,
  useRobustBackend,
  visibleText,
  waitFor,
  waitForAlert,
  waitForHeading,
  type ConnectElement,
} from './support.js';

type Kind = FailureInjection['kind'];

interface Operation {
  /** The contract operation that fails. */
  id: 'getStatus' | 'listConnections' | 'listOrganisations' | 'startAuthorization' | 'listDivisions' | 'createConnection';
  path: RegExp;
  method: string;
  /**
   * Up to the moment before the call. The failure is injected after this, unless `prepare`
   * injects it itself earlier with `inject()` (for a call made ahead of the user's click).
   */
  prepare: (element: ConnectElement, inject: () => void) => Promise<void>;
  /** What the user does that makes the call (nothing when it is made on mount). */
  trigger: (element: ConnectElement) => Promise<void>;
  /** The step where the failure shows. */
  heading: string;
  /** The flow went on after the retry. */
  continued: (element: ConnectElement) => Promise<unknown>;
}

const optionsListed = (element: ConnectElement) =>
  waitFor(() => listbox(element).querySelector('[role="option"]'), { message: 'options listed' });

let popup: ReturnType<typeof stubWindowOpen> | null = null;

const operations: Operation[] = [
  {
    id: 'getStatus',
    method: 'GET',
    path: /\/api\/status$/,
    prepare: async () => {},
    trigger: async () => {},
    heading: nl.connectionsHeading,
    continued: (element) => toConnections(element),
  },
  {
    id: 'listConnections',
    method: 'GET',
    path: /\/api\/connections$/,
    // The first overview comes with the status (one round trip); a return to it asks for the list.
    prepare: async (element) => {
      await toConnections(element);
      await press(element, 'New Connection');
      await waitForHeading(element, nl.organisationHeading);
    },
    trigger: async (element) => void (await press(element, 'Annuleren')),
    heading: nl.connectionsHeading,
    continued: (element) => toConnections(element),
  },
  {
    id: 'listOrganisations',
    method: 'GET',
    path: /\/api\/organisations$/,
    prepare: (element) => toConnections(element),
    trigger: async (element) => void (await press(element, 'New Connection')),
    heading: nl.organisationHeading,
    continued: (element) => optionsListed(element),
  },
  {
    id: 'startAuthorization',
    method: 'POST',
    path: /\/api\/authorizations$/,
    prepare: (element) => toSystem(element),
    trigger: async (element) => void (await press(element, 'Exact Online')),
    heading: nl.loginHeading,
    continued: (element) => waitFor(() => findButton(element, 'Open'), { message: 'Open' }),
  },
  {
    id: 'listDivisions',
    method: 'GET',
    path: /\/api\/authorizations\/[^/]+\/divisions$/,
    // Confirming the login fetches the administrations ahead of `Ga door`: that is the call.
    prepare: async (element, inject) => {
      await toLoginReady(element);
      popup = stubWindowOpen();
      await press(element, 'Open');
      const report = await completeExactLogin(popup.calls[0]!.url);
      inject();
      reportLogin(report);
      await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door' });
    },
    trigger: async (element) => void (await press(element, 'Ga door')),
    heading: nl.administrationHeading,
    continued: (element) => optionsListed(element),
  },
  {
    id: 'createConnection',
    method: 'POST',
    path: /\/api\/connections$/,
    prepare: async (element) => {
      await toAdministration(element);
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
    },
    trigger: async (element) => pointerClick(button(element, 'Afronden')),
    heading: nl.administrationHeading,
    continued: (element) => waitForHeading(element, nl.doneHeading),
  },
];

const byId = (id: Operation['id']) => operations.find((operation) => operation.id === id)!;
const scenario = 'default';

function errorsOf(element: ConnectElement): ApiError[] {
  const errors: ApiError[] = [];
  element.addEventListener('autopilot-error', (event) => errors.push(event.error));
  return errors;
}

/** Mounts, gets to just before the call, injects, makes the call. */
async function failAt(operation: Operation, injection: Omit<FailureInjection, 'operation'>) {
  let injected = false;
  const inject = () => {
    backend(scenario).injectFailure({ operation: operation.id, ...injection });
    injected = true;
  };
  if (operation.id === 'getStatus') inject();
  const element = mount(scenario);
  const errors = errorsOf(element);
  await operation.prepare(element, inject);
  if (!injected) inject();
  await operation.trigger(element);
  return { element, errors };
}

describe('robustness 7: every backend failure mode maps to a clear message and a recovery', () => {
  useRobustBackend();
  let fetches: ReturnType<typeof recordFetches> | null = null;
  let restoreTimeout: (() => void) | null = null;
  afterEach(() => {
    popup?.restore();
    fetches?.restore();
    restoreTimeout?.();
    popup = fetches = restoreTimeout = null;
  });

  const modes: Array<[name: string, kind: Kind, message: string]> = [
    ['network down', 'network', nl.error_network],
    ['500', { status: 500 }, nl.error_server],
    ['403', { status: 403 }, nl.error_forbidden],
    ['404', { status: 404 }, nl.error_not_found],
    ['malformed JSON', 'malformed-json', nl.error_malformed],
    ['contract violation', 'contract-violation', nl.error_malformed],
    ['HTML error page (502)', 'html', nl.error_unavailable],
  ];
  const matrix = ['getStatus', 'listOrganisations', 'startAuthorization', 'listDivisions', 'createConnection'] as const;

  for (const [name, kind, message] of modes) {
    for (const id of matrix) {
      it(`${name} on ${id}: "${message.slice(0, 40)}…", \`Opnieuw proberen\` goes on`, async () => {
        const operation = byId(id);
        const { element, errors } = await failAt(operation, { kind });
        await waitForAlert(element, message);
        expectExplained(element, message);
        expect(heading(element), 'on the step of the call').to.equal(operation.heading);
        expect(errors, 'autopilot-error').to.have.length(1);
        await press(element, 'Opnieuw proberen');
        await operation.continued(element);
        expect(element.shadowRoot!.querySelector('[data-alert]'), 'the message is gone').to.equal(null);
      });
    }
  }

  // 502 and 503 problem+json answers, as a platform behind a gateway sends them: "temporarily unavailable".
  for (const status of [502, 503] as const) {
    for (const id of ['getStatus', 'listOrganisations', 'createConnection'] as const) {
      it(`${status} problem on ${id}: the unavailable message, \`Opnieuw proberen\` goes on`, async () => {
        const operation = byId(id);
        const { element } = await failAt(operation, { kind: { status } });
        await waitForAlert(element, nl.error_unavailable);
        expectExplained(element, nl.error_unavailable);
        await press(element, 'Opnieuw proberen');
        await operation.continued(element);
      });
    }
  }

  for (const id of ['listConnections', 'listOrganisations', 'listDivisions', 'createConnection'] as const) {
    it(`429 with Retry-After 1 on ${id}: says so, waits, retries by itself and goes on (no click)`, async () => {
      const operation = byId(id);
      const early = id === 'listConnections';
      if (early) fetches = recordFetches();
      // The element's wait runs on the simulated clock, installed before the call.
      const clock = installFakeClock();
      const { element, errors } = await failAt(operation, { kind: { status: 429, retryAfter: 1 } });
      fetches ??= recordFetches();
      await waitForAlert(element, nl.error_rateLimited(1));
      expect(findButton(element, 'Opnieuw proberen'), 'a button to go on now').to.not.equal(null);
      expect(errors.map((error) => [error.status, error.code, error.operation]), 'the problem as the host gets it').to.deep.equal([[429, 'rate_limited', operation.id]]);
      const asked = fetches.count(operation.method, operation.path);
      await clock.tickAsync(999);
      await afterItsTurn(element);
      expect(fetches.count(operation.method, operation.path), 'not asked again before the second is over').to.equal(asked);
      await clock.tickAsync(1);
      await operation.continued(element);
      expect(fetches.count(operation.method, operation.path), 'asked again by itself').to.equal(asked + 1);
    });
  }

  for (const id of ['listConnections', 'listOrganisations', 'createConnection'] as const) {
    it(`401 on ${id}: autopilot-error with status 401, the session message, the state kept; element.retry() goes on from there`, async () => {
      const operation = byId(id);
      const { element, errors } = await failAt(operation, { kind: { status: 401 }, times: Infinity });
      await waitForAlert(element, nl.error_unauthenticated);
      expectExplained(element, nl.error_unauthenticated);
      expect(errors.map((error) => error.status), 'autopilot-error').to.deep.equal([401]);
      expect(heading(element), 'the same step').to.equal(operation.heading);
      if (id === 'createConnection') {
        expect(option(element, 'eLien test company').getAttribute('aria-selected'), 'the choice kept').to.equal('true');
      }
      // The host renews the session, then asks the element to try again.
      backend(scenario).clearFailures();
      (element as unknown as { retry(): void }).retry();
      await operation.continued(element);
    });
  }

  /** Makes the client's 20 s timeout take `ms` instead (the element's ApiClient keeps its default). */
  function shortenClientTimeout(element: HTMLElement, ms: number): void {
    element.setAttribute('request-timeout', String(ms / 1000));
    restoreTimeout = () => element.setAttribute('request-timeout', '20');
  }

  for (const id of ['listOrganisations', 'startAuthorization', 'createConnection'] as const) {
    it(`timeout on ${id} (request-timeout 0.4 s): the timeout message, \`Opnieuw proberen\` goes on`, async () => {
      const operation = byId(id);
      const element = mount(scenario);
      await operation.prepare(element, () => {});
      shortenClientTimeout(element, 400);
      // The answer is held 1.5 s on the simulated clock, the client gives up at 0.4 s on the same clock.
      backend(scenario).injectFailure({ operation: operation.id, kind: { delayMs: 1500 } });
      const clock = installFakeClock();
      await operation.trigger(element);
      await clock.tickAsync(399);
      await afterItsTurn(element);
      expect(alertText(element), 'not timed out before 0.4 s').to.equal('');
      await clock.tickAsync(1);
      await waitForAlert(element, nl.error_timeout);
      expectExplained(element, nl.error_timeout);
      // Let the held answer go (to a request already given up): a mock left waiting would hold up MSW.
      await clock.tickAsync(1500);
      restoreTimeout?.();
      await press(element, 'Opnieuw proberen');
      await operation.continued(element);
    });
  }

  it('timeout at the real 20 s client default (getStatus): the timeout message, `Opnieuw proberen` goes on', async () => {
    // The backend started before the clock stops (it seeds on real time), and the call is held on
    // the clock from its start: the ticks below then also let the held answer go.
    await backend(scenario).ready;
    backend(scenario).injectFailure({ operation: 'getStatus', kind: { delayMs: 21_000 } });
    const clock = installFakeClock();
    const element = mount(scenario);
    await waitFor(() => visibleText(element).includes(nl.loading), { message: 'loading' });
    await waitFor(() => backend(scenario).pendingFailures().length === 0, { message: 'the call held at the backend' });
    await clock.tickAsync(19_999);
    await afterItsTurn(element);
    expect(alertText(element), 'not timed out before 20 s').to.equal('');
    expect(visibleText(element)).to.include(nl.loading);
    await clock.tickAsync(1);
    await waitForAlert(element, nl.error_timeout);
    expectExplained(element, nl.error_timeout);
    await clock.tickAsync(1000); // the held answer goes (to a request already given up)
    await press(element, 'Opnieuw proberen');
    await toConnections(element);
  });
});
