import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { batchTableStyles } from './batch-table.styles.js';
import { styleProps } from './style-props.js';
import { averageHeight, rowOffsets, windowRange } from './window-range.js';

export interface BatchTableRow {
  /** The organisation's id. */
  id: string;
  organisation: string;
  /** E.g. "KvK 12345678 · NL801234567B01". */
  organisationDetail: string;
  /** E.g. "100001 · Bakkerij De Gouden Korst"; null: none. */
  administration: string | null;
  /** Why this administration: "Zelfde KvK-nummer", the weak name match, "Zelf gekozen", or that there is none. */
  matchLabel: string | null;
  /** The name match: shown as weaker, with a mark and its own text. */
  weak: boolean;
  /** E.g. "Ook gekozen voor Garage Jansen": shown in the row. */
  conflict: string | null;
  ticked: boolean;
  /** Without an administration a row cannot be ticked. */
  tickable: boolean;
  status: 'idle' | 'pending' | 'working' | 'connected' | 'failed' | 'skipped';
  statusText: string | null;
}

export interface BatchTableLabels {
  caption: string;
  /** The checkboxes' column. */
  tick: string;
  tickAll: string;
  organisation: string;
  administration: string;
  status: string;
  /** `Wijzigen`. */
  change: string;
}

export class BatchTickEvent extends Event {
  constructor(
    readonly id: string,
    readonly ticked: boolean,
  ) {
    super('batch-tick', { bubbles: true, composed: true });
  }
}
export class BatchTickAllEvent extends Event {
  constructor(readonly ticked: boolean) {
    super('batch-tick-all', { bubbles: true, composed: true });
  }
}
export class BatchChangeEvent extends Event {
  constructor(readonly id: string) {
    super('batch-change', { bubbles: true, composed: true });
  }
}

/** Rows rendered above and below the visible ones, so fast scrolling and tabbing show no gaps. */
const OVERSCAN = 8;
/** A short table is rendered whole. */
const RENDER_ALL_UP_TO = 40;

const statusMark: Record<BatchTableRow['status'], string> = { idle: '', pending: '·', working: '…', connected: '✓', failed: '⚠', skipped: '–' };

/**
 * The batch's table: one row per organisation with the administration proposed for it, why, and
 * (during and after the run) what became of it. It knows nothing of the flow: it shows the rows it
 * is given and tells what the user did (tick, tick all, `Wijzigen`).
 *
 * A real `<table>`: a checkbox per row named by its organisation (the administration is its
 * description), a header checkbox that ticks every row that can be ticked (mixed when some are).
 * Long tables are windowed like the pickers: only the visible rows plus an overscan are rendered,
 * between two spacer rows that keep the scrollbar true; rows wrap and are measured as rendered
 * (window-range.ts); `aria-rowcount` and `aria-rowindex` keep the count true for a screen reader.
 * The row with focus is always rendered and the window follows it, so Tab walks the whole table.
 * Narrow (a phone) the rows become stacked blocks, without sideways scrolling.
 *
 * @tagname autopilot-connect-batch-table
 *
 * @fires {BatchTickEvent} batch-tick - a row's checkbox changed; `event.id`, `event.ticked`.
 * @fires {BatchTickAllEvent} batch-tick-all - the header checkbox changed; `event.ticked`.
 * @fires {BatchChangeEvent} batch-change - `Wijzigen` on a row; `event.id`.
 *
 * @csspart table - the table.
 * @csspart row - every organisation's row.
 * @csspart conflict - the note in a row whose administration another row has too.
 *
 * @cssprop [--autopilot-connect-table-height=max(min(24rem, 60vh), 100vh - 24rem)] - the most the table grows before it scrolls: by default taller than a picker's list, since the table is the step.
 */
export class BatchTable extends LitElement {
  static override styles = batchTableStyles;

  @property({ attribute: false }) rows: BatchTableRow[] = [];
  @property({ attribute: false }) labels: BatchTableLabels = { caption: '', tick: '', tickAll: '', organisation: '', administration: '', status: '', change: '' };
  /** During the run: no ticking, no `Wijzigen`; the result column instead. */
  @property({ type: Boolean }) locked = false;

  @state() private listScroll = 0;
  private viewportHeight = 480;
  private heights: Float64Array = new Float64Array(0);
  private estimate = 72;
  /** The row that has focus (its index), kept rendered. */
  private focusedIndex = -1;
  @query('.scroll') private scroller!: HTMLElement | null;
  private readonly idPrefix = `batch-${Math.random().toString(36).slice(2, 8)}`;
  private readonly resizeObserver = new ResizeObserver(() => {
    if (this.measure()) this.requestUpdate();
  });

  /** Focus a row's checkbox (back from the picker): scrolled to and rendered first if need be. */
  async focusRow(id: string): Promise<void> {
    const index = this.rows.findIndex((row) => row.id === id);
    if (index < 0) return;
    this.focusedIndex = index;
    const offsets = rowOffsets(this.heights, this.estimate);
    if (this.scroller) this.scroller.scrollTop = Math.max(0, offsets[index]! - this.viewportHeight / 3);
    this.listScroll = this.scroller?.scrollTop ?? 0;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"] input, [data-index="${index}"] button`)?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('rows')) {
      const previous = (changed.get('rows') as BatchTableRow[] | undefined) ?? [];
      const heights = new Float64Array(this.rows.length).fill(Number.NaN);
      // A row that is still the same organisation keeps its height (a status changed, not the text's length much).
      for (let index = 0; index < heights.length && previous[index]?.id === this.rows[index]!.id; index++) heights[index] = this.heights[index]!;
      this.heights = heights;
    }
    if (this.scroller && this.scroller.clientHeight > 0) this.viewportHeight = this.scroller.clientHeight;
  }

  protected override updated(): void {
    if (this.scroller) this.resizeObserver.observe(this.scroller);
    if (this.measure()) this.requestUpdate();
  }

  /** Measures the rendered rows; true when a height changed (the spacers are then rendered again). */
  private measure(): boolean {
    let changed = false;
    for (const row of this.renderRoot.querySelectorAll<HTMLElement>('tr[data-index]')) {
      const index = Number(row.dataset.index);
      const height = row.offsetHeight;
      if (height > 0 && height !== this.heights[index]) {
        this.heights[index] = height;
        changed = true;
      }
    }
    if (changed) this.estimate = averageHeight(this.heights, this.estimate);
    return changed;
  }

  private range(offsets: Float64Array): { start: number; end: number } {
    if (this.rows.length <= RENDER_ALL_UP_TO) return { start: 0, end: this.rows.length };
    const { start, end } = windowRange({ scrollTop: this.listScroll, viewportHeight: this.viewportHeight, offsets, overscan: OVERSCAN });
    const focused = this.focusedIndex;
    if (focused < 0 || focused >= this.rows.length) return { start, end };
    // The focused row, and its neighbours either way, stay rendered: Tab and Shift+Tab go on from it.
    return { start: Math.min(start, Math.max(0, focused - OVERSCAN)), end: Math.max(end, Math.min(this.rows.length, focused + OVERSCAN + 1)) };
  }

  private onScroll = () => {
    this.listScroll = this.scroller?.scrollTop ?? 0;
  };

  private onFocusIn = (event: FocusEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    if (index !== this.focusedIndex) {
      this.focusedIndex = index;
      this.requestUpdate();
    }
  };

  private tickAllBox() {
    const tickable = this.rows.filter((row) => row.tickable);
    const ticked = tickable.filter((row) => row.ticked).length;
    const all = tickable.length > 0 && ticked === tickable.length;
    return html`<label class="tick-all">
      <input
        type="checkbox"
        .checked=${all}
        .indeterminate=${ticked > 0 && !all}
        ?disabled=${this.locked || tickable.length === 0}
        @change=${(event: Event) => this.dispatchEvent(new BatchTickAllEvent((event.target as HTMLInputElement).checked))}
      />
      <span>${this.labels.tickAll}</span>
    </label>`;
  }

  private row(row: BatchTableRow, index: number) {
    const id = `${this.idPrefix}-${index}`;
    const { labels, locked } = this;
    return html`<tr part="row" class="row ${row.status} ${row.ticked ? 'ticked' : ''}" data-index=${index} aria-rowindex=${index + 2}>
      <td class="tick">
        <input
          type="checkbox"
          id=${id}
          aria-describedby="${id}-administration"
          .checked=${row.ticked}
          aria-disabled=${locked || !row.tickable ? 'true' : 'false'}
          @click=${(event: Event) => {
            // Not `disabled`: the row stays on the Tab path, and its reason (no administration) is read with it.
            if (locked || !row.tickable) event.preventDefault();
          }}
          @change=${(event: Event) => this.dispatchEvent(new BatchTickEvent(row.id, (event.target as HTMLInputElement).checked))}
        />
      </td>
      <th scope="row" class="organisation">
        <label for=${id}>${row.organisation}</label>
        ${row.organisationDetail ? html`<span class="detail">${row.organisationDetail}</span>` : nothing}
      </th>
      <td class="administration" id="${id}-administration">
        ${row.administration ? html`<span class="name">${row.administration}</span>` : nothing}
        ${row.matchLabel ? html`<span class="match ${row.weak ? 'weak' : ''} ${row.administration ? '' : 'none'}">${row.weak ? html`<span aria-hidden="true">⚠ </span>` : nothing}${row.matchLabel}</span>` : nothing}
        ${row.conflict ? html`<span class="conflict" part="conflict"><span aria-hidden="true">⚠ </span>${row.conflict}</span>` : nothing}
      </td>
      <td class="last">
        ${locked
          ? html`<span class="status ${row.status}"><span class="mark" aria-hidden="true">${statusMark[row.status]}</span> ${row.statusText ?? ''}</span>`
          : html`<button type="button" class="change" @click=${() => this.dispatchEvent(new BatchChangeEvent(row.id))}>
              ${labels.change}<span class="visually-hidden"> ${row.organisation}</span>
            </button>`}
      </td>
    </tr>`;
  }

  protected override render() {
    const offsets = rowOffsets(this.heights, this.estimate);
    const { start, end } = this.range(offsets);
    const before = offsets[start]!;
    const after = offsets[this.rows.length]! - offsets[end]!;
    const rows = this.rows.slice(start, end).map((row, offset) => ({ row, index: start + offset }));
    return html`${this.locked ? nothing : this.tickAllBox()}
      <div class="scroll" @scroll=${this.onScroll} @focusin=${this.onFocusIn}>
        <table part="table" class=${this.locked ? 'locked' : ''} aria-rowcount=${this.rows.length + 1}>
          <caption>${this.labels.caption}</caption>
          <colgroup><col class="tick" /><col class="organisation" /><col /><col class="last" /></colgroup>
          <thead>
            <tr aria-rowindex="1">
              <th scope="col" class="tick"><span class="visually-hidden">${this.labels.tick}</span></th>
              <th scope="col">${this.labels.organisation}</th>
              <th scope="col">${this.labels.administration}</th>
              <th scope="col">${this.locked ? this.labels.status : html`<span class="visually-hidden">${this.labels.change}</span>`}</th>
            </tr>
          </thead>
          <tbody>
            ${before > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan="4" data-style=${styleProps({ 'block-size': `${before}px` })}></td></tr>` : nothing}
            ${repeat(rows, ({ row }) => row.id, ({ row, index }) => this.row(row, index))}
            ${after > 0 ? html`<tr class="spacer" aria-hidden="true"><td colspan="4" data-style=${styleProps({ 'block-size': `${after}px` })}></td></tr>` : nothing}
          </tbody>
        </table>
      </div>`;
  }
}

export const BATCH_TABLE_TAG = 'autopilot-connect-batch-table';

/** Registers the table once; a page that already has it (this or another copy) keeps that one. */
export function defineBatchTable(): void {
  if (!customElements.get(BATCH_TABLE_TAG)) customElements.define(BATCH_TABLE_TAG, BatchTable);
}

declare global {
  interface HTMLElementTagNameMap {
    'autopilot-connect-batch-table': BatchTable;
  }
}
