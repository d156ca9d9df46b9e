import { html } from 'lit';
import { flowNav, heading, isolate, primaryButton } from './parts.js';
import type { ViewContext } from './view-context.js';

/** Step 2 of 5: choose Exact Online. */
export const systemView = (view: ViewContext) => {
  const { t, send, snapshot } = view;
  return html`${heading(t.systemHeading)}
    <p>${t.systemIntro(isolate(snapshot.context.organisation?.name ?? ''))}</p>
    <div class="actions start">${primaryButton(t.exactOnline, () => send({ type: 'user.chooseExact' }))}</div>
    ${flowNav(view)}`;
};
