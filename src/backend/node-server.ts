import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createBackendApp } from './app.js';
import { callbackFile } from './callback-page.js';
import type { BackendOptions } from './config.js';
import type { Db } from './db/adapter.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
import type { BackendDeps } from './deps.js';
import { defaultPlatformSeed } from './platform-seed.js';
import { tokenCipher } from './token-crypto.js';

export type { BackendOptions } from './config.js';

export interface StartedBackend {
  /** e.g. `http://127.0.0.1:41234`; the API is `${url}/api`. */
  url: string;
  close: () => Promise<void>;
}

const distCallback = fileURLToPath(new URL('../../dist/callback/', import.meta.url));

/** Opens the database the options name (a server, a PGlite folder, or PGlite in memory) and migrates it. */
export async function openDatabase(options: Pick<BackendOptions, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(options.dataDir);
  await migrate(db);
  return db;
}

/** The reference backend on @hono/node-server, 127.0.0.1 (port 0: a free one). */
export async function startBackend(options: BackendOptions & { port?: number }): Promise<StartedBackend> {
  if (!options.exactBaseUrl || !options.clientId || !options.clientSecret) throw new Error('startBackend needs exactBaseUrl, clientId and clientSecret');
  const cipher = await tokenCipher(options.tokenKey);
  const db = await openDatabase(options);
  const config = { exactBaseUrl: options.exactBaseUrl, clientId: options.clientId, clientSecret: options.clientSecret, redirectUri: '', publicUrl: '', allowedOrigins: options.allowedOrigins, devSessions: options.devSessions ?? false };
  const deps: BackendDeps = { config, db, cipher, seed: options.platformSeed ?? defaultPlatformSeed(), now: options.now ?? (() => Date.now()), log: options.log ?? ((line) => console.error(`[backend] ${line}`)) };
  const app = createBackendApp(deps);
  const server = serve({
    hostname: '127.0.0.1',
    port: options.port ?? 0,
    fetch: (request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && (path === '/callback.html' || path.startsWith('/callback/'))) return callbackFile(distCallback, path);
      return app.fetch(request);
    },
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Known only now that the port is: the redirect URI and public URL default to this server.
  config.redirectUri = options.redirectUri ?? `${url}/api/oauth/callback`;
  config.publicUrl = (options.publicUrl ?? url).replace(/\/$/, '');
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
