import { css } from 'lit';

/**
 * The later steps' own rules (the step indicator, the system step's card, the booking flows,
 * the date field, the batch): in their chunk, adopted by the element's shadow root beside its
 * own styles (autopilot-connect.styles.ts, whose tokens they use) when the chunk has loaded.
 */
export const laterStepStyles = css`
  /* The step indicator: the five steps by name, each a numbered mark on one line, those taken ticked; on a phone the current one's name alone. */
  .steps { display: flex; margin: 0; padding: var(--ac-space-3) var(--ac-space-2); list-style: none; background: var(--ac-surface); border-block-end: 1px solid var(--ac-border); font-size: var(--ac-text-s); line-height: 1.3; counter-reset: step; }
  .steps li { position: relative; flex: 1 1 0; display: flex; flex-direction: column; align-items: center; gap: var(--ac-space-1); min-inline-size: 0; text-align: center; overflow-wrap: anywhere; color: var(--ac-muted); counter-increment: step; }
  .steps li::before { content: counter(step); display: grid; place-items: center; inline-size: 1.5rem; block-size: 1.5rem; border: 2px solid var(--ac-border-strong); border-radius: 50%; background: var(--ac-surface); font-weight: 700; font-size: 0.75rem; }
  .steps li + li::after { content: ''; position: absolute; inset-block-start: calc(0.75rem - 1px); inset-inline: calc(-50% + 1rem) calc(50% + 1rem); block-size: 2px; background: var(--ac-border); }
  .steps .done::before { content: '✓'; border-color: var(--ac-success); color: var(--ac-success); }
  .steps .done + li::after { background: var(--ac-success); }
  .steps [aria-current='step'] { color: var(--ac-text); font-weight: 700; }
  .steps [aria-current='step']::before { background: var(--ac-accent); border-color: var(--ac-accent); color: var(--ac-accent-text); }

  /* The system step: Exact Online as a card to choose (the whole card is the button). */
  .choice { display: flex; gap: var(--ac-space-3); align-items: center; inline-size: 100%; margin-block: var(--ac-space-4); padding: var(--ac-space-4); font: inherit; text-align: start; color: var(--ac-text); background: var(--ac-surface); border: 2px solid var(--ac-border-strong); border-radius: var(--ac-radius); cursor: pointer; }
  .choice:hover { border-color: var(--ac-primary); background: var(--ac-active-bg); }
  .choice-mark { flex: none; display: grid; place-items: center; inline-size: 2.75rem; block-size: 2.75rem; border-radius: 50%; background: #e1201e; color: #fff; font-weight: 700; font-size: var(--ac-text-l); }
  .choice-text { flex: 1; display: grid; gap: var(--ac-space-1); }
  .choice-name { font-weight: 700; font-size: var(--ac-text-l); }
  .choice-go { flex: none; font-size: var(--ac-text-xl); color: var(--ac-muted); }

  .flows { border: 1px solid var(--ac-border); border-radius: var(--ac-radius); margin: var(--ac-space-4) 0 0; padding: var(--ac-space-2) var(--ac-space-4) var(--ac-space-3); }
  .flows legend { font-weight: 600; padding-inline: var(--ac-space-1); }
  .radio { display: flex; gap: var(--ac-space-2); align-items: flex-start; padding-block: 0.375rem; cursor: pointer; }
  .radio input { inline-size: 1.25rem; block-size: 1.25rem; margin: 0.15rem 0 0; accent-color: var(--ac-primary); flex: none; }
  .radio-label { display: block; font-weight: 600; }
  .radio .hint { display: block; }
  .field { display: grid; gap: var(--ac-space-1); max-inline-size: 16rem; }
  .field span { font-weight: 600; }
  .field input { min-block-size: 2.5rem; padding: 0.375rem var(--ac-space-2); font: inherit; color: inherit; background: var(--ac-surface); border: 1px solid var(--ac-border-strong); border-radius: var(--ac-radius); }
  /* The date's format under it, and what was wrong with it (empty until a submit). */
  .field + .hint, .field-problem { margin: var(--ac-space-1) 0 0; }
  .field-problem { color: var(--ac-error); }
  .field input[aria-invalid='true'] { border: 2px solid var(--ac-error); }
  /* The batch: the picker for one row, what stays apart, how far the run is. */
  .batch-picker { margin-block: var(--ac-space-4); padding: var(--ac-space-3) var(--ac-space-4); border: 2px solid var(--ac-focus); border-radius: var(--ac-radius); }
  .batch-picker h3 { margin: 0 0 var(--ac-space-2); font-size: var(--ac-text-m); unicode-bidi: plaintext; }
  .batch-apart { margin-block: var(--ac-space-3); }
  .batch-apart summary { cursor: pointer; font-weight: 600; }
  .batch-apart .reason { color: var(--ac-warning-text); }
  .batch-progress progress { inline-size: 100%; block-size: 0.75rem; accent-color: var(--ac-primary); }
  .batch-count { margin: 0 0 var(--ac-space-1); }
  .batch-results { padding-inline-start: 1.25rem; }
  .batch-result.failed { color: var(--ac-error); }
  .done-summary { font-weight: 600; unicode-bidi: plaintext; }
  @container (max-width: 34rem) {
    .steps .step-name { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  }
  @media (forced-colors: active) {
    .choice { border-color: ButtonText; }
    .steps [aria-current='step']::before { forced-color-adjust: none; background: Highlight; color: HighlightText; }
  }
`;
