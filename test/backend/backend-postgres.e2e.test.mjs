// The same backend suite on a PostgreSQL server (postgres.js), on a throwaway cluster; skipped with the reason when Postgres is not installed.
import { after, describe, it } from 'node:test';
import { startPostgres } from './postgres-fixture.mjs';
import { backendSuite } from './suite.mjs';

const server = await startPostgres();
if (server.skip) {
  describe('reference backend on a PostgreSQL server', () => {
    it('needs PostgreSQL', (t) => t.skip(server.skip));
  });
} else {
  after(() => server.stop());
  backendSuite('a PostgreSQL server', async () => ({ databaseUrl: server.databaseUrl }));
}
