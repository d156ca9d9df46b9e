import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installed } from './support/host-folder.mjs';
import { startStaticServer } from './support/servers.mjs';
import { openRecordedPage } from './support/recorded-page.mjs';
import { browser, typescriptHost } from './support/workspace.mjs';

const template = fileURLToPath(new URL('./apps/script-tag/', import.meta.url));
const VENDOR = '/vendor/autopilot/';

/**
 * test/hosts/apps/script-tag: a static page with one <script type="module"> for the
 * self-contained build, copied (with its chunks and the callback page) into the site's vendor
 * folder, as the README tells a host without a bundler. Served as plain files; the package's
 * mock plugin answers the API beside them.
 */
describe('a plain script-tag host with the self-contained build, no bundler', () => {
  let server;
  let vendored;
  before(async () => {
    const host = await typescriptHost();
    const root = join(host, 'script-tag');
    await cp(template, root, { recursive: true });
    const vendor = join(root, 'site', 'vendor', 'autopilot');
    await cp(installed(host, 'dist', 'standalone'), vendor, { recursive: true });
    await cp(installed(host, 'dist', 'callback'), vendor, { recursive: true });
    vendored = await readdir(vendor, { recursive: true });
    server = await startStaticServer(host, root);
  });
  after(async () => server?.close());

  it('shows the overview in English; every request is the page, the vendor folder or the API', async () => {
    const recorded = await openRecordedPage(await browser());
    const requests = [];
    recorded.page.on('request', (request) => requests.push(new URL(request.url())));
    await recorded.page.goto(`${server.origin}/`);
    await recorded.shows(recorded.page.locator('autopilot-connect').getByRole('heading', { name: 'Active connections' }));
    // The heading comes first, over the shape of the cards; the overview itself once the status is in.
    await recorded.shows(recorded.page.locator('autopilot-connect').getByRole('button', { name: 'New Connection' }));

    const elsewhere = requests
      .filter((url) => url.origin !== server.origin || !(url.pathname === '/' || url.pathname.startsWith(VENDOR) || url.pathname.startsWith('/mock/default/api/')))
      .map(String);
    assert.deepEqual(elsewhere, []);
    // The English messages are a chunk of their own, found next to the entry file.
    const vendorFiles = requests.filter((url) => url.pathname.startsWith(VENDOR)).map((url) => url.pathname.slice(VENDOR.length));
    assert.ok(vendorFiles.length >= 2, `the entry and its English chunk, got ${vendorFiles.join(', ')}`);
    assert.ok(vendorFiles.every((file) => vendored.includes(file)), `only files the package ships: ${vendorFiles.join(', ')}`);
    assert.deepEqual(recorded.notOk(), []);
    assert.deepEqual(recorded.seen.errors, []);
    assert.deepEqual(recorded.consoleText('error'), []);
    await recorded.close();
  });
});
