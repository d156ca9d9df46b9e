import { html } from 'lit';
import { flowNav, heading, isolate } from './parts.js';
import type { StepContext } from './view-context.js';

/**
 * Step 2 of 5: choose Exact Online, presented as the card of a choice (the one package the
 * Autopilot delivers to today). The whole card is the button; it is named `Exact Online` (the
 * rest is hidden from its name) and described by what the Autopilot will do.
 */
export const systemView = (view: StepContext) => {
  const { t, send, snapshot } = view;
  return html`${heading(t.systemHeading)}
    <p>${t.systemIntro(isolate(snapshot.context.organisation?.name ?? ''))}</p>
    <button type="button" class="choice" part="button choice" aria-describedby="choice-exact-what" @click=${() => send({ type: 'user.chooseExact' })}>
      <span class="choice-mark" aria-hidden="true">e</span>
      <span class="choice-text">
        <span class="choice-name">${t.exactOnline}</span>
        <span class="hint" id="choice-exact-what" aria-hidden="true">${t.exactOnlineChoice}</span>
      </span>
      <span class="choice-go" aria-hidden="true">›</span>
    </button>
    ${flowNav(view)}`;
};
