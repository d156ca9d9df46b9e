import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin, vendorCallbackPage } from './support/host-folder.mjs';
import { run } from './support/run.mjs';
import { resetScenario, startDevServer } from './support/servers.mjs';
import { openRecordedPage } from './support/recorded-page.mjs';
import { callbackFetches, connectELien } from './support/connect-flow.mjs';
import { browser, reactHost } from './support/workspace.mjs';

const repoTsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const tscPrograms = ['tsconfig.json', 'tsconfig.bare-tag.json', 'tsconfig.node.json'];

/**
 * test/hosts/apps/react: a React 19 + strict TypeScript app (Vite's own JSX transform, no React
 * plugin) with the package's wrapper from autopilot-connect/react and, beside it, the bare tag.
 */
describe('a React 19 host with the wrapper and the bare tag, installed from the tarball', () => {
  let host;
  before(async () => {
    host = await reactHost();
    await vendorCallbackPage(host, join(host, 'public'));
  });

  it("type-checks with the host's tsc --strict: the wrapper's props and onConnected/onError are typed, the bare tag is known to JSX, wrong props are errors", async () => {
    await Promise.all(tscPrograms.map((program) => run(bin(host, 'tsc'), ['--noEmit', '--strict', '-p', program], { cwd: host })));
  });

  it('type-checks the same with TypeScript 5.9', async () => {
    await Promise.all(tscPrograms.map((program) => run(process.execPath, [repoTsc, '--noEmit', '--strict', '-p', program], { cwd: host })));
  });

  describe('on its dev server with the mock backend from autopilot-connect/mocks', () => {
    let server;
    before(async () => {
      server = await startDevServer(host);
    });
    after(async () => server?.close());

    it("connects eLien through the wrapper and the real login popup; React hears onConnected; the bare tag shows its overview; no 404", async () => {
      await resetScenario(server.origin, 'default');
      await resetScenario(server.origin, 'empty');
      const recorded = await openRecordedPage(await browser());
      const { page } = recorded;
      await page.goto(`${server.origin}/`);

      // The bare <autopilot-connect api-base=…>: React passed the attribute on (the empty scenario's overview).
      await recorded.shows(page.locator('#bare').getByText('Er zijn nog geen actieve koppelingen'));

      await connectELien(page, page.locator('#wrapped'));
      await page.getByRole('status').getByText('Verbonden: eLien test company → eLien test company').waitFor();

      assert.deepEqual(callbackFetches(recorded.seen, '/vendor/autopilot/'), {
        '/vendor/autopilot/callback.html': 200,
        '/vendor/autopilot/callback.js': 200,
        '/vendor/autopilot/callback.css': 200,
      });
      assert.deepEqual(recorded.notOk(), []);
      assert.deepEqual(recorded.seen.errors, []);
      assert.deepEqual(recorded.consoleText('error'), []);
      await recorded.close();
    });
  });
});
