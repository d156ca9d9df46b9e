// `npm start` as a new user meets it: the demo page on the reference backend (real HTTP, PGlite in a
// data folder) with the Exact Online simulator on another origin, so the login window really
// crosses origins. The whole help-article flow in Chromium, then a restart that keeps the connection,
// then the demo's reset.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { CHROMIUM_ARGS } from './harness.mjs';
import { connectElement, shown } from './steps.mjs';

let dataDir;
let browser;

/** The demo server as `npm start` runs it, on a data folder of the test's own. */
async function startDemo() {
  process.env.AUTOPILOT_DEMO_DATA = dataDir;
  process.env.AUTOPILOT_SIMULATOR_PORT = '0';
  const server = await createServer({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', watch: null, hmr: false },
  });
  await server.listen();
  return { server, origin: `http://127.0.0.1:${server.httpServer.address().port}` };
}

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'autopilot-demo-'));
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start: the demo on the reference backend and the Exact Online simulator', { concurrency: 1 }, () => {
  it('connects an organisation through the simulator\'s login on another origin; a restart keeps it; the reset empties it', { timeout: 120_000 }, async () => {
    let demo = await startDemo();
    try {
      const page = await browser.newPage({ locale: 'nl-NL' });
      await page.goto(`${demo.origin}/`);
      const element = connectElement(page);
      await element.getByRole('button', { name: 'New Connection' }).click({ timeout: 60_000 });
      await element.getByRole('option', { name: /Fietsenmakerij Van Dam/ }).click();
      await element.getByRole('button', { name: 'Bevestigen' }).click();
      await element.getByRole('button', { name: 'Exact Online' }).click();
      const popupOpened = page.waitForEvent('popup');
      await element.getByRole('button', { name: 'Open', exact: true }).click();
      const popup = await popupOpened;
      await popup.waitForLoadState();
      const info = await (await fetch(`${demo.origin}/_demo/info`)).json();
      assert.equal(new URL(popup.url()).origin, info.simulator, 'the login runs on the simulator\'s own origin');
      assert.notEqual(info.simulator, demo.origin);
      await popup.getByLabel('Gebruikersnaam').fill('jan@jansen-boekhouding.nl');
      await popup.getByLabel('Wachtwoord').fill('jan');
      await popup.getByRole('button', { name: 'Inloggen' }).click();
      await popup.getByRole('button', { name: 'Toestaan' }).click();
      await element.getByRole('button', { name: 'Ga door' }).click({ timeout: 20_000 });
      await element.getByRole('option', { name: /Fietsenmakerij Van Dam/ }).click();
      await element.getByRole('button', { name: 'Afronden' }).click();
      await shown(element, 'Koppeling gemaakt').waitFor({ timeout: 20_000 });
      await page.close();
    } finally {
      await demo.server.close();
    }

    // A restart of `npm start`: the database in the data folder still has the connection.
    demo = await startDemo();
    try {
      const page = await browser.newPage({ locale: 'nl-NL' });
      await page.goto(`${demo.origin}/`);
      const element = connectElement(page);
      await shown(element, /Fietsenmakerij Van Dam/).first().waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Demo opnieuw beginnen' }).waitFor();
      page.once('dialog', (dialog) => dialog.accept());
      await page.getByRole('button', { name: 'Demo opnieuw beginnen' }).click();
      await shown(element, /nog geen actieve koppelingen/).waitFor({ timeout: 30_000 });
      await page.close();
    } finally {
      await demo.server.close();
    }
  });
});
