import { launchChromium } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';
import { Page } from './page.mjs';
import { launchWebKit } from './webkit.mjs';

/**
 * The three engines the login is tested in, each with its popup blocker on, as users have it.
 * `launch()` starts the browser; `newPage()` opens a fresh page (its own storage) as a `Page`.
 * `E2E_ENGINES=firefox,webkit` runs only those (by id), e.g. while working on one engine.
 */
/**
 * What each engine does, found by experiment on this machine (Chromium 156, Firefox ESR 153,
 * WebKitGTK 2.50), which the tests assert rather than assume:
 * - `activationMs`: how long after a click a window.open still counts as the user's (user
 *   activation). A window opened 1.2 s after the click is refused by WebKit, 5.2 s after by all.
 * - `seversOnCoop`: a popup navigated to another origin that sends
 *   Cross-Origin-Opener-Policy: same-origin loses its opener (window.opener === null).
 */
const all = [
  { id: 'chromium', name: 'Chromium', launch: launchChromium, activationMs: 5000, seversOnCoop: true },
  { id: 'firefox', name: 'Firefox ESR', launch: launchFirefox, activationMs: 5000, seversOnCoop: true },
  { id: 'webkit', name: 'WebKitGTK', launch: launchWebKit, activationMs: 1000, seversOnCoop: true },
];
const chosen = process.env.E2E_ENGINES?.split(',').map((id) => id.trim()).filter(Boolean);
export const engines = chosen?.length ? all.filter((engine) => chosen.includes(engine.id)) : all;

/**
 * Starts `engine` for pages on `origin`. `closePages()` (after each test) closes what a test
 * left open, e.g. when it failed halfway: WebKitWebDriver allows one session at a time.
 */
export async function startEngine(engine, origin) {
  const browser = await engine.launch();
  const open = new Set();
  return {
    async newPage() {
      const page = new Page(await browser.newPage(), origin);
      open.add(page);
      return page;
    },
    async closePages() {
      await Promise.all([...open].map((page) => page.close().catch(() => {})));
      open.clear();
    },
    close: () => browser.close(),
  };
}
