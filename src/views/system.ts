import { html } from 'lit';
import { flowNav, heading, isolate } from './parts.js';
import type { ViewContext } from './view-context.js';

/**
 * Step 2 of 5: choose Exact Online, presented as the card of a choice (the one package the
 * Autopilot delivers to today), named `Exact Online` and described by what it will do.
 */
export const systemView = (view: ViewContext) => {
  const { t, send, snapshot } = view;
  return html`${heading(t.systemHeading)}
    <p>${t.systemIntro(isolate(snapshot.context.organisation?.name ?? ''))}</p>
    <button type="button" class="choice" part="button choice" data-next-action aria-labelledby="choice-exact" aria-describedby="choice-exact-what" @click=${() => send({ type: 'user.chooseExact' })}>
      <span class="choice-mark" aria-hidden="true">e</span>
      <span class="choice-text">
        <span class="choice-name" id="choice-exact">${t.exactOnline}</span>
        <span class="hint" id="choice-exact-what">${t.exactOnlineChoice}</span>
      </span>
      <span class="choice-go" aria-hidden="true">›</span>
    </button>
    ${flowNav(view)}`;
};
