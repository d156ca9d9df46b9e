import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';

/** Debian's Firefox ESR, as `which firefox-esr` finds it ($FIREFOX_PATH first). */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  try {
    return execFileSync('which', ['firefox-esr'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error("No Firefox ESR found: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.");
  }
}

/**
 * Firefox through puppeteer-core over WebDriver BiDi, headless. Puppeteer's automation profile
 * turns the popup blocker off (dom.disable_open_during_load: false); it is turned back on, as in
 * a user's Firefox.
 */
export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    // Dutch, as Lien's Firefox: the simulated Exact pages follow Accept-Language.
    extraPrefsFirefox: { 'dom.disable_open_during_load': true, 'intl.accept_languages': 'nl-NL, nl' },
  });
  return {
    async newPage() {
      const context = await browser.createBrowserContext();
      return wrap(await context.newPage(), () => context.close());
    },
    close: () => browser.close(),
  };
}

/** Playwright-style key names ("Shift+Tab", "Space") as Puppeteer presses them. */
async function press(keyboard, key) {
  const keys = key.split('+').map((part) => (part === 'Space' ? ' ' : part));
  const last = keys.pop();
  for (const modifier of keys) await keyboard.down(modifier);
  await keyboard.press(last);
  for (const modifier of keys.reverse()) await keyboard.up(modifier);
}

function wrap(page, close = () => page.close()) {
  return {
    goto: (url) => page.goto(url).then(() => undefined),
    url: () => page.url(),
    // Puppeteer calls with BiDi's userActivation: each call counts as a fresh user activation.
    run: (expression) => page.evaluate(expression),
    async handle(expression) {
      const handle = await page.evaluateHandle(expression);
      return handle.asElement() ?? (await handle.dispose(), null);
    },
    click: (handle) => handle.click(),
    press: (key) => press(page.keyboard, key),
    type: (text) => page.keyboard.type(text),
    async waitForPopup(action) {
      const opened = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no popup opened within 15 s')), 15_000);
        page.once('popup', (popup) => (clearTimeout(timer), resolve(popup)));
      });
      await action();
      return wrap(await opened);
    },
    isClosed: async () => page.isClosed(),
    close,
  };
}
