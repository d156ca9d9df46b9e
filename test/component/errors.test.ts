import { expect } from '@esm-bundle/chai';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ApiError } from '../../src/api/api-error.js';
import { messages } from '../../src/i18n/messages.js';

const nl = messages();
import { createMockHandlers } from '../../src/mocks/index.js';
import {
  alertText,
  backend,
  button,
  expectExplained,
  findButton,
  heading,
  isDisabled,
  listbox,
  mount,
  option,
  pointerClick,
  press,
  toAdministration,
  toConnections,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  type ConnectElement,
} from './support.js';

// This file runs its own worker with the mock handlers, so a test can put a handler in front.
const worker = setupWorker(...(await createMockHandlers()));

const problem = (status: number, code: string, title = 'Error') =>
  HttpResponse.json({ type: 'about:blank', title, status, code, detail: 'test' }, { status, headers: { 'Content-Type': 'application/problem+json' } });

/** Records the element's autopilot-error events. */
function errorsOf(element: ConnectElement): ApiError[] {
  const errors: ApiError[] = [];
  element.addEventListener('autopilot-error', (event) => errors.push(event.error));
  return errors;
}

describe('<autopilot-connect> errors', () => {
  before(async () => {
    await worker.start({ onUnhandledFrame: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  });
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());
  useMockBackend({ startWorker: false });

  describe('scenario errors: every first call fails', () => {
    it('the status check fails with a clear message; `Opnieuw proberen` works', async () => {
      const element = mount('errors');
      const errors = errorsOf(element);
      await waitForText(element, nl.error_server);
      expectExplained(element, nl.error_server);
      expect(heading(element)).to.equal('Actieve koppelingen');
      expect(errors).to.have.length(1);
      expect(errors[0]!.status).to.equal(500);
      expect(errors[0]!.code).to.equal('internal_error');

      await press(element, 'Opnieuw proberen');
      // The status brings the connections (one round trip): the overview follows without a second call.
      await waitForHeading(element, 'Actieve koppelingen');
      await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
      expect(visibleText(element)).to.include('1 actieve koppeling');
      expect(element.shadowRoot!.querySelector('[data-alert]')).to.equal(null);
      expect(errors).to.have.length(1);
    });

    it('the connections fail once on a backend whose status omits them; `Opnieuw proberen` loads them', async () => {
      backend('errors').statusCarriesConnections = false;
      const element = mount('errors');
      const errors = errorsOf(element);
      await press(element, 'Opnieuw proberen');
      await waitForHeading(element, 'Actieve koppelingen');
      await waitForText(element, nl.error_server);
      expectExplained(element, nl.error_server);
      expect(errors).to.have.length(2);
      expect(errors[1]!.operation).to.equal('listConnections');
      await press(element, 'Opnieuw proberen');
      await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
      expect(visibleText(element)).to.include('1 actieve koppeling');
      expect(element.shadowRoot!.querySelector('[data-alert]')).to.equal(null);
    });

    it('the organisation list fails once; `Opnieuw proberen` loads it, `Terug` is offered', async () => {
      const element = mount('errors');
      await press(element, 'Opnieuw proberen');
      await waitForHeading(element, 'Actieve koppelingen');
      await press(element, 'New Connection');
      await waitForHeading(element, 'Kies de organisatie');
      await waitForText(element, nl.error_server);
      expectExplained(element, nl.error_server);
      expect(findButton(element, 'Terug')).to.not.equal(null);
      await press(element, 'Opnieuw proberen');
      await waitFor(() => option(element, 'eLien test company'), { message: 'eLien listed' });
    });

    it('a failed organisation list offers `Terug` once', async () => {
      const element = mount('errors');
      await press(element, 'Opnieuw proberen');
      await waitForHeading(element, 'Actieve koppelingen');
      await press(element, 'New Connection');
      await waitForText(element, nl.error_server);
      const backs = Array.from(element.shadowRoot!.querySelectorAll('button')).filter((b) => b.textContent?.trim() === 'Terug');
      expect(backs).to.have.length(1);
    });
  });

  describe('answers that break the contract', () => {
    it('malformed JSON for the connections: a specific message, autopilot-error, and a retry that works', async () => {
      // A backend whose status omits the connections: the element asks for them (listConnections).
      backend('default').statusCarriesConnections = false;
      worker.use(http.get('/mock/default/api/connections', () => new HttpResponse('{"items": [', { headers: { 'Content-Type': 'application/json' } })));
      const element = mount('default');
      const errors = errorsOf(element);
      await waitForText(element, nl.error_malformed);
      expectExplained(element, nl.error_malformed);
      expect(heading(element)).to.equal('Actieve koppelingen');
      expect(errors.map((error) => error.kind)).to.deep.equal(['malformed']);
      worker.resetHandlers();
      await press(element, 'Opnieuw proberen');
      await toConnections(element);
      expect(visibleText(element)).to.include('1 actieve koppeling');
    });

    it('a body that violates the contract (organisations): a specific message, never a crash', async () => {
      const element = mount('default');
      await toConnections(element);
      const errors = errorsOf(element);
      worker.use(http.get('/mock/default/api/organisations', () => HttpResponse.json({ items: [{ id: 42, name: null }], total: 'many' })));
      await press(element, 'New Connection');
      await waitForText(element, nl.error_malformed);
      expectExplained(element, nl.error_malformed);
      expect(heading(element)).to.equal('Kies de organisatie');
      expect(errors).to.have.length(1);
      expect(errors[0]!.kind).to.equal('contract');
      expect(errors[0]!.operation).to.equal('listOrganisations');
      worker.resetHandlers();
      await press(element, 'Opnieuw proberen');
      await waitFor(() => option(element, 'eLien test company'), { message: 'eLien listed' });
    });

    it('a success status other than the contract says (204 for the status) is an error too', async () => {
      worker.use(http.get('/mock/default/api/status', () => new HttpResponse(null, { status: 204 })));
      const element = mount('default');
      const errors = errorsOf(element);
      await waitFor(() => errors.length === 1, { message: 'autopilot-error' });
      await waitFor(() => element.shadowRoot!.querySelector('[data-alert]'), { message: 'an alert' });
      expect(heading(element)).to.not.equal('');
      expect(findButton(element, 'Opnieuw proberen')).to.not.equal(null);
    });
  });

  describe('HTTP failures', () => {
    it('401 problem on the status: the session message, and autopilot-error with status 401', async () => {
      worker.use(http.get('/mock/default/api/status', () => problem(401, 'unauthenticated', 'Unauthorized')));
      const element = mount('default');
      const errors = errorsOf(element);
      await waitForText(element, nl.error_unauthenticated);
      expectExplained(element, nl.error_unauthenticated);
      expect(errors).to.have.length(1);
      expect(errors[0]!.status).to.equal(401);
      expect(errors[0]!.code).to.equal('unauthenticated');
    });

    it('401 without a body (a proxy) on the connections: still the session message', async () => {
      // A backend whose status omits the connections: the element asks for them (listConnections).
      backend('default').statusCarriesConnections = false;
      worker.use(http.get('/mock/default/api/connections', () => new HttpResponse('<html>login</html>', { status: 401, headers: { 'Content-Type': 'text/html' } })));
      const element = mount('default');
      const errors = errorsOf(element);
      await waitForText(element, nl.error_unauthenticated);
      expectExplained(element, nl.error_unauthenticated);
      expect(errors[0]!.status).to.equal(401);
      expect(errors[0]!.kind).to.equal('http');
    });

    it('503 with an HTML page: the unavailable message', async () => {
      // A backend whose status omits the connections: the element asks for them (listConnections).
      backend('default').statusCarriesConnections = false;
      worker.use(http.get('/mock/default/api/connections', () => new HttpResponse('<h1>Bad gateway</h1>', { status: 503, headers: { 'Content-Type': 'text/html' } })));
      const element = mount('default');
      await waitForText(element, nl.error_unavailable);
      expectExplained(element, nl.error_unavailable);
    });

    it('a network failure: the connection message', async () => {
      // A backend whose status omits the connections: the element asks for them (listConnections).
      backend('default').statusCarriesConnections = false;
      worker.use(http.get('/mock/default/api/connections', () => HttpResponse.error()));
      const element = mount('default');
      const errors = errorsOf(element);
      await waitForText(element, nl.error_network);
      expectExplained(element, nl.error_network);
      expect(errors[0]!.kind).to.equal('network');
    });

    it('the login cannot be prepared: a message and a retry that works', async () => {
      const element = mount('default');
      await toConnections(element);
      await press(element, 'New Connection');
      await waitFor(() => option(element, 'eLien test company'));
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => !isDisabled(button(element, 'Bevestigen')));
      pointerClick(button(element, 'Bevestigen'));
      await waitForHeading(element, 'Kies het boekhoudpakket');
      worker.use(http.post('/mock/default/api/authorizations', () => problem(500, 'internal_error', 'Internal Server Error')));
      await press(element, 'Exact Online');
      await waitForHeading(element, 'Inloggen bij Exact Online');
      await waitForText(element, nl.error_server);
      expectExplained(element, nl.error_server);
      worker.resetHandlers();
      await press(element, 'Opnieuw proberen');
      await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
    });

    it('`Afronden` refused (division already connected): the specific message, the choices stay, another administration instead of a retry', async () => {
      const element = mount('default');
      await toAdministration(element);
      const errors = errorsOf(element);
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
      worker.use(http.post('/mock/default/api/connections', () => problem(409, 'division_already_connected', 'Conflict')));
      pointerClick(button(element, 'Afronden'));
      await waitForText(element, nl.error_division_already_connected);
      expect(alertText(element)).to.equal(nl.error_division_already_connected);
      expect(findButton(element, nl.retry), 'no retry that would be refused again').to.equal(null);
      expect(findButton(element, nl.chooseOtherDivision)).to.not.equal(null);
      expect(heading(element)).to.equal('Selecteer afdeling');
      expect(errors[0]!.code).to.equal('division_already_connected');
      expect(listbox(element).querySelector('[aria-selected="true"] .label')?.textContent?.trim()).to.equal('eLien test company');
      // Set right in the meantime: chosen again, `Afronden` makes it.
      worker.resetHandlers();
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => findButton(element, 'Afronden') && !isDisabled(button(element, 'Afronden')), { message: 'Afronden back' });
      pointerClick(button(element, 'Afronden'));
      await waitForHeading(element, 'Koppeling gemaakt');
    });
  });
});
