import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { consent, goToLogin, openLoginPopup, shown } from './steps.mjs';

const closedText = 'We kunnen het inlogvenster niet meer zien.';
const waitingText = 'Het inlogvenster van Exact Online is open. Log daar in en geef toestemming.';

/** Clicks this element's Open; returns its login popup, loaded. */
async function openPopupOf(page, element) {
  const popup = await openLoginPopup(page, element);
  await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
  return popup;
}

describe('the element in a living page (real popups)', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => harness.reset('default'));

  it('keeps its login when a framework moves it while the login window is open', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
    let popups = 0;
    page.on('popup', () => popups++);
    await page.evaluate(() => {
      const box = document.createElement('div');
      document.body.prepend(box);
      box.append(document.querySelector('autopilot-connect'));
    });
    await page.waitForTimeout(1000); // long past the task in which a removal would have stopped it
    await shown(element, waitingText).waitFor();
    await consent(popup);
    await element.getByRole('button', { name: 'Ga door' }).click();
    await element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
    assert.equal(popups, 0, 'no second login window');
    assert.equal(await page.evaluate(() => document.querySelector('autopilot-connect')?.parentElement?.tagName), 'DIV');
    await page.close();
  });

  it('lets two elements on one page each log in in their own window and each resume its own flow', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/test/e2e/pages/two-elements.html`);
    const first = page.locator('autopilot-connect').nth(0);
    const second = page.locator('autopilot-connect').nth(1);
    await goToLogin(page, { element: first });
    await goToLogin(page, { element: second, organisation: /Fietsenmakerij Van Dijk/ });

    const firstPopup = await openPopupOf(page, first);
    const secondPopup = await openPopupOf(page, second);
    assert.equal(firstPopup.isClosed(), false, "the first window stays open: the second element did not take it");
    const stateOf = (popup) => new URL(popup.url()).searchParams.get('state');
    assert.notEqual(stateOf(firstPopup), stateOf(secondPopup), 'each window shows its own login');
    await shown(first, waitingText).waitFor();
    assert.equal(await shown(first, closedText).count(), 0);

    // The first login's result reaches both elements' listeners; only the first may take it.
    await consent(firstPopup);
    await first.getByRole('button', { name: 'Ga door' }).waitFor();
    await page.waitForTimeout(1000);
    assert.equal(await second.getByRole('button', { name: 'Ga door' }).count(), 0, 'the second element ignores the first login');
    await shown(second, waitingText).waitFor();

    // Another Exact user (Lien's colleague Bram), so this grant does not replace the first one: Exact
    // (and its simulator) keeps one grant per user and app, and a second consent by Lien would end the first element's.
    await consent(secondPopup, { username: 'bram@elien.nl', password: 'secret' });
    await second.getByRole('button', { name: 'Ga door' }).click();
    await first.getByRole('button', { name: 'Ga door' }).click();
    await first.getByRole('option', { name: /^eLien test company/ }).click();
    await second.getByRole('option', { name: /^Fietsenmakerij Van Dijk V\.O\.F\./ }).click();

    await page.reload();
    for (const [element, organisation, administration] of [
      [first, 'eLien test company', /^eLien test company/],
      [second, 'Fietsenmakerij Van Dijk', /^Fietsenmakerij Van Dijk V\.O\.F\./],
    ]) {
      await element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
      await shown(element, organisation, { exact: false }).first().waitFor();
      assert.equal(await element.getByRole('option', { name: administration, selected: true }).count(), 1, `${organisation}: its own administration`);
    }
    await second.getByRole('button', { name: 'Afronden' }).click();
    await second.getByRole('heading', { name: 'Koppeling gemaakt' }).waitFor();
    await first.getByRole('button', { name: 'Afronden' }).click();
    await first.getByRole('heading', { name: 'Koppeling gemaakt' }).waitFor();
    await page.close();
  });
});
