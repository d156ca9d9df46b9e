import { css } from 'lit';

/**
 * The default look follows the eConnect platform: a purple bar, green primary buttons.
 * Hosts restyle through the public `--autopilot-connect-*` custom properties and the parts;
 * the `--ac-*` ones are the internal design tokens every rule below uses, so a step never
 * invents a colour, a space or a size of its own.
 *
 * Colour scheme: each colour is a `light-dark()` pair, and `:host` says `color-scheme: light
 * dark`, so the element follows the user's `prefers-color-scheme`; a host that sets
 * `color-scheme: light` (or `dark`) on the element fixes it, since a page's rule for the element
 * beats `:host`. The pickers' shadow roots inherit the scheme and the tokens.
 */
export const autopilotConnectStyles = css`
  :host {
    color-scheme: light dark;
    --ac-accent: var(--autopilot-connect-accent, light-dark(#5b2a86, #4a2470));
    --ac-accent-text: var(--autopilot-connect-accent-text, #ffffff);
    --ac-primary: var(--autopilot-connect-primary, #1e7b34);
    --ac-primary-hover: var(--autopilot-connect-primary-hover, #175f28);
    --ac-primary-text: var(--autopilot-connect-primary-text, #ffffff);
    --ac-text: var(--autopilot-connect-text, light-dark(#1f1d2b, #ecebf3));
    --ac-muted: var(--autopilot-connect-muted, light-dark(#575468, #b4b1c4));
    --ac-surface: var(--autopilot-connect-surface, light-dark(#ffffff, #1d1b26));
    --ac-background: var(--autopilot-connect-background, light-dark(#f6f5fa, #14131b));
    --ac-border: var(--autopilot-connect-border, light-dark(#dcd9e6, #3b3849));
    --ac-border-strong: var(--autopilot-connect-border-strong, light-dark(#767387, #8e8aa3));
    --ac-focus: var(--autopilot-connect-focus, light-dark(#2f5fd0, #8fb0ff));
    --ac-error: var(--autopilot-connect-error, light-dark(#b3261e, #ff9b8f));
    --ac-error-bg: var(--autopilot-connect-error-background, light-dark(#fdecea, #3d1714));
    --ac-success: var(--autopilot-connect-success, light-dark(#1e7b34, #6fd08a));
    --ac-success-bg: var(--autopilot-connect-success-background, light-dark(#e8f5ec, #15301e));
    --ac-warning-text: var(--autopilot-connect-warning-text, light-dark(#7a4b00, #f2c063));
    --ac-notice-bg: var(--autopilot-connect-notice-background, light-dark(#fff6e0, #3a2d0c));
    --ac-active-bg: var(--autopilot-connect-active-background, light-dark(#eef1fc, #272c48));
    --ac-selected-bg: var(--autopilot-connect-selected-background, light-dark(#e8f5ec, #15301e));
    --ac-radius: var(--autopilot-connect-radius, 6px);
    /* Space and type: four steps each, nothing in between. */
    --ac-space-1: 0.25rem;
    --ac-space-2: 0.5rem;
    --ac-space-3: 0.75rem;
    --ac-space-4: 1rem;
    --ac-text-s: 0.875rem;
    --ac-text-m: 1rem;
    --ac-text-l: 1.125rem;
    --ac-text-xl: 1.375rem;

    display: block;
    container-type: inline-size;
    font-family: var(--autopilot-connect-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--autopilot-connect-font-size, 1rem);
    line-height: 1.5;
    color: var(--ac-text);
  }
  * { box-sizing: border-box; }
  .base { background: var(--ac-background); border: 1px solid var(--ac-border); border-radius: var(--ac-radius); overflow: hidden; min-inline-size: 0; }
  .header { display: flex; flex-wrap: wrap; gap: var(--ac-space-1) var(--ac-space-4); align-items: baseline; justify-content: space-between; padding: var(--ac-space-3) var(--ac-space-4); background: var(--ac-accent); color: var(--ac-accent-text); }
  .header h1 { margin: 0; font-size: var(--ac-text-l); }
  .header .step { font-size: var(--ac-text-s); }
  .body { padding: var(--ac-space-4); background: var(--ac-surface); }
  .heading { margin: 0 0 var(--ac-space-3); font-size: var(--ac-text-xl); line-height: 1.3; }
  .heading:focus { outline: none; }
  .heading:focus-visible, .button:focus-visible, .card:focus-visible, .choice:focus-visible, summary:focus-visible { outline: 3px solid var(--ac-focus); outline-offset: 2px; }
  p { margin: 0 0 var(--ac-space-3); overflow-wrap: anywhere; }
  .meta, .card-meta, .hint { color: var(--ac-muted); font-size: var(--ac-text-s); }


  /* One button hierarchy: primary (filled, one per step), secondary (outlined), quiet (text). */
  .actions { display: flex; flex-wrap: wrap; gap: var(--ac-space-2); margin-block: var(--ac-space-4) var(--ac-space-2); }
  /* Terug at the start, Annuleren at the end, on every step, whatever else there is. */
  .nav { display: flex; flex-wrap: wrap; gap: var(--ac-space-2); align-items: center; margin-block-start: var(--ac-space-4); padding-block-start: var(--ac-space-3); border-block-start: 1px solid var(--ac-border); }
  .nav > .quiet { margin-inline-start: auto; }
  .button {
    display: inline-flex; align-items: center; justify-content: center; gap: 0.375rem;
    min-block-size: 2.5rem; min-inline-size: 2.5rem; padding: var(--ac-space-2) var(--ac-space-4);
    font: inherit; font-weight: 600; text-decoration: none; line-height: 1.25;
    border-radius: var(--ac-radius); border: 2px solid transparent; cursor: pointer;
  }
  .primary { background: var(--ac-primary); color: var(--ac-primary-text); }
  .primary:hover { background: var(--ac-primary-hover); }
  .primary[aria-disabled='true'] { opacity: 0.55; cursor: not-allowed; }
  .primary[aria-busy='true'] { opacity: 0.8; cursor: progress; }
  .secondary { background: var(--ac-surface); color: var(--ac-text); border-color: var(--ac-border-strong); }
  .secondary:hover { background: var(--ac-active-bg); }
  .quiet { background: none; color: var(--ac-text); text-decoration: underline; text-underline-offset: 0.2em; padding-inline: var(--ac-space-2); }
  .quiet:hover { text-decoration-thickness: 2px; }
  .icon { inline-size: 1.25rem; block-size: 1.25rem; }
  .progress { display: flex; gap: var(--ac-space-2); align-items: center; color: var(--ac-muted); }
  .spinner { inline-size: 1rem; block-size: 1rem; border: 2px solid var(--ac-border); border-block-start-color: var(--ac-accent); border-radius: 50%; animation: spin 0.8s linear infinite; flex: none; }
  .button .spinner { border-color: currentColor; border-block-start-color: transparent; }
  @keyframes spin { to { transform: rotate(360deg); } }

  /* Skeletons: the shape of what comes (list rows, cards, table rows), shimmering while it loads. */
  .skeleton { display: grid; gap: var(--ac-space-2); }
  .bone { display: block; block-size: 0.875rem; inline-size: var(--w, 100%); border-radius: var(--ac-radius); background: linear-gradient(90deg, var(--ac-border) 40%, var(--ac-background) 50%, var(--ac-border) 60%) 0 0 / 300% 100%; animation: shimmer 1.6s linear infinite; }
  .bone.short { --w: 30%; }
  .bone.long { --w: 70%; }
  .skeleton-row:nth-child(even) .long, .skeleton-card + .skeleton-card .long { --w: 50%; }
  .bone.field { block-size: 2.5rem; }
  .bone.dot { inline-size: 1.25rem; block-size: 1.25rem; border-radius: 50%; }
  .bone.button { inline-size: 8rem; block-size: 2.5rem; min-inline-size: 0; padding: 0; border: 0; }
  .skeleton-list { display: grid; border: 1px solid var(--ac-border); border-radius: var(--ac-radius); }
  .skeleton-row { display: grid; grid-template-columns: 1.5rem 1fr; gap: var(--ac-space-2); align-items: center; padding: var(--ac-space-3); border-block-end: 1px solid var(--ac-border); }
  .skeleton-row:last-child { border: 0; }
  .skeleton-row > span:not(.dot) { grid-column: 2; }
  .skeleton-card { display: grid; gap: var(--ac-space-2); padding: var(--ac-space-3) var(--ac-space-4); border: 1px solid var(--ac-border); border-radius: var(--ac-radius); }
  @keyframes shimmer { to { background-position: -150% 0; } }

  .error { padding: var(--ac-space-3) var(--ac-space-4); border-inline-start: 4px solid var(--ac-error); background: var(--ac-error-bg); border-radius: var(--ac-radius); }
  .error p { margin: 0; }
  .notice, .success, .confirm { padding: var(--ac-space-3) var(--ac-space-4); background: var(--ac-notice-bg); border-radius: var(--ac-radius); }
  .success { background: var(--ac-success-bg); border-inline-start: 4px solid var(--ac-success); }
  div.success, div.error { margin-block-end: var(--ac-space-3); }
  .success > p { margin: 0; }
  .success > p + p { margin-block-start: var(--ac-space-2); }
  .empty-state { padding: 1.5rem var(--ac-space-4); text-align: center; color: var(--ac-muted); border: 1px dashed var(--ac-border-strong); border-radius: var(--ac-radius); }
  .cards { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--ac-space-3); }
  .card { padding: var(--ac-space-3) var(--ac-space-4); border: 1px solid var(--ac-border); border-radius: var(--ac-radius); }
  .card-title { font-weight: 600; margin: 0; unicode-bidi: plaintext; }
  .card-status { margin: var(--ac-space-1) 0 0; font-size: var(--ac-text-s); font-weight: 600; color: var(--ac-warning-text); }
  .card .actions { margin-block-start: var(--ac-space-2); }
  /* The connection just made, back on the overview: marked, and focused. */
  .card.made { border-color: var(--ac-accent); box-shadow: inset 0 0 0 1px var(--ac-accent); }
  .badge { display: inline-block; margin-inline-start: var(--ac-space-2); padding: 0 var(--ac-space-2); font-size: 0.75rem; border-radius: 999px; background: var(--ac-success-bg); }
  .confirm { margin-block-start: var(--ac-space-3); }
  .confirm p { margin: 0 0 var(--ac-space-2); }
  .confirm-question { font-weight: 600; }


  /* The help article's prerequisites and migration note, above New Connection. */
  .prerequisites, .migration { margin-block: 0 var(--ac-space-4); }
  .prerequisites summary { cursor: pointer; font-weight: 600; padding-block: var(--ac-space-1); }
  .notice-title { margin: 0 0 var(--ac-space-2); font-size: var(--ac-text-m); }
  .checklist { list-style: none; margin: var(--ac-space-2) 0 0; padding: 0; display: grid; gap: var(--ac-space-2); }
  .checklist li { display: flex; gap: var(--ac-space-2); }
  .checklist .hint { display: block; }
  .checklist .not_met .hint { color: inherit; }
  .mark { flex: none; inline-size: 1.25rem; text-align: center; font-weight: 700; }
  .not_met .mark { color: var(--ac-warning-text); }
  .migration ol { margin: 0 0 var(--ac-space-3); padding-inline-start: 1.25rem; }
  .visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  /* Too narrow for five names: the marks alone, and the current step's name in the bar. */
  .step-now { display: none; }
  @container (max-width: 34rem) {
    .step-now { display: inline; }
  }
  @container (max-width: 30rem) {
    .actions .button { flex: 1 1 auto; }
  }
  @media (prefers-reduced-motion: reduce) {
    /* No spinning, no shimmer: a still ring next to the progress text, still shapes, say enough. */
    .spinner { animation: none; border-block-start-color: var(--ac-border); }
    .bone { animation: none; background: var(--ac-border); }
  }
  @media (forced-colors: active) {
    .button { border-color: ButtonText; }
    .primary[aria-disabled='true'] { color: GrayText; border-color: GrayText; }
    .heading:focus-visible, .button:focus-visible, .choice:focus-visible { outline-color: Highlight; }
    .error, .notice, .success, .bone { border: 1px solid CanvasText; }
  }
`;
