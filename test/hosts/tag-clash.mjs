import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDevServer } from './support/servers.mjs';
import { openRecordedPage } from './support/recorded-page.mjs';
import { browser, typescriptHost } from './support/workspace.mjs';

/**
 * clash.html of the TypeScript host: src/earlier-definition.ts defines `autopilot-connect`
 * with a class of its own (static version 0.0.1-earlier) before autopilot-connect/define.js runs.
 */
describe('a page on which the tag is already taken', () => {
  let server;
  before(async () => {
    server = await startDevServer(await typescriptHost());
  });
  after(async () => server?.close());

  it('gets a console error naming the tag and the version that loaded first; nothing throws and the first definition stays', async () => {
    const recorded = await openRecordedPage(await browser());
    const { page } = recorded;
    await page.goto(`${server.origin}/clash.html`);
    await recorded.shows(page.locator('#after-define'));

    const errors = recorded.consoleText('error');
    assert.equal(errors.length, 1, `one console error, got: ${JSON.stringify(errors)}`);
    assert.match(errors[0], /autopilot-connect/);
    assert.match(errors[0], /0\.0\.1-earlier/);
    assert.deepEqual(recorded.seen.errors, []);
    assert.equal(await page.evaluate(() => customElements.get('autopilot-connect')?.version), '0.0.1-earlier');
    await recorded.close();
  });
});
