import { expect } from '@esm-bundle/chai';
import {
  button,
  completeExactLogin,
  findButton,
  heading,
  isDisabled,
  mount,
  option,
  pointerClick,
  press,
  reportLogin,
  stubWindowOpen,
  toConnections,
  toOrganisation,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  type ConnectElement,
} from './support.js';

/** The radio labels of the booking flow, as shown. */
const radioLabels = (element: ConnectElement) =>
  Array.from(element.shadowRoot!.querySelectorAll('label'))
    .filter((label) => label.querySelector('input[type="radio"]'))
    .map((label) => label.querySelector('.radio-label')?.textContent?.trim());

describe('<autopilot-connect> locale', () => {
  useMockBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  afterEach(() => {
    popup?.restore();
    popup = null;
  });

  it('locale="en" shows `Confirm` instead of `Bevestigen`', async () => {
    const element = mount('default', { locale: 'en' });
    await waitForHeading(element, 'Active connections');
    await press(element, 'New Connection');
    await waitForHeading(element, 'Choose the organisation');
    await waitFor(() => option(element, 'eLien test company'));
    expect(findButton(element, 'Confirm')).to.not.equal(null);
    expect(findButton(element, 'Bevestigen')).to.equal(null);
    expect(visibleText(element)).to.include('Step 1 of 5');
    expect(visibleText(element)).to.not.include('Stap 1 van 5');
  });

  it('switching the locale attribute re-labels the current step without losing the choice', async () => {
    const element = mount('default');
    await toOrganisation(element);
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Bevestigen')));
    element.setAttribute('locale', 'en');
    await waitFor(() => findButton(element, 'Confirm'), { message: 'Confirm' });
    expect(heading(element)).to.equal('Choose the organisation');
    expect(isDisabled(button(element, 'Confirm'))).to.equal(false);
    expect(element.shadowRoot!.querySelector('[lang]')?.getAttribute('lang')).to.equal('en');
  });

  it('an unknown locale falls back to Dutch', async () => {
    const element = mount('default');
    element.setAttribute('locale', 'pt');
    await toConnections(element);
    expect(heading(element)).to.equal('Actieve koppelingen');
  });

  for (const [locale, text] of [['fr', 'Connexions actives'], ['de', 'Aktive Verbindungen'], ['es', 'Conexiones activas']]) {
    it(`speaks ${locale} when asked`, async () => {
      const element = mount('default', { locale });
      await waitForHeading(element, text!);
    });
  }

  it("follows the host page's lang when there is no locale attribute, also when it changes", async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'de';
    document.body.append(wrapper);
    const element = mount('default');
    wrapper.append(element);
    try {
      await waitForHeading(element, 'Aktive Verbindungen');
      wrapper.lang = 'es';
      await waitForHeading(element, 'Conexiones activas');
    } finally {
      wrapper.remove();
    }
  });

  it('the English login asks Exact Online for English', async () => {
    const element = mount('default', { locale: 'en' });
    await waitForHeading(element, 'Active connections');
    await press(element, 'New Connection');
    await waitFor(() => option(element, 'eLien test company'));
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Confirm')));
    pointerClick(button(element, 'Confirm'));
    // Exact's pages follow the browser's language; the element tells the backend which one the
    // login is in, when it starts the login (as the login step appears, so `Open` opens at once).
    const original = window.fetch;
    const bodies: unknown[] = [];
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/api/authorizations') && init?.method === 'POST') bodies.push(JSON.parse(String(init.body)));
      return original.call(window, input, init);
    }) as typeof window.fetch;
    try {
      await press(element, 'Exact Online');
      popup = stubWindowOpen();
      await press(element, 'Open');
      // Both URLs the login step prepares (Open, and another Exact user's) say the language.
      await waitFor(() => bodies.length === 2, { message: 'POST authorizations' });
    } finally {
      window.fetch = original;
    }
    expect(bodies.map((body) => (body as { locale?: string }).locale)).to.deep.equal(['en', 'en']);
  });

  it('every nl label of the help article appears with exactly that text at its step', async () => {
    const element = mount('default');
    // Step 1: `New Connection` (and, on a connection, `API-download opnieuw aanbieden`).
    await toConnections(element);
    expect(button(element, 'New Connection').textContent?.trim()).to.equal('New Connection');
    expect(findButton(element, 'API-download opnieuw aanbieden')).to.not.equal(null);
    // Step 2: the confirm button.
    await press(element, 'New Connection');
    await waitFor(() => option(element, 'eLien test company'));
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Bevestigen')));
    pointerClick(button(element, 'Bevestigen'));
    // Step 3: `Exact Online`.
    await waitForHeading(element, 'Kies het boekhoudpakket');
    await press(element, 'Exact Online');
    // Step 4: `Open`, then `Ga door`.
    await waitForHeading(element, 'Inloggen bij Exact Online');
    popup = stubWindowOpen();
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url));
    await press(element, 'Ga door');
    // Step 5: `Selecteer afdeling`, `Simpele booking flow`, `Geavanceerde flow`, `Afronden`.
    await waitForHeading(element, 'Selecteer afdeling');
    expect(radioLabels(element)).to.deep.equal(['Simpele booking flow', 'Geavanceerde flow']);
    await waitFor(() => option(element, 'eLien test company'));
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Afronden')));
    pointerClick(button(element, 'Afronden'));
    // Step 6: `API-download opnieuw aanbieden`.
    await waitForHeading(element, 'Koppeling gemaakt');
    expect(findButton(element, 'API-download opnieuw aanbieden')).to.not.equal(null);
  });

  it('the English flow translates the same labels', async () => {
    const element = mount('default', { locale: 'en' });
    await waitForHeading(element, 'Active connections');
    await waitFor(() => findButton(element, 'Offer API download again'), { message: 'Offer API download again' });
    await press(element, 'New Connection');
    await waitFor(() => option(element, 'eLien test company'));
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Confirm')));
    pointerClick(button(element, 'Confirm'));
    await waitForHeading(element, 'Choose the bookkeeping system');
    await press(element, 'Exact Online');
    await waitForHeading(element, 'Log in to Exact Online');
    popup = stubWindowOpen();
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url));
    await press(element, 'Continue');
    await waitForHeading(element, 'Select administration');
    expect(radioLabels(element)).to.deep.equal(['Simple booking flow', 'Advanced flow']);
    await waitFor(() => option(element, 'eLien test company'));
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => !isDisabled(button(element, 'Finish')));
    pointerClick(button(element, 'Finish'));
    await waitForHeading(element, 'Connection made');
    expect(findButton(element, 'Offer API download again')).to.not.equal(null);
    expect(visibleText(element)).to.not.match(/Verbinding|Selecteer|Afronden|Ga door/);
  });
});
