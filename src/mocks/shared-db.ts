import type { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from '../backend/db/adapter.js';
import { migrate } from '../backend/db/migrations.js';

/**
 * One embedded Postgres (PGlite, in memory) per page or process, and a schema of it per scenario
 * backend: opening PGlite costs a second or more in a browser, a schema a few milliseconds, so
 * every test starts on a fresh database without paying for a new one.
 */
let shared: Promise<PGlite> | undefined;
let schemas = 0;

/**
 * Where a page may find an empty cluster dumped beforehand (`dumpDataDir('gzip')`): PGlite then
 * loads it instead of running initdb, about 0.8 s instead of 3 s in Chromium. The test runner sets
 * it (web-test-runner.config.mjs); without it PGlite makes its own cluster.
 */
declare global {
  var __AUTOPILOT_PGLITE_DATA__: string | undefined;
}

async function open(): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const snapshot = globalThis.__AUTOPILOT_PGLITE_DATA__;
  if (!snapshot) return PGlite.create();
  const response = await fetch(snapshot);
  if (!response.ok) throw new Error(`The PGlite cluster at ${snapshot} answered ${response.status}`);
  return PGlite.create({ loadDataDir: await response.blob() });
}

export interface ScopedDb extends Db {
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * A migrated database of its own: every statement runs in a transaction whose `search_path` is
 * the schema (PGlite runs one transaction at a time, so two backends never see each other's rows).
 */
export async function scopedDb(): Promise<ScopedDb> {
  shared ??= open();
  const pg = await shared;
  schemas += 1;
  const schema = `scenario_${schemas}`;
  await pg.exec(`CREATE SCHEMA ${schema}`);
  const wrap = (tx: { query: PGlite['query'] }): Queryable => ({
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      return (await tx.query<T>(text, params as unknown[])).rows;
    },
  });
  const within = <T>(work: (tx: Queryable) => Promise<T>) =>
    pg.transaction(async (tx) => {
      await tx.exec(`SET LOCAL search_path TO ${schema}`);
      return work(wrap(tx));
    });
  const db: ScopedDb = {
    query: (text, params) => within((tx) => tx.query(text, params)),
    transaction: within,
    exec: async (text) => {
      await pg.transaction(async (tx) => {
        await tx.exec(`SET LOCAL search_path TO ${schema}; ${text}`);
      });
    },
    close: async () => undefined,
    drop: async () => {
      await pg.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
  await migrate(db);
  return db;
}
