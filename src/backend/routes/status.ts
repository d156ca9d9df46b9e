import { Hono } from 'hono';
import { listConnections } from '../connection-store.js';
import type { BackendDeps } from '../deps.js';
import { json } from '../problem.js';
import type { AppEnv } from '../session.js';

/** `GET /status`: whether the account has the Autopilot, who is signed in, and the connections (one round trip). */
export function statusRoutes(deps: BackendDeps) {
  return new Hono<AppEnv>().get('/status', async (c) => {
    const user = c.get('user');
    const account = c.get('account');
    return json(200, {
      autopilotInstalled: account.autopilotInstalled,
      user: { id: user.id, name: user.name, email: user.email },
      appStoreUrl: deps.seed.appStoreUrl,
      ...(account.autopilotInstalled ? { connections: { items: await listConnections(deps.db, account.id) } } : {}),
    });
  });
}
