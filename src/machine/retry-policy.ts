import { ApiError } from '../api/api-error.js';

/**
 * How long the element waits after a 429 before it retries by itself, whatever the backend's
 * Retry-After says: never at once (0, a date in the past), never so long that a timer
 * overflows (setTimeout wraps around after about 25 days and fires at once), so that every
 * wait brings at most one automatic retry and a rate-limited backend never meets a storm.
 */

/** A 429 without a usable Retry-After waits this long before retrying by itself. */
export const DEFAULT_RETRY_AFTER_S = 30;
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

/** The wait a 429 asks for, bounded; null for any other error. */
export function rateLimitWait(error: ApiError | null): RateLimitWait | null {
  if (error?.status !== 429) return null;
  const asked = error.retryAfter !== null && Number.isFinite(error.retryAfter) ? error.retryAfter : DEFAULT_RETRY_AFTER_S;
  const seconds = Math.max(MIN_RETRY_AFTER_S, Math.ceil(asked));
  return { seconds, automatic: seconds <= MAX_AUTOMATIC_RETRY_AFTER_S };
}

/**
 * The n-th 429 in a row waits at least the floor doubled n - 1 times (1, 2, 4 … s, up to the
 * ceiling), whatever Retry-After says, so a backend that keeps saying "now" is asked less and
 * less often. The error keeps the wait the element will sit out, so the message says it.
 */
export function backedOff(error: ApiError, run: number): ApiError {
  const floor = Math.min(MIN_RETRY_AFTER_S * 2 ** (run - 1), MAX_AUTOMATIC_RETRY_AFTER_S);
  return floor <= rateLimitWait(error)!.seconds
    ? error
    : new ApiError(error.kind, error.operation, error.status, error.code, floor, error.detail);
}

/** Milliseconds until the automatic retry; never beyond the ceiling, so the timer stays sane. */
export const automaticRetryDelayMs = (error: ApiError | null): number =>
  Math.min(rateLimitWait(error)?.seconds ?? DEFAULT_RETRY_AFTER_S, MAX_AUTOMATIC_RETRY_AFTER_S) * 1000;
