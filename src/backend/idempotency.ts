import type { BackendDeps } from './deps.js';
import { canonicalJson, sha256 } from './ids.js';
import { ApiProblem, json } from './problem.js';

const KEEP_MS = 24 * 3_600_000;
/** A key in flight this long belongs to a request that died (a crashed instance): the next one takes it over. */
const ABANDONED_MS = 120_000;

export interface Outcome {
  status: number;
  body: unknown;
}

/** The `Idempotency-Key` header as the contract allows it (8–100 characters), or a 400 saying so. */
export function idempotencyKey(value: string | undefined): string {
  if (!value || value.length < 8 || value.length > 100) throw new ApiProblem(400, 'invalid_request', 'Send an Idempotency-Key header of 8 to 100 characters (one per attempt at one request body).');
  return value;
}

/**
 * Runs `work` once per (account, scope, key): the first request claims the key (one INSERT wins,
 * whichever instance), a replay with the same body answers 200 with the stored answer, one while
 * the first still runs 409 `idempotency_key_in_flight`, one with another body 422
 * `idempotency_key_reused`. A first request that fails gives its key back, so a retry may succeed.
 */
export async function idempotent(deps: BackendDeps, claim: { accountId: string; scope: string; key: string; body: unknown }, work: () => Promise<Outcome>): Promise<Response> {
  const hash = await sha256(canonicalJson(claim.body));
  const now = deps.now();
  const ids = [claim.accountId, claim.scope, claim.key];
  await deps.db.query(
    "DELETE FROM idempotency WHERE account_id = $1 AND scope = $2 AND key = $3 AND (created_at < $4 OR (state = 'in_flight' AND created_at < $5))",
    [...ids, now - KEEP_MS, now - ABANDONED_MS],
  );
  const claimed = await deps.db.query(
    "INSERT INTO idempotency (account_id, scope, key, request_hash, state, created_at) VALUES ($1, $2, $3, $4, 'in_flight', $5) ON CONFLICT DO NOTHING RETURNING key",
    [...ids, hash, now],
  );
  if (claimed.length === 0) {
    const [row] = await deps.db.query<{ request_hash: string; state: string; body: string | null }>('SELECT request_hash, state, body FROM idempotency WHERE account_id = $1 AND scope = $2 AND key = $3', ids);
    if (!row) throw new ApiProblem(409, 'idempotency_key_in_flight', 'A request with this Idempotency-Key just finished; send it again.', 1);
    if (row.request_hash !== hash) throw new ApiProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request body: use a new key for a new request.');
    if (row.state !== 'done' || row.body === null) throw new ApiProblem(409, 'idempotency_key_in_flight', 'A request with this Idempotency-Key is still running.', 1);
    return json(200, JSON.parse(row.body));
  }
  let outcome: Outcome;
  try {
    outcome = await work();
  } catch (error) {
    await deps.db.query('DELETE FROM idempotency WHERE account_id = $1 AND scope = $2 AND key = $3', ids);
    throw error;
  }
  await deps.db.query("UPDATE idempotency SET state = 'done', status = $4, body = $5 WHERE account_id = $1 AND scope = $2 AND key = $3", [...ids, outcome.status, JSON.stringify(outcome.body)]);
  return json(outcome.status, outcome.body);
}
