import * as oauth from 'oauth4webapi';
import { isLoopbackHttp, regionBaseUrl } from './config.js';
import type { Region } from './contract.js';
import type { ResolvedConfig } from './deps.js';

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Seconds; Exact sends `expires_in` as a string, which oauth4webapi parses. */
  expiresIn: number;
}

/**
 * Why a token call failed: `grant_dead` (the chain is gone: "Old refresh token used",
 * invalid_grant, an expired refresh token — only a new login helps), `too_early` (Exact refuses a
 * refresh before the access token is ~9.5 minutes old), `unavailable` (network, 5xx, anything else).
 */
export class TokenCallFailed extends Error {
  constructor(
    readonly kind: 'grant_dead' | 'too_early' | 'unavailable',
    readonly oauthError?: string,
  ) {
    super(`Exact token call failed: ${kind}${oauthError ? ` (${oauthError})` : ''}`);
  }
}

const server = (config: ResolvedConfig, region: Region): oauth.AuthorizationServer => {
  const base = regionBaseUrl(config.exactBaseUrl, region);
  return { issuer: base, authorization_endpoint: `${base}/api/oauth2/auth`, token_endpoint: `${base}/api/oauth2/token` };
};

const requestOptions = (config: ResolvedConfig) => ({
  [oauth.allowInsecureRequests]: isLoopbackHttp(config.exactBaseUrl),
  [oauth.customFetch]: config.fetch,
  signal: AbortSignal.timeout(15_000),
});

export function authorizeUrl(config: ResolvedConfig, region: Region, state: string, forceLogin: boolean): string {
  const url = new URL(server(config, region).authorization_endpoint!);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', config.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', state);
  if (forceLogin) url.searchParams.set('force_login', '1');
  return url.href;
}

function classify(error: unknown): TokenCallFailed {
  if (error instanceof oauth.ResponseBodyError) {
    const description = error.error_description ?? '';
    if (error.error === 'access_denied' && /not expired/i.test(description)) return new TokenCallFailed('too_early', error.error);
    if (['invalid_grant', 'unauthorized_client'].includes(error.error) || (error.error === 'invalid_request' && /expired/i.test(description))) {
      return new TokenCallFailed('grant_dead', error.error);
    }
    return new TokenCallFailed('unavailable', error.error);
  }
  return new TokenCallFailed('unavailable');
}

const tokenSet = (result: oauth.TokenEndpointResponse): TokenSet => {
  if (!result.refresh_token || typeof result.expires_in !== 'number') throw new TokenCallFailed('unavailable', 'incomplete token answer');
  return { accessToken: result.access_token, refreshToken: result.refresh_token, expiresIn: result.expires_in };
};

/** The callback's code for tokens; `callbackUrl` is the whole redirect Exact made (its state checked). */
export async function exchangeCode(config: ResolvedConfig, region: Region, callbackUrl: URL, state: string): Promise<TokenSet> {
  const as = server(config, region);
  const client: oauth.Client = { client_id: config.clientId };
  try {
    const params = oauth.validateAuthResponse(as, client, callbackUrl, state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretPost(config.clientSecret), params, config.redirectUri, oauth.nopkce, requestOptions(config));
    return tokenSet(await oauth.processAuthorizationCodeResponse(as, client, response));
  } catch (error) {
    throw error instanceof TokenCallFailed ? error : classify(error);
  }
}

export async function refreshTokens(config: ResolvedConfig, region: Region, refreshToken: string): Promise<TokenSet> {
  const as = server(config, region);
  const client: oauth.Client = { client_id: config.clientId };
  try {
    const response = await oauth.refreshTokenGrantRequest(as, client, oauth.ClientSecretPost(config.clientSecret), refreshToken, requestOptions(config));
    return tokenSet(await oauth.processRefreshTokenResponse(as, client, response));
  } catch (error) {
    throw error instanceof TokenCallFailed ? error : classify(error);
  }
}
