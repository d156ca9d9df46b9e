/**
 * 2. Reuse an existing grant instead of a second login (which would revoke the first).
 * 3. An administration that is not listed: say why, and `Opnieuw inloggen` starts a fresh login.
 */
import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';

const nl = messages();
import { divisionCodes } from '../../src/mocks/index.js';
import {
  backend,
  authorizationOfLogin,
  completeExactLogin,
  existingGrantId,
  findButton,
  heading,
  listbox,
  mount,
  optionLabels,
  press,
  recordFetches,
  reportLogin,
  stubWindowOpen,
  toAdministration,
  toSystem,
  useRobustBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  type ConnectElement,
} from './support.js';

describe('robustness 2: reuse an existing grant (scenario grant)', () => {
  useRobustBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  let fetches: ReturnType<typeof recordFetches> | null = null;
  afterEach(() => {
    popup?.restore();
    fetches?.restore();
    popup = fetches = null;
  });

  async function toGrantChoice(element: ConnectElement): Promise<void> {
    await toSystem(element);
    popup = stubWindowOpen();
    await press(element, 'Exact Online');
    await waitForHeading(element, nl.loginHeading);
    await waitFor(() => findButton(element, 'Doorgaan als Lien de Vries'), { message: 'Doorgaan als Lien de Vries' });
  }

  it('offers `Doorgaan als Lien de Vries` with the Exact user (name + email), why, and `Inloggen als andere Exact-gebruiker`', async () => {
    const element = mount('grant');
    await toGrantChoice(element);
    const text = visibleText(element);
    expect(text, 'which Exact user').to.include(nl.grantIntro('Lien de Vries (lien@elien.nl)'));
    expect(text, 'one sentence why').to.include(nl.grantWhy);
    expect(findButton(element, 'Inloggen als andere Exact-gebruiker'), 'the other way').to.not.equal(null);
    expect(findButton(element, 'Open'), 'no plain Open next to the choice').to.equal(null);
    expect(popup!.calls, 'no window opened').to.have.length(0);
  });

  it('continuing with the grant reaches `Selecteer afdeling` without window.open, on the existing grant', async () => {
    const element = mount('grant');
    await toGrantChoice(element);
    fetches = recordFetches();
    await press(element, 'Doorgaan als Lien de Vries');
    // Whether or not a confirmation step is shown, `Ga door` (if any) leads on.
    await waitFor(() => heading(element) === nl.administrationHeading || findButton(element, 'Ga door'), { message: 'on after the grant' });
    if (heading(element) !== nl.administrationHeading) await press(element, 'Ga door');
    await waitForHeading(element, nl.administrationHeading);
    await waitFor(() => listbox(element).querySelector('[role="option"]'), { message: 'administrations listed' });
    expect(optionLabels(element)).to.include('eLien test company');
    expect(popup!.calls, 'window.open was not called').to.have.length(0);
    // At most the URL the administration step fetches ahead for `Opnieuw inloggen`: it opens nothing.
    expect(fetches.count('POST', /\/api\/authorizations$/), 'no new login started after the choice').to.be.at.most(1);
    const grantId = await existingGrantId();
    expect(fetches.count('GET', new RegExp(`/api/authorizations/${grantId}/divisions$`)), 'the divisions of the existing grant').to.be.greaterThan(0);
    expect((await backend('grant').authorizations()).find((grant) => grant.id === grantId)?.status, 'the grant is still valid').to.equal('authorized');
  });

  it('`Inloggen als andere Exact-gebruiker` opens a fresh login window instead', async () => {
    const element = mount('grant');
    await toGrantChoice(element);
    await press(element, 'Inloggen als andere Exact-gebruiker');
    expect(popup!.calls, 'a login window').to.have.length(1);
    // The window's `state` is opaque: the login it is for is a fresh one, not the grant.
    const login = await authorizationOfLogin(popup!.calls[0]!.url, 'grant');
    expect(login?.status, 'a pending login').to.equal('pending');
    expect(login?.id, 'not the grant').to.not.equal(await existingGrantId());
    await waitForText(element, nl.loginWaiting);
  });
});

describe('robustness 3: administration not listed', () => {
  useRobustBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  afterEach(() => {
    popup?.restore();
    popup = null;
  });

  it('shows why an administration can be missing, and `Opnieuw inloggen` leads to a fresh login (`Open`) that can add it', async () => {
    const element = mount();
    // Consent for eLien test company only.
    await toAdministration(element, { divisionCodes: [divisionCodes.elien] });
    expect(optionLabels(element)).to.deep.equal(['eLien test company']);
    expect(visibleText(element), 'the hint').to.include(nl.divisionMissing);
    const first = (await backend().authorizations()).find((grant) => grant.status === 'authorized')!;

    await press(element, 'Opnieuw inloggen');
    await waitForHeading(element, nl.loginHeading);
    await waitFor(() => findButton(element, 'Open'), { message: 'a fresh Open' });
    expect(findButton(element, 'Doorgaan als Lien de Vries'), 'not the grant that lacks the administration').to.equal(null);
    expect(visibleText(element)).to.include(nl.loginIntro);

    popup = stubWindowOpen();
    await press(element, 'Open');
    expect(popup.calls).to.have.length(1);
    const login = await authorizationOfLogin(popup.calls[0]!.url);
    expect(login?.status, 'a pending login').to.equal('pending');
    expect(login?.id, 'a new authorization').to.not.equal(first.id);
    const authorizationId = await completeExactLogin(popup.calls[0]!.url);
    expect(authorizationId, 'the window completed that login').to.equal(login?.id);
    reportLogin(authorizationId);
    await press(element, 'Ga door');
    await waitForHeading(element, nl.administrationHeading);
    await waitFor(() => optionLabels(element).includes('Bakkerij de Gouden Korst B.V.'), { message: 'the administration added by the new login' });
  });
});
