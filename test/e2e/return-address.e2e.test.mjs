import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { clickOpenWithoutActivation, connectElement, consent, goToLogin, openLoginPopup, shown } from './steps.mjs';

/**
 * A same-tab login leaves a return address in sessionStorage, and a popup opened later starts
 * with a copy of it. On `coop` the Exact pages sever the popup from its opener, so its callback
 * page looks like a same-tab login's: it must close (or at least never show the platform), and
 * the element must go on.
 */
{
  describe('a stale return address (Chromium with its popup blocker on)', () => {
    let harness;
    before(async () => {
      harness = await startHarness({ launchOptions: { ignoreDefaultArgs: ['--disable-popup-blocking'] } });
    });
    after(async () => harness?.close());
    beforeEach(async () => harness.reset('coop'));

    it('never sends a later popup to the platform after a same-tab login was left with Back', async () => {
      const page = await harness.browser.newPage();
      const platform = `${harness.origin}/?scenario=coop`;
      await page.goto(platform);
      const element = await goToLogin(page);
      await clickOpenWithoutActivation(element);
      await element.getByRole('button', { name: 'In dit tabblad inloggen' }).click();
      await page.getByRole('button', { name: 'Inloggen' }).waitFor();
      assert.notEqual(new URL(page.url()).origin, harness.origin, 'the same-tab login left for the Exact pages');

      await page.goBack();
      await page.waitForURL(platform);
      const again = connectElement(page);
      await again.getByRole('button', { name: 'New Connection' }).waitFor({ timeout: 10_000 });
      await goToLogin(page);
      const popup = await openLoginPopup(page);
      const shownInPopup = [];
      popup.on('framenavigated', (frame) => {
        if (frame === popup.mainFrame()) shownInPopup.push(frame.url());
      });
      await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
      await consent(popup);
      await again.getByRole('button', { name: 'Ga door' }).waitFor({ timeout: 15_000 });
      await Promise.race([popup.waitForEvent('close'), page.waitForTimeout(2000)]);
      const platformPages = shownInPopup.filter((url) => new URL(url).origin === harness.origin && new URL(url).pathname === '/');
      assert.deepEqual(platformPages, [], 'the popup never loads the platform page');
      if (!popup.isClosed()) assert.match(popup.url(), /\/callback\.html/, 'the popup stays on the callback page if it cannot close');
      await again.getByRole('button', { name: 'Ga door' }).click();
      await again.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
      await shown(again, 'eLien test company', { exact: false }).first().waitFor();
      await page.close();
    });

    it('a same-tab login slower than the login timeout still returns to the platform page', async () => {
      await harness.reset('default');
      const page = await harness.browser.newPage();
      const platform = `${harness.origin}/?scenario=default&login-timeout=1`;
      await page.goto(platform);
      const element = await goToLogin(page);
      await clickOpenWithoutActivation(element);
      await element.getByRole('button', { name: 'In dit tabblad inloggen' }).click();
      await page.getByRole('button', { name: 'Inloggen' }).waitFor();
      await page.waitForTimeout(1500); // the user takes longer at Exact Online than the element's login timeout
      await consent(page);
      await page.waitForURL(platform);
      await connectElement(page).getByRole('heading', { name: 'Selecteer afdeling' }).waitFor({ timeout: 10_000 });
      await page.close();
    });

    it('the callback page in a tab with no opener and no return address offers the way back to the platform, not "close this tab"', async () => {
      const context = await harness.browser.newContext();
      const violations = [];
      await context.exposeFunction('reportViolation', (text) => violations.push(text));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => window.reportViolation(`${event.violatedDirective} ${event.blockedURI}`));
      });
      const page = await context.newPage();
      // As after a same-tab login whose return address is gone (cleared by Back, or storage blocked).
      await page.goto(`${harness.origin}/callback.html?authorization=auth_gone&status=authorized`);
      const back = page.getByRole('link', { name: 'Terug naar het platform' });
      await back.waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Ingelogd bij Exact Online' }).count(), 1);
      assert.equal(await page.getByText('tabblad', { exact: false }).count(), 0, 'no advice to close the platform’s own tab');
      await page.waitForTimeout(500); // past the moment the page tries to close itself
      assert.equal(page.isClosed(), false);
      await back.click();
      await page.waitForURL(`${harness.origin}/`);
      await connectElement(page).getByRole('button', { name: 'New Connection' }).waitFor();
      assert.deepEqual(violations, [], 'the strict Content-Security-Policy holds');
      await context.close();
    });
  });
}
