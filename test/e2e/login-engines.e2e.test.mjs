import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from './harness.mjs';
import { engines, startEngine } from './engines/index.mjs';

/**
 * The login's end-to-end tests in the three engines bookkeepers use: Chromium, Firefox ESR and
 * WebKitGTK (Safari's engine), each with its popup blocker on, through real popups on the demo
 * server (test/e2e/engines/ drives each). `npm run test:engines` runs this file alone;
 * WebKitGTK uses $DISPLAY or starts its own Xvfb.
 */

const closedText = 'Het inlogvenster is gesloten voordat het inloggen klaar was.';
const blockedText = 'Je browser heeft het inlogvenster tegengehouden.';

/** A query inside the element's shadow DOM. */
const inElement = (query) => ({ ...query, within: ['autopilot-connect'] });
const button = (name) => inElement({ role: 'button', name });
const heading = (name) => inElement({ role: 'heading', name });
/** Text on the step itself (the live region repeats some of it for screen readers). */
const shown = (text) => ({ text, within: ['autopilot-connect', '[part="body"]'] });

/** New Connection → eLien test company → Bevestigen → Exact Online: the login step. */
async function goToLogin(page) {
  await page.click(button('New Connection'));
  await page.click(inElement({ role: 'option', name: /eLien test company/ }));
  await page.click(button('Bevestigen'));
  await page.click(button('Exact Online'));
  await page.waitFor(button('Open'));
}

/** On the simulated Exact Online login page: Lien's user name and password (src/mocks/worlds.ts), then Inloggen. */
async function logIn(page) {
  await page.click({ role: 'textbox', name: exactPage.username });
  await page.type('lien@elien.nl');
  await page.press('Tab');
  await page.type('secret');
  await page.click({ role: 'button', name: exactPage.logIn });
}

/** On the simulated Exact Online pages (a popup, or this tab): log in, then allow. */
async function consent(page) {
  await logIn(page);
  await page.click({ role: 'button', name: exactPage.allow });
}

/** `Ga door`, then the administration step with its list. */
async function continueToAdministrations(page) {
  await page.click(button('Ga door'));
  await page.waitFor(heading('Selecteer afdeling'));
  await page.waitFor(inElement({ role: 'option', name: /^eLien test company/ }));
}

/**
 * Counts, in the page, each time the element's step shows the closed-window message, so a false
 * "gesloten" that comes and goes between two looks is still caught.
 */
const watchForText = (page, text) =>
  page.evaluate((watched) => {
    const root = document.querySelector('autopilot-connect').shadowRoot;
    window.__seen = 0;
    let showing = false;
    new MutationObserver(() => {
      const now = (root.querySelector('[part="body"]')?.textContent ?? '').includes(watched);
      if (now && !showing) window.__seen++;
      showing = now;
    }).observe(root, { subtree: true, childList: true, characterData: true });
  }, text);
const timesSeen = (page) => page.evaluate(() => window.__seen);

const isButton = (name) => (focus) => (focus.tag === 'button' || focus.tag === 'a') && (name instanceof RegExp ? name.test(focus.text) : focus.text === name);

/**
 * The simulated Exact pages speak the browser's language, as Exact's do. WebKitGTK asks for
 * English where the machine has no Dutch locale (a fresh Debian has only C.UTF-8), so the labels
 * of its pages are matched in both.
 */
const exactPage = {
  username: /^(Gebruikersnaam|Username)$/,
  logIn: /^(Inloggen|Log in)$/,
  allow: /^(Toestaan|Allow)$/,
};
const headingFocused = (text) => (focus) => /^h[1-6]$/.test(focus.tag) && focus.text === text;

let server;
before(async () => {
  server = await startDemoServer();
});
after(async () => server?.close());

for (const engine of engines) {
  describe(`the login in ${engine.name}`, () => {
    let browser;
    before(async () => {
      browser = await startEngine(engine, server.origin);
    });
    after(async () => browser?.close());
    afterEach(async () => browser?.closePages());
    beforeEach(async () => {
      await server.reset('default');
      await server.reset('coop');
    });

    it('logs in through the popup to Ga door and the administrations; the popup opens inside the Open click despite the blocker, and closes itself', async () => {
      const page = await browser.newPage();
      await page.goto('/?scenario=default');
      await goToLogin(page);
      const popup = await page.waitForPopup(() => page.click(button('Open')));
      await consent(popup);
      await popup.waitForClose();
      await page.waitFor(button('Ga door'));
      assert.equal(await page.count(shown(blockedText)), 0);
      await continueToAdministrations(page);
    });

    it('says so when the browser blocks the popup anyway, and the same-tab login returns to the administration step', async () => {
      const page = await browser.newPage();
      await page.goto('/?scenario=default');
      await goToLogin(page);
      // A click after the user's activation has lapsed is what a popup blocker refuses. The page
      // waits itself, in one script, because each look from outside (Playwright's evaluate,
      // Puppeteer's) counts as a new activation.
      await page.evaluate(async (lapse) => {
        await new Promise((resolve) => setTimeout(resolve, lapse));
        const buttons = document.querySelector('autopilot-connect').shadowRoot.querySelectorAll('button');
        [...buttons].find((b) => b.textContent.trim() === 'Open').click();
      }, engine.activationMs + 500);
      await page.waitFor(shown(blockedText));
      assert.equal(await page.count(button('Open')), 1, 'Open is offered again');
      await page.click(button('In dit tabblad inloggen'));
      await consent(page);
      await page.waitFor(heading('Selecteer afdeling'), { timeout: 20_000 });
      await page.waitFor(inElement({ role: 'option', name: /^eLien test company/ }));
    });

    it('completes when a Cross-Origin-Opener-Policy on a second origin severs the popup, without a false "gesloten"', async () => {
      const page = await browser.newPage();
      await page.goto('/?scenario=coop');
      await goToLogin(page);
      await watchForText(page, closedText);
      const popup = await page.waitForPopup(() => page.click(button('Open')));
      await popup.waitFor({ role: 'button', name: exactPage.logIn });
      assert.notEqual(new URL(await popup.url()).origin, server.origin, 'the Exact login runs on another origin');
      assert.equal(await popup.evaluate(() => window.opener === null), engine.seversOnCoop, 'the policy severs the opener');
      // Longer than the closed-window grace (3 s): a severed window must not be called closed.
      // Nothing to wait for here — the point is that nothing happens — so time passes.
      await new Promise((resolve) => setTimeout(resolve, 4500));
      await consent(popup);
      await page.waitFor(button('Ga door'), { timeout: 20_000 });
      assert.equal(await timesSeen(page), 0, `"${closedText}" was never shown`);
      await continueToAdministrations(page);
    });

    it('goes from New Connection through the login popup to Ga door with the keyboard alone', async () => {
      const page = await browser.newPage();
      await page.goto('/?scenario=default');
      await page.waitFor(button('New Connection'));
      await page.pressUntil(isButton('New Connection'), { what: 'New Connection' });
      await page.press('Enter');
      await page.waitForFocus(headingFocused('Kies de organisatie'), 'the heading "Kies de organisatie"');
      // As a user waits for the list: while it loads, the step has no search field to Tab to yet.
      await page.waitFor(inElement({ role: 'option', name: /eLien test company/ }));
      // Search, then Tab into the list: its active option is the one match; Enter selects it.
      await page.pressUntil((f) => f.tag === 'input' && f.type === 'search', { what: 'the search field' });
      await page.type('eLien test');
      await page.waitFor(inElement({ role: 'option', name: /eLien test company/ }));
      await page.until(async () => (await page.count(inElement({ role: 'option', name: /./ }))) === 1, 10_000, () => 'the search did not narrow the list to one');
      await page.press('Tab');
      await page.waitForFocus((f) => f.role === 'listbox' && f.option === 'eLien test company', 'eLien test company in the listbox');
      await page.press('Enter');
      await page.waitForFocus((f) => f.option === 'eLien test company' && f.optionSelected === 'true', 'eLien test company selected');
      await page.pressUntil(isButton('Bevestigen'), { what: 'Bevestigen' });
      await page.press('Enter');
      await page.waitForFocus(headingFocused('Kies het boekhoudpakket'), 'the heading "Kies het boekhoudpakket"');
      await page.pressUntil(isButton('Exact Online'), { what: 'Exact Online' });
      await page.press('Space');
      await page.waitForFocus(headingFocused('Inloggen bij Exact Online'), 'the heading "Inloggen bij Exact Online"');
      await page.waitFor(button('Open'));
      await page.pressUntil(isButton('Open'), { what: 'Open' });

      // The popup opens from Enter (a key is a user gesture too); its form by keys as well.
      const popup = await page.waitForPopup(() => page.press('Enter'));
      await popup.waitFor({ role: 'button', name: exactPage.logIn });
      await popup.pressUntil((f) => f.tag === 'input' && f.type === 'text', { what: 'the user name field' });
      await popup.type('lien@elien.nl');
      await popup.press('Tab');
      assert.equal((await popup.focused()).type, 'password');
      await popup.type('secret');
      await popup.pressUntil(isButton(exactPage.logIn), { what: 'Inloggen' });
      await popup.press('Enter');
      await popup.waitFor({ role: 'button', name: exactPage.allow });
      await popup.pressUntil(isButton(exactPage.allow), { what: 'Toestaan' });
      await popup.press('Enter');
      await popup.waitForClose();

      // Back in the page: the next action, `Ga door`, has focus; Enter goes on.
      await page.waitForFocus(isButton('Ga door'), '`Ga door` after the login window closed');
      await page.press('Enter');
      await page.waitForFocus(headingFocused('Selecteer afdeling'), 'the heading "Selecteer afdeling"');
      await page.waitFor(inElement({ role: 'option', name: /^eLien test company/ }));
    });
  });
}
