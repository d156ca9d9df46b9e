// Exact's 60 calls a minute end a big list's fill part-way: the cache resumes from the page where Exact stopped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, CookieJar, assertContract, closeModules, loadModules, logIn, startWorld } from './harness.mjs';

describe('the granted-divisions cache under Exact’s rate limit', () => {
  let modules;
  let world;

  before(async () => {
    modules = await loadModules();
    // Two calls a minute: current/Me and the first page of 60; the second page is refused.
    world = await startWorld(modules, {}, { simulator: { limits: { callsPerMinute: 2 } } });
  });

  after(async () => {
    await world?.close();
    await closeModules();
  });

  it('answers 429 with the wait Exact names, then resumes at the refused page instead of starting over', async () => {
    const lien = await new ApiClient(world, 'usr_lien', []).signIn();
    // Start the minute afresh, so the limit falls where the test expects it.
    await world.clock.advance(60_000 - (Date.now() % 60_000));
    const login = await logIn(lien, new CookieJar(), { username: 'groot@groot-accountants.nl', password: 'groot' });
    const limited = await lien.call('GET', `/api/authorizations/${login.id}/divisions`);
    assertContract(modules.schemaChecks, limited, 429, 'rate_limited');
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    const before = (await world.counters()).apiCalls['GET system/Divisions'];
    assert.equal(before, 1, 'Exact said the minute was used up: the second page was not asked for');
    await world.clock.advance(60_000);
    const page = assertContract(modules.schemaChecks, await lien.call('GET', `/api/authorizations/${login.id}/divisions?limit=200`), 200, 'DivisionPage');
    assert.equal(page.items.length, 130);
    assert.equal((await world.counters()).apiCalls['GET system/Divisions'] - before, 2, 'pages two and three only');
  });
});
