import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './adapter.js';

const wrap = (target: { query: PGlite['query'] }): Queryable => ({
  async query<T extends Row>(text: string, params: readonly unknown[] = []) {
    const result = await target.query<T>(text, params as unknown[]);
    return result.rows;
  },
});

/** Embedded Postgres: a data folder keeps state across restarts; without one it lives in memory. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const plain = wrap(pg);
  return {
    query: plain.query,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    exec: async (text) => {
      await pg.exec(text);
    },
    close: () => pg.close(),
  };
}
