import { SearchListbox } from './search-listbox.js';

export const PICKER_TAG = 'autopilot-connect-listbox';

/** Registers the picker once; a page that already has it (this or another copy) keeps that one. */
export function definePicker(): void {
  if (!customElements.get(PICKER_TAG)) customElements.define(PICKER_TAG, SearchListbox);
}
