import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin, installed, vendorCallbackPage } from './support/host-folder.mjs';
import { run } from './support/run.mjs';
import { injectFailure, resetScenario, startDevServer } from './support/servers.mjs';
import { openRecordedPage } from './support/recorded-page.mjs';
import { callbackFetches, connectELien } from './support/connect-flow.mjs';
import { LIT_DEV_MODE, MULTIPLE_LITS, ONE_COPY_EACH, litCopies } from './support/lit-copies.mjs';
import { browser, typescriptHost, workspace } from './support/workspace.mjs';

/** The TypeScript 5 the repo builds with, to check the host against beside the host's own (newest) tsc. */
const repoTsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const tscPrograms = ['tsconfig.json', 'tsconfig.types-only.json', 'tsconfig.node.json'];

// The host's `vite build`, in a process of its own and without the NODE_ENV this process's dev
// servers set (a build sets it to production, which would make the next dev server serve Lit's
// production build, and a dev server's `development` would make the build use Lit's dev build).
const { NODE_ENV, ...cleanEnv } = process.env;
const viteBuild = (host, outDir) =>
  run(bin(host, 'vite'), ['build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd: host, env: cleanEnv });

/**
 * test/hosts/apps/typescript: a Vite + strict TypeScript app that uses only the package's
 * exports, and Lit for an element of its own (<host-status>).
 */
describe('a strict TypeScript host that also uses Lit, installed from the tarball', () => {
  let host;
  before(async () => {
    host = await typescriptHost();
    await vendorCallbackPage(host, join(host, 'public'));
  });

  it("type-checks with the host's tsc --strict: the tag, its properties, retry() and the events' fields are typed, wrong types are errors", async () => {
    await Promise.all(tscPrograms.map((program) => run(bin(host, 'tsc'), ['--noEmit', '--strict', '-p', program], { cwd: host })));
  });

  it('type-checks the same with TypeScript 5.9', async () => {
    await Promise.all(tscPrograms.map((program) => run(process.execPath, [repoTsc, '--noEmit', '--strict', '-p', program], { cwd: host })));
  });

  it("builds with the host's Vite into a bundle that holds one copy of lit-html, lit-element and reactive-element", async () => {
    const outDir = join(workspace, 'typescript-host-dist');
    await viteBuild(host, outDir);
    assert.deepEqual(await litCopies(outDir), ONE_COPY_EACH);
  });

  describe('on its dev server with the mock backend from autopilot-connect/mocks', () => {
    let server;
    before(async () => {
      server = await startDevServer(host);
    });
    after(async () => server?.close());

    it('connects eLien through the real login popup; the callback page loads from /vendor/autopilot/; no 404; one Lit', async () => {
      await resetScenario(server.origin, 'default');
      const recorded = await openRecordedPage(await browser());
      const { page } = recorded;
      await page.goto(`${server.origin}/`);
      await recorded.shows(page.locator('autopilot-connect').getByRole('button', { name: 'New Connection' }));
      await connectELien(page, page.locator('autopilot-connect'));

      // The host learnt it from the typed event, and its own Lit element shows it.
      await page.locator('host-status').getByRole('status').getByText('Verbonden: eLien test company → eLien test company').waitFor();
      assert.match((await page.locator('host-status').getAttribute('data-connection-id')) ?? '', /\S/);

      assert.deepEqual(callbackFetches(recorded.seen, '/vendor/autopilot/'), {
        '/vendor/autopilot/callback.html': 200,
        '/vendor/autopilot/callback.js': 200,
        '/vendor/autopilot/callback.css': 200,
      });
      assert.deepEqual(recorded.notOk(), []);
      assert.deepEqual(recorded.seen.errors, []);
      assert.deepEqual(recorded.consoleText('error'), []);
      // The dev server serves Lit's development build, which says so and warns when a second copy loads.
      assert.ok(recorded.consoleText().some((text) => LIT_DEV_MODE.test(text)), 'Lit runs in dev mode here');
      assert.deepEqual(recorded.consoleText().filter((text) => MULTIPLE_LITS.test(text)), []);
      await recorded.close();
    });

    it("hears a 401 as a typed autopilot-error, and the host's retry() lets the element go on", async () => {
      await resetScenario(server.origin, 'default');
      await injectFailure(server.origin, 'default', { operation: 'listOrganisations', kind: { status: 401 } });
      const recorded = await openRecordedPage(await browser());
      const { page } = recorded;
      await page.goto(`${server.origin}/`);
      const element = page.locator('autopilot-connect');
      await recorded.shows(element.getByRole('button', { name: 'New Connection' }));
      await element.getByRole('button', { name: 'New Connection' }).click();

      await page.locator('host-status').getByRole('alert').getByText('Fout: listOrganisations 401').waitFor();
      await recorded.shows(element.getByRole('option', { name: /eLien test company/ }));
      assert.deepEqual(recorded.seen.errors, []);
      await recorded.close();
    });
  });

  // The control for the one-copy checks above: they must see the old situation, where
  // the package brought a Lit of its own. A second copy nested inside the installed package
  // is what npm makes when the package's Lit range and the host's do not meet.
  it('the one-copy checks do see two copies when the package brings its own Lit (control)', async () => {
    const nested = installed(host, 'node_modules');
    const copies = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'];
    assert.ok(!copies.some((name) => existsSync(join(nested, name))), 'npm installed no nested Lit of its own');
    const nestedExisted = existsSync(nested);
    for (const name of copies) await cp(join(host, 'node_modules', name), join(nested, name), { recursive: true });
    const cacheDir = join(workspace, 'two-lits-vite-cache');
    let server;
    try {
      const outDir = join(workspace, 'two-lits-dist');
      await viteBuild(host, outDir);
      assert.deepEqual(await litCopies(outDir), { 'lit-html': 2, 'lit-element': 2, 'reactive-element': 2 });

      server = await startDevServer(host, { cacheDir });
      const recorded = await openRecordedPage(await browser());
      const warned = recorded.page.waitForEvent('console', { predicate: (message) => MULTIPLE_LITS.test(message.text()), timeout: 20_000 });
      await recorded.page.goto(`${server.origin}/`);
      await assert.doesNotReject(warned, 'Lit warns about the second copy');
      await recorded.close();
    } finally {
      await server?.close();
      if (nestedExisted) for (const name of copies) await rm(join(nested, name), { recursive: true, force: true });
      else await rm(nested, { recursive: true, force: true });
    }
  });
});
