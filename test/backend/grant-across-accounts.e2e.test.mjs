// Exact keeps one chain per Exact user per app: a login in one platform account ends the chain another account's connections use.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, CookieJar, closeModules, loadModules, logIn, startWorld } from './harness.mjs';

describe('one Exact user in two platform accounts', () => {
  let modules;
  let world;

  before(async () => {
    modules = await loadModules();
    const platformSeed = modules.defaultPlatformSeed();
    for (const account of platformSeed.accounts) account.autopilotInstalled = true;
    world = await startWorld(modules, { platformSeed });
  });

  after(async () => {
    await world?.close();
    await closeModules();
  });

  it('marks the other account’s connections needs_login when this account’s login revokes their grant', async () => {
    const olaf = await new ApiClient(world, 'usr_olaf', []).signIn();
    const theirs = await logIn(olaf, new CookieJar(), { username: 'jan@jansen-boekhouding.nl', password: 'jan' });
    const created = await olaf.call('POST', '/api/connections', { body: { organisationId: 'org_zonder', authorizationId: theirs.id, divisionCode: 101002, bookingFlow: 'simple' }, key: 'zonder-key-01' });
    assert.equal(created.status, 201, created.text);

    const lien = await new ApiClient(world, 'usr_lien', []).signIn();
    await logIn(lien, new CookieJar(), { username: 'jan@jansen-boekhouding.nl', password: 'jan' });

    assert.equal((await olaf.call('GET', `/api/authorizations/${theirs.id}`)).body.status, 'revoked');
    const listed = (await olaf.call('GET', '/api/connections')).body.items;
    assert.deepEqual(listed.map((item) => [item.id, item.status, item.authorizationId]), [[created.body.id, 'needs_login', theirs.id]], 'not moved to another account’s grant');
    assert.deepEqual((await lien.call('GET', '/api/connections')).body.items, []);
  });
});
