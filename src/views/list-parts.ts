import { html } from 'lit';
import type { Division, Organisation } from '../api/types.js';
import type { ListKey } from '../machine/connect-setup.js';
import type { ConnectEvent, ListState } from '../machine/types.js';
import type { PickerItem, PickerLabels, PickerSearchEvent, PickerSelectEvent } from '../picker/search-listbox.js';
import type { ViewContext } from './view-context.js';

// The pickers' templates: only the later steps show a list, so these are in their chunk.

/**
 * A list's count line. The contract's `total` is optional (Exact pages forward only): without
 * it, a list that has all its pages counts them; one with more to come says "more than N".
 */
export const listCount = (list: ListState<unknown>, exact: (count: number) => string, atLeast: (count: number) => string): string =>
  list.total !== null ? exact(list.total) : list.nextCursor === null ? exact(list.items.length) : atLeast(list.items.length);

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
