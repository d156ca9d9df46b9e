import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { findChromium } from '../../scripts/find-chromium.mjs';

/**
 * One demo server (the mock backend as real HTTP, as `npm start` serves it) and one headless
 * Chromium for an end-to-end test file. Popups are real windows here.
 */
/** The strict policy a careful host page sends; `?csp` on the demo page and the callback page get it. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

const strictCspPlugin = {
  name: 'strict-csp-for-tests',
  configureServer(server) {
    server.middlewares.use((request, response, next) => {
      if (/^\/(\?csp|callback\.html)/.test(request.url ?? '')) response.setHeader('Content-Security-Policy', STRICT_CSP);
      next();
    });
  },
};

/**
 * The demo server alone (vite with the mock backend as real HTTP), for tests that drive a browser
 * of their own (test/e2e/engines/).
 */
export async function startDemoServer() {
  const server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    // The mock's named situations alone (test/e2e/reference-demo.e2e.test.mjs runs the reference backend).
    mode: 'e2e',
    plugins: [strictCspPlugin],
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', watch: null, hmr: false },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    /** A fresh model for the scenario, so tests do not see each other's connections. */
    async reset(scenario) {
      const response = await fetch(`${origin}/mock/${scenario}/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`reset ${scenario}: ${response.status}`);
    },
    /** Queues a failure in the scenario's mock backend (see src/mocks: injectFailure). */
    async inject(scenario, failure) {
      const response = await fetch(`${origin}/mock/${scenario}/inject`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(failure),
      });
      if (!response.ok) throw new Error(`inject ${scenario}: ${response.status} ${await response.text()}`);
    },
    close: () => server.close(),
  };
}

/** What every test Chromium is started with (test/e2e/engines/chromium.mjs too). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * The language of the user's browser: Lien is Dutch, so Exact Online's pages (the simulator's,
 * which follow Accept-Language as Exact's do) speak Dutch unless a test asks for another locale.
 */
export const BROWSER_LOCALE = 'nl-NL';

/**
 * The browser with every new context (and page) in {@link BROWSER_LOCALE} unless the test gives
 * `locale` itself.
 */
function inLocale(browser) {
  return new Proxy(browser, {
    get(target, property) {
      if (property === 'newContext' || property === 'newPage') return (options = {}) => target[property]({ locale: BROWSER_LOCALE, ...options });
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The demo server and one headless Chromium (playwright-core) for an end-to-end test file. */
export async function startHarness({ browserArgs = [], launchOptions = {} } = {}) {
  const server = await startDemoServer();
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, ...browserArgs],
    ...launchOptions,
  });
  return {
    ...server,
    browser: inLocale(browser),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
