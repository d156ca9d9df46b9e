import type { ApiError } from '../api/api-error.js';

/** What helps after `Afronden` failed for good: another administration, a new Exact login, or either. */
export interface FinishRefusal {
  another: boolean;
  login: boolean;
}

/** Exact said no for a reason of the administration's own (and of the Exact user's: no access, no right to make a Digitale Brievenbus, not granted). */
const ANOTHER = /^(division_(already_connected|blocked|unavailable|not_granted)|no_division_access|mailbox_(forbidden|linked_elsewhere)|trial_licence)$/;
/** A new login helps: with more consent, as another Exact user, or for a grant that lapsed (every `authorization_…`). */
const LOGIN = /^(authorization_|(division_(unavailable|not_granted)|no_division_access|mailbox_forbidden)$)/;

/**
 * The refusals of `createConnection` a second try cannot change, and what helps instead; null when
 * trying again may (the network, a 5xx, a 429, a key in flight, a code this version does not know).
 * The organisation's own (`organisation_…`) are refusals too, whose way on is `Terug`.
 */
export function finishRefusal(error: ApiError | null): FinishRefusal | null {
  const code = error?.code ?? '';
  const refusal = { another: ANOTHER.test(code), login: LOGIN.test(code) };
  return refusal.another || refusal.login || code.startsWith('organisation_') ? refusal : null;
}
