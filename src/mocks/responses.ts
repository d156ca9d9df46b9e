import { successResponses } from '../api/guards.generated.js';
import { schemaChecks, type SchemaName } from '../api/schema-checks.generated.js';
import type { Problem } from '../api/types.js';
import type { MockProblem } from './problem.js';

export type OperationId = keyof typeof successResponses;

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * The mock must never answer outside the contract: a body that breaks it is a bug in the
 * mock, so it throws loudly instead of letting the element's error handling hide it.
 */
function assertContract(operation: OperationId | null, status: number, body: unknown): void {
  const expected = operation ? successResponses[operation] : null;
  const isSuccess = status >= 200 && status < 300;
  const statuses: readonly number[] = expected?.statuses ?? [];
  if (isSuccess && expected && !statuses.includes(status)) {
    throw new Error(`Mock backend broke the contract: ${operation} answered ${status}, expected one of ${statuses.join(', ')}`);
  }
  const check = isSuccess ? expected?.check : schemaChecks.Problem;
  if (!check) return;
  const error = check(body);
  if (!error) return;
  // The schema's name, for the message: the checks carry none (the bundle is smaller without them).
  const schemaName = (Object.keys(schemaChecks) as SchemaName[]).find((name) => schemaChecks[name] === check);
  throw new Error(`Mock backend broke the contract: ${operation ?? 'route'} ${status} ${schemaName}: ${error}`);
}

export function jsonResponse(operation: OperationId, status: number, body: unknown): Response {
  assertContract(operation, status, body);
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function emptyResponse(operation: OperationId, status: number): Response {
  assertContract(operation, status, undefined);
  return new Response(null, { status });
}

/** The contract declares Retry-After on these: the mock always sends it there (1 s unless told). */
const retryAfterStatuses: ReadonlySet<number> = new Set([409, 429, 503]);

export function problemResponse({
  status,
  code,
  detail,
  title,
  retryAfter,
}: Pick<MockProblem, 'status' | 'code' | 'detail'> & { title?: string | undefined; retryAfter?: number | null | undefined }): Response {
  const body: Problem = { type: 'about:blank', title: title ?? titles[status] ?? 'Error', status, code, detail };
  assertContract(null, status, body);
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (retryAfterStatuses.has(status)) headers['Retry-After'] = String(retryAfter ?? 1);
  return new Response(JSON.stringify(body), { status, headers });
}

/** The success status of a first answer: the highest the operation lists (a replay is the 200 below it). */
export const firstAnswerStatus = (operation: OperationId): number => Math.max(...successResponses[operation].statuses);

export function redirectResponse(location: string, status: 302 | 303 = 302): Response {
  return new Response(null, { status, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

export function htmlResponse(html: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(html, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });
}
