import { exactHosts } from '../api/exact-hosts.js';
import type { Region } from './contract.js';
import type { PlatformSeed } from './platform-seed.js';

export interface BackendOptions {
  /** `https://start.exactonline.nl` (any real host: each region gets its own) or a simulator's origin. */
  exactBaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** As registered with Exact; default `${url}/api/oauth/callback` of the started server. */
  redirectUri?: string;
  /** Where the browser reaches this backend (for the callback page); default its own URL. */
  publicUrl?: string;
  /** The platform's page origins: CORS and the returnOrigin allow-list. */
  allowedOrigins: readonly string[];
  /** 32 bytes, base64: the AES-GCM key tokens are encrypted with at rest. */
  tokenKey: string;
  /** A PostgreSQL server; without it PGlite (in `dataDir`, or in memory). */
  databaseUrl?: string;
  dataDir?: string;
  /** `GET /_dev/users` and `POST /_dev/session`: sign in as a seeded platform user (never in production). */
  devSessions?: boolean;
  platformSeed?: PlatformSeed;
  /** The clock in epoch ms (default Date.now). */
  now?: () => number;
  /**
   * How calls to Exact Online go out (default the global fetch). In a browser under MSW the
   * simulator's handler is passed here, so the backend's own calls do not loop through the worker.
   */
  fetch?: typeof fetch;
  /** Where log lines go (default console.error); they never carry a token. */
  log?: (line: string) => void;
}

const realHost = /^start\.exactonline\.[a-z.]+$/;


/**
 * The base of a region's host: on the real Exact Online each region has its own host; a simulator
 * serves them all from one origin with the region as the first path segment.
 */
export function regionBaseUrl(exactBaseUrl: string, region: Region): string {
  const url = new URL(exactBaseUrl);
  if (realHost.test(url.hostname)) return `https://${exactHosts[region]}`;
  return `${exactBaseUrl.replace(/\/$/, '')}/${region}`;
}

/** Plain http is allowed only to a loopback simulator: oauth4webapi refuses it otherwise. */
export const isLoopbackHttp = (exactBaseUrl: string): boolean => {
  const url = new URL(exactBaseUrl);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
};
