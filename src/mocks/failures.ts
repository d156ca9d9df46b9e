import { checkProblemCode, successResponses } from '../api/guards.generated.js';
import type { ProblemCode } from '../api/types.js';
import type { OperationId, RouteOperation } from './operations.js';
import { firstAnswerStatus, problemResponse } from './responses.js';

/** Problem statuses a test may inject, with the code each gets unless the test names one. */
const defaultCodes = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'idempotency_key_in_flight',
  422: 'idempotency_key_reused',
  500: 'internal_error',
  502: 'internal_error',
  503: 'internal_error',
} as const satisfies Record<number, ProblemCode>;

export type InjectedProblemStatus = keyof typeof defaultCodes;

/**
 * How an injected failure answers:
 * - `{ status, code?, title?, retryAfter? }`: an application/problem+json with that status (code
 *   defaults per status; any code of the contract's pattern, so a code newer than the element can
 *   be sent; a 409 or 503 carries Retry-After, 1 s unless given);
 * - `{ status: 429, retryAfter }`: a `rate_limited` problem with a Retry-After header (seconds);
 * - `'network'`: no HTTP answer at all (MSW: `HttpResponse.error()`; the Vite server: the socket is destroyed);
 * - `'malformed-json'`: the success status with the truncated body `{"items": [` as application/json;
 * - `'contract-violation'`: the success status with well-formed JSON that breaks the contract's schema;
 * - `'html'`: a 502 HTML error page, as a proxy in front of the backend would send;
 * - `{ delayMs }`: the normal answer, after a delay;
 * - `'after-commit-network'`: the operation runs (a connection IS created, its idempotency record kept),
 *   then the answer is lost as a network error: the retry with the same Idempotency-Key must find it.
 */
export type InjectedFailureKind =
  | { status: InjectedProblemStatus; code?: ProblemCode; detail?: string; title?: string; retryAfter?: number }
  | { status: 429; retryAfter: number; detail?: string }
  | { delayMs: number }
  | 'network'
  | 'malformed-json'
  | 'contract-violation'
  | 'html'
  | 'after-commit-network';

export interface FailureInjection {
  /** The contract's operationId (or `oauthCallback`); `'*'` for whichever operation is called next. */
  operation: RouteOperation | '*';
  /** How many calls it fails, 1 unless given; `Infinity` (or `'always'`, e.g. over HTTP) until cleared. */
  times?: number | 'always';
  kind: InjectedFailureKind;
}

/** An injection as the backend keeps it: calls left to fail. */
export interface PendingFailure {
  operation: RouteOperation | '*';
  remaining: number;
  kind: InjectedFailureKind;
}

const stringKinds = new Set(['network', 'malformed-json', 'contract-violation', 'html', 'after-commit-network']);

export const operationIds = [...Object.keys(successResponses), 'oauthCallback'] as RouteOperation[];

/** Checks an injection (from a test, or JSON over HTTP); throws a TypeError saying what is wrong. */
export function parseInjection(value: unknown): PendingFailure {
  if (typeof value !== 'object' || value === null) throw new TypeError('an injection is an object { operation, times?, kind }');
  const { operation, times = 1, kind } = value as Record<string, unknown>;
  if (operation !== '*' && !operationIds.includes(operation as RouteOperation)) {
    throw new TypeError(`operation must be one of ${operationIds.join(', ')} or '*', not ${String(operation)}`);
  }
  const remaining = times === 'always' || times === null ? Infinity : times;
  if (typeof remaining !== 'number' || !(remaining === Infinity || (Number.isInteger(remaining) && remaining >= 1))) {
    throw new TypeError(`times must be a whole number from 1, Infinity or 'always', not ${String(times)}`);
  }
  return { operation: operation as RouteOperation | '*', remaining, kind: parseKind(kind) };
}

function parseKind(kind: unknown): InjectedFailureKind {
  if (typeof kind === 'string') {
    if (stringKinds.has(kind)) return kind as InjectedFailureKind;
    throw new TypeError(`kind ${kind} is not one of ${[...stringKinds].join(', ')}`);
  }
  if (typeof kind !== 'object' || kind === null) throw new TypeError('kind is missing');
  const { status, code, detail, title, retryAfter, delayMs } = kind as Record<string, unknown>;
  if (detail !== undefined && typeof detail !== 'string') throw new TypeError('detail must be a string');
  if (title !== undefined && typeof title !== 'string') throw new TypeError('title must be a string');
  if (delayMs !== undefined) {
    if (typeof delayMs !== 'number' || !(delayMs >= 0)) throw new TypeError('delayMs must be a number of milliseconds');
    return { delayMs };
  }
  if (status === 429) {
    if (typeof retryAfter !== 'number' || !Number.isInteger(retryAfter) || retryAfter < 0) {
      throw new TypeError('a 429 needs retryAfter: whole seconds');
    }
    return { status, retryAfter, ...(detail === undefined ? {} : { detail }) };
  }
  if (typeof status === 'number' && status in defaultCodes) {
    if (code !== undefined && checkProblemCode(code) !== null) {
      throw new TypeError(`code must be a ProblemCode of the contract (lowercase letters, digits and _), not ${String(code)}`);
    }
    if (retryAfter !== undefined && (typeof retryAfter !== 'number' || !Number.isInteger(retryAfter) || retryAfter < 0)) {
      throw new TypeError('retryAfter must be whole seconds');
    }
    return {
      status: status as InjectedProblemStatus,
      ...(code === undefined ? {} : { code: code as ProblemCode }),
      ...(detail === undefined ? {} : { detail }),
      ...(title === undefined ? {} : { title: title as string }),
      ...(retryAfter === undefined ? {} : { retryAfter: retryAfter as number }),
    };
  }
  throw new TypeError(`status must be one of ${Object.keys(defaultCodes).join(', ')} or 429, not ${String(status)}`);
}

/** What the failure sends instead of the real answer (none for `delayMs` and `after-commit-network`). */
export function failureResponse(kind: InjectedFailureKind, operation: RouteOperation): Response {
  if (kind === 'network' || kind === 'after-commit-network') return Response.error();
  const success = operation === 'oauthCallback' ? null : firstAnswerStatus(operation as OperationId);
  // A 204 cannot carry a body; the broken bodies come with a 200 then.
  const status = success && success !== 204 ? success : 200;
  if (kind === 'malformed-json') {
    return new Response('{"items": [', { status, headers: { 'Content-Type': 'application/json' } });
  }
  if (kind === 'contract-violation') {
    // Well-formed JSON that no success schema accepts: required fields missing, the rest mistyped.
    const body = { id: 42, items: 'none', status: 'sideways', unexpected: true };
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }
  if (kind === 'html') {
    const html = '<!doctype html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n';
    return new Response(html, { status: 502, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
  if ('delayMs' in kind) throw new Error('failureResponse: a delay answers normally');
  const detail = kind.detail ?? `Simulated failure of ${operation}.`;
  if (kind.status === 429) {
    const response = problemResponse({ status: 429, code: 'rate_limited', detail });
    response.headers.set('Retry-After', String(kind.retryAfter));
    return response;
  }
  return problemResponse({
    status: kind.status,
    code: kind.code ?? defaultCodes[kind.status],
    detail,
    title: kind.title,
    retryAfter: kind.retryAfter,
  });
}
