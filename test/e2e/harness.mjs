import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { findChromium } from '../../scripts/find-chromium.mjs';

/**
 * One demo server (the mock backend as real HTTP, as `npm start` serves it) and one headless
 * Chromium for an end-to-end test file. Popups are real windows here.
 */
export async function startHarness({ browserArgs = [] } = {}) {
  const server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', watch: null, hmr: false },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', ...browserArgs],
  });
  return {
    origin,
    browser,
    /** A fresh model for the scenario, so tests do not see each other's connections. */
    async reset(scenario) {
      const response = await fetch(`${origin}/mock/${scenario}/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`reset ${scenario}: ${response.status}`);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
