import {
  backend,
  completeExactLogin,
  findButton,
  press,
  reportLogin,
  stubWindowOpen,
  toLoginReady,
  waitFor,
  waitForHeading,
  waitForText,
} from '../component/support.js';
import { startMockWorker } from '../../src/mocks/index.js';
import type { ConnectElement } from '../component/support.js';
import { accessibilityState as state, alertShown, mountWith, stubPopupForState } from './support.js';

/**
 * The states of `Opnieuw verbinden` (issue 13) and of a login that left an administration in use
 * out: same checks as axe.test.ts (axe, focus indicators, target sizes, reflow), reached as a user does.
 */
describe('<autopilot-connect> accessibility in every state: reconnect', function () {
  this.timeout(30000);
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  before(async () => {
    await startMockWorker();
  });

  async function toReconnect(element: ConnectElement) {
    await waitForHeading(element, 'Actieve koppelingen', 8000);
    await waitFor(() => element.shadowRoot!.querySelectorAll('[part~="connection"]').length === 2, { message: 'both connections' });
    const card = Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="connection"]')).find((item) => item.textContent!.includes('Bakkerij'))!;
    await press(card as never, 'Opnieuw verbinden');
    await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
  }

  state('overview with connections that need a login', async () => {
    const element = mountWith('lapsed');
    await waitForHeading(element, 'Actieve koppelingen', 8000);
    await waitFor(() => findButton(element, 'Opnieuw verbinden'), { message: 'Opnieuw verbinden' });
    return element;
  });

  state('reconnect ready', async () => {
    const element = mountWith('lapsed');
    await toReconnect(element);
    return element;
  });

  state('reconnected, one connection left out by the consent', async () => {
    const element = mountWith('lapsed');
    await toReconnect(element);
    popup = stubPopupForState(stubWindowOpen());
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url, { divisionCodes: [100001] }));
    await waitForText(element, 'is weer verbonden.', 8000);
    await waitFor(() => findButton(element, 'Opnieuw verbinden'), { message: 'the list reloaded' });
    return element;
  });

  state('reconnect refused', async () => {
    const element = mountWith('default');
    await waitForHeading(element, 'Actieve koppelingen', 8000);
    await press(element, 'Opnieuw verbinden');
    await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
    backend('default').injectFailure({ operation: 'reauthorizeConnection', kind: { status: 422, code: 'division_not_granted' } });
    popup = stubPopupForState(stubWindowOpen());
    await press(element, 'Inloggen als andere Exact-gebruiker');
    const walk = await backend().exactBrowser().walk(popup.calls[0]!.url, backend().world.otherLogin, 'allow');
    reportLogin(new URL((await fetch(walk.redirect)).url).searchParams.get('authorization')!);
    await alertShown(element);
    return element;
  });

  state('login authorized, a consent that left an administration in use out', async () => {
    const element = mountWith('lapsed');
    await toLoginReady(element);
    popup = stubPopupForState(stubWindowOpen());
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url, { divisionCodes: [100001, 100002] }));
    await waitForText(element, 'Let op: bij deze login zijn niet alle administraties aangevinkt', 8000);
    return element;
  });
});
