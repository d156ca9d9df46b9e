import type { RequestContext } from './context.js';
import { makeSecrets } from './context.js';
import type { GrantType } from './counters.js';
import { htmlResponse } from './html.js';
import { oauthError, tokenJson } from './oauth-errors.js';
import type { RegisteredApp } from './options.js';
import type { Chain } from './world.js';

/**
 * `POST /api/oauth2/token`: the code exchange and the refresh, with Exact's rules: string
 * `expires_in`, rotation on every refresh, "Old refresh token used." kills the chain, no refresh
 * before the access token is 9.5 minutes old, single-use 3-minute codes.
 */
export async function token(ctx: RequestContext): Promise<Response> {
  if (ctx.request.method !== 'POST') return oauthError(405, 'invalid_request', 'The token endpoint takes POST.');
  const form = new URLSearchParams(await ctx.request.text());
  const grantType = form.get('grant_type');
  const grant: GrantType | 'other' = grantType === 'authorization_code' || grantType === 'refresh_token' ? grantType : 'other';
  ctx.counters.tokenCalls[grant] += 1;

  const fault = grant === 'other' ? undefined : ctx.faults.take('tokenFails', (candidate) => candidate.grant === undefined || candidate.grant === grant);
  if (fault) {
    if (fault.error === undefined) return htmlResponse('<html><body><h1>Service Unavailable</h1></body></html>', fault.status ?? 503);
    return oauthError(fault.status ?? 400, fault.error, fault.description);
  }
  if (!(ctx.request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'The request must be form-encoded (application/x-www-form-urlencoded).');
  }
  // unconfirmed: the status and error for a wrong client; RFC 6749 §5.2's invalid_client with 401.
  const app = ctx.options.apps.find((candidate) => candidate.clientId === form.get('client_id'));
  if (!app || app.clientSecret !== form.get('client_secret')) return oauthError(401, 'invalid_client');
  if (grant === 'authorization_code') return exchangeCode(ctx, form, app);
  if (grant === 'refresh_token') return refresh(ctx, form, app);
  return oauthError(400, 'unsupported_grant_type');
}

function exchangeCode(ctx: RequestContext, form: URLSearchParams, app: RegisteredApp): Response {
  const code = ctx.world.codes.get(form.get('code') ?? '');
  // unconfirmed: Exact's wording; RFC 6749's invalid_grant for every unusable code.
  if (!code || code.region !== ctx.route.region || code.clientId !== app.clientId) return oauthError(400, 'invalid_grant', 'The authorization code is invalid.');
  if (code.used) return oauthError(400, 'invalid_grant', 'The authorization code has already been used.');
  if (code.voided) return oauthError(400, 'invalid_grant', 'The authorization code is no longer valid.');
  if (ctx.now() - code.issuedAt > ctx.options.limits.codeLifetimeMs) return oauthError(400, 'invalid_grant', 'The authorization code has expired.');
  if (code.redirectUri !== form.get('redirect_uri')) return oauthError(400, 'invalid_grant', 'The redirect_uri does not match the one of the authorization request.');
  const limited = tokenQuota(ctx, code.userId, app.clientId);
  if (limited) return limited;
  code.used = true;
  const secrets = makeSecrets(ctx.random);
  const now = ctx.now();
  const chain: Chain = {
    id: secrets.id(),
    region: code.region,
    clientId: app.clientId,
    userId: code.userId,
    divisions: code.divisions,
    state: 'active',
    refreshToken: secrets.refreshToken(code.region),
    refreshIssuedAt: now,
    accessIssuedAt: now,
  };
  // A code from before a newer consent is voided, so at most one chain per user and app is active.
  ctx.world.chains.set(chain.id, chain);
  ctx.world.refreshTokens.set(chain.refreshToken, chain.id);
  return issue(ctx, chain);
}

function refresh(ctx: RequestContext, form: URLSearchParams, app: RegisteredApp): Response {
  const presented = form.get('refresh_token') ?? '';
  const chain = ctx.world.chains.get(ctx.world.refreshTokens.get(presented) ?? '');
  if (!chain || chain.region !== ctx.route.region || chain.clientId !== app.clientId) return oauthError(400, 'invalid_grant', 'The refresh token is invalid.');
  if (chain.state === 'active' && chain.refreshToken !== presented) {
    // Usually two refreshes at once: the loser's token is old, and the whole chain dies with it.
    chain.state = 'broken';
    return oauthError(401, 'unauthorized_client', 'Old refresh token used.');
  }
  if (chain.state !== 'active') {
    // unconfirmed: the answer for the current token of a dead chain (replaced by a newer consent, or broken).
    if (chain.refreshToken !== presented) return oauthError(401, 'unauthorized_client', 'Old refresh token used.');
    return oauthError(400, 'invalid_grant', 'Token is not allowed, because of invalid or empty chainId');
  }
  const now = ctx.now();
  const expiresAt = chain.refreshIssuedAt + ctx.options.limits.refreshTokenLifetimeMs;
  if (now >= expiresAt) return oauthError(400, 'invalid_request', `The refresh token expired at ${new Date(expiresAt).toISOString()}`);
  if (now - chain.accessIssuedAt < ctx.options.limits.refreshNotBeforeMs) return oauthError(400, 'access_denied', 'Rate limit exceeded: access_token not expired');
  const limited = tokenQuota(ctx, chain.userId, app.clientId);
  if (limited) return limited;
  chain.refreshToken = makeSecrets(ctx.random).refreshToken(chain.region);
  chain.refreshIssuedAt = now;
  chain.accessIssuedAt = now;
  ctx.world.refreshTokens.set(chain.refreshToken, chain.id);
  return issue(ctx, chain);
}

/** 200 token calls per app per user per day (unconfirmed: the answer once they are used up). */
function tokenQuota(ctx: RequestContext, userId: string, clientId: string): Response | undefined {
  const key = `${userId}|${clientId}|${Math.floor(ctx.now() / 86_400_000)}`;
  const used = ctx.world.tokenCalls.get(key) ?? 0;
  if (used >= ctx.options.limits.tokenCallsPerDay) return oauthError(400, 'access_denied', 'Rate limit exceeded: token requests per day');
  ctx.world.tokenCalls.set(key, used + 1);
  return undefined;
}

function issue(ctx: RequestContext, chain: Chain): Response {
  const accessToken = makeSecrets(ctx.random).accessToken(chain.region);
  ctx.world.accessTokens.set(accessToken, { chainId: chain.id, issuedAt: chain.accessIssuedAt });
  return tokenJson(200, {
    access_token: accessToken,
    token_type: 'bearer',
    // A string, as Exact sends it: clients that expect a number trip here.
    expires_in: String(Math.round(ctx.options.limits.accessTokenLifetimeMs / 1000)),
    refresh_token: chain.refreshToken,
  });
}
