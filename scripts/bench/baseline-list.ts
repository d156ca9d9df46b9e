/**
 * The benchmark's baseline: a bare Lit element that shows the same organisation list as the
 * picker of <autopilot-connect> — same endpoint (`GET {api-base}/organisations`, 50 per page,
 * `Meer laden` for the next page), same 250 ms search debounce, same row markup and the
 * picker's own stylesheet — and nothing else: no statechart, no response validation, no
 * i18n, no windowing (every loaded row is in the DOM), no keyboard model.
 *
 * Whatever <autopilot-connect> costs on top of this is the price of the flow.
 * Built by scripts/bench/run.mjs; not part of the package.
 */
import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { searchListboxStyles } from '../../src/picker/search-listbox.styles.js';

interface Organisation {
  id: string;
  name: string;
  kvk: string | null;
  connectionId: string | null;
  blockers: { code: string }[];
}

interface Page {
  items: Organisation[];
  nextCursor: string | null;
  total: number;
}

export const BASELINE_DEBOUNCE_MS = 250;

export class BaselineList extends LitElement {
  static override styles = searchListboxStyles;
  static override properties = {
    apiBase: { attribute: 'api-base' },
    items: { state: true },
    query: { state: true },
    total: { state: true },
    nextCursor: { state: true },
    busy: { state: true },
  };

  // Declared, not defined: Lit's accessors must not be shadowed by class fields.
  declare apiBase: string;
  declare items: Organisation[];
  declare query: string;
  declare total: number;
  declare nextCursor: string | null;
  declare busy: boolean;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor() {
    super();
    this.apiBase = '/api';
    this.items = [];
    this.query = '';
    this.total = 0;
    this.nextCursor = null;
    this.busy = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.generation++;
  }

  private async load(more: boolean): Promise<void> {
    const generation = ++this.generation;
    this.busy = true;
    const params = new URLSearchParams();
    if (this.query) params.set('query', this.query);
    if (more && this.nextCursor) params.set('cursor', this.nextCursor);
    const response = await fetch(`${this.apiBase}/organisations${params.size ? `?${params}` : ''}`, { headers: { Accept: 'application/json' } });
    const page = (await response.json()) as Page;
    if (generation !== this.generation) return;
    this.items = more ? [...this.items, ...page.items] : page.items;
    this.total = page.total;
    this.nextCursor = page.nextCursor;
    this.busy = false;
  }

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.busy = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(false), BASELINE_DEBOUNCE_MS);
  }

  protected override render() {
    return html`
      <label for="search">Zoek een organisatie</label>
      <input id="search" type="search" autocomplete="off" spellcheck="false" .value=${this.query} @input=${this.onInput} />
      <p class="count" aria-hidden="true">${this.total === 1 ? '1 organisatie' : `${this.total} organisaties`}</p>
      ${this.items.length === 0
        ? html`<p class="empty">${this.busy ? '' : 'Geen organisaties gevonden'}</p>`
        : html`<ul id="list" role="listbox" tabindex="0" aria-label="Kies de organisatie" aria-busy=${this.busy ? 'true' : 'false'}>
            ${repeat(
              this.items,
              (item) => item.id,
              (item, index) => html`<li id=${`option-${index}`} role="option" aria-selected="false" aria-disabled=${item.blockers.length || item.connectionId ? 'true' : 'false'}>
                <span class="mark" aria-hidden="true"></span>
                <span class="label" dir="auto" title=${item.name}>${item.name}</span>
                <span class="details">
                  ${item.kvk ? html`<span class="description" dir="auto">KvK ${item.kvk}</span>` : nothing}
                  ${item.blockers.length ? html`<span class="reason" dir="auto">Kan nog niet gekoppeld worden</span>` : nothing}
                </span>
              </li>`,
            )}
          </ul>`}
      ${this.nextCursor !== null
        ? html`<button class="more" type="button" ?disabled=${this.busy} @click=${() => void this.load(true)}>Meer laden</button>`
        : nothing}
    `;
  }
}

if (!customElements.get('baseline-list')) customElements.define('baseline-list', BaselineList);
