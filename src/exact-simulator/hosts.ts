/**
 * Exact Online's country hosts. A request is told apart by its URL's host; when every host is
 * served from one origin (dev, tests, the demo) the region is the first path segment instead:
 * `http://127.0.0.1:5174/nl/api/oauth2/auth` stands for `https://start.exactonline.nl/api/oauth2/auth`.
 */
export const regions = ['nl', 'be', 'de', 'uk', 'com', 'es', 'fr'] as const;
export type Region = (typeof regions)[number];

/** The real host of each region (the UK one is `co.uk`, not `uk`). */
export const exactHosts: Readonly<Record<Region, string>> = {
  nl: 'start.exactonline.nl',
  be: 'start.exactonline.be',
  de: 'start.exactonline.de',
  uk: 'start.exactonline.co.uk',
  com: 'start.exactonline.com',
  es: 'start.exactonline.es',
  fr: 'start.exactonline.fr',
};

export const isRegion = (value: string): value is Region => (regions as readonly string[]).includes(value);

export interface RoutedRequest {
  region: Region;
  /** The path as the real host would see it, e.g. `/api/v1/current/Me`. */
  path: string;
  /** What the real host's origin is here: `https://start.exactonline.nl` or `http://127.0.0.1:5174/nl`. */
  base: string;
}

/** Which country host a URL addresses, or null when it addresses none. */
export function routeRequest(url: URL): RoutedRequest | null {
  const byHost = (Object.keys(exactHosts) as Region[]).find((region) => exactHosts[region] === url.hostname);
  if (byHost) return { region: byHost, path: url.pathname, base: url.origin };
  const [, first, ...rest] = url.pathname.split('/');
  if (first === undefined || !isRegion(first)) return null;
  return { region: first, path: `/${rest.join('/')}`, base: `${url.origin}/${first}` };
}

/** The base URL of a region's host on a shared origin (`http://127.0.0.1:5174` → `…/nl`). */
export const regionBase = (origin: string, region: Region): string => `${origin.replace(/\/$/, '')}/${region}`;
