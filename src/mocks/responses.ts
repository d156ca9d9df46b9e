import { successResponses } from '../api/guards.generated.js';
import { schemaChecks, type SchemaName } from '../api/schema-checks.generated.js';
import type { Problem, ProblemCode } from '../api/types.js';
import type { OperationId } from './operations.js';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * What the contract says is wrong with an answer of `operation`, or null: a success status it
 * does not list, or a body its schema (or Problem's, for an error) refuses. The harness holds the
 * reference backend to the contract on every answer, so a test finds a drift where it happens.
 */
export function contractBreach(operation: OperationId, status: number, body: unknown): string | null {
  const expected = successResponses[operation];
  const isSuccess = status >= 200 && status < 300;
  if (isSuccess && !(expected.statuses as readonly number[]).includes(status)) return `${operation} answered ${status}, expected one of ${expected.statuses.join(', ')}`;
  const check = isSuccess ? expected.check : schemaChecks.Problem;
  if (!check || (isSuccess && status === 204)) return null;
  const error = check(body);
  if (!error) return null;
  const schemaName = (Object.keys(schemaChecks) as SchemaName[]).find((name) => schemaChecks[name] === check);
  return `${operation} ${status} ${schemaName}: ${error}`;
}

/** The contract declares Retry-After on these: an injected problem always sends it there (1 s unless told). */
const retryAfterStatuses: ReadonlySet<number> = new Set([409, 429, 503]);

export function problemResponse({ status, code, detail, title, retryAfter }: { status: number; code: ProblemCode; detail: string; title?: string | undefined; retryAfter?: number | null | undefined }): Response {
  const body: Problem = { type: 'about:blank', title: title ?? titles[status] ?? 'Error', status, code, detail };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (retryAfterStatuses.has(status)) headers['Retry-After'] = String(retryAfter ?? 1);
  return new Response(JSON.stringify(body), { status, headers });
}

/** The success status of a first answer: the highest the operation lists (a replay is the 200 below it). */
export const firstAnswerStatus = (operation: OperationId): number => Math.max(...successResponses[operation].statuses);
