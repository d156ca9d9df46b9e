import type { Db } from './adapter.js';

/**
 * The schema, one numbered migration (a list of statements) after another; `schema_migrations`
 * records which ran, so a data folder or server from an older version is brought up to date at
 * start. Times are epoch ms.
 * Never edit a migration that shipped: add the next one.
 */
export const migrations: readonly (readonly string[])[] = [
  [
    `CREATE TABLE sessions (
     id text PRIMARY KEY,
     user_id text NOT NULL,
     created_at double precision NOT NULL
    )`,
    // A login attempt and, once authorized, the grant (Exact's token chain) it stands for.
    `CREATE TABLE authorizations (
     id text PRIMARY KEY,
     account_id text NOT NULL,
     platform_user_id text NOT NULL,
     state_hash text NOT NULL UNIQUE,
     region text NOT NULL,
     return_origin text NOT NULL,
     status text NOT NULL,
     expires_at double precision NOT NULL,
     created_at double precision NOT NULL,
     exact_user_id text,
     exact_user_name text,
     exact_user_email text,
     access_token text,
     access_expires_at double precision,
     refresh_token text,
     token_version integer NOT NULL DEFAULT 0,
     current_division integer,
     divisions_fetched_at double precision,
     divisions_fill text,
     divisions_next text,
     repointed text
    )`,
    `CREATE INDEX authorizations_grant ON authorizations (exact_user_id, region, status)`,
    `CREATE TABLE divisions (
     authorization_id text NOT NULL REFERENCES authorizations (id) ON DELETE CASCADE,
     code integer NOT NULL,
     name text NOT NULL,
     search text NOT NULL,
     hid text,
     customer_name text,
     kvk text,
     vat_number text,
     country text,
     status integer NOT NULL,
     blocking_status integer NOT NULL,
     fill text,
     PRIMARY KEY (authorization_id, code)
    )`,
    `CREATE INDEX divisions_order ON divisions (authorization_id, name, code)`,
    `CREATE TABLE connections (
     id text PRIMARY KEY,
     account_id text NOT NULL,
     organisation_id text NOT NULL,
     organisation_name text NOT NULL,
     division_code integer NOT NULL,
     division_name text NOT NULL,
     booking_flow text NOT NULL,
     region text NOT NULL,
     authorization_id text NOT NULL REFERENCES authorizations (id),
     status text NOT NULL,
     mailbox text,
     mailbox_id text,
     created_at double precision NOT NULL
    )`,
    `CREATE UNIQUE INDEX connections_organisation ON connections (account_id, organisation_id)`,
    `CREATE UNIQUE INDEX connections_division ON connections (account_id, region, division_code)`,
    `CREATE TABLE idempotency (
     account_id text NOT NULL,
     scope text NOT NULL,
     key text NOT NULL,
     request_hash text NOT NULL,
     state text NOT NULL,
     status integer,
     body text,
     created_at double precision NOT NULL,
     PRIMARY KEY (account_id, scope, key)
    )`,
    `CREATE TABLE redeliveries (
     id text PRIMARY KEY,
     account_id text NOT NULL,
     organisation_id text NOT NULL,
     from_date text NOT NULL,
     document_count integer NOT NULL,
     created_at double precision NOT NULL
    )`,
  ],
  // The login's language, for the callback page the popup ends on.
  ['ALTER TABLE authorizations ADD COLUMN locale text'],
];

export async function migrate(db: Db): Promise<void> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at double precision NOT NULL)');
  // One instance migrates at a time; the others wait for the lock and then find nothing to do.
  await db.transaction(async (tx) => {
    await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
    for (const [index, statements] of migrations.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      for (const statement of statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, Date.now()]);
    }
  });
}
