import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../api/api-error.js';
import { errorMessage } from '../i18n/error-message.js';
import type { Division, Organisation } from '../api/types.js';
import type { ListKey } from '../machine/connect-setup.js';
import type { ConnectEvent, ListState } from '../machine/types.js';
import type { PickerItem, PickerLabels, PickerSearchEvent, PickerSelectEvent } from '../picker/search-listbox.js';
import type { FirstMessages } from '../i18n/first-messages.js';
import type { ViewContext } from './view-context.js';

/**
 * A name from the backend inside a sentence, wrapped in Unicode first-strong isolates (the text
 * form of <bdi>): right-to-left names, or ones with stray direction marks, cannot reorder the
 * sentence around them.
 */
export const isolate = (name: string) => `\u2068${name}\u2069`;

/** The step's heading; the element moves focus here on every step change. */
export const heading = (text: string) => html`<h2 class="heading" tabindex="-1" data-step-heading>${text}</h2>`;

export interface ButtonOptions {
  disabled?: boolean;
  busy?: boolean;
  icon?: TemplateResult;
  /** The step's next action: focus lands here when the focused control disappears. */
  next?: boolean;
}

export const primaryButton = (label: string, onClick: () => void, options: ButtonOptions = {}) =>
  html`<button
    type="button"
    class="button primary"
    part="button primary-button"
    ?data-next-action=${options.next}
    aria-disabled=${options.disabled || options.busy ? 'true' : 'false'}
    aria-busy=${options.busy ? 'true' : 'false'}
    @click=${() => {
      if (!options.disabled && !options.busy) onClick();
    }}
  >
    ${options.busy ? spinner : (options.icon ?? nothing)}${label}
  </button>`;

export const secondaryButton = (label: string, onClick: () => void) =>
  html`<button type="button" class="button secondary" part="button secondary-button" @click=${onClick}>${label}</button>`;

/** The third rank: text only, for the way out (`Annuleren`) and actions that should not draw the eye. */
export const quietButton = (label: string, onClick: (event: Event) => void) =>
  html`<button type="button" class="button quiet" part="button" @click=${onClick}>${label}</button>`;

/** `Annuleren`: quiet, at the end of the nav, on every step. */
export const cancelButton = ({ t, send }: Pick<ViewContext, 't' | 'send'>) =>
  html`<button type="button" class="button quiet" part="button cancel-button" @click=${() => send({ type: 'user.cancel' })}>${t.cancel}</button>`;

export const checkIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z" fill="currentColor" />
</svg>`;

const spinner = html`<span class="spinner" aria-hidden="true"></span>`;

/** A wait for something done in place (a login checked, a request sent): a ring and what happens. */
export const progress = (text: string) => html`<p class="progress" role="status">${spinner}${text}</p>`;

/** A grey shape standing in for text or a control; its width is one of a few (CSS), no inline style (the CSP). */
const bone = (kind: string) => html`<span class="bone ${kind}" aria-hidden="true"></span>`;
const rows = (count: number, row: () => TemplateResult) => Array.from({ length: count }, row);

const skeletons = {
  /** A picker: its search field, its count, and rows with their marks. */
  list: () => html`${bone('field')}${bone('short')}
    <span class="skeleton-list">${rows(4, () => html`<span class="skeleton-row">${bone('dot')}${bone('long')}${bone('short')}</span>`)}</span>`,
  /** The overview: its count, and connection cards with their buttons. */
  cards: () => html`${bone('short')}${rows(2, () => html`<span class="skeleton-card">${bone('long')}${bone('short')}${bone('button')}</span>`)}`,
};

/**
 * Loading that looks like what comes: the shapes of the next content, and for a screen reader
 * the same sentence a progress line says.
 */
export const skeleton = (kind: keyof typeof skeletons, text: string) =>
  html`<div class="skeleton" data-skeleton=${kind}><span class="visually-hidden" role="status">${text}</span>${skeletons[kind]()}</div>`;

/** What went wrong, in one sentence, where the step's own buttons are the way on. */
export const errorNote = (error: ApiError | null, t: FirstMessages) =>
  html`<div class="error" data-alert part="error"><p>${error ? errorMessage(error, t) : t.error_server}</p></div>`;

/** A failed request: what went wrong, in one sentence, and the retry (`Terug` stays where it always is, in the nav). */
export const errorPanel = (error: ApiError | null, { t, send }: ViewContext) =>
  html`${errorNote(error, t)}
    <div class="actions">${primaryButton(t.retry, () => send({ type: 'user.retry' }))}</div>`;

/**
 * A list's count line. The contract's `total` is optional (Exact pages forward only): without
 * it, a list that has all its pages counts them; one with more to come says "more than N".
 */
export const listCount = (list: ListState<unknown>, exact: (count: number) => string, atLeast: (count: number) => string): string =>
  list.total !== null ? exact(list.total) : list.nextCursor === null ? exact(list.items.length) : atLeast(list.items.length);

/** Back and cancel, the way out of every step of the flow: `Terug` at the start, `Annuleren` at the end. */
export const flowNav = ({ t, send }: ViewContext, options: { back?: boolean } = { back: true }) =>
  html`<div class="nav">
    ${options.back ? secondaryButton(t.back, () => send({ type: 'user.back' })) : nothing}
    ${cancelButton({ t, send })}
  </div>`;

/** What each list tells the machine: a search, a chosen row (by its id), `Meer laden`. */
const listEvents = {
  organisations: {
    search: (query: string): ConnectEvent => ({ type: 'user.searchOrganisations', query }),
    choose: (id: string, items: Organisation[]): ConnectEvent | null => {
      const organisation = items.find((item) => item.id === id);
      return organisation ? { type: 'user.selectOrganisation', organisation } : null;
    },
    more: { type: 'user.loadMoreOrganisations' } as ConnectEvent,
  },
  administrations: {
    search: (query: string): ConnectEvent => ({ type: 'user.searchAdministrations', query }),
    choose: (id: string, items: Division[]): ConnectEvent | null => {
      const administration = items.find((item) => String(item.code) === id);
      return administration ? { type: 'user.selectAdministration', administration } : null;
    },
    more: { type: 'user.loadMoreAdministrations' } as ConnectEvent,
  },
};

/**
 * A step's picker (organisations, administrations): the list the machine holds under `key`, its
 * rows and labels, and the chosen row's id; its search, choice and `Meer laden` go to the machine;
 * busy while the machine is. Its parts are passed on as `picker-…`, so a host styles them with
 * `autopilot-connect::part(picker-option)`. The list is written out here, once and literally,
 * because scripts/check-manifest.mjs reads it to check it against the manifest.
 */
export const picker = ({ snapshot, send }: ViewContext, key: ListKey, items: PickerItem[], labels: PickerLabels, selectedId: string | null) => {
  const list = snapshot.context[key];
  const events = listEvents[key];
  // A suggested administration may not be on a page loaded yet: it is chosen from the suggestions.
  const choosable = [...('suggested' in list ? (list.suggested ?? []).map(({ division }) => division) : []), ...list.items];
  return listbox({
    items,
    labels,
    query: list.query,
    selectedId,
    total: list.total,
    hasMore: list.nextCursor !== null,
    busy: snapshot.hasTag('busy'),
    onSearch: (query) => send(events.search(query)),
    onSelect: (id) => {
      const chosen = events.choose(id, choosable as never);
      if (chosen) send(chosen);
    },
    onMore: () => send(events.more),
  });
};

export interface ListboxProps {
  items: PickerItem[];
  labels: PickerLabels;
  query: string;
  selectedId: string | null;
  total: number | null;
  hasMore: boolean;
  busy: boolean;
  onSearch: (query: string) => void;
  onSelect: (id: string, event: Event) => void;
  onMore: () => void;
}

/** The picker element itself, for a list the machine pages (above) or one the view filters (the batch's administrations). */
export const listbox = (props: ListboxProps) =>
  html`<autopilot-connect-listbox
    exportparts="search-label:picker-search-label, search:picker-search, status:picker-status, list:picker-list, option:picker-option, option-active:picker-option-active, option-selected:picker-option-selected, option-disabled:picker-option-disabled, empty:picker-empty, load-more:picker-load-more"
    .items=${props.items}
    .labels=${props.labels}
    .query=${props.query}
    .selectedId=${props.selectedId}
    .total=${props.total}
    .hasMore=${props.hasMore}
    .busy=${props.busy}
    @picker-search=${(event: PickerSearchEvent) => props.onSearch(event.query)}
    @picker-select=${(event: PickerSelectEvent) => props.onSelect(event.id, event)}
    @picker-more=${props.onMore}
  ></autopilot-connect-listbox>`;
