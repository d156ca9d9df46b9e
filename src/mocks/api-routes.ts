import { schemaChecks, type SchemaName } from '../api/schema-checks.generated.js';
import type { CreateConnectionRequest, CreateRedeliveryRequest, ReauthorizeConnectionRequest, StartAuthorizationRequest } from '../api/types.js';
import type { MockPlatform } from './model.js';
import { pageParams } from './paging.js';
import { MockProblem } from './problem.js';
import { emptyResponse, jsonResponse, redirectResponse, type OperationId } from './responses.js';

/** What a contract route needs to know about the request and the backend it belongs to. */
export interface RouteContext {
  request: Request;
  url: URL;
  params: readonly string[];
  platform: MockPlatform;
  basePath: string;
  callbackPath: string;
  /** Where the simulated Exact Online is served, when not at the request's origin (the `coop` scenario). */
  exactOrigin?: string;
}

export type RouteOperation = OperationId | 'oauthCallback';

export interface Route {
  method: string;
  /** Relative to `${basePath}/api`; `:x` segments are parameters. */
  path: string;
  operation: RouteOperation;
  run: (context: RouteContext) => Response | Promise<Response>;
}

/** The one redirect URI the simulated Exact Online accepts for a backend. */
export const redirectUriFor = (origin: string, basePath: string): string => `${origin}${basePath}/api/oauth/callback`;

const safeDecode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

const param = (context: RouteContext, index: number): string => context.params[index] ?? '';

async function readBody<T>(request: Request, schema: SchemaName): Promise<T> {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new MockProblem(400, 'invalid_request', 'The request body is not JSON.');
  }
  const error = schemaChecks[schema](body);
  if (error) throw new MockProblem(400, 'invalid_request', `The request body is not a ${schema}: ${error}`);
  return body as T;
}

function idempotencyKey(request: Request): string {
  const key = request.headers.get('Idempotency-Key');
  if (key === null || key.length < 8 || key.length > 100) {
    throw new MockProblem(400, 'invalid_request', 'An Idempotency-Key header of 8 to 100 characters is required.');
  }
  return key;
}

function authorizeUrl(context: RouteContext, state: string, locale: string | undefined, forceLogin: boolean): string {
  const url = new URL(`${context.basePath}/exact/api/oauth2/auth`, context.exactOrigin ?? context.url.origin);
  url.searchParams.set('client_id', 'autopilot-connect');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', redirectUriFor(context.url.origin, context.basePath));
  url.searchParams.set('state', state);
  url.searchParams.set('lang', locale ?? 'nl');
  // Exact asks who logs in instead of reusing its session (the mock's login page always asks).
  if (forceLogin) url.searchParams.set('force_login', '1');
  return url.href;
}

/** Exact's redirect lands here; the code is redeemed and only the outcome goes on. */
function oauthCallback(context: RouteContext): Response {
  const query = context.url.searchParams;
  const code = query.get('code');
  const error = query.get('error');
  const state = query.get('state') ?? '';
  const redirectUri = redirectUriFor(context.url.origin, context.basePath);
  const outcome = error !== null || code === null ? { error: error ?? 'invalid_request' } : { code, redirectUri };
  const { authorization, status } = context.platform.finishLogin(state, outcome);
  const target = new URL(context.callbackPath, context.url.origin);
  target.searchParams.set('authorization', authorization?.id ?? state);
  target.searchParams.set('status', status);
  target.searchParams.set('lang', authorization?.locale ?? 'nl');
  return redirectResponse(target.href, 302);
}

export const routes: readonly Route[] = [
  {
    method: 'GET',
    path: '/status',
    operation: 'getStatus',
    run: ({ platform }) => jsonResponse('getStatus', 200, platform.status()),
  },
  {
    method: 'GET',
    path: '/organisations',
    operation: 'listOrganisations',
    run: ({ platform, url }) => jsonResponse('listOrganisations', 200, platform.listOrganisations(pageParams(url))),
  },
  {
    method: 'POST',
    path: '/organisations/:organisationId/redeliveries',
    operation: 'createRedelivery',
    run: async (context) => {
      const key = idempotencyKey(context.request);
      const { from } = await readBody<CreateRedeliveryRequest>(context.request, 'CreateRedeliveryRequest');
      const { answer, replayed } = context.platform.createRedelivery(param(context, 0), from, key);
      return jsonResponse('createRedelivery', replayed ? 200 : 202, answer);
    },
  },
  {
    method: 'GET',
    path: '/organisations/:organisationId/redeliveries/preview',
    operation: 'previewRedelivery',
    run: (context) => {
      const from = context.url.searchParams.get('from') ?? '';
      return jsonResponse('previewRedelivery', 200, context.platform.previewRedelivery(param(context, 0), from));
    },
  },
  {
    method: 'GET',
    path: '/connections',
    operation: 'listConnections',
    run: ({ platform }) => jsonResponse('listConnections', 200, platform.listConnections()),
  },
  {
    method: 'POST',
    path: '/connections',
    operation: 'createConnection',
    run: async ({ platform, request }) => {
      const key = idempotencyKey(request);
      const body = await readBody<CreateConnectionRequest>(request, 'CreateConnectionRequest');
      const { answer, replayed } = platform.createConnection(body, key);
      // A replay of the same key and body: 200 with the first answer's connection.
      return jsonResponse('createConnection', replayed ? 200 : 201, answer);
    },
  },
  {
    method: 'GET',
    path: '/connections/:connectionId',
    operation: 'getConnection',
    run: (context) => jsonResponse('getConnection', 200, context.platform.getConnection(param(context, 0))),
  },
  {
    method: 'PUT',
    path: '/connections/:connectionId/authorization',
    operation: 'reauthorizeConnection',
    run: async (context) => {
      const { authorizationId } = await readBody<ReauthorizeConnectionRequest>(context.request, 'ReauthorizeConnectionRequest');
      return jsonResponse('reauthorizeConnection', 200, context.platform.reauthorizeConnection(param(context, 0), authorizationId));
    },
  },
  {
    method: 'DELETE',
    path: '/connections/:connectionId',
    operation: 'deleteConnection',
    run: (context) => {
      context.platform.deleteConnection(param(context, 0));
      return emptyResponse('deleteConnection', 204);
    },
  },
  {
    method: 'GET',
    path: '/authorizations',
    operation: 'listAuthorizations',
    run: ({ platform }) => jsonResponse('listAuthorizations', 200, platform.listAuthorizations()),
  },
  {
    method: 'POST',
    path: '/authorizations',
    operation: 'startAuthorization',
    run: async (context) => {
      const body = await readBody<StartAuthorizationRequest>(context.request, 'StartAuthorizationRequest');
      const started = context.platform.startAuthorization(body);
      return jsonResponse('startAuthorization', 201, {
        id: started.id,
        authorizeUrl: authorizeUrl(context, started.id, body.locale, started.forceLogin),
        expiresAt: new Date(started.expiresAt).toISOString(),
        region: started.region,
      });
    },
  },
  {
    method: 'GET',
    path: '/authorizations/:authorizationId',
    operation: 'getAuthorization',
    run: (context) => jsonResponse('getAuthorization', 200, context.platform.getAuthorization(param(context, 0))),
  },
  {
    method: 'GET',
    path: '/authorizations/:authorizationId/divisions',
    operation: 'listDivisions',
    run: (context) =>
      jsonResponse('listDivisions', 200, context.platform.listDivisions(param(context, 0), pageParams(context.url))),
  },
  { method: 'GET', path: '/oauth/callback', operation: 'oauthCallback', run: oauthCallback },
];

/** The route for a path, with its decoded parameters; `methodMismatch` when only the method is wrong. */
export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: string[] } | { route: null; methodMismatch: boolean } {
  const segments = path.split('/').filter(Boolean);
  let methodMismatch = false;
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== segments.length) continue;
    const params: string[] = [];
    const fits = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (!part.startsWith(':')) return part === segment;
      params.push(safeDecode(segment));
      return segment !== '';
    });
    if (!fits) continue;
    if (route.method === method) return { route, params };
    methodMismatch = true;
  }
  return { route: null, methodMismatch };
}
