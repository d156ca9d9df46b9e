import { Hono } from 'hono';
import type { AuthorizationRow } from '../authorization-store.js';
import { regionBaseUrl } from '../config.js';
import type { AuthorizationStatus, ConnectionStatus, RepointedConnection } from '../contract.js';
import type { BackendDeps } from '../deps.js';
import { blockOf, ensureDivisions, type DivisionRow } from '../divisions.js';
import { GRANT_LIFETIME_MS } from '../grants.js';
import { sha256 } from '../ids.js';
import { exchangeCode, TokenCallFailed } from '../oauth.js';
import { ApiProblem } from '../problem.js';

interface Me {
  UserID: string;
  FullName?: string;
  Email?: string;
  CurrentDivision: number;
}

/**
 * `GET /oauth/callback`: finds the login by its state (claimed once: a second callback with it is
 * an unknown state), exchanges the code, reads `current/Me`, stores the grant, replaces an older
 * grant of the same Exact user in the region (revoked) and re-points that user's connections, and
 * redirects to the callback page with only the authorization id and its outcome.
 */
const languageOf = (locale: unknown): { lang?: string } => {
  const primary = typeof locale === 'string' ? /^[a-z]{2,3}/i.exec(locale)?.[0]?.toLowerCase() : undefined;
  return primary ? { lang: primary } : {};
};

export function callbackRoutes(deps: BackendDeps) {
  // The page speaks the login's language: the primary subtag of the locale the element asked for.
  const redirect = (id: string, status: AuthorizationStatus, locale: unknown) =>
    new Response(null, { status: 302, headers: { Location: `${deps.config.publicUrl}/callback.html?${new URLSearchParams({ authorization: id, status, ...languageOf(locale) })}`, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } });

  const settle = async (login: { id: string; locale?: unknown }, status: AuthorizationStatus) => {
    await deps.db.query('UPDATE authorizations SET status = $2 WHERE id = $1', [login.id, status]);
    return redirect(login.id, status, login.locale);
  };

  return new Hono().get('/oauth/callback', async (c) => {
    const url = new URL(c.req.url);
    const state = url.searchParams.get('state');
    if (!state) throw new ApiProblem(400, 'invalid_request', 'The callback has no state.');
    const stateHash = await sha256(state);
    const [login] = await deps.db.query<AuthorizationRow & Record<string, unknown>>(
      "UPDATE authorizations SET state_hash = state_hash || ':used' WHERE state_hash = $1 AND status = 'pending' RETURNING *",
      [stateHash],
    );
    if (!login) throw new ApiProblem(400, 'invalid_request', 'This login is unknown or already finished: start a new one.');
    if (Number(login.expires_at) <= deps.now()) return settle(login, 'expired');
    const error = url.searchParams.get('error');
    if (error) return settle(login, error === 'access_denied' ? 'denied' : 'failed');
    // The URL Exact redirected to, as oauth4webapi checks it (the path below the API mount does not matter to it).
    let tokens;
    try {
      tokens = await exchangeCode(deps.config, login.region, url, state);
    } catch (failure) {
      deps.log(`login ${login.id}: code exchange failed (${failure instanceof TokenCallFailed ? `${failure.kind}${failure.oauthError ? `, ${failure.oauthError}` : ''}` : 'unexpected answer'})`);
      return settle(login, 'failed');
    }
    let me: Me | undefined;
    try {
      const response = await deps.config.fetch(`${regionBaseUrl(deps.config.exactBaseUrl, login.region)}/api/v1/current/Me?$select=UserID,FullName,Email,CurrentDivision`, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${tokens.accessToken}` },
        signal: AbortSignal.timeout(15_000),
      });
      if (response.ok) me = ((await response.json()) as { d?: { results?: Me[] } }).d?.results?.[0];
    } catch {
      me = undefined;
    }
    if (!me?.UserID) {
      deps.log(`login ${login.id}: current/Me did not answer the Exact user`);
      return settle(login, 'failed');
    }
    const now = deps.now();
    const repointedIds = await deps.db.transaction(async (tx) => {
      // Exact keeps one chain per Exact user per app: the older grants of this user in this region are dead now.
      const revoked = await tx.query<{ id: string }>(
        "UPDATE authorizations SET status = 'revoked', access_token = NULL, refresh_token = NULL WHERE exact_user_id = $1 AND region = $2 AND status = 'authorized' AND id <> $3 RETURNING id",
        [me.UserID, login.region, login.id],
      );
      await tx.query(
        `UPDATE authorizations SET status = 'authorized', exact_user_id = $2, exact_user_name = $3, exact_user_email = $4, current_division = $5,
           access_token = $6, refresh_token = $7, access_expires_at = $8, expires_at = $9 WHERE id = $1`,
        [login.id, me.UserID, me.FullName ?? '', me.Email ?? null, me.CurrentDivision, await deps.cipher.seal(tokens.accessToken, login.id), await deps.cipher.seal(tokens.refreshToken, login.id), now + tokens.expiresIn * 1000, now + GRANT_LIFETIME_MS],
      );
      const moved = await tx.query<{ id: string }>(
        `UPDATE connections SET authorization_id = $1 WHERE account_id = $2 AND region = $3 AND authorization_id <> $1
           AND authorization_id IN (SELECT id FROM authorizations WHERE exact_user_id = $4 AND region = $3) RETURNING id`,
        [login.id, login.account_id, login.region, me.UserID],
      );
      // Another account's connections on a revoked chain cannot be moved here: they need a login there.
      if (revoked.length > 0) {
        await tx.query("UPDATE connections SET status = 'needs_login' WHERE authorization_id = ANY($1::text[])", [revoked.map((row) => row.id)]);
      }
      return moved.map((row) => row.id);
    });
    deps.log(`login ${login.id}: authorized; ${repointedIds.length} connection(s) re-pointed`);
    await reportRepointed(deps, login.id, login.region, me.CurrentDivision, repointedIds);
    return redirect(login.id, 'authorized', login.locale);
  });
}

/** After a new consent: which re-pointed connections still reach their administration (a consent may drop one). */
async function reportRepointed(deps: BackendDeps, id: string, region: AuthorizationRow['region'], currentDivision: number, connectionIds: string[]): Promise<void> {
  if (connectionIds.length === 0) return;
  const repointed: RepointedConnection[] = [];
  try {
    await ensureDivisions(deps, { id, region, currentDivision }, true);
  } catch (error) {
    deps.log(`login ${id}: the granted divisions could not be read (${error instanceof ApiProblem ? error.code : 'error'}); re-pointed connections keep their status`);
    return;
  }
  for (const connectionId of connectionIds) {
    const [row] = await deps.db.query<Pick<DivisionRow, 'status' | 'blocking_status'> & { mailbox_id: string | null; kvk: string | null }>(
      `SELECT d.status, d.blocking_status, d.kvk, c.mailbox_id FROM connections c LEFT JOIN divisions d ON d.authorization_id = c.authorization_id AND d.code = c.division_code WHERE c.id = $1`,
      [connectionId],
    );
    const block = row && row.status !== null ? blockOf({ ...row, kvk: row.kvk ?? 'ok' }) : 'missing';
    const status: ConnectionStatus = block === null ? 'active' : 'division_unavailable';
    await deps.db.query('UPDATE connections SET status = $2 WHERE id = $1', [connectionId, status]);
    repointed.push({ connectionId, status });
  }
  await deps.db.query('UPDATE authorizations SET repointed = $2 WHERE id = $1', [id, JSON.stringify(repointed)]);
}
