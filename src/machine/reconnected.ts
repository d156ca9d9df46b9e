import type { Authorization, Connection } from '../api/types.js';
import type { ConnectContext, Reconnected } from './types.js';

/**
 * What one login repaired. The backend moves every connection of the Exact user who logged in
 * onto the new grant (`repointed`, one token chain per user), so one login may bring back more
 * than the connection asked for — or leave one that the consent left out.
 */
export const reconnectedBy = (context: ConnectContext, authorization: Authorization, repaired: Connection | null): Reconnected => {
  const asked = context.reconnecting!;
  const named = (id: string) => context.connections.find((connection) => connection.id === id);
  const moved = (authorization.repointed ?? []).filter((entry) => entry.connectionId !== asked.id);
  const withStatus = (active: boolean) =>
    moved
      .filter((entry) => (entry.status === 'active') === active)
      .flatMap((entry) => {
        const connection = named(entry.connectionId);
        return connection ? [{ ...connection, status: entry.status }] : [];
      });
  return { connection: repaired ?? { ...asked, status: 'active', authorizationId: authorization.id }, others: withStatus(true), attention: withStatus(false) };
};

