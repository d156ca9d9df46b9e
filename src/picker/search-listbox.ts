import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { searchListboxStyles } from './search-listbox.styles.js';
import { styleProps } from './style-props.js';
import { anchoredScrollTop, averageHeight, revealScrollTop, rowAt, rowOffsets, windowRange } from './window-range.js';

export interface PickerItem {
  id: string;
  label: string;
  description?: string;
  /** Why the item cannot be chosen; an item with a reason is shown but disabled. */
  disabledReason?: string;
  /** A mark under the label (why it is suggested), after the name in what a reader hears. Marked rows at the top form a group, set off from the rest. */
  badge?: string;
}

export interface PickerLabels {
  search: string;
  list: string;
  count: string;
  none: string;
  loadMore: string;
}

export class PickerSearchEvent extends Event {
  constructor(readonly query: string) {
    super('picker-search', { bubbles: true, composed: true });
  }
}
export class PickerSelectEvent extends Event {
  constructor(readonly id: string) {
    super('picker-select', { bubbles: true, composed: true });
  }
}
export class PickerMoreEvent extends Event {
  constructor() {
    super('picker-more', { bubbles: true, composed: true });
  }
}

const TYPEAHEAD_RESET_MS = 600;
/** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
const OVERSCAN = 6;
/** Short lists (a dozen organisations) are rendered whole; longer ones only the visible window. */
const RENDER_ALL_UP_TO = 30;
/** Loading more starts when the user comes this close to the last loaded option. */
const NEAR_END = 5;

/**
 * A search field with a single-select listbox under it (WAI-ARIA listbox pattern). The list
 * keeps focus while arrow keys, Home/End, Page Up/Down and type-ahead move the active option
 * (aria-activedescendant); Enter or Space selects it. It knows nothing of the flow: it shows
 * the items it is given and tells what the user did.
 *
 * Long lists are windowed: only the visible options plus an overscan are rendered, between two
 * spacers that keep the scrollbar true to the whole list. Options wrap (a name is never cut
 * off, at 320 px or 200 % text), so rows differ in height: each rendered row is measured and
 * remembered, rows not seen yet count as the average, and the window and spacers come from the
 * prefix sums of those heights (window-range.ts). The active option is always rendered, so
 * aria-activedescendant always points at an element; aria-setsize/posinset tell where it is.
 *
 * Its parts are named for the picker alone; `<autopilot-connect>` passes them on with
 * `exportparts` as `picker-…` (`picker-search`, `picker-option`, …), so a host styles them there.
 *
 * @tagname autopilot-connect-listbox
 *
 * @fires {PickerSearchEvent} picker-search - the user typed in the search field; `event.query`.
 * @fires {PickerSelectEvent} picker-select - the user chose an option; `event.id`.
 * @fires {PickerMoreEvent} picker-more - the user scrolled near the end of what is loaded, or pressed `Meer laden`.
 *
 * @csspart search-label - the label above the search field.
 * @csspart search - the search field.
 * @csspart status - the line under the search field that says how many were found.
 * @csspart list - the scrolling list.
 * @csspart option - every row of the list.
 * @csspart option-active - the row the keyboard is on.
 * @csspart option-selected - the chosen row.
 * @csspart option-disabled - a row that cannot be chosen (its reason is shown in it).
 * @csspart empty - the message shown when nothing was found.
 * @csspart load-more - the `Meer laden` button, while there is more to load.
 *
 * @cssprop [--autopilot-connect-list-height=max(min(18rem, 50vh), 100vh - 44rem)] - the most the list grows before it scrolls: by default the room the viewport leaves beside the rest of a step, at least 18rem (at most half a short viewport, so the page still scrolls past it).
 */
export class SearchListbox extends LitElement {
  static override styles = searchListboxStyles;
  // Rows are measured once they are in the DOM and rendered again when they differ from the
  // estimate: that second update is the design of a windowed list, not an accident, so Lit's
  // development-build warning about it would only be noise in every host's console.
  static {
    this.disableWarning?.('change-in-update');
  }

  @property({ attribute: false }) items: PickerItem[] = [];
  @property({ attribute: false }) labels: PickerLabels = { search: '', list: '', count: '', none: '', loadMore: '' };
  @property() query = '';
  @property({ attribute: 'selected-id' }) selectedId: string | null = null;
  @property({ type: Boolean, attribute: 'has-more' }) hasMore = false;
  @property({ type: Boolean }) busy = false;
  /** How many items there are in all (loaded or not), for aria-setsize; items.length if not given. */
  @property({ type: Number }) total: number | null = null;

  @state() private activeIndex = -1;
  /** The list's scroll position; read from the DOM before each render, as is the viewport height. */
  @state() private listScroll = 0;
  /** 18rem at 16px until measured. */
  private viewportHeight = 288;
  /** The height of each row as last rendered (NaN: never rendered); per index of `items`. */
  private heights: Float64Array = new Float64Array(0);
  /** The estimate for rows not measured: the average measured height (4em at 16px at first). */
  private estimate = 64;
  /** Top of each row (prefix sums of heights); recomputed only when `heights` or the items change. */
  private offsets: Float64Array = new Float64Array(1);
  private offsetsStale = true;
  /** A scrollTop worked out before rendering, applied once the new spacers are in the DOM. */
  private pendingScroll: number | null = null;
  /** The option a keyboard move scrolls to: kept in view until its measured height is known. */
  private revealing = -1;
  /** The width heights were measured at: another width wraps differently, so they are forgotten. */
  private measuredWidth = 0;
  @query('[role="listbox"]') private listbox!: HTMLElement | null;

  private typeahead = '';
  /** A click focuses the list too; then the clicked option, not the first, becomes active. */
  private pointerFocus = false;
  private typeaheadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly idPrefix = `picker-${Math.random().toString(36).slice(2, 8)}`;
  /** picker-more was sent for the items as they are; not again until they change or loading ends. */
  private moreAsked = false;
  /** The user searched: the answer is a new list, shown from its first match. */
  private searched = false;
  /** A resize of the list or of its rows (font, zoom, width) renders again with the new sizes. */
  private readonly resizeObserver = new ResizeObserver(() => {
    const viewportHeight = this.viewportHeight;
    if (this.measureRows() || viewportHeight !== this.viewportHeight) this.requestUpdate();
  });
  private observed = new Set<Element>();

  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.observed.clear();
    clearTimeout(this.typeaheadTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items')) {
      if (this.activeIndex >= this.items.length) this.activeIndex = this.items.length - 1;
      this.keepHeights(changed.get('items') ?? []);
    }
    if (changed.has('items') || (changed.has('busy') && !this.busy)) this.moreAsked = false;
    const list = this.listbox;
    if (list && list.clientHeight > 0) this.viewportHeight = list.clientHeight;
    this.listScroll = list?.scrollTop ?? 0;
    if (changed.has('items') && this.searched) {
      this.searched = false;
      this.listScroll = this.pendingScroll = 0;
    }
    if (this.offsetsStale) this.updateOffsets(!changed.has('items'));
  }

  protected override updated(): void {
    const list = this.listbox;
    if (list && this.pendingScroll !== null) {
      list.scrollTop = this.pendingScroll;
      this.listScroll = list.scrollTop;
    }
    this.pendingScroll = null;
    this.observeRows();
    // Rows measured differently from what was assumed: render again with the new offsets.
    if (this.measureRows()) this.requestUpdate();
    else this.revealing = -1;
  }

  /** New items: the heights of rows that are still the same item (a next page appended) stay known. */
  private keepHeights(previous: PickerItem[]): void {
    const heights = new Float64Array(this.items.length).fill(Number.NaN);
    for (let index = 0; index < heights.length && previous[index]?.id === this.items[index]!.id; index++) heights[index] = this.heights[index]!;
    this.heights = heights;
    this.offsetsStale = true;
  }

  /**
   * The offsets from the heights as they are now. Unless the items changed, the first visible
   * row keeps its place on screen (rows above it that turned out taller or shorter do not shift
   * it), and an option being revealed by the keyboard is scrolled fully into view.
   */
  private updateOffsets(anchor: boolean): void {
    const before = this.offsets;
    this.estimate = averageHeight(this.heights, this.estimate);
    this.offsets = rowOffsets(this.heights, this.estimate);
    this.offsetsStale = false;
    let scrollTop = anchor ? anchoredScrollTop(before, this.offsets, this.listScroll) : this.listScroll;
    if (this.revealing >= 0 && this.revealing < this.items.length) scrollTop = revealScrollTop(this.offsets, this.revealing, scrollTop, this.viewportHeight);
    if (scrollTop !== this.listScroll) this.listScroll = this.pendingScroll = scrollTop;
  }

  /** Watches the list and the rendered options for size changes (text size, zoom, width). */
  private observeRows(): void {
    const now = new Set<Element>(this.listbox ? [this.listbox, ...this.listbox.querySelectorAll('[role="option"]')] : []);
    for (const element of this.observed) if (!now.has(element)) this.resizeObserver.unobserve(element);
    for (const element of now) if (!this.observed.has(element)) this.resizeObserver.observe(element);
    this.observed = now;
  }

  /** Reads the height of every rendered option into the cache; true if any changed. */
  private measureRows(): boolean {
    const list = this.listbox;
    if (!list || list.clientWidth === 0) return false;
    if (list.clientHeight > 0) this.viewportHeight = list.clientHeight;
    let changed = false;
    if (list.clientWidth !== this.measuredWidth) {
      this.measuredWidth = list.clientWidth;
      this.heights.fill(Number.NaN);
      changed = true;
    }
    for (const option of list.querySelectorAll<HTMLElement>('[role="option"]')) {
      const index = Number(option.dataset['index']);
      // offsetHeight: layout px, the units of scrollTop and of the spacer heights (a rect would be scaled by zoom).
      const height = option.offsetHeight;
      if (height > 0 && height !== this.heights[index]) {
        this.heights[index] = height;
        changed = true;
      }
    }
    if (changed) this.offsetsStale = true;
    return changed;
  }

  private optionId(index: number): string {
    return `${this.idPrefix}-${index}`;
  }

  private onInput(event: InputEvent): void {
    this.activeIndex = -1;
    this.searched = true;
    this.dispatchEvent(new PickerSearchEvent((event.target as HTMLInputElement).value));
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && this.items.length > 0) {
      event.preventDefault();
      this.listbox?.focus();
      this.moveTo(Math.max(0, this.activeIndex));
    }
  }

  private select(index: number): void {
    const item = this.items[index];
    if (!item || item.disabledReason) return;
    this.dispatchEvent(new PickerSelectEvent(item.id));
  }

  private moveTo(index: number): void {
    if (this.items.length === 0) return;
    this.activeIndex = Math.min(this.items.length - 1, Math.max(0, index));
    this.reveal(this.activeIndex);
    if (this.activeIndex >= this.items.length - NEAR_END) this.askMore();
  }

  /**
   * Scrolls the option into view before rendering, so the render includes it. Its height may be
   * an estimate until it is rendered: `revealing` scrolls again once it is measured.
   */
  private reveal(index: number): void {
    const list = this.listbox;
    if (!list) return;
    if (list.clientHeight > 0) this.viewportHeight = list.clientHeight;
    list.scrollTop = revealScrollTop(this.offsets, index, list.scrollTop, this.viewportHeight);
    this.listScroll = list.scrollTop;
    this.revealing = index;
  }

  private askMore(): void {
    if (!this.hasMore || this.busy || this.moreAsked) return;
    this.moreAsked = true;
    this.dispatchEvent(new PickerMoreEvent());
  }

  private onListFocus(): void {
    if (this.activeIndex < 0 && !this.pointerFocus) {
      const selected = this.items.findIndex((item) => item.id === this.selectedId);
      this.moveTo(selected >= 0 ? selected : 0);
    }
  }

  private onListKeydown(event: KeyboardEvent): void {
    const page = 8;
    const keys: Record<string, () => void> = {
      ArrowDown: () => this.moveTo(this.activeIndex + 1),
      ArrowUp: () => this.moveTo(this.activeIndex - 1),
      Home: () => this.moveTo(0),
      End: () => this.moveTo(this.items.length - 1),
      PageDown: () => this.moveTo(this.activeIndex + page),
      PageUp: () => this.moveTo(this.activeIndex - page),
      Enter: () => this.select(this.activeIndex),
      ' ': () => this.select(this.activeIndex),
    };
    const action = keys[event.key];
    if (action && !(event.key === ' ' && this.typeahead)) {
      event.preventDefault();
      action();
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.typeAhead(event.key);
    }
  }

  /** Jump to the next option whose label starts with what was typed in quick succession. */
  private typeAhead(character: string): void {
    clearTimeout(this.typeaheadTimer);
    this.typeaheadTimer = setTimeout(() => (this.typeahead = ''), TYPEAHEAD_RESET_MS);
    this.typeahead += character.toLocaleLowerCase();
    const start = this.typeahead.length === 1 ? this.activeIndex + 1 : Math.max(0, this.activeIndex);
    const count = this.items.length;
    for (let offset = 0; offset < count; offset++) {
      const index = (start + offset) % count;
      if (this.items[index]?.label.toLocaleLowerCase().startsWith(this.typeahead)) {
        this.moveTo(index);
        return;
      }
    }
  }

  private onScroll(event: Event): void {
    const list = event.target as HTMLElement;
    this.listScroll = list.scrollTop;
    const lastVisible = rowAt(this.offsets, list.scrollTop + list.clientHeight - 1);
    if (lastVisible >= this.items.length - NEAR_END) this.askMore();
  }

  /** The window of options (or all of a short list) between spacers, and the active option wherever it is. */
  private renderList() {
    const count = this.items.length;
    const { listScroll: scrollTop, viewportHeight, offsets, activeIndex: active } = this;
    const { start, end } = count <= RENDER_ALL_UP_TO ? { start: 0, end: count } : windowRange({ scrollTop, viewportHeight, offsets, overscan: OVERSCAN });
    const rows = Array.from({ length: end - start }, (_, offset) => start + offset);
    // Scrolled away from by wheel or scrollbar, the active option stays: out of sight at its own place.
    if (active >= 0 && (active < start || active >= end)) rows[active < start ? 'unshift' : 'push'](active);
    const spacers = { '--before': `${offsets[start]}px`, '--after': `${offsets[count]! - offsets[end]!}px` };
    return html`<ul
      id="list"
      part="list"
      role="listbox"
      tabindex="0"
      aria-label=${this.labels.list}
      aria-activedescendant=${active >= 0 ? this.optionId(active) : nothing}
      aria-busy=${this.busy ? 'true' : 'false'}
      data-style=${styleProps(spacers)}
      @pointerdown=${() => (this.pointerFocus = true)}
      @pointerup=${() => (this.pointerFocus = false)}
      @focus=${this.onListFocus}
      @keydown=${this.onListKeydown}
      @scroll=${this.onScroll}
    >
      ${repeat(rows, (index) => this.items[index]!.id, (index) => this.renderOption(index, index < start || index >= end))}
    </ul>`;
  }

  private renderOption(index: number, detached: boolean) {
    const item = this.items[index]!;
    const active = index === this.activeIndex;
    const selected = item.id === this.selectedId;
    const groupEnd = Boolean(item.badge) && !this.items[index + 1]?.badge;
    // A part per state beside `option`, so a host can style each state from outside (the names stay
    // literal here: scripts/check-manifest.mjs reads them from the template).
    return html`<li
      id=${this.optionId(index)}
      role="option"
      part=${['option', active ? 'option-active' : '', selected ? 'option-selected' : '', item.disabledReason ? 'option-disabled' : ''].filter(Boolean).join(' ')}
      data-index=${index}
      class=${[active ? 'active' : '', detached ? 'detached' : '', index === this.items.length - 1 ? 'last' : '', groupEnd ? 'group-end' : ''].join(' ').trim()}
      data-style=${styleProps(detached ? { top: `${this.offsets[index]}px` } : {})}
      aria-selected=${selected ? 'true' : 'false'}
      aria-disabled=${item.disabledReason ? 'true' : 'false'}
      aria-setsize=${Math.max(this.items.length, this.total ?? 0)}
      aria-posinset=${index + 1}
      @click=${() => {
        this.activeIndex = index;
        this.reveal(index);
        this.select(index);
      }}
    >
      <span class="mark" aria-hidden="true"></span>
      <span class="label" dir="auto">${item.label}</span>
      ${item.badge ? html`<span class="badge">${item.badge}</span>` : nothing}
      <span class="details">
        ${item.description ? html`<span class="description" dir="auto">${item.description}</span>` : nothing}
        ${item.disabledReason ? html`<span class="reason" dir="auto">${item.disabledReason}</span>` : nothing}
      </span>
    </li>`;
  }

  protected override render() {
    return html`
      <label for="search" part="search-label">${this.labels.search}</label>
      <input
        id="search"
        part="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        .value=${this.query}
        aria-controls=${this.items.length > 0 ? 'list' : nothing}
        @input=${this.onInput}
        @keydown=${this.onSearchKeydown}
      />
      <p class="count" part="status" aria-hidden="true">${this.labels.count}</p>
      ${this.items.length === 0
        ? html`<p class="empty" part="empty">${this.busy ? '' : this.labels.none}</p>`
        : this.renderList()}
      ${this.hasMore
        ? html`<button class="more" part="load-more" type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new PickerMoreEvent())}>
            ${this.labels.loadMore}
          </button>`
        : nothing}
    `;
  }
}
