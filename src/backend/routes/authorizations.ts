import { Hono } from 'hono';
import { checkStartAuthorizationRequest } from '../../api/schema-checks.generated.js';
import { findAuthorization, requireAuthorized, toAuthorization, type AuthorizationRow } from '../authorization-store.js';
import type { Region } from '../contract.js';
import { pageLimit, searchQuery } from '../cursor.js';
import type { BackendDeps } from '../deps.js';
import { ensureDivisions, searchDivisions, suggestedDivisions } from '../divisions.js';
import { GrantUnusable } from '../grants.js';
import { newId, randomSecret, sha256 } from '../ids.js';
import { authorizeUrl } from '../oauth.js';
import { ApiProblem, json } from '../problem.js';
import { jsonBody, requireAutopilot, type AppEnv } from '../session.js';

/** A pending login may take this long (the element's login window gives up after 600 s). */
const LOGIN_LIFETIME_MS = 15 * 60_000;

const regionOfCountry: Record<string, Region> = { NL: 'nl', BE: 'be', DE: 'de', GB: 'uk', UK: 'uk', ES: 'es', FR: 'fr' };

/** Logins (authorizations) and the divisions a grant reaches. */
export function authorizationRoutes(deps: BackendDeps) {
  return new Hono<AppEnv>()
    .post('/authorizations', async (c) => {
      const account = requireAutopilot(c);
      const body = await jsonBody(c, checkStartAuthorizationRequest);
      const returnOrigin = body.returnOrigin as string;
      if (!deps.config.allowedOrigins.includes(returnOrigin)) throw new ApiProblem(400, 'return_origin_not_allowed', 'returnOrigin is not one of the platform\'s page origins.');
      const organisation = typeof body.organisationId === 'string' ? deps.seed.organisations.find((candidate) => candidate.accountId === account.id && candidate.id === body.organisationId) : undefined;
      const region = (body.region as Region | undefined) ?? regionOfCountry[organisation?.country?.toUpperCase() ?? ''] ?? 'nl';
      const id = newId('auth');
      // The state is opaque and unguessable; only its hash is stored, so a database reader cannot forge a callback.
      const state = randomSecret();
      const expiresAt = deps.now() + LOGIN_LIFETIME_MS;
      await deps.db.query(
        "INSERT INTO authorizations (id, account_id, platform_user_id, state_hash, region, return_origin, status, expires_at, created_at, locale) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9)",
        [id, account.id, c.get('user').id, await sha256(state), region, returnOrigin, expiresAt, deps.now(), typeof body.locale === 'string' ? body.locale : null],
      );
      return json(201, { id, authorizeUrl: authorizeUrl(deps.config, region, state, body.forceLogin === true), expiresAt: new Date(expiresAt).toISOString(), region });
    })
    .get('/authorizations', async (c) => {
      const account = requireAutopilot(c);
      // One grant per Exact user and region: the newest login of each, whichever platform user made it.
      const rows = await deps.db.query<AuthorizationRow & Record<string, unknown>>(
        `SELECT DISTINCT ON (exact_user_id, region) * FROM authorizations
         WHERE account_id = $1 AND exact_user_id IS NOT NULL AND status IN ('authorized', 'expired', 'revoked')
         ORDER BY exact_user_id, region, created_at DESC`,
        [account.id],
      );
      return json(200, { items: rows.map(toAuthorization) });
    })
    .get('/authorizations/:authorizationId', async (c) => {
      const account = requireAutopilot(c);
      return json(200, toAuthorization(await findAuthorization(deps, account.id, c.req.param('authorizationId'))));
    })
    .get('/authorizations/:authorizationId/divisions', async (c) => {
      const account = requireAutopilot(c);
      const query = searchQuery(c.req.query('query'));
      const limit = pageLimit(c.req.query('limit'));
      const grant = requireAuthorized(await findAuthorization(deps, account.id, c.req.param('authorizationId')));
      try {
        await ensureDivisions(deps, { id: grant.id, region: grant.region, currentDivision: grant.current_division });
      } catch (error) {
        if (error instanceof GrantUnusable) throw new ApiProblem(422, 'authorization_expired', 'This Exact Online login has expired: log in again.');
        throw error;
      }
      const cursor = c.req.query('cursor');
      const page = await searchDivisions(deps, grant, account.id, query, cursor, limit);
      // Suggestions belong to the unsearched list's first page; an organisation of another account suggests nothing.
      const organisationId = c.req.query('organisationId');
      const organisation = organisationId && !cursor && query === '' ? deps.seed.organisations.find((candidate) => candidate.accountId === account.id && candidate.id === organisationId) : undefined;
      return json(200, organisation ? { ...page, suggested: await suggestedDivisions(deps, grant, account.id, organisation) } : page);
    });
}
