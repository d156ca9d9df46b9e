import { expect } from '@esm-bundle/chai';
import type { AutopilotConnectedEvent } from '../../src/events.js';
import {
  backend,
  button,
  completeExactLogin,
  deepActiveElement,
  isDisabled,
  listbox,
  mount,
  option,
  optionLabels,
  pointerClick,
  press,
  reportLogin,
  stubWindowOpen,
  toAdministration,
  toLoginReady,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  type ConnectElement,
} from './support.js';

/** The radio button whose visible label is `label`. */
function radio(element: ConnectElement, label: string): HTMLInputElement {
  for (const candidate of Array.from(element.shadowRoot!.querySelectorAll('label'))) {
    const input = candidate.querySelector<HTMLInputElement>('input[type="radio"]');
    if (input && candidate.querySelector('.radio-label')?.textContent?.trim() === label) return input;
  }
  throw new Error(`No radio "${label}". Visible: ${visibleText(element)}`);
}

const selected = (element: ConnectElement) =>
  Array.from(listbox(element).querySelectorAll('[role="option"][aria-selected="true"] .label')).map((label) => label.textContent?.trim());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<autopilot-connect> step: administration', () => {
  useMockBackend();

  it('`Ga door` pressed while the administrations are still on their way shows it busy, then the list (one request)', async () => {
    const element = mount();
    await toLoginReady(element);
    const popup = stubWindowOpen();
    try {
      await press(element, 'Open');
      const report = await completeExactLogin(popup.calls[0]!.url);
      backend().injectFailure({ operation: 'listDivisions', kind: { delayMs: 800 } });
      const requests: string[] = [];
      const original = window.fetch;
      window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
        requests.push(new Request(input, init).url);
        return original.call(window, input, init);
      }) as typeof window.fetch;
      try {
        reportLogin(report);
        const goOn = await press(element, 'Ga door');
        expect(goOn.getAttribute('aria-busy'), 'busy while the list is on its way').to.equal('true');
        expect(goOn.querySelector('.spinner'), 'a spinner in the button').to.not.equal(null);
        await waitForHeading(element, 'Selecteer afdeling', 4000);
        await waitFor(() => option(element, 'eLien test company'), { message: 'the list' });
        expect(requests.filter((url) => /\/divisions(\?|$)/.test(url)), 'one divisions request').to.have.length(1);
      } finally {
        window.fetch = original;
      }
    } finally {
      popup.restore();
    }
  });

  it('`Selecteer afdeling` lists the granted administrations with the simple flow checked', async () => {
    const element = mount();
    await toAdministration(element);
    const text = visibleText(element);
    expect(text).to.include('Stap 4 van 5');
    expect(text).to.include('Kies de administratie in Exact Online die je aan eLien test company wilt koppelen.');
    expect(optionLabels(element)).to.deep.equal([
      'Bakkerij de Gouden Korst B.V.',
      'eLien test company',
      'Fietsenmakerij Van Dijk V.O.F.',
      'Oude administratie 2019 (geblokkeerd)',
      'Architectenbureau De Vries B.V.',
      'Hoveniersbedrijf Het Groene Hart',
    ]);
    expect(visibleText(option(element, 'eLien test company'))).to.include('100002');
    expect(radio(element, 'Simpele booking flow').checked).to.equal(true);
    expect(radio(element, 'Geavanceerde flow').checked).to.equal(false);
    expect(deepActiveElement()?.textContent?.trim(), 'focus on the new heading').to.equal('Selecteer afdeling');
  });

  it('`Afronden` is disabled with a hint until an administration is chosen', async () => {
    const element = mount();
    await toAdministration(element);
    const finish = button(element, 'Afronden');
    expect(finish.getAttribute('aria-disabled')).to.equal('true');
    expect(visibleText(element)).to.include('Kies eerst een administratie.');
    pointerClick(finish);
    await pause(50);
    expect(visibleText(element)).to.include('Selecteer afdeling');
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => selected(element).join() === 'eLien test company', { message: 'eLien chosen' });
    expect(button(element, 'Afronden').getAttribute('aria-disabled')).to.equal('false');
    expect(visibleText(element)).to.not.include('Kies eerst een administratie.');
  });

  it('blocked and already connected administrations show why and cannot be chosen', async () => {
    const element = mount();
    await toAdministration(element);
    const blocked = option(element, 'Oude administratie 2019 (geblokkeerd)');
    const connected = option(element, 'Bakkerij de Gouden Korst B.V.');
    expect(blocked.getAttribute('aria-disabled')).to.equal('true');
    expect(visibleText(blocked)).to.include('Geblokkeerd in Exact Online.');
    expect(connected.getAttribute('aria-disabled')).to.equal('true');
    expect(visibleText(connected)).to.include('Al gekoppeld aan Bakkerij de Gouden Korst.');
    pointerClick(blocked);
    pointerClick(connected);
    await pause(50);
    expect(selected(element)).to.deep.equal([]);
    expect(isDisabled(button(element, 'Afronden'))).to.equal(true);
  });

  it('`Geavanceerde flow` disables `Afronden` and says to contact eConnect; the simple flow enables it again', async () => {
    const element = mount();
    await toAdministration(element);
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
    pointerClick(radio(element, 'Geavanceerde flow'));
    await waitFor(() => isDisabled(button(element, 'Afronden')), { message: 'Afronden disabled' });
    expect(radio(element, 'Geavanceerde flow').checked).to.equal(true);
    expect(radio(element, 'Simpele booking flow').checked).to.equal(false);
    expect(visibleText(element)).to.include('Neem eerst contact op met eConnect om de Geavanceerde flow te gebruiken.');
    pointerClick(button(element, 'Afronden'));
    await pause(50);
    expect(visibleText(element)).to.include('Selecteer afdeling');
    pointerClick(radio(element, 'Simpele booking flow'));
    await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled again' });
  });

  it('an administration not granted at the consent screen is missing, and the element says why', async () => {
    const element = mount();
    await toAdministration(element, { divisionCodes: [100002, 100003] });
    expect(optionLabels(element)).to.deep.equal(['eLien test company', 'Fietsenmakerij Van Dijk V.O.F.']);
    expect(visibleText(element)).to.include(
      'Staat je administratie er niet bij? Dan heb je er in Exact Online geen toestemming voor gegeven. Log opnieuw in om hem toe te voegen.',
    );
  });

  it('`Afronden` makes the connection, shows done and fires autopilot-connected with it', async () => {
    const element = mount();
    await toAdministration(element);
    const events: AutopilotConnectedEvent[] = [];
    element.addEventListener('autopilot-connected', (event) => events.push(event));
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
    pointerClick(button(element, 'Afronden'));
    await waitForHeading(element, 'Verbinding gelegd');
    expect(events).to.have.length(1);
    const { connection } = events[0]!;
    expect(connection.organisation).to.deep.equal({ id: 'org_0001', name: 'eLien test company' });
    expect(connection.division).to.deep.equal({ code: 100002, name: 'eLien test company' });
    expect(connection.bookingFlow).to.equal('simple');
    const stored = backend().platform.listConnections().items.find((item) => item.id === connection.id);
    expect(stored, 'the backend holds the same connection').to.deep.equal(connection);
  });

  it('a double click on `Afronden` makes one connection', async () => {
    const element = mount();
    await toAdministration(element);
    let connected = 0;
    element.addEventListener('autopilot-connected', () => connected++);
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
    const finish = button(element, 'Afronden');
    pointerClick(finish);
    await element.updateComplete;
    pointerClick(finish);
    await waitForHeading(element, 'Verbinding gelegd');
    await pause(100);
    expect(connected).to.equal(1);
    expect(backend().platform.listConnections().items).to.have.length(2);
  });
});
