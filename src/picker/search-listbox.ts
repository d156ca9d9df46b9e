import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { searchListboxStyles } from './search-listbox.styles.js';

export interface PickerItem {
  id: string;
  label: string;
  description?: string;
  /** Why the item cannot be chosen; an item with a reason is shown but disabled. */
  disabledReason?: string;
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

/**
 * A search field with a single-select listbox under it (WAI-ARIA listbox pattern). The list
 * keeps focus while arrow keys, Home/End, Page Up/Down and type-ahead move the active option
 * (aria-activedescendant); Enter or Space selects it. It knows nothing of the flow: it shows
 * the items it is given and tells what the user did.
 */
export class SearchListbox extends LitElement {
  static override styles = searchListboxStyles;

  @property({ attribute: false }) items: PickerItem[] = [];
  @property({ attribute: false }) labels: PickerLabels = { search: '', list: '', count: '', none: '', loadMore: '' };
  @property() query = '';
  @property({ attribute: 'selected-id' }) selectedId: string | null = null;
  @property({ type: Boolean, attribute: 'has-more' }) hasMore = false;
  @property({ type: Boolean }) busy = false;

  @state() private activeIndex = -1;
  @query('[role="listbox"]') private listbox!: HTMLElement | null;

  private typeahead = '';
  /** A click focuses the list too; then the clicked option, not the first, becomes active. */
  private pointerFocus = false;
  private typeaheadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly idPrefix = `picker-${Math.random().toString(36).slice(2, 8)}`;

  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.activeIndex >= this.items.length) this.activeIndex = this.items.length - 1;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('activeIndex') && this.activeIndex >= 0) {
      this.renderRoot.querySelector(`#${this.optionId(this.activeIndex)}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  private optionId(index: number): string {
    return `${this.idPrefix}-${index}`;
  }

  private onInput(event: InputEvent): void {
    this.activeIndex = -1;
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
    if (this.activeIndex >= this.items.length - 5 && this.hasMore && !this.busy) this.dispatchEvent(new PickerMoreEvent());
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
    if (this.hasMore && !this.busy && list.scrollTop + list.clientHeight >= list.scrollHeight - 200) {
      this.dispatchEvent(new PickerMoreEvent());
    }
  }

  protected override render() {
    const active = this.activeIndex >= 0 ? this.optionId(this.activeIndex) : nothing;
    return html`
      <label for="search">${this.labels.search}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        .value=${this.query}
        aria-controls="list"
        @input=${this.onInput}
        @keydown=${this.onSearchKeydown}
      />
      <p class="count" aria-hidden="true">${this.labels.count}</p>
      ${this.items.length === 0
        ? html`<p class="empty">${this.busy ? '' : this.labels.none}</p>`
        : html`<ul
            id="list"
            role="listbox"
            tabindex="0"
            aria-label=${this.labels.list}
            aria-activedescendant=${active}
            aria-busy=${this.busy ? 'true' : 'false'}
            @pointerdown=${() => (this.pointerFocus = true)}
            @pointerup=${() => (this.pointerFocus = false)}
            @focus=${this.onListFocus}
            @keydown=${this.onListKeydown}
            @scroll=${this.onScroll}
          >
            ${repeat(
              this.items,
              (item) => item.id,
              (item, index) => html`<li
                id=${this.optionId(index)}
                role="option"
                class=${index === this.activeIndex ? 'active' : ''}
                aria-selected=${item.id === this.selectedId ? 'true' : 'false'}
                aria-disabled=${item.disabledReason ? 'true' : 'false'}
                @click=${() => {
                  this.activeIndex = index;
                  this.select(index);
                }}
              >
                <span class="mark" aria-hidden="true"></span>
                <span class="label">${item.label}</span>
                ${item.description ? html`<span class="description">${item.description}</span>` : nothing}
                ${item.disabledReason ? html`<span class="reason">${item.disabledReason}</span>` : nothing}
              </li>`,
            )}
          </ul>`}
      ${this.hasMore
        ? html`<button class="more" type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(new PickerMoreEvent())}>
            ${this.labels.loadMore}
          </button>`
        : nothing}
    `;
  }
}
