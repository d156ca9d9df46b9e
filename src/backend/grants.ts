import type { Queryable } from './db/adapter.js';
import type { Region } from './contract.js';
import type { BackendDeps } from './deps.js';
import { refreshTokens, TokenCallFailed } from './oauth.js';
import { ApiProblem } from './problem.js';

/** A refresh token lives about 30 days unused: an authorized grant must be used before then. */
export const GRANT_LIFETIME_MS = 30 * 86_400_000;
/** Refresh this close to expiry, never earlier: Exact refuses a refresh before ~9.5 of its 10 minutes. */
const REFRESH_MARGIN_MS = 30_000;

/** The grant can no longer be used: its chain broke or a newer login replaced it. */
export class GrantUnusable extends Error {
  constructor(readonly status: string) {
    super(`grant ${status}`);
  }
}

export interface Access {
  token: string;
  /** Which rotation this token is of; a refresh asked for an older one finds the newer instead. */
  version: number;
}

interface GrantRow {
  status: string;
  region: Region;
  access_token: string | null;
  access_expires_at: number | null;
  refresh_token: string | null;
  token_version: number;
}

const select = 'SELECT status, region, access_token, access_expires_at, refresh_token, token_version FROM authorizations WHERE id = $1';

/** A usable access token of the grant, refreshed first when it expires within 30 s. */
export async function currentAccess(deps: BackendDeps, authorizationId: string): Promise<Access> {
  const [row] = await deps.db.query<GrantRow & Record<string, unknown>>(select, [authorizationId]);
  if (!row || row.status !== 'authorized' || !row.access_token) throw new GrantUnusable(row?.status ?? 'missing');
  if (Number(row.access_expires_at) - deps.now() > REFRESH_MARGIN_MS) {
    return { token: await deps.cipher.open(row.access_token, authorizationId), version: Number(row.token_version) };
  }
  return refreshAccess(deps, authorizationId, Number(row.token_version), false);
}

/**
 * Refreshes the grant's tokens once, whichever of many requests (in any instance) asks: the row is
 * locked (`FOR UPDATE`) for the token call, and a caller whose token version is no longer the
 * stored one takes the token another caller already got. The rotated refresh token is committed
 * before the new access token is used. `rejected`: Exact answered 401 to the token (refresh even
 * when it looks fresh).
 */
export async function refreshAccess(deps: BackendDeps, authorizationId: string, seenVersion: number, rejected = true): Promise<Access> {
  type Outcome = { dead: string } | { access: Access } | { unavailable: true };
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const [row] = await tx.query<GrantRow & Record<string, unknown>>(`${select} FOR UPDATE`, [authorizationId]);
    if (!row || row.status !== 'authorized' || !row.access_token || !row.refresh_token) return { dead: row?.status ?? 'missing' };
    const version = Number(row.token_version);
    const stillFresh = Number(row.access_expires_at) - deps.now() > REFRESH_MARGIN_MS;
    if (version !== seenVersion || (!rejected && stillFresh)) return { access: { token: await deps.cipher.open(row.access_token, authorizationId), version } };
    let tokens;
    try {
      tokens = await refreshTokens(deps.config, row.region, await deps.cipher.open(row.refresh_token, authorizationId));
    } catch (error) {
      if (!(error instanceof TokenCallFailed)) throw error;
      if (error.kind === 'grant_dead') {
        await markBroken(tx, authorizationId);
        deps.log(`grant ${authorizationId}: Exact refused its refresh token (${error.oauthError ?? 'unknown'}); its connections need a new login`);
        return { dead: 'expired' };
      }
      // Exact says the token is still young: use it while it lasts, unless Exact itself just refused it.
      if (error.kind === 'too_early' && !rejected) return { access: { token: await deps.cipher.open(row.access_token, authorizationId), version } };
      deps.log(`grant ${authorizationId}: token refresh failed (${error.kind}${error.oauthError ? `, ${error.oauthError}` : ''})`);
      return { unavailable: true };
    }
    const now = deps.now();
    await tx.query(
      'UPDATE authorizations SET access_token = $2, refresh_token = $3, access_expires_at = $4, token_version = token_version + 1, expires_at = $5 WHERE id = $1',
      [authorizationId, await deps.cipher.seal(tokens.accessToken, authorizationId), await deps.cipher.seal(tokens.refreshToken, authorizationId), now + tokens.expiresIn * 1000, now + GRANT_LIFETIME_MS],
    );
    return { access: { token: tokens.accessToken, version: version + 1 } };
  });
  if ('dead' in outcome) throw new GrantUnusable(outcome.dead);
  if ('unavailable' in outcome) throw new ApiProblem(503, 'exact_unavailable', 'Exact Online did not renew the access token; try again shortly.', 30);
  return outcome.access;
}

/** The chain is dead: the grant is expired and every connection on it needs a new login. */
export async function markBroken(tx: Queryable, authorizationId: string): Promise<void> {
  await tx.query("UPDATE authorizations SET status = 'expired', access_token = NULL, refresh_token = NULL WHERE id = $1", [authorizationId]);
  await tx.query("UPDATE connections SET status = 'needs_login' WHERE authorization_id = $1", [authorizationId]);
}
