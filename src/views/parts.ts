import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '../api/api-error.js';
import { errorMessage } from '../i18n/error-message.js';
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

/** Back and cancel, the way out of every step of the flow: `Terug` at the start, `Annuleren` at the end. */
export const flowNav = ({ t, send }: ViewContext, options: { back?: boolean } = { back: true }) =>
  html`<div class="nav">
    ${options.back ? secondaryButton(t.back, () => send({ type: 'user.back' })) : nothing}
    ${cancelButton({ t, send })}
  </div>`;
