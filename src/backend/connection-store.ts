import type { Connection, ConnectionStatus, Region } from './contract.js';
import type { Queryable } from './db/adapter.js';
import type { PlatformSeed } from './platform-seed.js';

export interface ConnectionRow {
  id: string;
  account_id: string;
  organisation_id: string;
  organisation_name: string;
  division_code: number;
  division_name: string;
  booking_flow: 'simple' | 'advanced';
  region: Region;
  authorization_id: string;
  status: ConnectionStatus;
  mailbox: string | null;
  mailbox_id: string | null;
  created_at: number;
  exact_user_id: string | null;
  exact_user_name: string | null;
  exact_user_email: string | null;
}

const select = `SELECT c.*, a.exact_user_id, a.exact_user_name, a.exact_user_email FROM connections c JOIN authorizations a ON a.id = c.authorization_id`;

/** The day the organisation's old connection was broken, from the platform (not the connection's row). */
const legacyEndOf = (seed: PlatformSeed, organisationId: string) => seed.organisations.find((organisation) => organisation.id === organisationId)?.legacyEndedAt;

export function toConnection(row: ConnectionRow, seed: PlatformSeed): Connection {
  const legacyEndedAt = legacyEndOf(seed, row.organisation_id);
  return {
    id: row.id,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    division: { code: Number(row.division_code), name: row.division_name },
    bookingFlow: row.booking_flow,
    ...(row.exact_user_id ? { exactUser: { id: row.exact_user_id, name: row.exact_user_name ?? '', ...(row.exact_user_email ? { email: row.exact_user_email } : {}) } } : {}),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    status: row.status,
    region: row.region,
    authorizationId: row.authorization_id,
    mailbox: row.mailbox,
    ...(legacyEndedAt ? { legacyEndedAt } : {}),
  };
}

export async function findConnection(db: Queryable, accountId: string, id: string): Promise<ConnectionRow | undefined> {
  const [row] = await db.query<ConnectionRow & Record<string, unknown>>(`${select} WHERE c.account_id = $1 AND c.id = $2`, [accountId, id]);
  return row;
}

export async function listConnections(db: Queryable, accountId: string, seed: PlatformSeed): Promise<Connection[]> {
  // Oldest first; connections made in the same millisecond (a seed's) by organisation, not by their
  // random ids, so the overview lists them in the same order every time.
  const rows = await db.query<ConnectionRow & Record<string, unknown>>(`${select} WHERE c.account_id = $1 ORDER BY c.created_at, c.organisation_name, c.id`, [accountId]);
  return rows.map((row) => toConnection(row, seed));
}
