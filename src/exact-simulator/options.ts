import { defaultSeed, type Seed } from './seed.js';
import type { Fault } from './faults.js';

/** An app as registered with Exact Online (in the app centre). */
export interface RegisteredApp {
  clientId: string;
  clientSecret: string;
  /** Matched exactly; https, or http only on a loopback host (dev and tests). */
  redirectUris: readonly string[];
  /** Shown on the consent page. */
  name?: string;
}

/** Exact's time and quota rules, in one place so a test can read what it is up against. */
export interface Limits {
  /** An authorization code lives about 3 minutes. */
  codeLifetimeMs: number;
  /** Access tokens live 10 minutes (`expires_in` "600"). */
  accessTokenLifetimeMs: number;
  /** A refresh before the access token is 9.5 minutes old is refused. */
  refreshNotBeforeMs: number;
  /** An unused refresh token expires after about 30 days. */
  refreshTokenLifetimeMs: number;
  /** OData pages of 60 rows. */
  pageSize: number;
  /** REST calls per app per company. */
  callsPerMinute: number;
  callsPerDay: number;
  /** Token calls per app per Exact user per day. */
  tokenCallsPerDay: number;
}

export const exactLimits: Limits = {
  codeLifetimeMs: 3 * 60_000,
  accessTokenLifetimeMs: 10 * 60_000,
  refreshNotBeforeMs: 9.5 * 60_000,
  refreshTokenLifetimeMs: 30 * 24 * 3_600_000,
  pageSize: 60,
  callsPerMinute: 60,
  callsPerDay: 5_000,
  tokenCallsPerDay: 200,
};

export interface SimulatorOptions {
  /** The registered app(s). Here one registration is valid on every country host. */
  apps: readonly RegisteredApp[];
  /** The world: companies, users, divisions, mailboxes (default: defaultSeed()). */
  seed?: () => Seed;
  /** Seeds the generator for tokens, codes and ids (default 1). */
  randomSeed?: number;
  /** The clock in epoch ms (default Date.now); tests pass a controllable one. */
  now?: () => number;
  /** Faults pending from the start. */
  faults?: readonly Fault[];
  limits?: Partial<Limits>;
  /** Where a shared origin mounts the simulator (e.g. `/mock/default/exact`); default the root. */
  basePath?: string;
}

export interface ResolvedOptions {
  apps: readonly RegisteredApp[];
  seed: () => Seed;
  randomSeed: number;
  now: () => number;
  faults: readonly Fault[];
  limits: Limits;
  basePath: string;
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks the registration as Exact's app centre would, so a wrong setup fails at once, not at the first login. */
export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  if (options.apps.length === 0) throw new Error('Exact simulator: register at least one app (apps: [{ clientId, clientSecret, redirectUris }])');
  for (const app of options.apps) {
    if (!app.clientId || !app.clientSecret) throw new Error('Exact simulator: an app needs a clientId and a clientSecret');
    for (const uri of app.redirectUris) {
      const url = new URL(uri);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback.has(url.hostname))) {
        throw new Error(`Exact simulator: redirect URI ${uri} must be https (http only on localhost/127.0.0.1)`);
      }
    }
  }
  return {
    apps: options.apps,
    seed: options.seed ?? (() => defaultSeed()),
    randomSeed: options.randomSeed ?? 1,
    now: options.now ?? (() => Date.now()),
    faults: options.faults ?? [],
    limits: { ...exactLimits, ...options.limits },
    basePath: (options.basePath ?? '').replace(/\/$/, ''),
  };
}
