import { ApiError } from './api/api-error.js';
import type { Connection } from './api/types.js';
import type { BatchRecord, BatchRowStatus, BatchRunRow } from './machine/batch-types.js';
import { storage } from './resume-storage.js';

/**
 * A batch run kept in this tab (sessionStorage) so a reload mid-way resumes where it was: the
 * grant's id, and per row the organisation, the administration, its idempotency key and its
 * outcome so far — never a code or token. Beside the flow's resume record, under the same scope.
 */
const BATCH_PREFIX = 'autopilot-connect:batch:';
const statuses: readonly BatchRowStatus[] = ['pending', 'working', 'connected', 'failed', 'skipped'];


const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** An error kept as plain data comes back as the ApiError the views read. */
function errorOf(value: unknown): ApiError | null {
  if (!isObject(value) || typeof value.operation !== 'string' || typeof value.kind !== 'string') return null;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : null);
  const num = (key: string) => (typeof value[key] === 'number' ? (value[key] as number) : null);
  return new ApiError(value.kind as ApiError['kind'], value.operation, num('status'), text('code') as ApiError['code'], num('retryAfter'), text('detail') ?? '', text('title'));
}

/** Storage is input like any other: a row of another shape drops the whole record (nothing half-resumed). */
function rowOf(value: unknown): BatchRunRow | null {
  if (!isObject(value) || !isObject(value.organisation) || !isObject(value.division)) return null;
  const { organisation, division } = value;
  if (typeof organisation.id !== 'string' || typeof organisation.name !== 'string') return null;
  if (typeof division.code !== 'number' || typeof division.name !== 'string') return null;
  if (typeof value.idempotencyKey !== 'string' || !statuses.includes(value.status as BatchRowStatus)) return null;
  const connection = isObject(value.connection) && typeof value.connection.id === 'string' ? (value.connection as unknown as Connection) : null;
  return {
    organisation: { id: organisation.id, name: organisation.name },
    division: { code: division.code, name: division.name },
    idempotencyKey: value.idempotencyKey,
    // A row kept as connected without its connection is sent again (its key answers the connection).
    status: value.status === 'connected' && !connection ? 'pending' : (value.status as BatchRowStatus),
    error: value.status === 'failed' ? errorOf(value.error) : null,
    connection,
  };
}

export function loadBatch(scope: string): BatchRecord | null {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(BATCH_PREFIX + scope) ?? 'null');
    if (!isObject(value) || typeof value.authorizationId !== 'string' || !Array.isArray(value.rows)) return null;
    const rows = value.rows.map(rowOf);
    return rows.length > 0 && rows.every((row) => row !== null) ? { authorizationId: value.authorizationId, rows: rows as BatchRunRow[] } : null;
  } catch {
    return null;
  }
}

const plainError = (error: ApiError | null) =>
  error && { kind: error.kind, operation: error.operation, status: error.status, code: error.code, retryAfter: error.retryAfter, detail: error.detail, title: error.title };

export function saveBatch(scope: string, record: BatchRecord): void {
  try {
    storage()?.setItem(BATCH_PREFIX + scope, JSON.stringify({ ...record, rows: record.rows.map((row) => ({ ...row, error: plainError(row.error) })) }));
  } catch {
    // Quota or privacy mode: the run goes on, it just cannot resume after a reload.
  }
}

export function clearBatch(scope: string): void {
  storage()?.removeItem(BATCH_PREFIX + scope);
}
