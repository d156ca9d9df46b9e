import { expect } from '@esm-bundle/chai';
import { getBackend, resetBackends, startMockWorker } from '../../src/mocks/index.js';
import {
  button,
  completeExactLogin,
  deepActiveElement,
  fakePopup,
  findButton,
  frames,
  heading,
  installFakeClock,
  isDisabled,
  option,
  reportLogin,
  stubWindowOpen,
  waitFor,
  waitForHeading,
  waitForText,
  type ConnectElement,
} from '../component/support.js';
import { mountWith, realClick, removeMounted, settle } from './support.js';

const describeActive = () => {
  const active = deepActiveElement();
  if (!active || active === document.body) return '<body>';
  return `<${active.tagName.toLowerCase()}> "${active.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40)}"`;
};

/** Focus is never on <body> (nor nowhere). */
function expectFocusKept(where: string): void {
  expect(document.activeElement, `${where}: focus dropped to <body>`).to.not.equal(document.body);
  expect(document.activeElement, `${where}: no focus`).to.not.equal(null);
}

/** The step heading has focus and reads `text`. */
async function expectHeadingFocused(element: ConnectElement, text: string): Promise<void> {
  await waitForHeading(element, text);
  await settle(element);
  await waitFor(() => deepActiveElement()?.hasAttribute('data-step-heading'), {
    timeout: 2000,
    message: `focus on the heading "${text}" (focus is on ${describeActive()})`,
  });
  expect(deepActiveElement()?.textContent?.trim()).to.equal(text);
}

/** A real mouse click, then: focus did not drop to <body>, now nor once the element settled. */
async function click(element: ConnectElement, target: HTMLElement, where: string): Promise<void> {
  await realClick(target);
  expectFocusKept(`right after clicking ${where}`);
  await settle(element);
  await frames(2);
  await settle(element);
  expectFocusKept(`after clicking ${where}`);
}

const clickButton = async (element: ConnectElement, name: string) => {
  const target = await waitFor(() => {
    const found = findButton(element, name);
    return found && !isDisabled(found) ? found : null;
  }, { message: `an enabled "${name}"` });
  await click(element, target, `"${name}"`);
};

describe('<autopilot-connect> focus management', function () {
  this.timeout(20000);
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  before(async () => {
    await startMockWorker();
    // PGlite starts once per page (a few seconds): here, not inside the first test's waits.
    await getBackend('default').ready;
  });
  beforeEach(async () => {
    await resetBackends();
    sessionStorage.clear();
  });
  afterEach(async () => {
    popup?.restore();
    popup = null;
    await removeMounted();
    sessionStorage.clear();
  });

  it('does not take focus on load (before the user works in the element)', async () => {
    const element = mountWith('default');
    await waitForHeading(element, 'Actieve koppelingen');
    await waitFor(() => findButton(element, 'New Connection'));
    await settle(element);
    expect(element.matches(':focus-within'), 'the element took focus on its own').to.equal(false);
  });

  it('moves focus to the heading on every step change, to `Ga door` after the login, and never drops it to <body>', async () => {
    const element = mountWith('default');
    await waitForHeading(element, 'Actieve koppelingen');

    await clickButton(element, 'New Connection');
    await expectHeadingFocused(element, 'Kies de organisatie');

    await click(element, await waitFor(() => option(element, 'eLien test company')), 'the option eLien test company');
    await waitFor(() => !isDisabled(button(element, 'Bevestigen')), { message: 'Bevestigen enabled' });
    await clickButton(element, 'Bevestigen');
    await expectHeadingFocused(element, 'Kies het boekhoudpakket');

    await clickButton(element, 'Exact Online');
    await expectHeadingFocused(element, 'Inloggen bij Exact Online');

    popup = stubWindowOpen();
    await clickButton(element, 'Open');
    await waitForText(element, 'Het inlogvenster van Exact Online is open.');
    expectFocusKept('while the login window is open');

    // The login window's callback page reports: `Ga door` is the next action and takes focus.
    reportLogin(await completeExactLogin(popup.calls[0]!.url));
    await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door' });
    await settle(element);
    await waitFor(() => deepActiveElement()?.textContent?.trim() === 'Ga door', {
      timeout: 2000,
      message: `focus on Ga door after the login window's report (focus is on ${describeActive()})`,
    });
    expectFocusKept('after the login report');

    await clickButton(element, 'Ga door');
    await expectHeadingFocused(element, 'Selecteer afdeling');

    await click(element, await waitFor(() => option(element, 'eLien test company')), 'the administration eLien test company');
    await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
    await clickButton(element, 'Afronden');
    await expectHeadingFocused(element, 'Koppeling gemaakt');

    // Back on the overview the connection just made takes focus (it is marked as new), not the heading.
    await clickButton(element, 'Naar het overzicht');
    await waitForHeading(element, 'Actieve koppelingen');
    await waitFor(() => deepActiveElement()?.matches('.card.made'), { message: 'focus on the new connection' });
    expect(deepActiveElement()!.textContent).to.include('eLien test company → eLien test company');
  });

  it('moves focus to the heading on Terug and on the redelivery steps', async () => {
    const element = mountWith('default');
    await waitForHeading(element, 'Actieve koppelingen');
    await clickButton(element, 'New Connection');
    await expectHeadingFocused(element, 'Kies de organisatie');
    await clickButton(element, 'Terug');
    await expectHeadingFocused(element, 'Actieve koppelingen');

    await clickButton(element, 'API-download opnieuw aanbieden');
    await expectHeadingFocused(element, 'API-download opnieuw aanbieden');
    await clickButton(element, 'Opnieuw aanbieden');
    // The count and the question: focus on the confirmation, the next action.
    await waitForText(element, 'Weet je het zeker?');
    await waitFor(() => deepActiveElement()?.textContent?.trim() === 'Ja, opnieuw aanbieden', { message: 'focus on the confirmation' });
    await clickButton(element, 'Ja, opnieuw aanbieden');
    await waitFor(() => findButton(element, 'Naar het overzicht'), { message: 'the redelivery sent' });
    expectFocusKept('after the redelivery was submitted');
    await clickButton(element, 'Naar het overzicht');
    await expectHeadingFocused(element, 'Actieve koppelingen');
  });

  it('keeps focus in the element when the login window is blocked, and when it is closed', async () => {
    const element = mountWith('default');
    await waitForHeading(element, 'Actieve koppelingen');
    await clickButton(element, 'New Connection');
    await click(element, await waitFor(() => option(element, 'eLien test company')), 'the option');
    await clickButton(element, 'Bevestigen');
    await clickButton(element, 'Exact Online');
    await expectHeadingFocused(element, 'Inloggen bij Exact Online');

    popup = stubWindowOpen(() => null);
    await clickButton(element, 'Open');
    await waitForText(element, 'Je browser heeft het inlogvenster tegengehouden.');
    expectFocusKept('after the popup was blocked');
    popup.restore();

    const loginWindow = fakePopup() as unknown as { closed: boolean };
    popup = stubWindowOpen(() => loginWindow as unknown as WindowProxy);
    // Before `Open`: the window's poll and the machine's timers are set on the simulated clock.
    const clock = installFakeClock();
    await clickButton(element, 'Open');
    await waitForText(element, 'Het inlogvenster van Exact Online is open.');
    expectFocusKept('with the login window open');
    // Past the first 3 s (a window closed sooner was severed, not closed by the person).
    await clock.tickAsync(3200);
    loginWindow.closed = true;
    // The poll sees it, the 1.5 s grace passes, the backend (real time) says pending.
    await clock.tickAsync(2000);
    await waitForText(element, 'We kunnen het inlogvenster niet meer zien.');
    await settle(element);
    expectFocusKept('after the login window was closed');
  });

  it('keeps focus in the element after a failed call and its retry', async () => {
    // A backend whose status does not carry the connections: they are fetched, and fail once too.
    getBackend('errors').statusCarriesConnections = false;
    const element = mountWith('errors');
    await waitFor(() => findButton(element, 'Opnieuw proberen'), { message: 'retry' });
    await clickButton(element, 'Opnieuw proberen'); // status → connections (which fail once)
    await expectHeadingFocused(element, 'Actieve koppelingen');
    await clickButton(element, 'Opnieuw proberen');
    await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
    await settle(element);
    expectFocusKept('after retrying the connections');
    expect(heading(element)).to.equal('Actieve koppelingen');
  });
});
