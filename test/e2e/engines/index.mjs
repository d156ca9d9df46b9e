import { launchChromium } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';
import { Page } from './page.mjs';
import { launchWebKit } from './webkit.mjs';

/**
 * The three engines the login is tested in, each with its popup blocker on, as users have it.
 * `launch()` starts the browser; `newPage()` opens a fresh page (its own storage) as a `Page`.
 * `E2E_ENGINES=firefox,webkit` runs only those (by id), e.g. while working on one engine.
 */
const all = [
  { id: 'chromium', name: 'Chromium', launch: launchChromium },
  { id: 'firefox', name: 'Firefox ESR', launch: launchFirefox },
  { id: 'webkit', name: 'WebKitGTK', launch: launchWebKit },
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
