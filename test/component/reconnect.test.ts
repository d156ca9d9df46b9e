/**
 * `Opnieuw verbinden` on the overview (issue 13), against the reference backend and the Exact
 * Online simulator: a connection whose login lapsed is repaired in place by one login in the
 * login window; the same login brings back the other connection of that Exact user, and the
 * overview says which; a refusal says why and offers what helps.
 */
import { expect } from '@esm-bundle/chai';
import type { AutopilotReconnectedEvent } from '../../src/events.js';
import {
  backend,
  completeExactLogin,
  deepActiveElement,
  findButton,
  listedConnections,
  mount,
  press,
  reportLogin,
  stubWindowOpen,
  toAdministration,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  type ConnectElement,
} from './support.js';

const cards = (element: ConnectElement) => Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="connection"]'));
const cardOf = (element: ConnectElement, organisation: string) => cards(element).find((card) => card.textContent!.includes(`${organisation}`))!;
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

async function toReconnect(element: ConnectElement, organisation = 'Bakkerij de Gouden Korst') {
  await waitForHeading(element, 'Actieve koppelingen', 8000);
  await waitFor(() => cards(element).length === 2, { message: 'both connections' });
  await press(cardOf(element, organisation) as never, 'Opnieuw verbinden');
  await waitForHeading(element, 'Koppeling opnieuw verbinden');
  await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
}

describe('<autopilot-connect> reconnecting a connection', () => {
  useMockBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  afterEach(() => popup?.restore());

  it('each card says its health, Exact user and host; the ones that need a login offer `Opnieuw verbinden`', async () => {
    const element = mount('lapsed');
    await waitForHeading(element, 'Actieve koppelingen', 8000);
    await waitFor(() => cards(element).length === 2, { message: 'both connections' });
    for (const card of cards(element)) {
      const text = plain(card.innerText);
      expect(text).to.include('Opnieuw inloggen nodig');
      expect(text).to.include('Exact-gebruiker Lien de Vries · exactonline.nl');
      expect(findButton(card as never, 'Opnieuw verbinden'), 'the repair').to.not.equal(null);
    }
  });

  it('says whom to log in as and that one login repairs all of that user\'s connections; both logins open inside the click', async () => {
    const element = mount('lapsed');
    await toReconnect(element);
    const text = plain(visibleText(element));
    expect(text).to.include('Log opnieuw in bij Exact Online als Lien de Vries om Bakkerij de Gouden Korst → 100001 Bakkerij de Gouden Korst B.V. te herstellen.');
    expect(text).to.include('dezelfde login herstelt ook de andere koppelingen van Lien de Vries');
    // Before a login that replaces a grant: which administrations to tick again.
    expect(text).to.include('Lien de Vries (100001, 100003)');
    expect(deepActiveElement()?.textContent?.trim(), 'focus on the step heading').to.equal('Koppeling opnieuw verbinden');
    popup = stubWindowOpen();
    findButton(element, 'Inloggen als andere Exact-gebruiker')!.click();
    expect(popup.calls, 'opened inside the click').to.have.length(1);
    expect(new URL(popup.calls[0]!.url).searchParams.get('force_login')).to.equal('1');
  });

  it('one login: both connections active again, said on the overview (focused) and by the live region, fired to the host', async () => {
    const element = mount('lapsed');
    const events: AutopilotReconnectedEvent[] = [];
    element.addEventListener('autopilot-reconnected', (event) => events.push(event));
    await toReconnect(element);
    popup = stubWindowOpen();
    findButton(element, 'Open')!.click();
    const authorizationId = await completeExactLogin(popup.calls[0]!.url);
    reportLogin(authorizationId);
    await waitForText(element, 'is weer verbonden.', 8000);
    const note = plain(visibleText(element));
    expect(note).to.include('Bakkerij de Gouden Korst → 100001 Bakkerij de Gouden Korst B.V. is weer verbonden.');
    expect(note).to.include('Met dezelfde login zijn ook weer verbonden: Fietsenmakerij Van Dijk → 100003 Fietsenmakerij Van Dijk V.O.F.');
    await waitFor(() => !visibleText(element).includes('Opnieuw inloggen nodig'), { message: 'the list reloaded with the new health' });
    expect(findButton(element, 'Opnieuw verbinden')).to.equal(null);
    expect(plain(deepActiveElement()?.textContent ?? '')).to.include('is weer verbonden');
    const live = () => plain(element.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? '');
    await waitFor(() => live().includes('Bakkerij de Gouden Korst → 100001 Bakkerij de Gouden Korst B.V. is weer verbonden.'), { message: 'announced' });
    expect(events.map((event) => event.connections.map((connection) => connection.organisation.name))).to.deep.equal([
      ['Bakkerij de Gouden Korst', 'Fietsenmakerij Van Dijk'],
    ]);
    // In place: same ids, same administrations, now on the new grant.
    const listed = await listedConnections('lapsed');
    expect(listed.map((connection) => connection.status)).to.deep.equal(['active', 'active']);
    expect(listed.map((connection) => connection.authorizationId)).to.deep.equal([authorizationId, authorizationId]);
    expect(listed.map((connection) => (connection.division as { code: number }).code).sort()).to.deep.equal([100001, 100003]);
  });

  it('a consent that leaves the other administration out: that connection is named as needing attention, with the fix', async () => {
    const element = mount('lapsed');
    await toReconnect(element);
    popup = stubWindowOpen();
    findButton(element, 'Open')!.click();
    reportLogin(await completeExactLogin(popup.calls[0]!.url, { divisionCodes: [100001] }));
    await waitForText(element, 'is weer verbonden.', 8000);
    expect(plain(visibleText(element))).to.include('kies bij deze koppeling Opnieuw verbinden en vink de administratie aan: Fietsenmakerij Van Dijk → 100003');
    await waitFor(() => findButton(cardOf(element, 'Fietsenmakerij') as never, 'Opnieuw verbinden'), { message: 'the one left out still offers the repair' });
  });

  it('a refused repair (422) says why and offers a new login, not a pointless retry; a 503 offers the retry', async () => {
    for (const [status, retry] of [[422, false], [503, true]] as const) {
      const element = mount('default');
      await waitForHeading(element, 'Actieve koppelingen', 8000);
      await press(element, 'Opnieuw verbinden');
      await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
      // A login that does not move the connection by itself (another user's) makes the element ask the backend.
      backend().injectFailure({ operation: 'reauthorizeConnection', kind: { status, code: status === 422 ? 'division_not_granted' : 'exact_unavailable' } });
      popup = stubWindowOpen();
      findButton(element, 'Inloggen als andere Exact-gebruiker')!.click();
      const url = popup.calls[0]!.url;
      const otherUser = await backend().exactBrowser().walk(url, backend().world.otherLogin, 'allow');
      const callback = await fetch(otherUser.redirect);
      reportLogin(new URL(callback.url).searchParams.get('authorization')!);
      await waitFor(() => element.shadowRoot!.querySelector('[data-alert]'), { message: `the ${status} said`, timeout: 8000 });
      expect(findButton(element, 'Opnieuw inloggen'), 'a new login').to.not.equal(null);
      expect(findButton(element, 'Opnieuw proberen') !== null, `retry offered for ${status}`).to.equal(retry);
      element.remove();
      popup.restore();
      popup = null;
    }
  });

  it('before `Opnieuw inloggen` on the administration step (it opens at once): which administrations to tick again', async () => {
    const element = mount('default');
    await toAdministration(element);
    expect(plain(visibleText(element))).to.include('dan vervangt deze login de vorige van die gebruiker: Lien de Vries (100001)');
  });
});
