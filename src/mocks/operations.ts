import type { successResponses } from '../api/guards.generated.js';

export type OperationId = keyof typeof successResponses;
/** The contract's operations, and the OAuth callback (not in the contract: Exact's redirect lands there). */
export type RouteOperation = OperationId | 'oauthCallback';

/** Relative to the backend's `/api`; `:x` segments are parameters. The same paths as src/api/openapi.json. */
const routes: ReadonlyArray<readonly [method: string, path: string, operation: RouteOperation]> = [
  ['GET', '/status', 'getStatus'],
  ['GET', '/organisations', 'listOrganisations'],
  ['POST', '/organisations/:id/redeliveries', 'createRedelivery'],
  ['GET', '/organisations/:id/redeliveries/preview', 'previewRedelivery'],
  ['GET', '/connections', 'listConnections'],
  ['POST', '/connections', 'createConnection'],
  ['GET', '/connections/:id', 'getConnection'],
  ['PUT', '/connections/:id/authorization', 'reauthorizeConnection'],
  ['DELETE', '/connections/:id', 'deleteConnection'],
  ['GET', '/authorizations', 'listAuthorizations'],
  ['POST', '/authorizations', 'startAuthorization'],
  ['GET', '/authorizations/:id', 'getAuthorization'],
  ['GET', '/authorizations/:id/divisions', 'listDivisions'],
  ['GET', '/oauth/callback', 'oauthCallback'],
];

/** Every route's path pattern, so a test can hold them against the contract. */
export const routePaths = routes.map(([method, path, operation]) => ({ method, path, operation }));

/** Which operation a request below `/api` is (`path` without `/api`), or null for none. */
export function operationOf(method: string, path: string): RouteOperation | null {
  const segments = path.split('/').filter(Boolean);
  for (const [routeMethod, pattern, operation] of routes) {
    if (routeMethod !== method) continue;
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length === segments.length && parts.every((part, index) => part.startsWith(':') ? segments[index] !== '' : part === segments[index])) return operation;
  }
  return null;
}
