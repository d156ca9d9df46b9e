import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { consent, exactLogin } from './steps.mjs';

/**
 * The help article's whole flow, as a person does it with the mouse on the demo page: the
 * Exact Online login happens in a real popup window on the simulated Exact pages.
 */
describe('connecting eLien test company to Exact Online, end to end', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => harness.reset('default'));

  it('goes from New Connection through the login popup to a new connection in the list', async () => {
    const page = await harness.browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = page.locator('autopilot-connect');

    await element.getByRole('button', { name: 'New Connection' }).click();
    await element.getByRole('option', { name: /eLien test company/ }).click();
    await element.getByRole('button', { name: 'Bevestigen' }).click();
    await element.getByRole('button', { name: 'Exact Online' }).click();

    const popupOpened = page.waitForEvent('popup');
    await element.getByRole('button', { name: 'Open', exact: true }).click();
    const popup = await popupOpened;
    await popup.getByLabel('Gebruikersnaam').fill(exactLogin.username);
    await popup.getByLabel('Wachtwoord').fill(exactLogin.password);
    await popup.getByRole('button', { name: 'Inloggen' }).click();
    await popup.getByRole('button', { name: 'Toestaan' }).click();
    await popup.waitForEvent('close');

    await element.getByRole('button', { name: 'Ga door' }).click();
    await assert.doesNotReject(element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor());
    await element.getByRole('option', { name: /^eLien test company/ }).click();
    assert.equal(await element.getByRole('radio', { name: /Simpele booking flow/ }).isChecked(), true);
    await element.getByRole('button', { name: 'Afronden' }).click();

    await element.getByRole('heading', { name: 'Koppeling gemaakt' }).waitFor();
    assert.equal(await element.getByRole('button', { name: 'API-download opnieuw aanbieden' }).count(), 1);
    const log = await page.locator('#log').textContent();
    assert.match(log, /autopilot-connected: eLien test company → eLien test company/);

    await element.getByRole('button', { name: 'Naar het overzicht' }).click();
    await element.getByRole('heading', { name: 'Actieve koppelingen' }).waitFor();
    await element.getByText('eLien test company → eLien test company').waitFor();
    assert.equal(await element.getByRole('button', { name: 'API-download opnieuw aanbieden' }).count(), 2);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('`Opnieuw inloggen` on the administration step opens the login window in that one click (a URL fetched ahead)', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = page.locator('autopilot-connect');
    await element.getByRole('button', { name: 'New Connection' }).click();
    await element.getByRole('option', { name: /eLien test company/ }).click();
    await element.getByRole('button', { name: 'Bevestigen' }).click();
    await element.getByRole('button', { name: 'Exact Online' }).click();
    const firstOpened = page.waitForEvent('popup');
    await element.getByRole('button', { name: 'Open', exact: true }).click();
    const first = await firstOpened;
    await consent(first, exactLogin);
    await first.waitForEvent('close');
    // The administration step fetches the URL ahead; a user reading the list gives it its moment.
    const fetchedAhead = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith('/api/authorizations'));
    await element.getByRole('button', { name: 'Ga door' }).click();
    await element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
    await fetchedAhead;
    const againOpened = page.waitForEvent('popup');
    await element.getByRole('button', { name: 'Opnieuw inloggen' }).click();
    const again = await againOpened;
    // Exact's session is Lien's: the consent page straight away, to tick more administrations.
    await again.getByRole('button', { name: 'Toestaan' }).click();
    await again.waitForEvent('close');
    await element.locator('p.success').getByText(/Je bent ingelogd bij Exact Online als/).waitFor();
    assert.equal(await element.getByRole('button', { name: 'Ga door' }).count(), 1);
    await page.close();
  });
});
