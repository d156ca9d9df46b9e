import postgres from 'postgres';
import type { Db, Queryable, Row } from './adapter.js';

type Sql = ReturnType<typeof postgres>;

const wrap = (sql: Pick<Sql, 'unsafe'>): Queryable => ({
  async query<T extends Row>(text: string, params: readonly unknown[] = []) {
    const rows = await sql.unsafe(text, params as never[]);
    return [...rows] as unknown as T[];
  },
});

/** A PostgreSQL server (`databaseUrl`), through postgres.js. */
export async function openPostgres(databaseUrl: string): Promise<Db> {
  // Quiet: Postgres' NOTICEs (e.g. "relation already exists") are not the backend's log.
  const sql = postgres(databaseUrl, { max: 10, onnotice: () => undefined });
  const plain = wrap(sql);
  return {
    query: plain.query,
    transaction: async (work) => (await sql.begin((tx) => work(wrap(tx as unknown as Sql)))) as never,
    exec: async (text) => {
      await sql.unsafe(text);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
