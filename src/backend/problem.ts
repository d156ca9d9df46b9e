import type { KnownProblemCode } from './contract.js';

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Cannot be done',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Exact Online unavailable',
};

/** A contract answer that is not a success: thrown anywhere in a handler, answered by the app. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: KnownProblemCode,
    readonly detail?: string,
    readonly retryAfter?: number,
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
  }
}

/** An RFC 9457 problem; `detail` is always text the backend wrote, never Exact's raw answer or a token. */
export function problemResponse(problem: ApiProblem): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' };
  if (problem.retryAfter !== undefined) headers['Retry-After'] = String(Math.max(1, Math.ceil(problem.retryAfter)));
  const body = { title: titles[problem.status] ?? 'Error', status: problem.status, code: problem.code, ...(problem.detail ? { detail: problem.detail } : {}) };
  return new Response(JSON.stringify(body), { status: problem.status, headers });
}

export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
