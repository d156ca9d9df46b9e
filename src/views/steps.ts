import { html } from 'lit';
import type { Messages } from '../i18n/messages.js';

/**
 * The step indicator under the bar: the flow's five steps by name, those taken marked (and said
 * so to a screen reader), the current one `aria-current="step"`. Not live: the polite region
 * says "Stap 2 van 5" once per step, and focus moves to the step's heading.
 */
export const stepIndicator = (t: Messages, current: number) =>
  html`<ol class="steps" part="steps" aria-label=${t.steps}>
    ${t.stepNames.map(
      (name, index) =>
        html`<li class=${index + 1 < current ? 'done' : ''} aria-current=${index + 1 === current ? 'step' : 'false'}>
          <span class="step-name">${name}${index + 1 < current ? html`<span class="visually-hidden"> (${t.stepTaken})</span>` : ''}</span>
        </li>`,
    )}
  </ol>`;
