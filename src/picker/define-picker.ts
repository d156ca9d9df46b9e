import { defineBatchTable } from './batch-table.js';
import { SearchListbox } from './search-listbox.js';

export const PICKER_TAG = 'autopilot-connect-listbox';

/** Registers the picker and the batch's table once; a page that already has them (this or another copy) keeps those. */
export function definePicker(): void {
  if (!customElements.get(PICKER_TAG)) customElements.define(PICKER_TAG, SearchListbox);
  defineBatchTable();
}
