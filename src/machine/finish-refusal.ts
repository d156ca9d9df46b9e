import type { ApiError } from '../api/api-error.js';

/** A way on after `Afronden` failed for good: another administration, or a new Exact login. */
export type FinishWay = 'another' | 'login';

/**
 * The refusals of `createConnection` that a second try cannot change, and what helps instead.
 * The administration's own (Exact says no for a reason that stays: blocked, a trial licence, a
 * mailbox elsewhere) want another administration; the Exact user's (no access, no right to make a
 * Digitale Brievenbus, not granted) also a new login, with more consent or as another user; a
 * lapsed grant only a new login; the organisation's none here (the way on is `Terug`).
 */
const refusals: Readonly<Record<string, readonly FinishWay[]>> = {
  division_already_connected: ['another'],
  division_blocked: ['another'],
  mailbox_linked_elsewhere: ['another'],
  trial_licence: ['another'],
  division_unavailable: ['another', 'login'],
  division_not_granted: ['another', 'login'],
  no_division_access: ['another', 'login'],
  mailbox_forbidden: ['another', 'login'],
  authorization_expired: ['login'],
  authorization_revoked: ['login'],
  authorization_not_authorized: ['login'],
  organisation_blocked: [],
  organisation_already_connected: [],
  organisation_without_kvk: [],
};

/**
 * What helps after this failure: null when trying again may (the network, a 5xx, a 429, a key
 * in flight, a code this version does not know), else the ways on that do.
 */
export const finishRefusal = (error: ApiError | null): readonly FinishWay[] | null =>
  (error?.code && Object.hasOwn(refusals, error.code) ? refusals[error.code]! : null);
