// The same backend suite on a PostgreSQL server (postgres.js), on a throwaway cluster, and two
// instances on one database refreshing a grant once between them; skipped with the reason when
// Postgres is not installed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPostgres } from './postgres-fixture.mjs';
import { ApiClient, CookieJar, closeModules, loadModules, logIn, startWorld } from './harness.mjs';
import { backendSuite } from './suite.mjs';

const server = await startPostgres();
if (server.skip) {
  describe('reference backend on a PostgreSQL server', () => {
    it('needs PostgreSQL', (t) => t.skip(server.skip));
  });
} else {
  after(() => server.stop());
  backendSuite('a PostgreSQL server', async () => ({ databaseUrl: server.databaseUrl }));

  describe('two backend instances on one PostgreSQL database', () => {
    let modules;
    let one;
    let two;

    before(async () => {
      modules = await loadModules();
      const databaseUrl = await server.createDatabase('two_instances');
      one = await startWorld(modules, { databaseUrl });
      two = await startWorld(modules, { databaseUrl }, { exact: one.exact, app: one.app });
    });

    after(async () => {
      await two?.backend.close();
      await one?.close();
      await closeModules();
    });

    it('refresh an expired access token once between them (the row lock spans instances)', async () => {
      const viaOne = await new ApiClient(one, 'usr_lien', []).signIn();
      const viaTwo = new ApiClient(two, 'usr_lien', []);
      viaTwo.cookie = viaOne.cookie;
      const login = await logIn(viaOne, new CookieJar(), { username: 'jan@jansen-boekhouding.nl', password: 'jan' });
      const created = await viaOne.call('POST', '/api/connections', { body: { organisationId: 'org_vandam', authorizationId: login.id, divisionCode: 101002, bookingFlow: 'simple' }, key: 'two-instances-1' });
      assert.equal(created.status, 201, created.text);
      // Nearly ten minutes on: the simulator and both backends' clocks.
      await one.clock.advance(9.8 * 60_000);
      await two.clock.advance(9.8 * 60_000, { simulatorToo: false });
      const before = await one.counters();
      const results = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 ? viaTwo : viaOne).call('GET', `/api/connections/${created.body.id}`)));
      assert.deepEqual([...new Set(results.map((result) => `${result.status} ${result.body?.status}`))], ['200 active']);
      assert.equal((await one.counters()).tokenCalls.refresh_token - before.tokenCalls.refresh_token, 1);
    });
  });
}
