import type { ApiError } from '../api/api-error.js';
import { rateLimitWait } from '../machine/retry-policy.js';
import type { Messages } from './messages.js';

/** The wait the element will sit out by itself, or, when too long for that, when to try again. */
function rateLimited(error: ApiError, t: Messages): string {
  const wait = rateLimitWait(error)!;
  return wait.automatic ? t.error_rateLimited(wait.seconds) : t.error_rateLimitedLater(wait.seconds);
}

/** The one sentence a user reads for a failed call: the most specific the error allows. */
export function errorMessage(error: ApiError, t: Messages): string {
  switch (error.code) {
    case null:
      break;
    case 'internal_error':
      // A gateway or an overloaded backend: say it is temporary.
      return error.status === 502 || error.status === 503 || error.status === 504 ? t.error_unavailable : t.error_server;
    case 'rate_limited':
      return rateLimited(error, t);
    default:
      return t[`error_${error.code}`];
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
      return rateLimited(error, t);
    case 502:
    case 503:
    case 504:
      return t.error_unavailable;
    default:
      return t.error_server;
  }
}
