import type { AuthorizationStatus, LoginReport } from '../api/types.js';

/** The BroadcastChannel the callback page and the element share (same origin only, by design). */
export const LOGIN_CHANNEL = 'autopilot-connect';
/** Where the element leaves the page to come back to after a same-tab login (see return-address.ts). */
export const RETURN_URL_KEY = 'autopilot-connect:return';

/**
 * How long a return address counts: an hour, longer than a login may stay open, so a slow
 * same-tab user is not stranded at the callback page. Binding it to its login (and using it
 * once) already keeps it from sending a later window anywhere.
 */
export const RETURN_ADDRESS_LIFETIME_MS = 60 * 60 * 1000;

/** What is kept under RETURN_URL_KEY. */
export interface ReturnAddress {
  url: string;
  /** The login it was made for: only that login's report may use it. */
  authorizationId: string;
  /** Milliseconds since the epoch after which it no longer counts. */
  expiresAt: number;
  /** The resume record of the element that made it, so the element can clear its own. */
  scope: string;
}

const statuses: readonly AuthorizationStatus[] = ['pending', 'authorized', 'denied', 'expired', 'failed'];

/** A report is only what it claims to be if every field has the expected shape. */
export function parseLoginReport(data: unknown): LoginReport | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, authorizationId, status } = data as Record<string, unknown>;
  if (type !== 'autopilot-connect:login') return null;
  if (typeof authorizationId !== 'string' || authorizationId.length === 0 || authorizationId.length > 200) return null;
  if (!statuses.includes(status as AuthorizationStatus)) return null;
  return { type, authorizationId, status: status as AuthorizationStatus };
}
