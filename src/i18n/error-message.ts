import type { ApiError } from '../api/api-error.js';
import { knownProblemCodeValues } from '../api/guards.generated.js';
import type { KnownProblemCode } from '../api/types.js';
import { isInFlight, rateLimitWait } from '../machine/retry-policy.js';
import type { FirstMessages } from './first-messages.js';

/** The codes whose message depends on more than the code (the status, the wait). */
type CodeWithOwnRule = 'internal_error' | 'rate_limited' | 'idempotency_key_in_flight';
/** Every other known code has its own plain message: the type checker keeps the list complete. */
type PlainCode = Exclude<KnownProblemCode, CodeWithOwnRule>;

const knownCodes: ReadonlySet<string> = new Set(knownProblemCodeValues);

/** The longest part of a backend's title a user reads: enough for a sentence, not for a page. */
const MAX_TITLE_LENGTH = 120;

/**
 * A problem's title, from a backend newer than this element, as text a user can read in a
 * sentence: no control or direction-override characters, one line, bounded, isolated from the
 * sentence around it. (It is rendered as text, never as markup.)
 */
export function sanitisedTitle(title: string): string {
  const plain = title
    // C0/C1 controls, and the bidirectional embeddings, overrides and isolates that could reorder the sentence.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const bounded = plain.length > MAX_TITLE_LENGTH ? `${plain.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…` : plain;
  return `\u2068${bounded}\u2069`;
}

/** The wait the element will sit out by itself, or, when too long for that, when to try again. */
function waitMessage(error: ApiError, automatic: (seconds: number) => string, later: (seconds: number) => string): string {
  const wait = rateLimitWait(error)!;
  return wait.automatic ? automatic(wait.seconds) : later(wait.seconds);
}

/** The one sentence a user reads for a failed call: the most specific the error allows. */
export function errorMessage(error: ApiError, t: FirstMessages): string {
  if (error.code !== null) {
    if (error.code === 'internal_error') {
      // A gateway or an overloaded backend: say it is temporary.
      return error.status === 502 || error.status === 503 || error.status === 504 ? t.error_unavailable : t.error_server;
    }
    if (error.code === 'rate_limited') return waitMessage(error, t.error_rateLimited, t.error_rateLimitedLater);
    if (isInFlight(error)) return waitMessage(error, t.error_idempotency_key_in_flight, t.error_idempotency_key_in_flightLater);
    if (knownCodes.has(error.code) && error.code !== 'idempotency_key_in_flight') return t[`error_${error.code as PlainCode}`];
    // Open-ended codes: one a newer backend added. Its title says what happened; the way on is generic.
    const title = error.title?.trim() ? sanitisedTitle(error.title) : null;
    if (title && title !== '\u2068\u2069') return t.error_unknown(title);
  }
  if (error.kind === 'network') return t.error_network;
  if (error.kind === 'timeout') return t.error_timeout;
  if (error.kind === 'malformed' || error.kind === 'contract') return t.error_malformed;
  switch (error.status) {
    case 401:
      return t.error_unauthenticated;
    case 403:
      return t.error_forbidden;
    case 404:
      return t.error_not_found;
    case 429:
      return waitMessage(error, t.error_rateLimited, t.error_rateLimitedLater);
    case 502:
    case 503:
    case 504:
      return t.error_unavailable;
    default:
      return t.error_server;
  }
}
