import type { BackendOptions } from './config.js';
import type { Db } from './db/adapter.js';
import type { PlatformSeed } from './platform-seed.js';
import type { TokenCipher } from './token-crypto.js';

export interface ResolvedConfig extends Required<Pick<BackendOptions, 'exactBaseUrl' | 'clientId' | 'clientSecret' | 'redirectUri' | 'publicUrl'>> {
  allowedOrigins: readonly string[];
  devSessions: boolean;
  /** Every call to Exact Online (REST and token) goes through this. */
  fetch: typeof fetch;
}

/** Everything a request handler may use; no module-level state, so two apps never share anything. */
export interface BackendDeps {
  config: ResolvedConfig;
  db: Db;
  cipher: TokenCipher;
  seed: PlatformSeed;
  now: () => number;
  log: (line: string) => void;
}
