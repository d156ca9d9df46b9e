/**
 * Exact Online's country hosts. A request is told apart by its URL's host; when every host is
 * served from one origin (dev, tests, the demo) the region is the first path segment instead:
 * `http://127.0.0.1:5174/nl/api/oauth2/auth` stands for `https://start.exactonline.nl/api/oauth2/auth`.
 */
import { exactHosts } from '../api/exact-hosts.js';
import { regionValues } from '../api/guards.generated.js';
import type { Region } from '../api/types.js';

/** The contract's regions, each with its real host (src/api/exact-hosts.ts). */
export const regions = regionValues;
export type { Region };
export { exactHosts };

export const isRegion = (value: string): value is Region => (regions as readonly string[]).includes(value);

export interface RoutedRequest {
  region: Region;
  /** The path as the real host would see it, e.g. `/api/v1/current/Me`. */
  path: string;
  /** What the real host's origin is here: `https://start.exactonline.nl` or `http://127.0.0.1:5174/nl`. */
  base: string;
}

/**
 * Which country host a URL addresses, or null when it addresses none. `basePath`: where a shared
 * origin mounts the simulator (`/mock/default/exact`); the region is the segment after it.
 */
export function routeRequest(url: URL, basePath = ''): RoutedRequest | null {
  const byHost = (Object.keys(exactHosts) as Region[]).find((region) => exactHosts[region] === url.hostname);
  if (byHost) return { region: byHost, path: url.pathname, base: url.origin };
  if (!url.pathname.startsWith(`${basePath}/`)) return null;
  const [, first, ...rest] = url.pathname.slice(basePath.length).split('/');
  if (first === undefined || !isRegion(first)) return null;
  return { region: first, path: `/${rest.join('/')}`, base: `${url.origin}${basePath}/${first}` };
}

/** The base URL of a region's host on a shared origin (`http://127.0.0.1:5174` → `…/nl`). */
export const regionBase = (origin: string, region: Region): string => `${origin.replace(/\/$/, '')}/${region}`;
