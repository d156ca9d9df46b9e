import { chromium } from 'playwright-core';
import { findChromium } from '../../../scripts/find-chromium.mjs';
import { CHROMIUM_ARGS } from '../harness.mjs';

/**
 * Chromium through playwright-core (CDP), Debian's /usr/bin/chromium, headless. Playwright turns
 * the popup blocker off by default; it stays on here, as in a user's Chromium.
 */
export async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  });
  return {
    async newPage() {
      // Lien's browser speaks Dutch: the simulated Exact pages follow Accept-Language.
      const context = await browser.newContext({ locale: 'nl-NL' });
      return wrap(await context.newPage(), () => context.close());
    },
    close: () => browser.close(),
  };
}

/** Shift+Tab and friends are Playwright's own key names already. */
function wrap(page, close = () => page.close()) {
  return {
    goto: (url) => page.goto(url).then(() => undefined),
    url: () => page.url(),
    // Playwright evaluates with CDP's userGesture: each call counts as a fresh user activation.
    run: (expression) => page.evaluate(expression),
    async handle(expression) {
      const handle = await page.evaluateHandle(expression);
      return handle.asElement() ?? (await handle.dispose(), null);
    },
    // The handle is the very element the finder chose, so Playwright's own wait is not needed.
    click: (handle) => handle.click({ timeout: 10_000 }),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    async waitForPopup(action) {
      const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 15_000 }), action()]);
      return wrap(popup);
    },
    isClosed: async () => page.isClosed(),
    close,
  };
}
