import { css } from 'lit';

export const searchListboxStyles = css`
  :host { display: block; }
  label { display: block; font-weight: 600; margin-block-end: 0.25rem; }
  input {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 2.5rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--ac-surface);
    border: 1px solid var(--ac-border-strong);
    border-radius: var(--ac-radius);
  }
  input:focus-visible, [role='listbox']:focus-visible, button:focus-visible {
    outline: 3px solid var(--ac-focus);
    outline-offset: 2px;
  }
  .count { margin: 0.5rem 0; color: var(--ac-muted); font-size: 0.875rem; }
  [role='listbox'] {
    position: relative;
    margin: 0;
    padding: 0;
    list-style: none;
    /*
     * The room a viewport leaves beside the rest of a step (about 44rem of heading, search, booking
     * flow and buttons): 700px of list on a 1400px screen. Never under 18rem, nor over half a short
     * viewport (a phone), so a finger on the page scrolls the page past the list. vh, not dvh: a
     * browser without dvh would drop the whole declaration, and the list would not scroll at all.
     */
    max-block-size: var(--autopilot-connect-list-height, max(min(18rem, 50vh), 100vh - 44rem));
    overflow-y: auto;
    border: 1px solid var(--ac-border);
    border-radius: var(--ac-radius);
    background: var(--ac-surface);
    overflow-anchor: none;
  }
  /* Spacers for the options not rendered, so the scrollbar reflects the whole list. */
  [role='listbox']::before { content: ''; display: block; block-size: var(--before, 0); }
  [role='listbox']::after { content: ''; display: block; block-size: var(--after, 0); }
  /*
   * Options wrap, so rows differ in height (the windowing measures them): a name is never cut
   * off, at 320 px or at 200 % text. 4em is the least, as one line of name and one of details.
   */
  [role='option'] {
    box-sizing: border-box;
    min-block-size: 4em;
    display: grid;
    grid-template-columns: 1.5rem minmax(0, 1fr);
    align-content: center;
    column-gap: 0.5rem;
    padding: 0.5em 0.75rem;
    border-block-end: 1px solid var(--ac-border);
    cursor: pointer;
  }
  [role='option'].detached { position: absolute; inset-inline: 0; }
  /* The list's last row, not the last one rendered: a row measures the same whatever is rendered around it. */
  [role='option'].last { border-block-end: 0; }
  [role='option'][aria-disabled='true'] { cursor: not-allowed; color: var(--ac-muted); }
  [role='option'].active { background: var(--ac-active-bg); outline: 2px solid var(--ac-focus); outline-offset: -2px; }
  [role='option'][aria-selected='true'] { background: var(--ac-selected-bg); }
  .mark { grid-row: 1; grid-column: 1; align-self: start; inline-size: 1.25rem; block-size: 1.25rem; border: 2px solid var(--ac-border-strong); border-radius: 50%; box-sizing: border-box; margin-block-start: max(0px, (1.5em - 1.25rem) / 2); }
  [aria-selected='true'] .mark { border: 6px solid var(--ac-primary); }
  /* Long words (a 500-character name without spaces, a VAT number) break anywhere rather than stick out. */
  .label, .details { grid-column: 2; line-height: 1.5; min-inline-size: 0; overflow-wrap: anywhere; }
  .label { font-weight: 600; }
  .badge { grid-column: 2; justify-self: start; padding: 0 0.5em; border-radius: var(--ac-radius); background: var(--ac-notice-bg); font-size: 0.875em; font-weight: 600; }
  /* The suggested rows at the top, set off from the list they come from. */
  [role='option'].group-end { border-block-end: 3px double var(--ac-border-strong); }
  .details { display: flex; flex-wrap: wrap; column-gap: 0.75em; font-size: 0.875em; }
  .description, .reason { min-inline-size: 0; }
  .description { color: var(--ac-muted); }
  .reason { color: var(--ac-warning-text); }
  .empty { padding: 1rem; color: var(--ac-muted); }
  .more { margin-block-start: var(--ac-space-2); }
  /* \`Meer laden\`: a secondary button, as in the element around it. */
  button {
    min-block-size: 2.5rem;
    padding: var(--ac-space-2) var(--ac-space-4);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    color: var(--ac-text);
    background: var(--ac-surface);
    border: 2px solid var(--ac-border-strong);
    border-radius: var(--ac-radius);
    cursor: pointer;
  }
  button:hover { background: var(--ac-active-bg); }
  @media (forced-colors: active) {
    [role='option'].active { outline: 2px solid Highlight; }
    [aria-selected='true'] .mark { border-color: Highlight; }
  }
`;
