import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';

/** The later steps' chunk (src/views/later-steps.ts), as the dev server or a build serves it. */
const LATER_STEPS = /\/later-steps(\.ts|-[\w-]+\.js)(\?.*)?$/;

/**
 * The later steps arrive as a chunk of their own: fetched while the overview shows, before any
 * click, and, when that fetch fails, a step that says so and loads on `Opnieuw proberen`.
 */
describe('the later steps, loaded while the overview shows', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => harness.reset('default'));

  it('are fetched once the overview shows, before New Connection is pressed', async () => {
    const page = await harness.browser.newPage();
    const fetched = [];
    page.on('request', (request) => LATER_STEPS.test(new URL(request.url()).pathname) && fetched.push(request.url()));
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = page.locator('autopilot-connect');
    await element.getByRole('button', { name: 'New Connection' }).waitFor();
    await page.waitForResponse((response) => LATER_STEPS.test(new URL(response.url()).pathname), { timeout: 10_000 }).catch(() => null);
    assert.equal(fetched.length, 1, 'the later steps were not fetched while the overview showed');
    await element.getByRole('button', { name: 'New Connection' }).click();
    // Straight to the picker: no pending stand-in in between.
    await element.getByRole('option', { name: /eLien test company/ }).waitFor();
    assert.equal(await element.locator('[data-step-pending]').count(), 0);
    await page.close();
  });

  it('say so when their chunk does not load, and load on Opnieuw proberen', async () => {
    const page = await harness.browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    let refuse = true;
    await page.route(LATER_STEPS, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = page.locator('autopilot-connect');
    await element.getByRole('button', { name: 'New Connection' }).click();

    await element.getByText('Deze stap kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.').waitFor();
    assert.equal(await element.getByRole('heading', { name: 'Organisatie' }).count(), 1, 'the step keeps its name as heading');
    // A way out as on every step: Annuleren goes back to the overview, and New Connection tries again.
    await element.getByRole('button', { name: 'Annuleren' }).click();
    await element.getByRole('button', { name: 'New Connection' }).click();
    await element.getByText('Deze stap kon niet worden geladen. Controleer je internetverbinding en probeer het opnieuw.').waitFor();

    refuse = false;
    await element.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await element.getByRole('option', { name: /eLien test company/ }).waitFor({ timeout: 10_000 });
    assert.equal(await element.getByText('Deze stap kon niet worden geladen', { exact: false }).count(), 0);
    assert.deepEqual(pageErrors.map(String), []);
    await page.close();
  });
});
