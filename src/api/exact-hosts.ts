import type { Region } from './types.js';

/**
 * Exact Online's host for each of the contract's regions (the UK one is `co.uk`, not `uk`): one
 * table, read by the reference backend (where a login goes) and the simulator (which host a
 * request addresses).
 */
export const exactHosts: Readonly<Record<Region, string>> = {
  nl: 'start.exactonline.nl',
  be: 'start.exactonline.be',
  de: 'start.exactonline.de',
  uk: 'start.exactonline.co.uk',
  com: 'start.exactonline.com',
  es: 'start.exactonline.es',
  fr: 'start.exactonline.fr',
};
