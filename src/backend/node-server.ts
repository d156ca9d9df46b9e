import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createBackend } from './backend.js';
import { callbackFile } from './callback-page.js';
import type { BackendOptions } from './config.js';
import type { Db } from './db/adapter.js';
import { migrate } from './db/migrations.js';
import { openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
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
  // Checked before the database opens, so a wrong key fails at once and leaves nothing open.
  await tokenCipher(options.tokenKey);
  const db = await openDatabase(options);
  let handle: (request: Request) => Response | Promise<Response> = () => new Response('Starting', { status: 503 });
  const server = serve({
    hostname: '127.0.0.1',
    port: options.port ?? 0,
    fetch: (request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'GET' && (path === '/callback.html' || path.startsWith('/callback/'))) return callbackFile(distCallback, path);
      return handle(request);
    },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      if (server.listening) resolve();
      server.once('listening', () => resolve());
      server.once('error', reject);
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  // The port is known only now: the default redirect URI and public URL are this server's.
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { app } = await createBackend(options, db, url);
  handle = (request) => app.fetch(request);
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
