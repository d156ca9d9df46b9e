import { createBackendApp } from './app.js';
import type { BackendOptions } from './config.js';
import type { Db } from './db/adapter.js';
import type { BackendDeps } from './deps.js';
import { defaultPlatformSeed } from './platform-seed.js';
import { tokenCipher } from './token-crypto.js';

/**
 * The backend on a database already open and migrated, wherever it runs (Node, or a browser under
 * MSW with PGlite in memory): its fetch handler and the parts it runs on. `url`: where it is reached
 * (the default redirect URI and public URL derive from it).
 */
export async function createBackend(options: BackendOptions, db: Db, url: string) {
  if (!options.exactBaseUrl || !options.clientId || !options.clientSecret) throw new Error('The backend needs exactBaseUrl, clientId and clientSecret');
  const base = url.replace(/\/$/, '');
  const deps: BackendDeps = {
    config: {
      exactBaseUrl: options.exactBaseUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUri: options.redirectUri ?? `${base}/api/oauth/callback`,
      publicUrl: (options.publicUrl ?? base).replace(/\/$/, ''),
      allowedOrigins: options.allowedOrigins,
      devSessions: options.devSessions ?? false,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    },
    db,
    cipher: await tokenCipher(options.tokenKey),
    seed: options.platformSeed ?? defaultPlatformSeed(),
    now: options.now ?? (() => Date.now()),
    log: options.log ?? ((line) => console.error(`[backend] ${line}`)),
  };
  return { app: createBackendApp(deps), deps };
}
