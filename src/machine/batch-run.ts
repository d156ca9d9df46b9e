import type { BatchCandidates, BatchRowStatus, BatchRun, BatchRunRow, BatchTable } from './batch-types.js';
import { indexDivisions, matchBatch } from './batch-match.js';
import type { Division } from '../api/types.js';
import { toApiError } from './requests.js';
import { rateLimitWait } from './retry-policy.js';

/**
 * The batch's pure rules: the table after each change (re-matched from the one index), the run
 * planned from what is ticked, and each row's way through the run. The statechart
 * (batch-step.ts) decides when; these say what.
 */

/** The table as it first shows: every suggestion proposed, nothing ticked (the user confirms each row). */
export function firstTable({ organisations, divisions }: BatchCandidates): BatchTable {
  const index = indexDivisions(divisions);
  const choices = new Map<string, Division | null>();
  return { organisations, divisions, index, choices, ticked: new Set(), matching: matchBatch(organisations, index, choices), changing: null, query: '' };
}

/** A row's administration chosen by the user (or none): re-matched, so conflicts show on every row they touch. */
export function withChoice(table: BatchTable, organisationId: string, division: Division | null): BatchTable {
  const choices = new Map(table.choices).set(organisationId, division);
  const ticked = new Set(table.ticked);
  // Choosing an administration for a row is confirming it; choosing none is not.
  if (division) ticked.add(organisationId);
  else ticked.delete(organisationId);
  return { ...table, choices, ticked, matching: matchBatch(table.organisations, table.index, choices), changing: null, query: '' };
}

const proposalOf = (table: BatchTable, organisationId: string) => table.matching.rows.find((row) => row.organisation.id === organisationId);

/** Only a row with an administration can be ticked. */
export function withTick(table: BatchTable, organisationId: string, ticked: boolean): BatchTable {
  if (ticked && !proposalOf(table, organisationId)?.division) return table;
  const next = new Set(table.ticked);
  if (ticked) next.add(organisationId);
  else next.delete(organisationId);
  return { ...table, ticked: next };
}

/** Tick every row that has an administration, or untick all. */
export function withAllTicked(table: BatchTable, ticked: boolean): BatchTable {
  return { ...table, ticked: new Set(ticked ? table.matching.rows.filter((row) => row.division).map((row) => row.organisation.id) : []) };
}

/** The ticked rows, in the table's order. */
export const tickedRows = (table: BatchTable) => table.matching.rows.filter((row) => table.ticked.has(row.organisation.id) && row.division);

/** Ticked rows whose administration another ticked row has too: `Alles koppelen` waits until the user settles them. */
export const tickedConflicts = (table: BatchTable) => {
  const rows = tickedRows(table);
  const count = new Map<number, number>();
  for (const row of rows) count.set(row.division!.code, (count.get(row.division!.code) ?? 0) + 1);
  return rows.filter((row) => count.get(row.division!.code)! > 1);
};

/** `Alles koppelen` is possible: at least one ticked row, and no administration chosen twice. */
export const canStartBatch = (table: BatchTable | null) => table !== null && tickedRows(table).length > 0 && tickedConflicts(table).length === 0;

/** The run of what is ticked: one row each, each with its own idempotency key. */
export function planRun(table: BatchTable, authorizationId: string, createId: () => string): BatchRun {
  return {
    authorizationId,
    stopping: false,
    rows: tickedRows(table).map((row) => ({
      organisation: { id: row.organisation.id, name: row.organisation.name },
      division: { code: row.division!.code, name: row.division!.name },
      idempotencyKey: createId(),
      status: 'pending',
      error: null,
      connection: null,
    })),
  };
}

/** The row the run works on next: the first not made yet. */
export const nextRow = (run: BatchRun | null): BatchRunRow | undefined => run?.rows.find((row) => row.status === 'pending' || row.status === 'working');

export const withRow = (run: BatchRun, organisationId: string, patch: Partial<BatchRunRow>): BatchRun => ({
  ...run,
  rows: run.rows.map((row) => (row.organisation.id === organisationId ? { ...row, ...patch } : row)),
});

/** `Stoppen`: what was not started is skipped (and can be connected later, in another batch or alone). */
export const withRestSkipped = (run: BatchRun): BatchRun => ({
  ...run,
  stopping: false,
  rows: run.rows.map((row) => (row.status === 'pending' ? { ...row, status: 'skipped' } : row)),
});

/** `Mislukte opnieuw proberen`: the failed rows again, each with its own key (the backend kept no failure under it). */
export const withFailedAgain = (run: BatchRun): BatchRun => ({
  ...run,
  rows: run.rows.map((row) => (row.status === 'failed' ? { ...row, status: 'pending', error: null } : row)),
});

/** `Overgeslagen alsnog koppelen`: the rows a stop (or a lapsed login) skipped, each with its own key. */
export const withSkippedAgain = (run: BatchRun): BatchRun => ({
  ...run,
  rows: run.rows.map((row) => (row.status === 'skipped' ? { ...row, status: 'pending' } : row)),
});

/** After a reload a row may have been on its way: it is sent again with its key, and the backend answers its connection. */
export const resumedRun = (run: BatchRun): BatchRun => ({
  ...run,
  rows: run.rows.map((row) => (row.status === 'working' ? { ...row, status: 'pending' } : row)),
});

export const countOf = (run: BatchRun | null, status: BatchRowStatus) => run?.rows.filter((row) => row.status === status).length ?? 0;

/** How far the run is: rows done (connected, failed or skipped) of all. */
export const doneCount = (run: BatchRun | null) => (run ? run.rows.length - countOf(run, 'pending') - countOf(run, 'working') : 0);

/** The connections the run made. */
export const madeConnections = (run: BatchRun | null) => run?.rows.flatMap((row) => (row.connection ? [row.connection] : [])) ?? [];

/** `division` may be null: "none" for the row. A blocked or already connected administration is never chosen. */
export const isBatchChoiceAllowed = (division: Division | null) =>
  division === null || (division.blockedReason === null && division.connectedOrganisation === null);

/** A 429 (or the key still in flight) is Exact's pace, not the row's failure: the run waits and sends the row again. */
export const isPaced = (error: unknown) => rateLimitWait(toApiError(error, 'createConnection')) !== null;
