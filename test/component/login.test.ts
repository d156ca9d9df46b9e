import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';
import {
  afterItsTurn,
  backend,
  completeExactLogin,
  fakePopup,
  findButton,
  installFakeClock,
  loginIdOf,
  mount,
  press,
  recordFetches,
  reportLogin,
  stubWindowOpen,
  toLoginReady,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  type ConnectElement,
} from './support.js';

const nl = messages();
const waiting = 'Het inlogvenster van Exact Online is open. Log daar in en geef toestemming.';

/** A message from a page of another (opaque) origin, as a foreign frame would send it. */
async function postFromOtherOrigin(data: unknown): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.srcdoc = `<script>parent.postMessage(${JSON.stringify(data)}, '*')</script>`;
  const received = new Promise<MessageEvent>((resolve) => {
    const listener = (event: MessageEvent) => {
      if (event.source === frame.contentWindow) {
        window.removeEventListener('message', listener);
        resolve(event);
      }
    };
    window.addEventListener('message', listener);
  });
  document.body.append(frame);
  const event = await received;
  expect(event.origin, 'the message really came from another origin').to.not.equal(window.location.origin);
  frame.remove();
}

describe('<autopilot-connect> step: login', () => {
  useMockBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  let fetches: ReturnType<typeof recordFetches> | null = null;
  afterEach(() => {
    popup?.restore();
    fetches?.restore();
    popup = fetches = null;
  });

  /** The element's questions to the backend about this login (recorded from `fetches`). */
  const checksOf = (authorizationId: string) => fetches!.count('GET', new RegExp(`/api/authorizations/${authorizationId}$`));

  /**
   * Nothing came of what was posted: still waiting, no way on, and the backend not asked (a
   * report it took would have sent the question in the same task).
   */
  async function expectIgnored(element: ConnectElement, authorizationId: string): Promise<void> {
    await afterItsTurn(element);
    expect(visibleText(element)).to.include(waiting);
    expect(findButton(element, 'Ga door')).to.equal(null);
    expect(checksOf(authorizationId), 'the backend was not asked').to.equal(0);
  }

  /** The positive control: the genuine report, seen by the same checks, is asked about and leads on. */
  async function expectGenuineReportCounts(element: ConnectElement, authorizationId: string): Promise<void> {
    reportLogin(authorizationId);
    await afterItsTurn(element);
    expect(checksOf(authorizationId), 'the genuine report is asked about at once').to.equal(1);
    await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door' });
  }

  const openLogin = async (element: ConnectElement) => {
    await toLoginReady(element);
    popup = stubWindowOpen();
    await press(element, 'Open');
    return popup.calls[0]!.url;
  };

  it('`Open` calls window.open synchronously inside the click with the authorize URL', async () => {
    const element = mount();
    await toLoginReady(element);
    expect(visibleText(element)).to.include('Klik op Open om in te loggen bij Exact Online.');
    popup = stubWindowOpen();
    const open = findButton(element, 'Open')!;
    open.click();
    expect(popup.calls, 'opened before the click handler returned').to.have.length(1);
    const url = new URL(popup.calls[0]!.url);
    expect(url.origin).to.equal(window.location.origin);
    expect(url.pathname).to.equal('/mock/default/exact/nl/api/oauth2/auth');
    expect(url.searchParams.get('client_id')).to.equal('autopilot-connect-mock');
    expect(url.searchParams.get('response_type')).to.equal('code');
    expect(url.searchParams.get('redirect_uri')).to.equal(`${window.location.origin}/mock/default/api/oauth/callback`);
    // The state is the backend's opaque value, not the authorization's id.
    expect(url.searchParams.get('state')).to.match(/^[\w-]{32,}$/);
    // Two logins prepared: this one, and the force_login one for `Inloggen als andere Exact-gebruiker`.
    const started = (await backend().authorizations()).filter((row) => row.status === 'pending');
    expect(started, 'the backend started this login and the other-user one').to.have.length(2);
    expect(popup.calls[0]!.features).to.match(/popup/);
    await waitForText(element, waiting);
    expect(findButton(element, 'Ga door')).to.equal(null);
  });

  it('after the callback page reports the login, says so and `Ga door` leads to the administration', async () => {
    const element = mount();
    const url = await openLogin(element);
    const authorizationId = await completeExactLogin(url);
    reportLogin(authorizationId);
    await waitForText(element, 'Je bent ingelogd bij Exact Online als Lien de Vries.');
    await press(element, 'Ga door');
    await waitForHeading(element, 'Selecteer afdeling');
    expect(visibleText(element)).to.include('Stap 4 van 5');
  });

  it('trusts the backend over the report: a denied login says so and offers a new one', async () => {
    const element = mount();
    const url = await openLogin(element);
    const authorizationId = await completeExactLogin(url, { deny: true });
    reportLogin(authorizationId, 'authorized');
    await waitForText(element, 'Je hebt in Exact Online geen toestemming gegeven. Zonder toestemming kan de Autopilot niet koppelen.');
    expect(findButton(element, 'Ga door')).to.equal(null);
    await press(element, 'Opnieuw inloggen');
    await waitFor(() => findButton(element, 'Open'), { message: 'Open again' });
  });

  it('a blocked popup shows the blocked message and `Open` again', async () => {
    const element = mount();
    await toLoginReady(element);
    let allow = false;
    popup = stubWindowOpen(() => (allow ? fakePopup() : null));
    await press(element, 'Open');
    await waitForText(element, 'Je browser heeft het inlogvenster tegengehouden. Klik nog een keer op Open, of sta pop-ups toe voor deze site.');
    allow = true;
    const again = findButton(element, 'Open')!;
    expect(again, 'Open is offered again').to.not.equal(null);
    again.click();
    expect(popup.calls).to.have.length(2);
    expect(popup.calls[1]!.url, 'the same login').to.equal(popup.calls[0]!.url);
    await waitForText(element, waiting);
    expect(visibleText(element)).to.not.include('tegengehouden');
  });

  it('ignores a report from another origin', async () => {
    const element = mount();
    const url = await openLogin(element);
    const authorizationId = await completeExactLogin(url);
    fetches = recordFetches();
    await postFromOtherOrigin({ type: 'autopilot-connect:login', authorizationId, status: 'authorized' });
    await expectIgnored(element, authorizationId);
    // The element is still listening for the real report.
    await expectGenuineReportCounts(element, authorizationId);
  });

  it('ignores a report for another authorization', async () => {
    const element = mount();
    const url = await openLogin(element);
    const authorizationId = await completeExactLogin(url);
    fetches = recordFetches();
    reportLogin('auth_someone_else');
    reportLogin(authorizationId.slice(0, -1));
    await expectIgnored(element, authorizationId);
    expect(fetches.requests, 'nor about another login').to.have.length(0);
    await expectGenuineReportCounts(element, authorizationId);
  });

  it('ignores a malformed report', async () => {
    const element = mount();
    const url = await openLogin(element);
    const authorizationId = await completeExactLogin(url);
    fetches = recordFetches();
    window.postMessage({ type: 'something-else', authorizationId, status: 'authorized' }, window.location.origin);
    window.postMessage(`autopilot-connect:login ${authorizationId}`, window.location.origin);
    await expectIgnored(element, authorizationId);
    await expectGenuineReportCounts(element, authorizationId);
  });

  it('when the window closes without a login, asks the backend and says honestly it can no longer see the window', async () => {
    const element = mount();
    await toLoginReady(element);
    const window = { closed: false, close() {} };
    popup = stubWindowOpen(() => window as unknown as WindowProxy);
    // Before `Open`: the window's poll and the machine's timers are set on the simulated clock.
    const clock = installFakeClock();
    await press(element, 'Open');
    await waitForText(element, waiting);
    // A window that reads closed at once was severed by a Cross-Origin-Opener-Policy, not closed by
    // the person; so close it a little later, as a person would.
    await clock.tickAsync(3200);
    fetches = recordFetches();
    window.closed = true;
    // The closed window's last message gets 1.5 s (after the poll saw it closed); then the backend is asked.
    await clock.tickAsync(1000);
    await afterItsTurn(element);
    expect(fetches.requests, 'not asked within the grace').to.have.length(0);
    await clock.tickAsync(1000);
    await waitForText(element, 'We kunnen het inlogvenster niet meer zien. Ben je nog aan het inloggen? Dan gaan we verder zodra dat klaar is.');
    const opened = await loginIdOf(popup.calls[0]!.url);
    expect(fetches.requests.map((request) => request.path), 'asked once the grace was over').to.deep.equal([`/mock/default/api/authorizations/${opened}`]);
    expect(findButton(element, 'Open'), 'a fresh Open').to.not.equal(null);
  });

  it('a login window open for 10 minutes without an outcome shows the timed-out problem; at 9:59 it still waits', async () => {
    const element = mount();
    await toLoginReady(element);
    popup = stubWindowOpen();
    const clock = installFakeClock();
    await press(element, 'Open');
    await waitForText(element, waiting);
    await clock.tickAsync(9 * 60_000 + 59_000);
    await afterItsTurn(element);
    expect(visibleText(element)).to.include(waiting);
    expect(visibleText(element)).to.not.include(nl.loginProblem_timedOut);
    await clock.tickAsync(1000);
    await waitForText(element, nl.loginProblem_timedOut);
    expect(visibleText(element)).to.not.include(waiting);
    expect(findButton(element, 'Opnieuw inloggen'), 'a way on').to.not.equal(null);
  });

  it('`Terug` returns to the system', async () => {
    const element = mount();
    await toLoginReady(element);
    await press(element, 'Terug');
    await waitForHeading(element, 'Kies het boekhoudpakket');
  });
});
