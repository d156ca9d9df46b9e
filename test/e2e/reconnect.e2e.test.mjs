import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { consent, exactLogin } from './steps.mjs';

/**
 * `Opnieuw verbinden` as a person does it on the demo page (issue 13): a connection whose Exact
 * login lapsed is repaired in place by one login in a real popup on the simulated Exact pages —
 * and so is every other connection of that Exact user; another Exact user can take one over; a
 * consent that leaves an administration out is said, with the fix.
 */
describe('reconnecting a connection whose Exact login lapsed, end to end', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => {
    await harness.reset('lapsed');
    await harness.reset('default');
  });

  /** What the user reads: names from the backend come wrapped in Unicode isolates, which are invisible. */
  const read = async (locator) => (await locator.innerText()).replace(/[\u2066-\u2069]/g, '');
  const card = (element, organisation) => element.getByRole('listitem').filter({ hasText: organisation });

  async function reconnect(page, scenario, organisation) {
    await page.goto(`${harness.origin}/?scenario=${scenario}`);
    const element = page.locator('autopilot-connect');
    await card(element, organisation).getByRole('button', { name: 'Opnieuw verbinden' }).click();
    await element.getByRole('heading', { name: 'Koppeling opnieuw verbinden' }).waitFor();
    return element;
  }

  it('one login as the same Exact user repairs that connection and the other one of that user, and says so', async () => {
    const page = await harness.browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(`${harness.origin}/?scenario=lapsed`);
    const element = page.locator('autopilot-connect');
    await element.getByRole('heading', { name: 'Actieve koppelingen' }).waitFor();
    await card(element, 'Fietsenmakerij').waitFor();
    // Both cards say what is wrong, who the Exact user is, and offer the repair.
    for (const organisation of ['Bakkerij de Gouden Korst', 'Fietsenmakerij Van Dijk']) {
      assert.match(await read(card(element, organisation)), /Opnieuw inloggen nodig[\s\S]*Exact-gebruiker Lien de Vries · exactonline\.nl/);
    }
    assert.equal(await element.getByRole('button', { name: 'Opnieuw verbinden' }).count(), 2);

    await card(element, 'Bakkerij de Gouden Korst').getByRole('button', { name: 'Opnieuw verbinden' }).click();
    await element.getByRole('heading', { name: 'Koppeling opnieuw verbinden' }).waitFor();
    assert.match(await read(element.locator('[part~="body"]')), /als Lien de Vries om Bakkerij de Gouden Korst → 100001/);
    const popupOpened = page.waitForEvent('popup');
    await element.getByRole('button', { name: 'Open', exact: true }).click();
    const popup = await popupOpened;
    await consent(popup, exactLogin);
    await popup.waitForEvent('close');

    await element.locator('[data-focus-first]').getByText(/is weer verbonden\./).waitFor();
    assert.match(await read(element.locator('[data-focus-first]').getByText(/is weer verbonden\./)), /^Bakkerij de Gouden Korst → 100001 Bakkerij de Gouden Korst B\.V\. is weer verbonden\.$/);
    assert.match(await read(element.locator('[part~="body"]')), /Met dezelfde login zijn ook weer verbonden: Fietsenmakerij Van Dijk → 100003 Fietsenmakerij Van Dijk V\.O\.F\./);
    // The list reloaded: nothing needs a login any more, the repaired connection kept its administration.
    await element.getByRole('button', { name: 'Opnieuw verbinden' }).waitFor({ state: 'detached' });
    assert.doesNotMatch(await read(element.locator('[part~="body"]')), /Opnieuw inloggen nodig/);
    assert.match(await read(card(element, 'Bakkerij de Gouden Korst')), /100001/);
    assert.match(await page.locator('#log').textContent(), /autopilot-reconnected: Bakkerij de Gouden Korst → .*, Fietsenmakerij Van Dijk → /);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('`Inloggen als andere Exact-gebruiker`: Bram takes the connection over, in place', async () => {
    const page = await harness.browser.newPage();
    const element = await reconnect(page, 'default', 'Bakkerij de Gouden Korst');
    const popupOpened = page.waitForEvent('popup');
    await element.getByRole('button', { name: 'Inloggen als andere Exact-gebruiker' }).click();
    const popup = await popupOpened;
    // force_login: Exact asks who logs in, even with a session.
    await popup.getByLabel('Gebruikersnaam').waitFor();
    await consent(popup, { username: 'bram@elien.nl', password: 'secret' });
    await popup.waitForEvent('close');
    await element.locator('[data-focus-first]').getByText(/is weer verbonden\./).waitFor();
    assert.match(await read(element.locator('[data-focus-first]').getByText(/is weer verbonden\./)), /^Bakkerij de Gouden Korst → 100001 Bakkerij de Gouden Korst B\.V\. is weer verbonden\.$/);
    await card(element, 'Bakkerij de Gouden Korst').getByText(/Bram Bakker/).waitFor();
    assert.match(await read(card(element, 'Bakkerij de Gouden Korst')), /Exact-gebruiker Bram Bakker · exactonline\.nl/);
    assert.doesNotMatch(await read(element.locator('[part~="body"]')), /Opnieuw inloggen nodig/);
    await page.close();
  });

  it('a consent that leaves the other connection\'s administration out: that one is named as needing attention, with the fix', async () => {
    const page = await harness.browser.newPage();
    const element = await reconnect(page, 'lapsed', 'Bakkerij de Gouden Korst');
    const popupOpened = page.waitForEvent('popup');
    await element.getByRole('button', { name: 'Open', exact: true }).click();
    const popup = await popupOpened;
    await popup.getByLabel('Gebruikersnaam').fill(exactLogin.username);
    await popup.getByLabel('Wachtwoord').fill(exactLogin.password);
    await popup.getByRole('button', { name: 'Inloggen' }).click();
    await popup.getByRole('checkbox', { name: /100003/ }).uncheck();
    await popup.getByRole('button', { name: 'Toestaan' }).click();
    await popup.waitForEvent('close');
    await element.locator('[data-focus-first]').getByText(/is weer verbonden\./).waitFor();
    assert.match(await read(element.locator('[data-focus-first]').getByText(/is weer verbonden\./)), /^Bakkerij de Gouden Korst → 100001 Bakkerij de Gouden Korst B\.V\. is weer verbonden\.$/);
    assert.match(await read(element.locator('[part~="body"]')), /Niet aangevinkt, dus aandacht nodig: kies bij deze koppeling Opnieuw verbinden en vink de administratie aan: Fietsenmakerij Van Dijk → 100003/);
    // The one left out still offers the repair.
    await card(element, 'Fietsenmakerij').getByRole('button', { name: 'Opnieuw verbinden' }).waitFor();
    await page.close();
  });

  it('keyboard only: Tab to `Opnieuw verbinden`, Enter, Tab to `Inloggen als andere Exact-gebruiker`, Enter opens the login window', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=lapsed`);
    const element = page.locator('autopilot-connect');
    await element.getByRole('button', { name: 'Opnieuw verbinden' }).first().waitFor();
    const focusedText = () =>
      page.evaluate(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      });
    const tabTo = async (name) => {
      for (let presses = 0; presses < 40; presses += 1) {
        if ((await focusedText()) === name) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabTo('Opnieuw verbinden');
    await page.keyboard.press('Enter');
    await element.getByRole('heading', { name: 'Koppeling opnieuw verbinden' }).waitFor();
    await element.getByRole('button', { name: 'Open', exact: true }).waitFor();
    await tabTo('Inloggen als andere Exact-gebruiker');
    const popupOpened = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const popup = await popupOpened;
    await popup.getByLabel('Gebruikersnaam').waitFor();
    await popup.close();
    await page.close();
  });
});
