/**
 * The callback page's side of a same-tab login's return address: the page the element left for
 * the login, where the tab goes back to. It lives in sessionStorage, of which a popup receives a
 * copy when it opens — so a stale address could send a popup (severed from its opener by a
 * Cross-Origin-Opener-Policy, so looking like a same-tab login) to a second copy of the platform.
 * Hence the rule: an address is bound to the login it was made for, expires after an hour
 * (RETURN_ADDRESS_LIFETIME_MS), is taken once, and is never used in a window that has an opener.
 * The element writes it, and clears its own when it starts again (resume-storage.ts).
 */
import { RETURN_URL_KEY, type ReturnAddress } from './login-message.js';

/** The address to go back to after the report of `authorizationId`, or null (the page then closes). */
export function takeReturnAddress(
  storage: () => Storage,
  report: { authorizationId: string; hasOpener: boolean; origin: string; now: number },
): string | null {
  try {
    const store = storage();
    const address = JSON.parse(store.getItem(RETURN_URL_KEY) ?? 'null') as Partial<ReturnAddress> | null;
    store.removeItem(RETURN_URL_KEY);
    if (report.hasOpener || address?.authorizationId !== report.authorizationId) return null;
    if (typeof address.url !== 'string' || !(Number(address.expiresAt) > report.now)) return null;
    const url = new URL(address.url, report.origin);
    return url.origin === report.origin ? url.href : null;
  } catch {
    return null;
  }
}
