import { Hono } from 'hono';
import { listConnections } from '../connection-store.js';
import type { BackendDeps } from '../deps.js';
import { prerequisitesOf } from '../prerequisites.js';
import { json } from '../problem.js';
import type { AppEnv } from '../session.js';

/**
 * `GET /status`: whether the account has the Autopilot, who is signed in, and, with the Autopilot,
 * the connections (one round trip), how many organisations can still be connected, the help
 * article's prerequisites and the old connector's connections.
 */
export function statusRoutes(deps: BackendDeps) {
  return new Hono<AppEnv>().get('/status', async (c) => {
    const user = c.get('user');
    const account = c.get('account');
    const base = { autopilotInstalled: account.autopilotInstalled, user: { id: user.id, name: user.name, email: user.email }, appStoreUrl: deps.seed.appStoreUrl };
    if (!account.autopilotInstalled) return json(200, base);
    const connections = await listConnections(deps.db, account.id, deps.seed);
    const organisations = deps.seed.organisations.filter((organisation) => organisation.accountId === account.id);
    const connected = new Set(connections.map((connection) => connection.organisation.id));
    // What `Meerdere administraties koppelen` could take on: no connection, nothing blocking.
    // As GET /organisations shows them: without a KvK number an organisation is blocked too (no_kvk).
    const connectableOrganisations = organisations.filter((organisation) => !connected.has(organisation.id) && organisation.blockers.length === 0 && organisation.kvk).length;
    return json(200, { ...base, connections: { items: connections }, connectableOrganisations, ...prerequisitesOf(organisations, connected) });
  });
}
