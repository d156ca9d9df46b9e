import { expect } from '@esm-bundle/chai';
import {
  backend,
  completeExactLogin,
  fakePopup,
  findButton,
  mount,
  press,
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

const waiting = 'Het inlogvenster van Exact Online is open. Log daar in en geef toestemming.';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  afterEach(() => {
    popup?.restore();
    popup = null;
  });

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
    expect(url.pathname).to.equal('/mock/default/exact/api/oauth2/auth');
    expect(url.searchParams.get('client_id')).to.equal('autopilot-connect');
    expect(url.searchParams.get('response_type')).to.equal('code');
    expect(url.searchParams.get('redirect_uri')).to.equal(`${window.location.origin}/mock/default/api/oauth/callback`);
    expect(url.searchParams.get('lang')).to.equal('nl');
    const state = url.searchParams.get('state')!;
    expect(backend().platform.authorizationRecord(state)?.status, 'the backend started this login').to.equal('pending');
    expect(popup.calls[0]!.features).to.match(/popup/);
    await waitForText(element, waiting);
    expect(findButton(element, 'Ga door')).to.equal(null);
  });

  it('after the callback page reports the login, says so and `Ga door` leads to the administration', async () => {
    const element = mount();
    const url = await openLogin(element);
    const authorizationId = await completeExactLogin(url);
    reportLogin(authorizationId);
    await waitForText(element, 'De verbinding met Exact Online is gelegd als Lien de Vries.');
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
    await postFromOtherOrigin({ type: 'autopilot-connect:login', authorizationId, status: 'authorized' });
    await pause(300);
    expect(visibleText(element)).to.include(waiting);
    expect(findButton(element, 'Ga door')).to.equal(null);
    // The element is still listening for the real report.
    reportLogin(authorizationId);
    await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door' });
  });

  it('ignores a report for another authorization', async () => {
    const element = mount();
    const url = await openLogin(element);
    const authorizationId = await completeExactLogin(url);
    reportLogin('auth_someone_else');
    reportLogin(authorizationId.slice(0, -1));
    await pause(300);
    expect(visibleText(element)).to.include(waiting);
    expect(findButton(element, 'Ga door')).to.equal(null);
    reportLogin(authorizationId);
    await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door' });
  });

  it('ignores a malformed report', async () => {
    const element = mount();
    const url = await openLogin(element);
    const authorizationId = await completeExactLogin(url);
    window.postMessage({ type: 'something-else', authorizationId, status: 'authorized' }, window.location.origin);
    window.postMessage(`autopilot-connect:login ${authorizationId}`, window.location.origin);
    await pause(300);
    expect(visibleText(element)).to.include(waiting);
  });

  it('when the window closes without a login, asks the backend and says honestly it can no longer see the window', async function () {
    this.timeout(12000);
    const element = mount();
    await toLoginReady(element);
    const window = { closed: false, close() {} };
    popup = stubWindowOpen(() => window as unknown as WindowProxy);
    await press(element, 'Open');
    await waitForText(element, waiting);
    // A window that reads closed at once was severed by a Cross-Origin-Opener-Policy, not closed by
    // the person; so close it a little later, as a person would.
    await pause(3200);
    window.closed = true;
    await waitForText(element, 'We kunnen het inlogvenster niet meer zien. Ben je nog aan het inloggen? Dan gaan we verder zodra dat klaar is.', 5000);
    expect(findButton(element, 'Open'), 'a fresh Open').to.not.equal(null);
  });

  it('`Terug` returns to the system', async () => {
    const element = mount();
    await toLoginReady(element);
    await press(element, 'Terug');
    await waitForHeading(element, 'Kies het boekhoudpakket');
  });
});
