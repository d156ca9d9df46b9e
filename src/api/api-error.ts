import type { ProblemCode } from './types.js';

/** Why a call failed, from the element's point of view. */
export const ApiErrorKind = {
  /** No response: offline, DNS, CORS, connection reset. */
  network: 'network',
  /** No response within the client's timeout. */
  timeout: 'timeout',
  /** A problem+json body (its code known to this version or not). */
  problem: 'problem',
  /** An error status without a usable problem body. */
  http: 'http',
  /** The body is not JSON. */
  malformed: 'malformed',
  /** JSON that breaks the contract. */
  contract: 'contract',
} as const;
export type ApiErrorKind = (typeof ApiErrorKind)[keyof typeof ApiErrorKind];

/** The only error the API client rejects with. Plain data, so it can live in machine context. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    readonly operation: string,
    readonly status: number | null = null,
    readonly code: ProblemCode | null = null,
    /** Seconds to wait before retrying (Retry-After on a 429, 409 or 503). */
    readonly retryAfter: number | null = null,
    readonly detail = '',
    /** The problem's human-readable title: what the user reads for a code this version does not know (untrusted text). */
    readonly title: string | null = null,
  ) {
    super(`${operation}: ${kind}${status ? ` ${status}` : ''}${code ? ` ${code}` : ''}${detail ? ` (${detail})` : ''}`);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
