import { messages } from '../../src/i18n/messages.js';
import {
  backend,
  button,
  completeExactLogin,
  fakePopup,
  findButton,
  installFakeClock,
  isDisabled,
  option,
  pointerClick,
  press,
  reportLogin,
  stubWindowOpen,
  toAdministration,
  toLoginReady,
  toSystem,
  waitFor,
  waitForHeading,
  waitForText,
} from '../component/support.js';
import { startMockWorker } from '../../src/mocks/index.js';
import { accessibilityState as state, alertShown, mountWith, stubPopupForState, WAITING } from './support.js';

const nl = messages();

/**
 * The login and administration steps of axe.test.ts, in a file of their own so each file stays
 * well within the runner's per-file time limit: same checks, same way of reaching each state.
 */
describe('<autopilot-connect> accessibility in every state: login and administration', function () {
  this.timeout(30000);
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  before(async () => {
    await startMockWorker();
  });


  describe('login', () => {
    state('login ready', async () => {
      const element = mountWith('default');
      await toLoginReady(element);
      return element;
    });

    state('login failed (could not be prepared)', async () => {
      const element = mountWith('default');
      await toSystem(element);
      backend('default').injectFailure({ operation: 'startAuthorization', kind: { status: 500 } });
      await press(element, 'Exact Online');
      await waitForHeading(element, 'Inloggen bij Exact Online');
      await alertShown(element);
      return element;
    });

    state('login waiting (window open)', async () => {
      const element = mountWith('default');
      await toLoginReady(element);
      popup = stubPopupForState(stubWindowOpen(() => fakePopup()));
      await press(element, 'Open');
      await waitForText(element, WAITING);
      return element;
    });

    state('login window out of sight', async () => {
      const element = mountWith('default');
      await toLoginReady(element);
      const loginWindow = { closed: false, close() {} };
      popup = stubPopupForState(stubWindowOpen(() => loginWindow as unknown as WindowProxy));
      const clock = installFakeClock();
      await press(element, 'Open');
      await waitForText(element, WAITING);
      // A window that reads closed at once was severed by COOP; a person closes it later.
      await clock.tickAsync(3200);
      loginWindow.closed = true;
      await clock.tickAsync(2000);
      await waitForText(element, nl.loginProblem_unseen);
      // The state is reached: the checks (axe, focus, reflow) run in real time, the element's timers stay still.
      clock.uninstall();
      return element;
    });

    state('login blocked', async () => {
      const element = mountWith('default');
      await toLoginReady(element);
      popup = stubPopupForState(stubWindowOpen(() => null));
      await press(element, 'Open');
      await waitForText(element, 'Je browser heeft het inlogvenster tegengehouden.');
      return element;
    });

    state('login denied', async () => {
      const element = mountWith('default');
      await toLoginReady(element);
      popup = stubPopupForState(stubWindowOpen());
      await press(element, 'Open');
      const id = await completeExactLogin(popup.calls[0]!.url, { deny: true });
      reportLogin(id, 'denied');
      await waitForText(element, 'Je hebt in Exact Online geen toestemming gegeven.');
      return element;
    });

    state('login timed out', async () => {
      const element = mountWith('default');
      await toLoginReady(element);
      popup = stubPopupForState(stubWindowOpen(() => fakePopup()));
      const clock = installFakeClock();
      await press(element, 'Open');
      await waitForText(element, WAITING);
      await clock.tickAsync(10 * 60_000);
      await waitForText(element, nl.loginProblem_timedOut);
      clock.uninstall();
      return element;
    });

    state('login choosing grant (scenario grant)', async () => {
      const element = mountWith('grant');
      await toSystem(element);
      await press(element, 'Exact Online');
      await waitFor(() => findButton(element, 'Doorgaan als Lien de Vries'), { message: 'Doorgaan als Lien de Vries' });
      return element;
    });

    state('login authorized', async () => {
      const element = mountWith('default');
      await toLoginReady(element);
      popup = stubPopupForState(stubWindowOpen());
      await press(element, 'Open');
      reportLogin(await completeExactLogin(popup.calls[0]!.url));
      await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door' });
      return element;
    });
  });

  describe('administration', () => {
    state('administration ready', async () => {
      const element = mountWith('default');
      await toAdministration(element);
      return element;
    });

    state('administration with a selection', async () => {
      const element = mountWith('default');
      await toAdministration(element);
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => !isDisabled(button(element, 'Afronden')));
      return element;
    });

    state('administration with the advanced flow chosen', async () => {
      const element = mountWith('default');
      await toAdministration(element);
      pointerClick(option(element, 'eLien test company'));
      const advanced = element.shadowRoot!.querySelector<HTMLInputElement>('input[value="advanced"]')!;
      advanced.click();
      await waitFor(() => advanced.checked && element.shadowRoot!.querySelector('a[href*="econnect.eu/contact"]'), { message: 'advanced chosen, the way to eConnect shown' });
      return element;
    });

    state('administration finish failed', async () => {
      const element = mountWith('default');
      await toAdministration(element);
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => !isDisabled(button(element, 'Afronden')));
      backend('default').injectFailure({ operation: 'createConnection', kind: { status: 500 } });
      await press(element, 'Afronden');
      await alertShown(element);
      return element;
    });

    state('administration with the suggested (KvK match) row chosen', async () => {
      const element = mountWith('default');
      await toAdministration(element);
      await waitForText(element, nl.suggestedKvk);
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => option(element, 'eLien test company').getAttribute('aria-selected') === 'true', { message: 'the suggestion chosen' });
      return element;
    });

    state('administration finish refused (trouble: no right to make a Digitale Brievenbus)', async () => {
      const element = mountWith('trouble');
      await toAdministration(element);
      pointerClick(option(element, 'Geen Brievenbusrechten B.V.'));
      await waitFor(() => !isDisabled(button(element, 'Afronden')));
      await press(element, 'Afronden');
      await alertShown(element);
      await waitFor(() => findButton(element, nl.chooseOtherDivision), { message: 'another administration offered' });
      return element;
    });

    state('administration failed', async () => {
      const element = mountWith('default');
      await toLoginReady(element);
      popup = stubPopupForState(stubWindowOpen());
      await press(element, 'Open');
      const report = await completeExactLogin(popup.calls[0]!.url);
      // Before the login is confirmed: that is when the administrations are fetched.
      backend('default').injectFailure({ operation: 'listDivisions', kind: { status: 500 } });
      reportLogin(report);
      await press(element, 'Ga door');
      await waitForHeading(element, 'Selecteer afdeling');
      await alertShown(element);
      return element;
    });
  });

});
