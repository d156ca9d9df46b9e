import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, STRICT_CSP } from './harness.mjs';
import { consent, goToLogin, openLoginPopup } from './steps.mjs';

/**
 * The whole flow on a page served with a strict Content-Security-Policy (no inline script or
 * style, Trusted Types required), with the callback page under the same policy.
 */
describe('under a strict Content-Security-Policy', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
    await harness.reset('default');
  });
  after(async () => harness?.close());

  it('completes the whole flow with no violation reported', async () => {
    const context = await harness.browser.newContext();
    const violations = [];
    await context.exposeFunction('reportViolation', (text) => violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        window.reportViolation(`${location.pathname}: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
      );
    });
    const page = await context.newPage();
    const response = await page.goto(`${harness.origin}/?csp&scenario=default`);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);

    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    const callbackPolicies = [];
    popup.on('response', (answer) => {
      if (answer.url().includes('/callback.html')) callbackPolicies.push(answer.headers()['content-security-policy']);
    });
    await consent(popup);
    await element.getByRole('button', { name: 'Ga door' }).click();
    await element.getByRole('option', { name: /^eLien test company/ }).click();
    await element.getByRole('button', { name: 'Afronden' }).click();
    await element.getByRole('heading', { name: 'Koppeling gemaakt' }).waitFor();
    await element.getByRole('button', { name: 'API-download opnieuw aanbieden' }).click();
    // A date with documents (the connection's own day, today, has none yet), its count, then the confirmation.
    await element.locator('input[name="from"]').fill('03-03-2025');
    await element.getByRole('button', { name: 'Opnieuw aanbieden', exact: true }).click();
    await element.locator('.notice', { hasText: 'Weet je het zeker?' }).waitFor();
    await element.getByRole('button', { name: 'Ja, opnieuw aanbieden' }).click();
    await element.getByText('opnieuw aangeboden.', { exact: false }).and(element.locator('.success')).waitFor();

    assert.deepEqual(callbackPolicies, [STRICT_CSP]);
    assert.deepEqual(violations, []);
    await context.close();
  });
});
