import type { Authorization, AuthorizationStatus, Region, RepointedConnection } from './contract.js';
import type { BackendDeps } from './deps.js';
import { ApiProblem } from './problem.js';

export interface AuthorizationRow {
  id: string;
  account_id: string;
  region: Region;
  status: AuthorizationStatus;
  expires_at: number;
  return_origin: string;
  exact_user_id: string | null;
  exact_user_name: string | null;
  exact_user_email: string | null;
  current_division: number | null;
  repointed: string | null;
}

export const toAuthorization = (row: AuthorizationRow): Authorization => ({
  id: row.id,
  status: row.status,
  region: row.region,
  expiresAt: new Date(Number(row.expires_at)).toISOString(),
  ...(row.exact_user_id ? { exactUser: { id: row.exact_user_id, name: row.exact_user_name ?? '', ...(row.exact_user_email ? { email: row.exact_user_email } : {}) } } : {}),
  ...(row.repointed ? { repointed: JSON.parse(row.repointed) as RepointedConnection[] } : {}),
});

/** The account's authorization (any of its platform users may use it), a pending one that ran out settled as expired. */
export async function findAuthorization(deps: BackendDeps, accountId: string, id: string): Promise<AuthorizationRow> {
  const [row] = await deps.db.query<AuthorizationRow & Record<string, unknown>>('SELECT * FROM authorizations WHERE account_id = $1 AND id = $2', [accountId, id]);
  if (!row) throw new ApiProblem(404, 'not_found', 'No such login (any more).');
  if (row.status === 'pending' && Number(row.expires_at) <= deps.now()) {
    await deps.db.query("UPDATE authorizations SET status = 'expired' WHERE id = $1 AND status = 'pending'", [id]);
    return { ...row, status: 'expired' };
  }
  return row;
}

/** An authorized grant, or the 422 that says why this one cannot be used. */
export function requireAuthorized(row: AuthorizationRow): AuthorizationRow & { current_division: number } {
  if (row.status === 'authorized' && row.current_division !== null) return row as AuthorizationRow & { current_division: number };
  if (row.status === 'expired') throw new ApiProblem(422, 'authorization_expired', 'This Exact Online login has expired: log in again.');
  if (row.status === 'revoked') throw new ApiProblem(422, 'authorization_revoked', 'A newer login of this Exact Online user replaced this one.');
  throw new ApiProblem(422, 'authorization_not_authorized', 'This Exact Online login has not been completed.');
}
