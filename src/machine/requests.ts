import { ApiError, isApiError } from '../api/api-error.js';
import { automaticRetryDelayMs, backedOff, rateLimitWait } from './retry-policy.js';

/**
 * What every request state of both machines (the connect flow and its Exact login) shares: how a
 * failure is kept for the view, how a run of 429s backs off, and the automatic retry after one.
 * Each machine registers these under the same names in its `setup`.
 */
export interface RequestContext {
  error: ApiError | null;
  /** 429 answers in a row, for the backoff of automatic retries (retry-policy). */
  rateLimited: number;
}

/** Anything a request actor throws that is not an ApiError is a bug in the actor; still show it. */
export const toApiError = (error: unknown, operation: string): ApiError =>
  isApiError(error) ? error : new ApiError('contract', operation, null, null, null, String(error));

/** A 429 or a key in flight extends the run of them (its wait backed off, see retry-policy); any other failure ends it. */
export const rememberedError = (context: RequestContext, failure: unknown, operation: string): RequestContext => {
  const error = toApiError(failure, operation);
  const rateLimited = rateLimitWait(error) !== null ? context.rateLimited + 1 : 0;
  return { error: rateLimited ? backedOff(error, rateLimited) : error, rateLimited };
};

/** A request that answered (or was left) ends the run of 429s; one that failed leaves it to rememberError. */
export const rateLimitRunAfter = (context: RequestContext, eventType: string): number =>
  eventType.startsWith('xstate.error.actor') ? context.rateLimited : 0;

/** The `retryAfter` delay. */
export const retryDelay = ({ context }: { context: RequestContext }) => automaticRetryDelayMs(context.error);

/** The `isRetriedAutomatically` guard: this failure is a 429 the element sits out by itself. */
export const isRetriedAutomatically = ({ context }: { context: RequestContext }) => rateLimitWait(context.error)?.automatic === true;

/** The actions of every failed request: keep the error for the view, tell the host. */
export const failedRequest = (operation: string) =>
  [{ type: 'rememberError', params: ({ event }: { event: { error: unknown } }) => ({ error: event.error, operation }) }, 'reportError'] as const;

/** Automatic retry after a 429, once per bounded wait (see retry-policy): raise the state's own `user.retry`. */
export const retryWhenRateLimited = {
  after: { retryAfter: { guard: 'isRetriedAutomatically' as const, actions: 'raiseRetry' as const } },
};

export const notProvided = (name: string) => () => {
  throw new Error(`The connect machine's "${name}" actor was not provided.`);
};
