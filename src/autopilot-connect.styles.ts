import { css } from 'lit';

/**
 * The default look follows the eConnect platform: a purple bar, green primary buttons.
 * Hosts restyle through the public `--autopilot-connect-*` custom properties and the parts;
 * the `--ac-*` ones are internal shorthands.
 */
export const autopilotConnectStyles = css`
  :host {
    --ac-accent: var(--autopilot-connect-accent, #5b2a86);
    --ac-accent-text: var(--autopilot-connect-accent-text, #ffffff);
    --ac-primary: var(--autopilot-connect-primary, #1e7b34);
    --ac-primary-hover: var(--autopilot-connect-primary-hover, #175f28);
    --ac-primary-text: var(--autopilot-connect-primary-text, #ffffff);
    --ac-text: var(--autopilot-connect-text, #1f1d2b);
    --ac-muted: var(--autopilot-connect-muted, #575468);
    --ac-surface: var(--autopilot-connect-surface, #ffffff);
    --ac-background: var(--autopilot-connect-background, #f6f5fa);
    --ac-border: var(--autopilot-connect-border, #dcd9e6);
    --ac-border-strong: var(--autopilot-connect-border-strong, #767387);
    --ac-focus: var(--autopilot-connect-focus, #2f5fd0);
    --ac-error: var(--autopilot-connect-error, #b3261e);
    --ac-error-bg: var(--autopilot-connect-error-background, #fdecea);
    --ac-success-bg: var(--autopilot-connect-success-background, #e8f5ec);
    --ac-warning-text: var(--autopilot-connect-warning-text, #7a4b00);
    --ac-notice-bg: var(--autopilot-connect-notice-background, #fff6e0);
    --ac-active-bg: var(--autopilot-connect-active-background, #eef1fc);
    --ac-selected-bg: var(--autopilot-connect-selected-background, #e8f5ec);
    --ac-radius: var(--autopilot-connect-radius, 6px);

    display: block;
    container-type: inline-size;
    font-family: var(--autopilot-connect-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--autopilot-connect-font-size, 1rem);
    line-height: 1.5;
    color: var(--ac-text);
  }
  * { box-sizing: border-box; }
  .base { background: var(--ac-background); border: 1px solid var(--ac-border); border-radius: var(--ac-radius); overflow: hidden; min-inline-size: 0; }
  .header { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; justify-content: space-between; padding: 0.75rem 1rem; background: var(--ac-accent); color: var(--ac-accent-text); }
  .header h1 { margin: 0; font-size: 1.125rem; }
  .header .step { font-size: 0.875rem; }
  .body { padding: 1rem; background: var(--ac-surface); }
  .heading { margin: 0 0 0.75rem; font-size: 1.375rem; line-height: 1.3; }
  .heading:focus { outline: none; }
  .heading:focus-visible { outline: 3px solid var(--ac-focus); outline-offset: 2px; }
  p { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
  .meta, .card-meta, .hint { color: var(--ac-muted); font-size: 0.875rem; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; justify-content: flex-end; margin-block: 1rem 0.5rem; }
  .actions.start { justify-content: flex-start; }
  .nav { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; margin-block-start: 1rem; padding-block-start: 0.75rem; border-block-start: 1px solid var(--ac-border); }
  .button {
    display: inline-flex; align-items: center; gap: 0.375rem;
    min-block-size: 2.5rem; min-inline-size: 2.5rem; padding: 0.5rem 1rem;
    font: inherit; font-weight: 600; text-decoration: none;
    border-radius: var(--ac-radius); border: 2px solid transparent; cursor: pointer;
  }
  .button:focus-visible { outline: 3px solid var(--ac-focus); outline-offset: 2px; }
  .primary { background: var(--ac-primary); color: var(--ac-primary-text); }
  .primary:hover { background: var(--ac-primary-hover); }
  .primary[aria-disabled='true'] { opacity: 0.55; cursor: not-allowed; }
  .primary[aria-busy='true'] { opacity: 0.8; cursor: progress; }
  .secondary { background: var(--ac-surface); color: var(--ac-text); border-color: var(--ac-border-strong); }
  .link { background: none; color: var(--ac-text); text-decoration: underline; padding-inline: 0.5rem; }
  .icon { inline-size: 1.25rem; block-size: 1.25rem; }
  .progress { display: flex; gap: 0.5rem; align-items: center; color: var(--ac-muted); }
  .spinner { inline-size: 1rem; block-size: 1rem; border: 2px solid var(--ac-border); border-block-start-color: var(--ac-accent); border-radius: 50%; animation: spin 0.8s linear infinite; flex: none; }
  .button .spinner { border-color: currentColor; border-block-start-color: transparent; }
  @keyframes spin { to { transform: rotate(360deg); } }
  .error { padding: 0.75rem 1rem; border-inline-start: 4px solid var(--ac-error); background: var(--ac-error-bg); border-radius: var(--ac-radius); }
  .error p { margin: 0; }
  .notice { padding: 0.75rem 1rem; background: var(--ac-notice-bg); border-radius: var(--ac-radius); }
  .success { padding: 0.75rem 1rem; background: var(--ac-success-bg); border-radius: var(--ac-radius); }
  .success > p { margin: 0; }
  .success > p + p { margin-block-start: 0.5rem; }
  .done-summary { font-weight: 600; unicode-bidi: plaintext; }
  .empty-state { padding: 1.5rem 1rem; text-align: center; color: var(--ac-muted); border: 1px dashed var(--ac-border-strong); border-radius: var(--ac-radius); }
  .cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; }
  .card { padding: 0.75rem 1rem; border: 1px solid var(--ac-border); border-radius: var(--ac-radius); }
  .card-title { font-weight: 600; margin: 0; unicode-bidi: plaintext; }
  .card-status { margin: 0.25rem 0 0; font-size: 0.875rem; font-weight: 600; color: var(--ac-warning-text); }
  .card .actions { margin-block-start: 0.5rem; }
  /* The connection just made, back on the overview: marked, and focused. */
  .card.made { border-color: var(--ac-accent); box-shadow: inset 0 0 0 1px var(--ac-accent); }
  .card:focus-visible { outline: 3px solid var(--ac-focus); outline-offset: 2px; }
  .badge { display: inline-block; margin-inline-start: 0.5rem; padding: 0 0.5rem; font-size: 0.75rem; border-radius: 999px; background: var(--ac-success-bg); }
  .confirm { margin-block-start: 0.75rem; padding: 0.75rem 1rem; background: var(--ac-notice-bg); border-radius: var(--ac-radius); }
  .confirm p { margin: 0 0 0.5rem; }
  .confirm-question { font-weight: 600; }
  /* The help article's prerequisites and migration note, above New Connection. */
  .prerequisites, .migration { margin-block: 0 1rem; }
  .prerequisites summary { cursor: pointer; font-weight: 600; padding-block: 0.25rem; }
  .prerequisites summary:focus-visible { outline: 3px solid var(--ac-focus); outline-offset: 2px; }
  .notice-title { margin: 0 0 0.5rem; font-size: 1rem; }
  .checklist { list-style: none; margin: 0.5rem 0 0; padding: 0; display: grid; gap: 0.5rem; }
  .checklist li { display: flex; gap: 0.5rem; }
  .checklist .hint { display: block; }
  .checklist .not_met .hint { color: inherit; }
  .mark { flex: none; inline-size: 1.25rem; text-align: center; font-weight: 700; }
  .not_met .mark { color: var(--ac-warning-text); }
  .migration ol { margin: 0 0 0.75rem; padding-inline-start: 1.25rem; }
  .flows { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); margin: 1rem 0 0; padding: 0.5rem 1rem 0.75rem; }
  .flows legend { font-weight: 600; padding-inline: 0.25rem; }
  .radio { display: flex; gap: 0.5rem; align-items: flex-start; padding-block: 0.375rem; cursor: pointer; }
  .radio input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0.15rem 0 0; accent-color: var(--ac-primary); flex: none; }
  .radio-label { display: block; font-weight: 600; }
  .radio .hint { display: block; }
  .field { display: grid; gap: 0.25rem; max-inline-size: 16rem; }
  .field span { font-weight: 600; }
  .field input { min-block-size: 2.5rem; padding: 0.375rem 0.5rem; font: inherit; border: 1px solid var(--ac-border-strong); border-radius: var(--ac-radius); }
  /* The date's format under it, and what was wrong with it (empty until a submit). */
  .field + .hint, .field-problem { margin: 0.25rem 0 0; }
  .field-problem { color: var(--ac-error); }
  .field input[aria-invalid='true'] { border: 2px solid var(--ac-error); }
  /* The batch: the picker for one row, what stays apart, how far the run is. */
  .batch-picker { margin-block: 1rem; padding: 0.75rem 1rem; border: 2px solid var(--ac-focus); border-radius: var(--ac-radius); }
  .batch-picker h3 { margin: 0 0 0.5rem; font-size: 1rem; unicode-bidi: plaintext; }
  .batch-apart { margin-block: 0.75rem; }
  .batch-apart summary { cursor: pointer; font-weight: 600; }
  .batch-apart .reason { color: var(--ac-warning-text); }
  .batch-progress progress { inline-size: 100%; block-size: 0.75rem; accent-color: var(--ac-primary); }
  .batch-count { margin: 0 0 0.25rem; }
  .batch-results { padding-inline-start: 1.25rem; }
  .batch-result.failed { color: var(--ac-error); }
  .visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  @container (max-width: 30rem) {
    .actions { justify-content: stretch; }
    .actions .button { flex: 1 1 auto; justify-content: center; }
  }
  @media (prefers-reduced-motion: reduce) {
    /* No spinning: a still ring next to the progress text says enough. */
    .spinner { animation: none; border-block-start-color: var(--ac-border); }
  }
  @media (forced-colors: active) {
    .button { border-color: ButtonText; }
    .primary[aria-disabled='true'] { color: GrayText; border-color: GrayText; }
    .heading:focus-visible, .button:focus-visible { outline-color: Highlight; }
    .error, .notice, .success { border: 1px solid CanvasText; }
  }
`;
