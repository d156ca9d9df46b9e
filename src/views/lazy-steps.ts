import { html } from 'lit';
import type { FirstMessages } from '../i18n/first-messages.js';
import { cancelButton, heading, primaryButton, skeleton } from './parts.js';
import type { ViewContext } from './view-context.js';

type LaterSteps = typeof import('./later-steps.js');

/** The later steps once their chunk has run (one per page, shared by every element), else null. */
let loaded: LaterSteps | null = null;
let loading: Promise<LaterSteps> | null = null;

export const laterSteps = (): LaterSteps | null => loaded;

/**
 * Imports the later steps' chunk, once per page, and registers their pickers. The element asks
 * as soon as the overview shows, so `New Connection` finds the steps there. A failed import is
 * forgotten, so a retry imports again (the browser retries a module whose fetch failed).
 */
export function loadLaterSteps(): Promise<LaterSteps> {
  loading ??= import('./later-steps.js').then(
    (steps) => {
      steps.definePicker();
      return (loaded = steps);
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * A later step whose chunk is still on its way (a slow network, or a reload straight into a
 * step): the step's name as heading and a shape where it comes. `data-step-pending` tells the
 * focus policy the real step is yet to come.
 */
export const pendingStepView = (t: FirstMessages, name: string) =>
  html`<div data-step-pending>${heading(name)}${skeleton('list', t.loading)}</div>`;

/** The chunk did not load (offline, a deploy that removed it): say so, try again, or leave with `Annuleren`. */
export const stepFailedView = (view: Pick<ViewContext, 't' | 'send'>, name: string, retry: () => void) =>
  html`${heading(name)}
    <div class="error" data-alert part="error"><p>${view.t.stepLoadFailed}</p></div>
    <div class="actions">${primaryButton(view.t.retry, retry)}</div>
    <div class="nav">${cancelButton(view)}</div>`;
