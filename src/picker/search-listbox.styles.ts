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
    margin: 0;
    padding: 0;
    list-style: none;
    max-block-size: var(--autopilot-connect-list-height, 18rem);
    overflow-y: auto;
    border: 1px solid var(--ac-border);
    border-radius: var(--ac-radius);
    background: var(--ac-surface);
  }
  [role='option'] {
    display: grid;
    grid-template-columns: 1.5rem 1fr;
    gap: 0.25rem 0.5rem;
    align-items: start;
    padding: 0.625rem 0.75rem;
    border-block-end: 1px solid var(--ac-border);
    cursor: pointer;
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
  [role='option']:last-child { border-block-end: 0; }
  [role='option'][aria-disabled='true'] { cursor: not-allowed; color: var(--ac-muted); }
  [role='option'].active { background: var(--ac-active-bg); outline: 2px solid var(--ac-focus); outline-offset: -2px; }
  [role='option'][aria-selected='true'] { background: var(--ac-selected-bg); }
  .mark { grid-row: 1; grid-column: 1; inline-size: 1.25rem; block-size: 1.25rem; border: 2px solid var(--ac-border-strong); border-radius: 50%; box-sizing: border-box; margin-block-start: 0.1rem; }
  [aria-selected='true'] .mark { border: 6px solid var(--ac-primary); }
  .label, .description, .reason { grid-column: 2; }
  .label { font-weight: 600; }
  .description { font-size: 0.875rem; color: var(--ac-muted); }
  .reason { font-size: 0.875rem; color: var(--ac-warning-text); }
  .empty { padding: 1rem; color: var(--ac-muted); }
  .more { margin-block-start: 0.5rem; }
  button {
    min-block-size: 2.5rem;
    padding: 0.5rem 1rem;
    font: inherit;
    color: var(--ac-text);
    background: var(--ac-surface);
    border: 1px solid var(--ac-border-strong);
    border-radius: var(--ac-radius);
    cursor: pointer;
  }
  @media (forced-colors: active) {
    [role='option'].active { outline: 2px solid Highlight; }
    [aria-selected='true'] .mark { border-color: Highlight; }
  }
`;
