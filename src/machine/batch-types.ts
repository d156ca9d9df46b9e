import type { ApiError } from '../api/api-error.js';
import type { Connection, Division, Organisation } from '../api/types.js';
import type { BatchMatching, DivisionIndex } from './batch-match.js';

/**
 * `Meerdere administraties koppelen`: the words of the batch. The table (`BatchTable`) is what the
 * user decides on; the run (`BatchRun`) is what `Alles koppelen` does with it, row by row.
 */

/** Everything the table is made from: all organisations of the account and all administrations of the grant. */
export interface BatchCandidates {
  organisations: Organisation[];
  divisions: Division[];
}

/** How far loading the candidates is (organisations and administrations loaded so far). */
export interface BatchLoadProgress {
  organisations: number;
  divisions: number;
}

export interface BatchTable extends BatchCandidates {
  /** Built once per division list: every re-match after a change reuses it. */
  index: DivisionIndex;
  /** What the user chose per organisation id (an administration, or none), over the suggestion. */
  choices: ReadonlyMap<string, Division | null>;
  /** The organisations the user ticked: only these are connected. */
  ticked: ReadonlySet<string>;
  matching: BatchMatching;
  /** The organisation whose administration the picker shows (`Wijzigen`), if any. */
  changing: string | null;
  /** The picker's search, filtered here: every administration is already loaded. */
  query: string;
}

export type BatchRowStatus = 'pending' | 'working' | 'connected' | 'failed' | 'skipped';

/** One confirmed row of a run: one organisation, one administration, one idempotency key. */
export interface BatchRunRow {
  organisation: { id: string; name: string };
  division: { code: number; name: string };
  /** Its own key, kept for every retry of the row (a failure is not kept under it by the backend). */
  idempotencyKey: string;
  status: BatchRowStatus;
  error: ApiError | null;
  connection: Connection | null;
}

export interface BatchRun {
  authorizationId: string;
  rows: BatchRunRow[];
  /** `Stoppen na deze`: the row being made finishes, the rest is skipped. */
  stopping: boolean;
}

/** What the element keeps (sessionStorage) so a reload mid-way resumes the run: ids, names, keys and outcomes. */
export interface BatchRecord {
  authorizationId: string;
  rows: BatchRunRow[];
}
