/**
 * The login and consent pages of the simulated Exact Online: what a user sees at each step, the
 * cookie session, force_login, per-division ticks, Deny and Allow.
 */
import { expect } from '@esm-bundle/chai';
import { app, authorizeUrl, Browser, html, newSimulator, redirectUri } from './simulator-driver.js';

const text = async (response: Response) => html(await response.text());

describe('the simulated Exact Online authorize pages', () => {
  it('shows a login form, then the consent page naming the user and the app, every offered division ticked', async () => {
    const simulator = newSimulator();
    const browser = new Browser(simulator);
    const login = await text(await browser.request(authorizeUrl()));
    expect(login.querySelector('h1')?.textContent).to.equal('Inloggen bij Exact Online');
    expect(login.querySelector('label[for=username]')?.textContent).to.equal('Gebruikersnaam');

    const after = await browser.submit(authorizeUrl(), { step: 'login', username: 'JAN@jansen-boekhouding.nl', password: 'jan' });
    expect(after.status).to.equal(303);
    const consent = await text(await browser.request(after.headers.get('Location')!));
    expect(consent.querySelector('h1')?.textContent).to.equal('Toegang verlenen');
    expect(consent.body.textContent).to.contain('Jan Jansen').and.to.contain('Autopilot vraagt toegang');
    const boxes = [...consent.querySelectorAll<HTMLInputElement>('input[name=division]')];
    expect(boxes.map((box) => [box.value, box.checked])).to.deep.equal([101001, 101002, 101003, 101004, 101005, 101006, 101007].map((code) => [String(code), true]));
    const labels = [...consent.querySelectorAll('li')].map((item) => item.textContent?.trim());
    expect(labels).to.include('4 – Oude administratie 2019 (gearchiveerd)').and.to.include('5 – Slapende holding (inactief)').and.to.include('6 – Geblokkeerd Transport (geblokkeerd)');
    // A hostile name is text, not markup.
    expect(labels).to.include('7 – Drukkerij <b>&amp; "Zonen"</b>');
    expect(consent.querySelector('b')).to.equal(null);
  });

  it('speaks the browser’s language', async () => {
    const page = await text(await new Browser(newSimulator(), 'fr-BE,fr;q=0.8').request(authorizeUrl()));
    expect(page.documentElement.lang).to.equal('fr');
    expect(page.querySelector('h1')?.textContent).to.equal('Se connecter à Exact Online');
  });

  it('says so when the user name or password is wrong, keeping the name typed', async () => {
    const browser = new Browser(newSimulator());
    const page = await text(await browser.submit(authorizeUrl(), { step: 'login', username: 'jan@jansen-boekhouding.nl', password: 'wrong' }));
    expect(page.querySelector('[role=alert]')?.textContent).to.equal('De gebruikersnaam of het wachtwoord is onjuist. Controleer ze en probeer het opnieuw.');
    expect(page.querySelector<HTMLInputElement>('#username')?.value).to.equal('jan@jansen-boekhouding.nl');
    expect(browser.cookie).to.equal(undefined);
  });

  it('skips the login form for a logged-in browser, unless force_login=1, which lets another Exact user log in', async () => {
    const simulator = newSimulator();
    const browser = new Browser(simulator);
    await browser.authorize('jan@jansen-boekhouding.nl', 'jan');
    const again = await text(await browser.request(authorizeUrl({ state: 'state-2' })));
    expect(again.querySelector('input[name=password]')).to.equal(null);
    expect(again.body.textContent).to.contain('Jan Jansen');

    const forced = await text(await browser.request(authorizeUrl({ state: 'state-3', force_login: '1' })));
    expect(forced.querySelector('input[name=password]')).not.to.equal(null);
    const back = await browser.authorize('anna@jansen-boekhouding.nl', 'anna', { url: authorizeUrl({ state: 'state-3', force_login: '1' }) });
    expect(back.searchParams.get('state')).to.equal('state-3');
    const consentNow = await text(await browser.request(authorizeUrl({ state: 'state-4' })));
    expect(consentNow.body.textContent).to.contain('Anna de Boer').and.not.to.contain('Jan Jansen');
    expect(simulator.counters().logins).to.equal(2);
  });

  it('keeps a session to its own country host', async () => {
    const simulator = newSimulator();
    const browser = new Browser(simulator);
    await browser.authorize('jan@jansen-boekhouding.nl', 'jan');
    const belgian = await text(await browser.request(authorizeUrl({}, 'https://start.exactonline.be')));
    expect(belgian.querySelector('input[name=password]')).not.to.equal(null);
    // And a Dutch user does not exist on the Belgian host.
    const refused = await text(await browser.submit(authorizeUrl({}, 'https://start.exactonline.be'), { step: 'login', username: 'jan@jansen-boekhouding.nl', password: 'jan' }));
    expect(refused.querySelector('[role=alert]')?.textContent).to.contain('onjuist');
  });

  it('Deny sends the browser back with error=access_denied and the state', async () => {
    const back = await new Browser(newSimulator()).authorize('jan@jansen-boekhouding.nl', 'jan', { decision: 'deny' });
    expect(back.origin + back.pathname).to.equal(redirectUri);
    expect([...back.searchParams]).to.deep.equal([['error', 'access_denied'], ['state', 'state-1']]);
  });

  it('Allow sends the browser back with a code (holding a "!", percent-encoded) and the state', async () => {
    const simulator = newSimulator();
    const back = await new Browser(simulator).authorize('jan@jansen-boekhouding.nl', 'jan');
    expect(back.origin + back.pathname).to.equal(redirectUri);
    expect(back.searchParams.get('state')).to.equal('state-1');
    expect(back.searchParams.get('code')).to.contain('!');
    expect(back.search).to.contain('%21');
    expect(simulator.counters().consents).to.equal(1);
  });

  it('asks for at least one tick when all are left unticked', async () => {
    const browser = new Browser(newSimulator());
    const url = authorizeUrl();
    const login = await browser.submit(url, { step: 'login', username: 'jan@jansen-boekhouding.nl', password: 'jan' });
    const consentUrl = login.headers.get('Location')!;
    const consent = await text(await browser.request(consentUrl));
    const token = consent.querySelector<HTMLInputElement>('input[name=consent_token]')!.value;
    const answer = await browser.submit(consentUrl, { step: 'consent', consent_token: token, decision: 'allow' });
    expect(answer.status).to.equal(200);
    expect((await text(answer)).querySelector('[role=alert]')?.textContent).to.equal('Vink minstens één administratie aan, of kies Weigeren.');
  });

  it('refuses a consent posted without the page it was shown (another browser, or a forged form)', async () => {
    const simulator = newSimulator();
    const browser = new Browser(simulator);
    await browser.authorize('jan@jansen-boekhouding.nl', 'jan');
    const forged = await browser.submit(authorizeUrl(), { step: 'consent', consent_token: 'guessed', decision: 'allow', division: '101001' });
    expect(forged.status).to.equal(400);
    expect((await text(forged)).querySelector('[role=alert]')?.textContent).to.equal('Deze toestemmingspagina is verlopen. Begin opnieuw bij de app.');
    const stranger = await new Browser(simulator).submit(authorizeUrl(), { step: 'consent', consent_token: 'x', decision: 'allow', division: '101001' });
    expect(stranger.status).to.equal(400);
  });

  it('never redirects to an unregistered address or for an unknown app: it says so on its own page', async () => {
    const browser = new Browser(newSimulator());
    const wrongUri = await browser.request(authorizeUrl({ redirect_uri: `${redirectUri}/other` }));
    expect(wrongUri.status).to.equal(400);
    expect(wrongUri.headers.get('Location')).to.equal(null);
    expect((await text(wrongUri)).querySelector('[role=alert]')?.textContent).to.contain('redirect_uri');
    const wrongClient = await browser.request(authorizeUrl({ client_id: 'someone-else' }));
    expect(wrongClient.status).to.equal(400);
    expect((await text(wrongClient)).querySelector('[role=alert]')?.textContent).to.contain('client_id');
  });

  it('answers another response_type with unsupported_response_type at the registered address', async () => {
    const answer = await new Browser(newSimulator()).request(authorizeUrl({ response_type: 'token' }));
    expect(answer.status).to.equal(302);
    const back = new URL(answer.headers.get('Location')!);
    expect(back.searchParams.get('error')).to.equal('unsupported_response_type');
    expect(back.searchParams.get('state')).to.equal('state-1');
  });

  it('refuses to be set up with an http redirect URI that is not loopback', () => {
    expect(() => newSimulator({ apps: [{ ...app, redirectUris: ['http://platform.example/cb'] }] })).to.throw('must be https');
    expect(() => newSimulator({ apps: [{ ...app, redirectUris: ['http://127.0.0.1:5173/cb'] }] })).not.to.throw();
  });
});
