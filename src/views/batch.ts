import { html, nothing } from 'lit';
import type { Division } from '../api/types.js';
import { errorMessage } from '../i18n/error-message.js';
import type { Messages } from '../i18n/messages.js';
import { countOf, doneCount, madeConnections, nextRow, tickedConflicts, tickedRows } from '../machine/batch-run.js';
import type { BatchProposal } from '../machine/batch-match.js';
import type { BatchRun, BatchRunRow, BatchTable } from '../machine/batch-types.js';
import { rateLimitWait } from '../machine/retry-policy.js';
import type { BatchChangeEvent, BatchTableRow, BatchTickAllEvent, BatchTickEvent } from '../picker/batch-table.js';
import { divisionItem } from './administration.js';
import { signingIn } from './login.js';
import { errorPanel, heading, isolate, cancelButton, primaryButton, progress, quietButton, secondaryButton, skeleton } from './parts.js';
import { listbox } from './list-parts.js';
import type { StepContext } from './view-context.js';

/** After the element rendered what `send` changed: move focus within it (the picker, back to a row). */
const afterRender = (from: EventTarget | null, focus: (root: ShadowRoot) => void) => {
  const root = (from as Element | null)?.getRootNode();
  if (!(root instanceof ShadowRoot)) return;
  void (root.host as Element & { updateComplete?: Promise<unknown> }).updateComplete?.then(() => focus(root));
};

/** Back to the row that was being changed (its checkbox), in the table. */
const focusRow = (root: ShadowRoot, id: string) =>
  root.querySelector<HTMLElement & { focusRow?: (rowId: string) => void }>('autopilot-connect-batch-table')?.focusRow?.(id);

/** The administration as the user finds it in Exact Online: its number, then its name. */
const administrationLabel = (division: { code: number; name: string; hid?: string | null }) => `${division.hid || division.code} · ${division.name}`;

const organisationDetail = (t: Messages, { organisation }: BatchProposal) =>
  [organisation.kvk ? t.kvk(organisation.kvk) : '', organisation.vatNumber ?? ''].filter(Boolean).join(' · ');

/** The other organisations that have the row's administration too (a conflict names them). */
const othersWith = (table: BatchTable, row: BatchProposal) =>
  table.matching.rows.filter((other) => other !== row && other.division?.code === row.division?.code).map((other) => isolate(other.organisation.name));

/** A row's result in the run, in words (a failure with its specific reason). */
function resultText(t: Messages, row: BatchRunRow): string {
  return {
    pending: t.batchRowPending,
    working: t.batchRowWorking,
    connected: t.batchRowConnected,
    failed: t.batchRowFailed(row.error ? errorMessage(row.error, t) : t.error_server),
    skipped: t.batchRowSkipped,
  }[row.status];
}

/** The table's rows: during and after a run, only the rows in it (what was ticked), each with its result. */
export function tableRows(t: Messages, table: BatchTable, run: BatchRun | null): BatchTableRow[] {
  // Looked up once per render, not searched for per row: the table renders after every row of a run.
  const inRun = run ? new Map(run.rows.map((row) => [row.organisation.id, row])) : null;
  return table.matching.rows
    .filter((row) => !inRun || inRun.has(row.organisation.id))
    .map((row) => {
      const result = inRun?.get(row.organisation.id);
      const conflict = row.division && table.matching.conflicts.has(row.division.code) ? t.batchConflict(othersWith(table, row).join(', ')) : null;
      return {
        id: row.organisation.id,
        organisation: row.organisation.name,
        organisationDetail: organisationDetail(t, row),
        administration: row.division ? administrationLabel(row.division) : null,
        matchLabel: row.match ? t[`batchMatch_${row.match}`] : t.batchNoMatch,
        weak: row.match === 'name',
        conflict,
        ticked: table.ticked.has(row.organisation.id),
        tickable: row.division !== null,
        status: result?.status ?? 'idle',
        statusText: result ? resultText(t, result) : null,
      };
    });
}

/** The picker's administrations, filtered here (all are loaded): name, number, KvK or VAT number contain the search. */
export function pickerDivisions(divisions: Division[], query: string): Division[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return divisions;
  return divisions.filter((division) =>
    [division.name, String(division.code), division.hid ?? '', division.kvk ?? '', division.vatNumber ?? '', division.customerName ?? ''].some((field) => field.toLowerCase().includes(needle)),
  );
}

/** `Wijzigen`: the searchable administration picker for one row, and "none" for it. */
const rowPicker = (view: StepContext, table: BatchTable) => {
  const { t, send } = view;
  const row = table.matching.rows.find((candidate) => candidate.organisation.id === table.changing);
  if (!row) return nothing;
  const divisions = pickerDivisions(table.divisions, table.query);
  const id = row.organisation.id;
  const close = (event: Event) => {
    send({ type: 'user.closeBatchPicker' });
    afterRender(event.currentTarget, (root) => focusRow(root, id));
  };
  const choose = (event: Event, administration: Division | null) => {
    send({ type: 'user.chooseBatchAdministration', administration });
    afterRender(event.target, (root) => focusRow(root, id));
  };
  return html`<section class="batch-picker" aria-labelledby="batch-picker-heading" @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && close(event)}>
    <h3 id="batch-picker-heading">${t.batchPickerHeading(isolate(row.organisation.name))}</h3>
    ${listbox({
      items: divisions.map((division) => divisionItem(division, t)),
      labels: { search: t.searchDivisions, list: t.batchAdministration, count: t.divisionsFound(divisions.length), none: t.divisionsNone, loadMore: t.loadMore },
      query: table.query,
      selectedId: row.division ? String(row.division.code) : null,
      total: divisions.length,
      hasMore: false,
      busy: false,
      onSearch: (query) => send({ type: 'user.searchBatchAdministrations', query }),
      onSelect: (code, event) => {
        const administration = table.divisions.find((division) => String(division.code) === code);
        if (administration) choose(event, administration);
      },
      onMore: () => {},
    })}
    <div class="actions">
      <button type="button" class="button secondary" part="button secondary-button" @click=${(event: Event) => choose(event, null)}>${t.batchPickerNone}</button>
      ${quietButton(t.batchPickerClose, close)}
    </div>
  </section>`;
};

/** Organisations that cannot be in the batch, apart, each with its reason. */
const unconnectableList = ({ t }: StepContext, table: BatchTable) => {
  const { unconnectable } = table.matching;
  if (unconnectable.length === 0) return nothing;
  return html`<details class="batch-apart">
    <summary>${t.batchUnconnectableHeading(unconnectable.length)}</summary>
    <ul>
      ${unconnectable.map(
        ({ organisation, reason }) =>
          html`<li>${organisation.name}: <span class="reason">${reason === 'connected' ? t.batchUnconnectable_connected : t[`blocker_${organisation.blockers[0]!.code}`]}</span></li>`,
      )}
    </ul>
  </details>`;
};

const table = (view: StepContext, batchTable: BatchTable, run: BatchRun | null) => {
  const { t, send } = view;
  return html`<autopilot-connect-batch-table
    exportparts="table:batch-table, row:batch-row, conflict:batch-conflict"
    .rows=${tableRows(t, batchTable, run)}
    .labels=${{ caption: t.batchTableCaption, tick: t.batchTick, tickAll: t.batchTickAll, organisation: t.batchOrganisation, administration: t.batchAdministration, status: t.batchStatus, change: t.batchChange }}
    .locked=${run !== null}
    @batch-tick=${(event: BatchTickEvent) => send({ type: 'user.tickBatchRow', organisationId: event.id, ticked: event.ticked })}
    @batch-tick-all=${(event: BatchTickAllEvent) => send({ type: 'user.tickAllBatchRows', ticked: event.ticked })}
    @batch-change=${(event: BatchChangeEvent) => {
      send({ type: 'user.changeBatchRow', organisationId: event.id });
      // Straight into the picker's search: the user came to change the administration.
      afterRender(event.currentTarget, (root) => root.querySelector<HTMLElement>('.batch-picker autopilot-connect-listbox')?.focus());
    }}
  ></autopilot-connect-batch-table>`;
};

/** The table, the way to change a row, what cannot be connected, and `Alles koppelen`. */
const choosing = (view: StepContext, batchTable: BatchTable) => {
  const { t, send, snapshot, contactUrl } = view;
  const rows = batchTable.matching.rows;
  const by = (match: BatchProposal['match']) => rows.filter((row) => row.match === match).length;
  const ticked = tickedRows(batchTable);
  const conflicts = tickedConflicts(batchTable);
  const blocked = ticked.length === 0 ? t.batchNothingTicked : conflicts.length > 0 ? t.batchConflictsHint(conflicts.map((row) => isolate(row.organisation.name)).join(', ')) : null;
  return html`<p>${t.batchChooseIntro}</p>
    <p class="meta">${t.batchMatchSummary(rows.length, by('kvk'), by('vat'), by('name'), by(null))}</p>
    ${table(view, batchTable, null)} ${rowPicker(view, batchTable)} ${unconnectableList(view, batchTable)}
    <p class="hint">${t.batchBookingFlow}</p>
    <p class="hint">${t.advancedExplained}</p>
    <div class="actions">
      <a class="button secondary" part="button secondary-button" href=${contactUrl} target="_blank" rel="noopener noreferrer">${t.contactEconnect}</a>
    </div>
    ${blocked ? html`<p class="hint" id="batch-start-hint">${blocked}</p>` : nothing}
    <div class="actions">
      ${primaryButton(t.batchConnectAll(ticked.length), () => send({ type: 'user.startBatch' }), { disabled: !snapshot.can({ type: 'user.startBatch' }) })}
    </div>`;
};

/** `Alles koppelen` under way: how far (`12 van 40`), which row now, Exact's pace, and a stop after the current row. */
const running = (view: StepContext, batchTable: BatchTable | null, run: BatchRun) => {
  const { t, send, snapshot } = view;
  const done = doneCount(run);
  const current = nextRow(run);
  const waiting = snapshot.matches({ batch: { running: 'waiting' } });
  const wait = waiting ? rateLimitWait(snapshot.context.error) : null;
  return html`<div class="batch-progress">
      <p class="batch-count"><strong>${t.batchProgress(done, run.rows.length)}</strong></p>
      <progress max=${run.rows.length} .value=${done} aria-label=${t.batchProgress(done, run.rows.length)}></progress>
      ${current && !waiting
        ? progress(t.batchWorking(t.connectionSummary(isolate(current.organisation.name), isolate(administrationLabel(current.division)))))
        : nothing}
      ${wait
        ? html`<p class="notice">${wait.automatic ? t.batchWaiting(wait.seconds) : t.batchWaitingLong(wait.seconds)}</p>`
        : nothing}
    </div>
    <div class="actions">
      ${waiting ? secondaryButton(t.batchContinue, () => send({ type: 'user.retry' })) : nothing}
      ${run.stopping
        ? html`<p class="hint">${t.batchStopping}</p>`
        : secondaryButton(t.batchStop, () => send({ type: 'user.stopBatch' }))}
    </div>
    ${batchTable ? table(view, batchTable, run) : resultList(t, run.rows)}`;
};

/** The end: how many of each, every row's result, the failed ones again, one redelivery for all, and the overview. */
const summary = (view: StepContext, batchTable: BatchTable | null, run: BatchRun) => {
  const { t, send, snapshot } = view;
  const failed = countOf(run, 'failed');
  const made = madeConnections(run).length;
  return html`<p class="${failed > 0 ? 'notice' : 'success'}" tabindex="-1" data-focus-first>
      ${t.batchSummary(countOf(run, 'connected'), failed, countOf(run, 'skipped'))}
    </p>
    ${failed > 0
      ? html`${resultList(t, run.rows.filter((row) => row.status === 'failed'))}
          <p class="hint">${t.batchFailedHint}</p>`
      : nothing}
    <div class="actions">
      ${failed > 0 ? primaryButton(t.batchRetryFailed(failed), () => send({ type: 'user.retryFailedBatch' })) : nothing}
      ${snapshot.can({ type: 'user.resumeSkippedBatch' }) ? secondaryButton(t.batchResumeSkipped(countOf(run, 'skipped')), () => send({ type: 'user.resumeSkippedBatch' })) : nothing}
      ${made > 0 ? secondaryButton(t.batchRedeliver(made), () => send({ type: 'user.redeliverBatch' })) : nothing}
      ${failed > 0
        ? secondaryButton(t.toOverview, () => send({ type: 'user.done' }))
        : primaryButton(t.toOverview, () => send({ type: 'user.done' }), { next: true })}
    </div>
    ${batchTable ? table(view, batchTable, run) : resultList(t, run.rows)}`;
};

/**
 * Rows with their results, as a list: the failed ones named at the end, and every row after a
 * reload (the table's candidates are not loaded again; the run's own rows say how far it is).
 */
const resultList = (t: Messages, rows: BatchRunRow[]) =>
  html`<ul class="batch-results">
    ${rows.map(
      (row) =>
        html`<li class="batch-result ${row.status}">${t.connectionSummary(isolate(row.organisation.name), isolate(administrationLabel(row.division)))}: ${resultText(t, row)}</li>`,
    )}
  </ul>`;

const cancelNav = (view: StepContext) =>
  html`<div class="nav">${cancelButton(view)}</div>`;

/** `Meerdere administraties koppelen`: the login, the matching table, the run, the end. */
export const batchView = (view: StepContext) => {
  const { t, snapshot } = view;
  const { batchTable, batchRun, error } = snapshot.context;
  const at = (state: string) => snapshot.matches({ batch: state } as never);
  if (at('signingIn')) return html`${heading(t.batchHeading)}<p>${t.batchIntro}</p>${view.signIn ? signingIn(view) : nothing}${cancelNav(view)}`;
  if (at('loading')) return html`${heading(t.batchHeading)}${skeleton('list', t.batchLoading)}${cancelNav(view)}`;
  if (at('loadFailed') || at('resumeFailed')) return html`${heading(t.batchHeading)}${errorPanel(error, view)}${cancelNav(view)}`;
  if (at('resuming')) return html`${heading(t.batchHeading)}${progress(t.batchResuming)}`;
  if (at('choosing') && batchTable) return html`${heading(t.batchHeading)}${choosing(view, batchTable)}${cancelNav(view)}`;
  if (at('running') && batchRun) {
    return html`${heading(t.batchHeading)}${running(view, batchTable, batchRun)}`;
  }
  if (at('summary') && batchRun) return html`${heading(t.batchSummaryHeading)}${summary(view, batchTable, batchRun)}`;
  return html`${heading(t.batchHeading)}${progress(t.loading)}`;
};
