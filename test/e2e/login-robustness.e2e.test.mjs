import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { connectElement, consent, goToLogin, openLoginPopup, shown } from './steps.mjs';

const closedText = 'Het inlogvenster is gesloten voordat het inloggen klaar was.';

describe('a login that never loses its result (real popups)', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => {
    await harness.reset('default');
    await harness.reset('coop');
  });

  it('completes when a Cross-Origin-Opener-Policy on the Exact pages severs the opener, without a false "closed"', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=coop`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    await popup.waitForLoadState();
    assert.notEqual(new URL(popup.url()).origin, harness.origin, 'the Exact login runs on another origin');
    // Longer than the closed-window grace: the element must not claim the window was closed.
    await page.waitForTimeout(4500);
    assert.equal(await shown(element, closedText).count(), 0);
    await consent(popup);
    await element.getByRole('button', { name: 'Ga door' }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('asks the backend when the user closes the window, and says it was closed when the login did not finish', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
    await page.waitForTimeout(3200); // past the first seconds: a person closes it now
    await popup.close();
    await shown(element, closedText).waitFor();
    const popupAgain = await openLoginPopup(page);
    await consent(popupAgain);
    await element.getByRole('button', { name: 'Ga door' }).waitFor();
    await page.close();
  });

  it('continues as if the message had come when the window closes after the login finished', async () => {
    const page = await harness.browser.newPage();
    // The callback page's message is lost: no opener, no BroadcastChannel. Only the backend knows.
    await page.addInitScript(() => {
      if (location.pathname === '/callback.html') {
        window.BroadcastChannel = undefined;
        Object.defineProperty(window, 'opener', { value: null });
      }
    });
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    await page.waitForTimeout(3200);
    await consent(popup);
    await popup.waitForURL(/callback\.html/);
    await popup.close();
    await element.getByRole('button', { name: 'Ga door' }).waitFor();
    await page.close();
  });

  it('says so when the user denies access with Weigeren, and offers a fresh login', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    await consent(popup, { allow: false });
    await shown(element, 'Je hebt in Exact Online geen toestemming gegeven.', { exact: false }).waitFor();
    await element.getByRole('button', { name: 'Opnieuw inloggen' }).click();
    await element.getByRole('button', { name: 'Open', exact: true }).waitFor();
    await page.close();
  });

  it('says the login expired when the backend reports it expired', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    const authorizationId = new URL(popup.url()).searchParams.get('state');
    await page.waitForTimeout(3200);
    await fetch(`${harness.origin}/mock/default/authorizations/${authorizationId}/expire`, { method: 'POST' });
    await popup.close();
    await shown(element, 'Het inloggen duurde te lang en is verlopen. Begin opnieuw.').waitFor();
    assert.equal(await element.getByRole('button', { name: 'Opnieuw inloggen' }).count(), 1);
    await page.close();
  });

  it('times out after the login-timeout attribute with its own message', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default&login-timeout=4`);
    const element = await goToLogin(page);
    await openLoginPopup(page);
    await shown(element, 'Er kwam geen antwoord uit het inlogvenster. Probeer het opnieuw.').waitFor({ timeout: 8000 });
    await page.close();
  });

  it('resumes at the administration step after a reload, without a second login and with nothing secret kept', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    const callbackUrls = [];
    popup.on('request', (request) => callbackUrls.push(request.url()));
    await consent(popup);
    await element.getByRole('button', { name: 'Ga door' }).click();
    await element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
    await element.getByRole('option', { name: /^eLien test company/ }).click();

    let popups = 0;
    page.on('popup', () => popups++);
    await page.reload();
    await element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
    assert.equal(await element.getByRole('option', { name: /^eLien test company/, selected: true }).count(), 1);
    assert.equal(popups, 0);

    const stored = await page.evaluate(() => JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)]));
    const redirect = callbackUrls.find((url) => url.includes('/oauth/callback'));
    assert.ok(redirect, 'Exact redirected to the backend with a code');
    const oauthCode = new URL(redirect).searchParams.get('code');
    assert.ok(oauthCode && !stored.includes(oauthCode), 'the OAuth code is not kept in the browser');
    assert.doesNotMatch(stored, /token|secret/i);
    const callback = callbackUrls.find((url) => url.includes('/callback.html'));
    assert.ok(callback, 'the login ended on the callback page');
    assert.deepEqual([...new URL(callback).searchParams.keys()].sort(), ['authorization', 'lang', 'status']);

    await element.getByRole('button', { name: 'Afronden' }).click();
    await element.getByRole('heading', { name: 'Verbinding gelegd' }).waitFor();
    await page.close();
  });
});

describe('a blocked popup (Chromium with its popup blocker on)', () => {
  let harness;
  before(async () => {
    harness = await startHarness({ launchOptions: { ignoreDefaultArgs: ['--disable-popup-blocking'] } });
  });
  after(async () => harness?.close());
  beforeEach(async () => harness.reset('default'));

  it('still opens the login from the Open click, because the window opens inside the click', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    await goToLogin(page);
    const popup = await openLoginPopup(page);
    await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
    await page.close();
  });

  it('says so when the browser blocks it, and the same-tab login resumes at the administration step', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    // A click without a (recent) user gesture is what a blocker refuses; activation lasts ~5 s.
    await element
      .getByRole('button', { name: 'Open', exact: true })
      .evaluate((button) => new Promise((resolve) => setTimeout(() => resolve(button.click()), 5500)));
    await shown(element, 'Je browser heeft het inlogvenster tegengehouden.', { exact: false }).waitFor();
    assert.equal(await element.getByRole('button', { name: 'Open', exact: true }).count(), 1);
    await element.getByRole('button', { name: 'In dit tabblad inloggen' }).click();
    await consent(page);
    await connectElement(page).getByRole('heading', { name: 'Selecteer afdeling' }).waitFor({ timeout: 10_000 });
    await connectElement(page).getByRole('option', { name: /^eLien test company/ }).click();
    await connectElement(page).getByRole('button', { name: 'Afronden' }).click();
    await connectElement(page).getByRole('heading', { name: 'Verbinding gelegd' }).waitFor();
    await page.close();
  });
});
