import type { AuthorizationStatus, LoginReport } from '../api/types.js';

/** The BroadcastChannel the callback page and the element share (same origin only, by design). */
export const LOGIN_CHANNEL = 'autopilot-connect';
/** Where the element leaves the page URL to come back to after a same-tab login. */
export const RETURN_URL_KEY = 'autopilot-connect:return';

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
