import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import type { ServedSimulator } from '../exact-simulator/node-server.js';
import type { RegisteredApp } from '../exact-simulator/options.js';
import { toRequest, writeResponse } from '../mocks/vite-plugin.js';
import type { Db } from './db/adapter.js';

/**
 * `npm start`: the demo on the reference backend and the Exact Online simulator, real HTTP and a
 * real database. The backend answers on the demo's own origin (`/api`, `/_dev`), so the platform
 * session cookie is the page's; the simulator runs on an origin of its own (another port), so the
 * login window really crosses origins, as it does with Exact Online. The database is PGlite in a
 * data folder: a connection survives a restart. `POST /_demo/reset` starts afresh (the demo page's
 * button). The mock backend (`?scenario=`) keeps serving the named situations beside it.
 */
export interface DemoBackendOptions {
  /** Where PGlite keeps its files; default `.data/demo` (AUTOPILOT_DEMO_DATA). */
  dataDir?: string;
  /** The simulator's port; default 5183 (AUTOPILOT_SIMULATOR_PORT), 0 for a free one. */
  simulatorPort?: number;
}

/** The demo's app registration at the simulator; its redirect URI is known once the server listens. */
const redirectUris: string[] = [];
const app: RegisteredApp = { clientId: 'autopilot-demo', clientSecret: 'autopilot-demo-secret', redirectUris, name: 'eConnect Autopilot (demo)' };

const isBackendPath = (path: string) => path.startsWith('/api/') || path === '/api' || path.startsWith('/_dev/') || path === '/_demo/reset' || path === '/_demo/info';

/** The token key: AUTOPILOT_TOKEN_KEY, else one made once for this data folder (a demo's, not a secret worth more). */
async function tokenKeyFor(dataDir: string): Promise<string> {
  if (process.env.AUTOPILOT_TOKEN_KEY) return process.env.AUTOPILOT_TOKEN_KEY;
  const file = join(dataDir, 'token.key');
  const known = await readFile(file, 'utf8').catch(() => '');
  if (known.trim()) return known.trim();
  const key = randomBytes(32).toString('base64');
  await writeFile(file, key, { mode: 0o600 });
  return key;
}

export function demoBackendPlugin(options: DemoBackendOptions = {}): Plugin {
  const root = resolve(options.dataDir ?? process.env.AUTOPILOT_DEMO_DATA ?? '.data/demo');
  const simulatorPort = options.simulatorPort ?? Number(process.env.AUTOPILOT_SIMULATOR_PORT ?? 5183);
  let simulator: ServedSimulator | null = null;
  let db: Db | null = null;
  let handle: ((request: Request) => Response | Promise<Response>) | null = null;
  let origin = '';

  async function start(server: ViteDevServer): Promise<void> {
    // Loaded on the first request, so the config (read by every build) does not load PGlite.
    const [{ serveExactSimulator }, { createBackend }, { openDatabase }] = await Promise.all([
      import('../exact-simulator/node-server.js'),
      import('./backend.js'),
      import('./node-server.js'),
    ]);
    const address = server.httpServer?.address() as AddressInfo | null;
    origin = `http://127.0.0.1:${address?.port ?? 5173}`;
    const callback = `${origin}/api/oauth/callback`;
    const localhost = `http://localhost:${address?.port ?? 5173}`;
    if (!redirectUris.includes(callback)) redirectUris.push(callback);
    simulator ??= await serveExactSimulator({ apps: [app] }, simulatorPort).catch(() => serveExactSimulator({ apps: [app] }, 0));
    await mkdir(join(root, 'pglite'), { recursive: true });
    db = await openDatabase({ dataDir: join(root, 'pglite') });
    const { app: backend } = await createBackend(
      {
        exactBaseUrl: simulator.origin,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        allowedOrigins: [origin, localhost],
        tokenKey: await tokenKeyFor(root),
        devSessions: true,
      },
      db,
      origin,
    );
    handle = (request) => backend.fetch(request);
    server.config.logger.info(`  reference backend on ${origin}/api (data in ${root}), Exact Online simulator on ${simulator.origin}`);
  }

  async function reset(server: ViteDevServer): Promise<void> {
    handle = null;
    await db?.close();
    db = null;
    await rm(join(root, 'pglite'), { recursive: true, force: true });
    await fetch(`${simulator!.origin}/_simulator/reset`, { method: 'POST' });
    await start(server);
  }

  let ready: Promise<void> | null = null;
  const middleware =
    (server: ViteDevServer): Connect.NextHandleFunction =>
    (req, res, next) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (!isBackendPath(path)) return next();
      ready ??= start(server);
      const answer = async () => {
        await ready;
        if (path === '/_demo/info') return Response.json({ backend: `${origin}/api`, simulator: simulator!.origin });
        if (path === '/_demo/reset') {
          if (req.method !== 'POST') return new Response(null, { status: 405 });
          ready = reset(server);
          await ready;
          return new Response(null, { status: 204 });
        }
        return handle!(await toRequest(req));
      };
      answer()
        .then((response) => writeResponse(response, res))
        .catch((error: unknown) => next(error));
    };

  return {
    name: 'autopilot-demo-backend',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(middleware(server));
      server.httpServer?.once('close', () => {
        void db?.close();
        void simulator?.close();
      });
    },
  };
}
