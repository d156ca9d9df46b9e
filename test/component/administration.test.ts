import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import type { AutopilotConnectedEvent } from '../../src/events.js';
import {
  afterItsTurn,
  backend,
  button,
  completeExactLogin,
  deepActiveElement,
  findButton,
  installFakeClock,
  isDisabled,
  listbox,
  listedConnections,
  mount,
  option,
  optionLabels,
  pointerClick,
  press,
  recordFetches,
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
      // The administrations are held 0.8 s on the simulated clock.
      const clock = installFakeClock();
      try {
        reportLogin(report);
        const goOn = await press(element, 'Ga door');
        expect(goOn.getAttribute('aria-busy'), 'busy while the list is on its way').to.equal('true');
        expect(goOn.querySelector('.spinner'), 'a spinner in the button').to.not.equal(null);
        await waitFor(() => backend().pendingFailures().length === 0, { message: 'the backend holding the administrations' });
        await clock.tickAsync(799);
        await afterItsTurn(element);
        expect(goOn.getAttribute('aria-busy'), 'still busy at 0.799 s').to.equal('true');
        await clock.tickAsync(1);
        await waitForHeading(element, 'Selecteer afdeling');
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
    // The one whose KvK number is eLien's first (suggested), then in name order, whatever the case of the first letter.
    expect(optionLabels(element)).to.deep.equal([
      'eLien test company',
      'Architectenbureau De Vries B.V.',
      'Bakkerij de Gouden Korst B.V.',
      'Fietsenmakerij Van Dijk V.O.F.',
      'Hoveniersbedrijf Het Groene Hart',
      'Oude administratie 2019 (geblokkeerd)',
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
    await afterItsTurn(element);
    expect(visibleText(element)).to.include('Selecteer afdeling');
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => selected(element).join() === 'eLien test company', { message: 'eLien chosen' });
    expect(button(element, 'Afronden').getAttribute('aria-disabled')).to.equal('false');
    expect(visibleText(element)).to.not.include('Kies eerst een administratie.');
    // The same click, now that it may, finishes.
    pointerClick(button(element, 'Afronden'));
    await waitForHeading(element, 'Koppeling gemaakt');
  });

  it('keyboard: ArrowDown moves aria-activedescendant through the short list; Enter chooses', async () => {
    const element = mount();
    await toAdministration(element);
    const list = listbox(element).querySelector('[role="listbox"]')!;
    const active = () => {
      const id = list.getAttribute('aria-activedescendant');
      return id ? listbox(element).getElementById(id) : null;
    };
    const rendered = Array.from(listbox(element).querySelectorAll<HTMLElement>('[role="option"]'));
    expect(rendered.length, 'a short list: every option rendered').to.equal(optionLabels(element).length);
    listbox(element).querySelector('input')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => active() === rendered[0], { message: 'the first option active' });
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => active() === rendered[1], { message: `the second option active (now ${active()?.id})` });
    expect(selected(element), 'moving does not choose').to.deep.equal([]);
    // Back up to the suggested one at the top: the same arrows reach it.
    expect(rendered[0]!.querySelector('.label')?.textContent?.trim()).to.equal('eLien test company');
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => active() === rendered[0], { message: 'eLien test company active' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => selected(element).join() === 'eLien test company', { message: 'eLien chosen by Enter' });
    expect(isDisabled(button(element, 'Afronden'))).to.equal(false);
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
    await afterItsTurn(element);
    expect(selected(element)).to.deep.equal([]);
    expect(isDisabled(button(element, 'Afronden'))).to.equal(true);
    // The same click on one that can be chosen chooses it.
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => selected(element).join() === 'eLien test company', { message: 'eLien chosen' });
  });

  it('`Geavanceerde flow` explains itself and offers eConnect and the simple flow instead of a greyed-out `Afronden`', async () => {
    const element = mount();
    await toAdministration(element);
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
    pointerClick(radio(element, 'Geavanceerde flow'));
    await waitFor(() => findButton(element, 'Afronden') === null, { message: 'no Afronden that cannot be used' });
    expect(radio(element, 'Geavanceerde flow').checked).to.equal(true);
    expect(visibleText(element)).to.include('Met de Geavanceerde flow boekt de Autopilot de facturen via een inrichting in Exact Online die eConnect samen met je opzet');
    const contact = element.shadowRoot!.querySelector<HTMLAnchorElement>('a[href="https://www.econnect.eu/contact"]');
    expect(contact?.textContent?.trim(), 'the way to eConnect').to.equal('Contact opnemen met eConnect');
    expect(contact?.target).to.equal('_blank');
    // The flow that can be connected now, one press away; the administration stays chosen.
    await press(element, 'Simpele booking flow kiezen');
    await waitFor(() => radio(element, 'Simpele booking flow').checked, { message: 'simple chosen' });
    await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled again' });
    pointerClick(button(element, 'Afronden'));
    await waitForHeading(element, 'Koppeling gemaakt');
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
    await waitForHeading(element, 'Koppeling gemaakt');
    expect(events).to.have.length(1);
    const { connection } = events[0]!;
    expect(connection.organisation).to.deep.equal({ id: 'org_0001', name: 'eLien test company' });
    expect(connection.division).to.deep.equal({ code: 100002, name: 'eLien test company' });
    expect(connection.bookingFlow).to.equal('simple');
    const stored = (await listedConnections()).find((item) => item.id === connection.id);
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
    const fetches = recordFetches();
    try {
      pointerClick(finish);
      await element.updateComplete;
      pointerClick(finish);
      await waitForHeading(element, 'Koppeling gemaakt');
      // A second POST would have been sent from its click: once everything sent is answered, it would show.
      await waitFor(() => fetches.requests.every((request) => request.answered), { message: 'every request answered' });
      await afterItsTurn(element);
      expect(fetches.count('POST', /\/api\/connections$/), 'one POST, seen by this count').to.equal(1);
    } finally {
      fetches.restore();
    }
    expect(connected).to.equal(1);
    expect(await listedConnections()).to.have.length(2);
  });
});
