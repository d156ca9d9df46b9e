import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { clickOpenWithoutActivation, connectElement, consent, goToLogin, logIn, openLoginPopup, recordAuthorizations, shown } from './steps.mjs';

/** What the element said before a report became a hint: a login called closed while it went on. */
const closedText = 'gesloten';
/** What it says now when it cannot see the window while the backend says the login is pending. */
const unseenText = 'We kunnen het inlogvenster niet meer zien.';
const waitingText = 'Het inlogvenster van Exact Online is open.';

/**
 * Records every text the element's step shows from now on (a MutationObserver in the page), so
 * a test can say what was never shown, however briefly.
 */
async function recordShown(page) {
  await page.evaluate(() => {
    const element = document.querySelector('autopilot-connect');
    const seen = new Set();
    const look = () => seen.add(element.shadowRoot.querySelector('[part="body"]')?.textContent ?? '');
    new MutationObserver(look).observe(element.shadowRoot, { subtree: true, childList: true, characterData: true });
    look();
    window.__shownTexts = seen;
  });
  return async () => page.evaluate(() => [...window.__shownTexts].join('\n'));
}

/** The element's GET authorizations/{id} requests for this login. */
const isCheckOf = (authorizationId) => (request) =>
  request.method() === 'GET' && new URL(request.url()).pathname.endsWith(`/api/authorizations/${authorizationId}`);

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
    const shownTexts = await recordShown(page);
    const popup = await openLoginPopup(page);
    await popup.waitForLoadState();
    assert.notEqual(new URL(popup.url()).origin, harness.origin, 'the Exact login runs on another origin');
    // Severed at once, the window is out of sight: once the backend says pending, the element
    // says so honestly (not "closed") and offers `Open` to start again.
    await shown(element, unseenText, { exact: false }).waitFor({ timeout: 10_000 });
    assert.equal(await element.getByRole('button', { name: 'Open', exact: true }).count(), 1);
    await consent(popup);
    await element.getByRole('button', { name: 'Ga door' }).waitFor({ timeout: 10_000 });
    assert.doesNotMatch(await shownTexts(), new RegExp(closedText), 'never "gesloten"');
    await page.close();
  });

  it('asks the backend when the user closes the window, says it can no longer see it while the login is pending, and Open starts again', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
    await page.waitForTimeout(3200); // past the first seconds: a person closes it now
    await popup.close();
    await shown(element, unseenText, { exact: false }).waitFor();
    assert.equal(await shown(element, closedText, { exact: false }).count(), 0);
    assert.equal(await element.getByRole('button', { name: 'Open', exact: true }).count(), 1);
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

  it('a callback page opened by another page for the pending login changes nothing: the real popup still completes', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    const startedLogin = recordAuthorizations(page);
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const shownTexts = await recordShown(page);
    const popup = await openLoginPopup(page);
    await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
    // The authorize URL's state is opaque; the id is in the backend's answer to the element.
    const authorizationId = await startedLogin();

    // Another page in the same browser, not opened by the element: it spends a forged report.
    const checked = page.waitForRequest(isCheckOf(authorizationId));
    const other = await context.newPage();
    await other.goto(`${harness.origin}/callback.html?authorization=${encodeURIComponent(authorizationId)}&status=authorized`);
    await checked; // the element asked the backend, which says pending
    await page.waitForTimeout(1000);
    await shown(element, waitingText, { exact: false }).waitFor();
    assert.equal(await element.getByRole('button', { name: 'Ga door' }).count(), 0);

    await consent(popup);
    await element.getByRole('button', { name: 'Ga door' }).waitFor({ timeout: 10_000 });
    const texts = await shownTexts();
    assert.doesNotMatch(texts, new RegExp(closedText), 'never "gesloten"');
    assert.ok(!texts.includes(unseenText), 'never "can no longer see the window"');
    await context.close();
  });

  it('a window severed late (Cross-Origin-Opener-Policy only on the consent page) is not closed: the element says it lost sight and continues via the backend', async () => {
    await harness.reset('coop-late');
    // Without the channel and with the opener severed, only the backend can tell the outcome.
    const context = await harness.browser.newContext();
    await context.addInitScript(() => {
      if (location.pathname === '/callback.html') {
        window.BroadcastChannel = undefined;
        localStorage.setItem('autopilot-test:callback-without-channel', '1');
      }
    });
    const page = await context.newPage();
    const startedLogin = recordAuthorizations(page);
    await page.goto(`${harness.origin}/?scenario=coop-late`);
    const element = await goToLogin(page);
    const shownTexts = await recordShown(page);
    const popup = await openLoginPopup(page);
    await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
    const authorizationId = await startedLogin();
    await page.waitForTimeout(3500); // past the first seconds, where a closed window reads as severed
    await logIn(popup);
    await popup.getByRole('button', { name: 'Toestaan' }).waitFor();
    await shown(element, unseenText, { exact: false }).waitFor({ timeout: 10_000 });
    assert.equal(await element.getByRole('button', { name: 'Open', exact: true }).count(), 1, '`Open` to start again');

    const checks = [];
    page.on('request', (request) => isCheckOf(authorizationId)(request) && checks.push(request.url()));
    await popup.getByRole('button', { name: 'Toestaan' }).click();
    await element.getByRole('button', { name: 'Ga door' }).waitFor({ timeout: 20_000 });
    assert.ok(checks.length >= 1, 'the backend poll found the grant');
    assert.equal(await page.evaluate(() => localStorage.getItem('autopilot-test:callback-without-channel')), '1', 'the callback page ran without a channel');
    assert.doesNotMatch(await shownTexts(), new RegExp(closedText), 'never "gesloten"');
    await element.getByRole('button', { name: 'Ga door' }).click();
    await element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
    await context.close();
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
    const startedLogin = recordAuthorizations(page);
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    const popup = await openLoginPopup(page);
    const authorizationId = await startedLogin();
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
    // The callback redirect carries the outcome and the login's language only: no code, no token.
    assert.deepEqual([...new URL(callback).searchParams.keys()].sort(), ['authorization', 'lang', 'status']);
    assert.equal(new URL(callback).searchParams.get('lang'), 'nl');

    await element.getByRole('button', { name: 'Afronden' }).click();
    await element.getByRole('heading', { name: 'Koppeling gemaakt' }).waitFor();
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
    await clickOpenWithoutActivation(element);
    await shown(element, 'Je browser heeft het inlogvenster tegengehouden.', { exact: false }).waitFor();
    assert.equal(await element.getByRole('button', { name: 'Open', exact: true }).count(), 1);
    await element.getByRole('button', { name: 'In dit tabblad inloggen' }).click();
    await consent(page);
    await connectElement(page).getByRole('heading', { name: 'Selecteer afdeling' }).waitFor({ timeout: 10_000 });
    await connectElement(page).getByRole('option', { name: /^eLien test company/ }).click();
    await connectElement(page).getByRole('button', { name: 'Afronden' }).click();
    await connectElement(page).getByRole('heading', { name: 'Koppeling gemaakt' }).waitFor();
    await page.close();
  });

  it('a same-tab login refused with Weigeren returns to the login step saying so, the organisation kept and a fresh login offered', async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = await goToLogin(page);
    await clickOpenWithoutActivation(element);
    await shown(element, 'Je browser heeft het inlogvenster tegengehouden.', { exact: false }).waitFor();
    await element.getByRole('button', { name: 'In dit tabblad inloggen' }).click();
    await consent(page, { allow: false });
    await shown(element, 'Je hebt in Exact Online geen toestemming gegeven.', { exact: false }).waitFor({ timeout: 10_000 });
    assert.equal(await element.getByRole('heading', { name: 'Inloggen bij Exact Online' }).count(), 1, 'on the login step');
    assert.equal(await element.getByRole('heading', { name: 'Actieve koppelingen' }).count(), 0, 'not dropped on the list');

    await element.getByRole('button', { name: 'Opnieuw inloggen' }).click();
    const popup = await openLoginPopup(page);
    await consent(popup);
    await element.getByRole('button', { name: 'Ga door' }).click();
    await element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
    // The organisation chosen before the same-tab login is the one this login connects.
    assert.match(await element.locator('[part="body"]').innerText(), /eLien test company/);
    await page.close();
  });
});
