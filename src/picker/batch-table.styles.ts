import { css } from 'lit';

/** The batch table's look, from the main element's custom properties (inherited into this shadow root). */
export const batchTableStyles = css`
  :host { display: block; container-type: inline-size; }
  .scroll {
    /* Taller than a picker's list by default: the table is the step. */
    max-block-size: var(--autopilot-connect-table-height, max(min(24rem, 60vh), 100vh - 24rem));
    overflow-y: auto;
    overflow-anchor: none;
    border: 1px solid var(--ac-border);
    border-radius: var(--ac-radius);
    background: var(--ac-surface);
  }
  /* Fixed columns: a long word wraps only where it must, never squeezing a neighbour to letters. */
  table { inline-size: 100%; border-collapse: collapse; table-layout: fixed; }
  col.tick { inline-size: 2.75rem; }
  col.organisation { inline-size: 36%; }
  col.last { inline-size: 7.5rem; }
  table.locked col.last { inline-size: 30%; }
  caption { text-align: start; font-weight: 600; padding: 0.5rem 0.75rem; }
  thead th { position: sticky; inset-block-start: 0; z-index: 1; background: var(--ac-surface); text-align: start; font-size: 0.875rem; color: var(--ac-muted); padding: 0.375rem 0.75rem; border-block-end: 1px solid var(--ac-border); }
  td, tbody th { padding: 0.5rem 0.75rem; vertical-align: top; text-align: start; font-weight: normal; border-block-start: 1px solid var(--ac-border); }
  tr.spacer td { padding: 0; border: 0; }
  input[type='checkbox'] { inline-size: 1.5rem; block-size: 1.5rem; margin: 0; accent-color: var(--ac-primary); }
  input[aria-disabled='true'] { opacity: 0.5; cursor: not-allowed; }
  .organisation label { display: block; font-weight: 600; unicode-bidi: plaintext; overflow-wrap: anywhere; cursor: pointer; }
  .detail, .match { display: block; font-size: 0.875rem; color: var(--ac-muted); }
  .administration .name { display: block; unicode-bidi: plaintext; overflow-wrap: anywhere; }
  .match.weak, .match.none { color: var(--ac-warning-text); font-weight: 600; }
  .conflict { display: block; margin-block-start: 0.25rem; font-size: 0.875rem; font-weight: 600; color: var(--ac-error); }
  tr.ticked { background: var(--ac-selected-bg); }
  .status { font-size: 0.875rem; }
  .status.connected .mark { color: var(--ac-success); font-weight: 700; }
  .status.failed { color: var(--ac-error); font-weight: 600; }
  .status.skipped, .status.pending { color: var(--ac-muted); }
  .tick-all { display: inline-flex; gap: 0.5rem; align-items: center; margin-block-end: 0.5rem; font-weight: 600; cursor: pointer; }
  /* \`Wijzigen\`: a secondary button, one size smaller to sit in a row. */
  button.change {
    min-block-size: 2.25rem;
    padding: var(--ac-space-1) var(--ac-space-3);
    font: inherit;
    font-weight: 600;
    color: var(--ac-text);
    background: var(--ac-surface);
    border: 2px solid var(--ac-border-strong);
    border-radius: var(--ac-radius);
    cursor: pointer;
  }
  input:focus-visible, button:focus-visible { outline: 3px solid var(--ac-focus); outline-offset: 2px; }
  .visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  /* A phone: each row a block of its own, nothing to scroll sideways. */
  @container (max-width: 34rem) {
    thead, colgroup { display: none; }
    tbody tr.row { display: grid; grid-template-columns: 2.5rem 1fr; padding: 0.5rem 0.75rem; border-block-start: 1px solid var(--ac-border); }
    tbody tr.row > * { border: 0; padding: 0.125rem 0; }
    tbody tr.row > .tick { grid-row: span 3; }
    tr.spacer, tr.spacer td { display: block; }
  }
  @media (forced-colors: active) {
    .conflict, .match.weak { forced-color-adjust: none; color: CanvasText; }
    button.change { border-color: ButtonText; }
    input:focus-visible, button:focus-visible { outline-color: Highlight; }
  }
`;
