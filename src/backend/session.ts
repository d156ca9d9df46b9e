import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { BackendDeps } from './deps.js';
import type { PlatformAccount, PlatformUser } from './platform-seed.js';
import { ApiProblem } from './problem.js';

/** The contract's `platformSession` cookie. */
export const SESSION_COOKIE = 'econnect_session';

export type AppEnv = { Variables: { user: PlatformUser; account: PlatformAccount } };

/** The signed-in platform user and their account, or 401 `unauthenticated`. */
export const requireSession =
  (deps: BackendDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const [row] = id ? await deps.db.query<{ user_id: string }>('SELECT user_id FROM sessions WHERE id = $1', [id]) : [];
    const user = row ? deps.seed.users.find((candidate) => candidate.id === row.user_id) : undefined;
    const account = user ? deps.seed.accounts.find((candidate) => candidate.id === user.accountId) : undefined;
    if (!user || !account) throw new ApiProblem(401, 'unauthenticated', 'Sign in to the platform again.');
    c.set('user', user);
    c.set('account', account);
    await next();
  };

/** Everything but the status needs the Autopilot app installed on the account. */
export function requireAutopilot(c: Context<AppEnv>): PlatformAccount {
  const account = c.get('account');
  if (!account.autopilotInstalled) throw new ApiProblem(403, 'autopilot_not_installed', 'Install the Autopilot app from the App Winkel first.');
  return account;
}

/** A JSON request body, or 400 `invalid_request` naming what is wrong. */
export async function jsonBody(c: Context, check: (value: unknown) => string | null): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiProblem(400, 'invalid_request', 'The request body must be JSON.');
  }
  const wrong = check(body);
  if (wrong) throw new ApiProblem(400, 'invalid_request', wrong);
  return body as Record<string, unknown>;
}
