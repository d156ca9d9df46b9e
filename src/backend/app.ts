import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { BackendDeps } from './deps.js';
import { ApiProblem, problemResponse } from './problem.js';
import { authorizationRoutes } from './routes/authorizations.js';
import { callbackRoutes } from './routes/callback.js';
import { connectionRoutes } from './routes/connections.js';
import { devRoutes } from './routes/dev.js';
import { organisationRoutes } from './routes/organisations.js';
import { statusRoutes } from './routes/status.js';
import { requireSession, type AppEnv } from './session.js';

/**
 * The reference backend as a fetch handler (`app.fetch`): contract v2 below `/api`, the OAuth
 * callback at `/api/oauth/callback`, dev sessions at `/_dev/` when enabled. Runs in Node
 * (node-server.ts) and anywhere a fetch handler runs.
 */
export function createBackendApp(deps: BackendDeps): Hono {
  const app = new Hono();
  // CORS for the platform's page origins only, never `*`: the element sends the session cookie.
  app.use(
    '*',
    cors({
      origin: (origin) => (deps.config.allowedOrigins.includes(origin) ? origin : null),
      credentials: true,
      allowHeaders: ['Content-Type', 'Idempotency-Key'],
      exposeHeaders: ['Retry-After'],
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      maxAge: 600,
    }),
  );
  app.route('/api', callbackRoutes(deps));
  if (deps.config.devSessions) {
    app.route('/', devRoutes(deps));
    app.route('/api', devRoutes(deps));
  }
  const api = new Hono<AppEnv>();
  api.use('*', requireSession(deps));
  api.route('/', statusRoutes(deps));
  api.route('/', organisationRoutes(deps));
  api.route('/', authorizationRoutes(deps));
  api.route('/', connectionRoutes(deps));
  app.route('/api', api);
  app.notFound(() => problemResponse(new ApiProblem(404, 'not_found', 'No such resource.')));
  app.onError((error) => {
    if (error instanceof ApiProblem) return problemResponse(error);
    // The message only: an error's properties (a failed call's request) could carry a token.
    deps.log(`internal error: ${error.name}: ${error.message.slice(0, 300)}`);
    return problemResponse(new ApiProblem(500, 'internal_error', 'The backend failed; try again.'));
  });
  return app;
}
