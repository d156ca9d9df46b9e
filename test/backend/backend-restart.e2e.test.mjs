// PGlite in a data folder: a restarted backend keeps its sessions, grants (tokens still decrypt) and connections.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, CookieJar, assertContract, closeModules, loadModules, logIn, startWorld } from './harness.mjs';

describe('reference backend on PGlite in a data folder', () => {
  let modules;
  let dataDir;
  let worlds = [];

  before(async () => {
    modules = await loadModules();
    dataDir = await mkdtemp(join(tmpdir(), 'backend-pglite-'));
  });

  after(async () => {
    for (const world of worlds.reverse()) await world.close().catch(() => undefined);
    await closeModules();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps the connection, the grant and the session across a restart', async () => {
    const answers = [];
    const first = await startWorld(modules, { dataDir });
    worlds.push(first);
    const lien = await new ApiClient(first, 'usr_lien', answers).signIn();
    const login = await logIn(lien, new CookieJar(), { username: 'jan@jansen-boekhouding.nl', password: 'jan' });
    const created = await lien.call('POST', '/api/connections', { body: { organisationId: 'org_vandam', authorizationId: login.id, divisionCode: 101002, bookingFlow: 'simple' }, key: 'restart-key-1' });
    assert.equal(created.status, 201, created.text);
    await first.backend.close();

    const second = await startWorld(modules, { dataDir }, { exact: first.exact, app: first.app });
    worlds.push(second);
    const again = new ApiClient(second, 'usr_lien', answers);
    again.cookie = lien.cookie;
    const listed = assertContract(modules.schemaChecks, await again.call('GET', '/api/connections'), 200, 'ConnectionList');
    assert.deepEqual(listed.items.map((item) => item.id), [created.body.id]);
    const checked = assertContract(modules.schemaChecks, await again.call('GET', `/api/connections/${created.body.id}`), 200, 'Connection');
    assert.equal(checked.status, 'active', 'the stored access token still decrypts and works');
    const replay = await again.call('POST', '/api/connections', { body: { organisationId: 'org_vandam', authorizationId: login.id, divisionCode: 101002, bookingFlow: 'simple' }, key: 'restart-key-1' });
    assert.equal(replay.status, 200, 'the idempotency store survived too');
    await first.exact.close();
    worlds = [];
    await second.backend.close();
  });
});
