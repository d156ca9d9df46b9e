import { html } from 'lit';
import { heading, isolate, primaryButton, secondaryButton } from './parts.js';
import type { ViewContext } from './view-context.js';

/** Step 5 of 5: connected; documents received before now can be offered again. */
export const doneView = ({ t, send, snapshot }: ViewContext) => {
  const connection = snapshot.context.connection!;
  return html`${heading(t.doneHeading)}
    <p class="success" role="status">${t.doneBody(isolate(connection.organisation.name), isolate(connection.division.name))}</p>
    <p class="notice">${t.doneNote}</p>
    <div class="actions start">
      ${secondaryButton(t.redeliver, () => send({ type: 'user.redeliver', connection }))}
      ${primaryButton(t.toOverview, () => send({ type: 'user.done' }))}
    </div>`;
};
