import openapi from '../api/openapi.json';
import { checkProblem, successResponses } from '../api/guards.generated.js';

/** An operation of the contract the kit calls, by its operationId. */
export type OperationId = keyof typeof successResponses | 'oauthCallback';

interface OperationSpec {
  method: string;
  path: string;
  statuses: number[];
}

type PathItem = Record<string, { operationId?: string; responses?: Record<string, unknown> }>;

/** Method, path and every status each operation may answer, read from the contract itself (never a second copy). */
const operations: Record<string, OperationSpec> = {};
for (const [path, item] of Object.entries(openapi.paths as Record<string, PathItem>)) {
  for (const [method, operation] of Object.entries(item)) {
    if (!operation.operationId || !operation.responses) continue;
    operations[operation.operationId] = { method: method.toUpperCase(), path, statuses: Object.keys(operation.responses).map(Number) };
  }
}

export const operationSpec = (id: OperationId): OperationSpec => {
  const spec = operations[id];
  if (!spec) throw new Error(`conformance kit: the contract has no operation ${id}`);
  return spec;
};

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON, else undefined. */
  json: unknown;
}

/** Where the contract requires Retry-After: every 429 and a key still in flight (409 idempotency_key_in_flight). */
function retryAfterMissing(answer: Answer): boolean {
  if (answer.headers.get('retry-after')) return false;
  const code = (answer.json as { code?: unknown } | undefined)?.code;
  return answer.status === 429 || (answer.status === 409 && code === 'idempotency_key_in_flight');
}

/** What is wrong with an answer by the contract (status, body, problem shape, Retry-After), or null. */
export function contractError(id: OperationId, answer: Answer): string | null {
  const spec = operationSpec(id);
  const label = `${spec.method} ${spec.path}`;
  if (!spec.statuses.includes(answer.status)) return `${label} answered ${answer.status}; the contract allows ${spec.statuses.join(', ')}`;
  if (answer.status < 400) {
    if (id === 'oauthCallback') return null;
    const success = successResponses[id];
    if (success.check === null) return answer.text === '' ? null : `${label} answered ${answer.status} with a body; the contract declares none`;
    if (answer.json === undefined) return `${label} answered ${answer.status} with a body that is not JSON: ${answer.text.slice(0, 80)}`;
    const error = success.check(answer.json);
    return error ? `${label} ${answer.status} body breaks the contract: ${error}` : null;
  }
  const type = answer.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) return `${label} answered ${answer.status} as ${type || 'no content type'}; problems are application/problem+json`;
  if (answer.json === undefined) return `${label} answered ${answer.status} with a problem that is not JSON: ${answer.text.slice(0, 80)}`;
  const error = checkProblem(answer.json);
  if (error) return `${label} ${answer.status} problem breaks the contract: ${error}`;
  const problem = answer.json as { status: number };
  if (problem.status !== answer.status) return `${label} answered HTTP ${answer.status} with a problem whose status is ${problem.status}`;
  if (retryAfterMissing(answer)) return `${label} answered ${answer.status} without Retry-After; the contract requires it`;
  return null;
}
