import { ApiError } from '../api/api-error.js';

/**
 * How long the element waits after a 429 (or a 409 `idempotency_key_in_flight`: the first
 * request with this key still runs) before it retries by itself, with the same request, whatever the backend's
 * Retry-After says: never at once (0, a date in the past), never so long that a timer
 * overflows (setTimeout wraps around after about 25 days and fires at once), so that every
 * wait brings at most one automatic retry and a rate-limited backend never meets a storm.
 */

/** A 429 without a usable Retry-After waits this long before retrying by itself. */
export const DEFAULT_RETRY_AFTER_S = 30;
/** A key in flight without a usable Retry-After: its first request is likely about done. */
export const DEFAULT_IN_FLIGHT_RETRY_AFTER_S = 2;

/** A 409 that only says "the first request with this key still runs": retried like a 429, same key. */
export const isInFlight = (error: ApiError | null): boolean => error?.status === 409 && error.code === 'idempotency_key_in_flight';
/** The shortest wait before an automatic retry. */
export const MIN_RETRY_AFTER_S = 1;
/** The longest wait the element sits out by itself; beyond it the user retries when told. */
export const MAX_AUTOMATIC_RETRY_AFTER_S = 120;

export interface RateLimitWait {
  /** Seconds to wait, at least the floor. */
  seconds: number;
  /** Retried by the element after `seconds`; otherwise only by the user. */
  automatic: boolean;
}

/** The wait a 429 or a key in flight asks for, bounded; null for any other error. */
export function rateLimitWait(error: ApiError | null): RateLimitWait | null {
  const inFlight = isInFlight(error);
  if (error?.status !== 429 && !inFlight) return null;
  const fallback = inFlight ? DEFAULT_IN_FLIGHT_RETRY_AFTER_S : DEFAULT_RETRY_AFTER_S;
  const asked = error!.retryAfter !== null && Number.isFinite(error!.retryAfter) ? error!.retryAfter : fallback;
  const seconds = Math.max(MIN_RETRY_AFTER_S, Math.ceil(asked));
  return { seconds, automatic: seconds <= MAX_AUTOMATIC_RETRY_AFTER_S };
}

/**
 * The n-th 429 (or key in flight) in a row waits at least the floor doubled n - 1 times (1, 2, 4 … s, up to the
 * ceiling), whatever Retry-After says, so a backend that keeps saying "now" is asked less and
 * less often. The error keeps the wait the element will sit out, so the message says it.
 */
export function backedOff(error: ApiError, run: number): ApiError {
  const floor = Math.min(MIN_RETRY_AFTER_S * 2 ** (run - 1), MAX_AUTOMATIC_RETRY_AFTER_S);
  return floor <= rateLimitWait(error)!.seconds
    ? error
    : new ApiError(error.kind, error.operation, error.status, error.code, floor, error.detail, error.title);
}

/** Milliseconds until the automatic retry; never beyond the ceiling, so the timer stays sane. */
export const automaticRetryDelayMs = (error: ApiError | null): number =>
  Math.min(rateLimitWait(error)?.seconds ?? DEFAULT_RETRY_AFTER_S, MAX_AUTOMATIC_RETRY_AFTER_S) * 1000;
