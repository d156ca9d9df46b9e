import type { RequestContext } from './context.js';
import type { Chain, UserState } from './world.js';

export interface Caller {
  chain: Chain;
  user: UserState;
}

/**
 * Who a bearer token speaks for, if it is one this host issued, its chain is alive and it is
 * younger than 10 minutes. An access token outlives a refresh of its chain until it expires.
 */
export function caller(ctx: RequestContext): Caller | undefined {
  const match = /^Bearer (\S+)$/i.exec(ctx.request.headers.get('authorization') ?? '');
  const token = match?.[1] ? ctx.world.accessTokens.get(match[1]) : undefined;
  if (!token || ctx.now() - token.issuedAt >= ctx.options.limits.accessTokenLifetimeMs) return undefined;
  const chain = ctx.world.chains.get(token.chainId);
  if (!chain || chain.state !== 'active' || chain.region !== ctx.route.region) return undefined;
  const user = ctx.world.userById(chain.userId);
  return user ? { chain, user } : undefined;
}
