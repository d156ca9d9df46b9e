import { html } from 'lit';
import { heading, isolate, primaryButton, secondaryButton } from './parts.js';
import type { StepContext } from './view-context.js';

/**
 * Step 5 of 5: connected. Both sides named so they cannot be mistaken for each other: the
 * organisation in eConnect, the administration (its number and name) in Exact Online, the flow.
 */
export const doneView = ({ t, send, snapshot }: StepContext) => {
  const connection = snapshot.context.connection!;
  const flow = connection.bookingFlow === 'simple' ? t.bookingFlowSimple : t.bookingFlowAdvanced;
  return html`${heading(t.doneHeading)}
    <div class="success" role="status">
      <p class="done-summary">${t.doneSummary(isolate(connection.organisation.name), String(connection.division.code), isolate(connection.division.name), flow)}</p>
      <p>${t.doneBody}</p>
    </div>
    <p class="notice">${t.doneNote}</p>
    <div class="actions">
      ${primaryButton(t.toOverview, () => send({ type: 'user.done' }))}
      ${secondaryButton(t.redeliver, () => send({ type: 'user.redeliver', connection }))}
    </div>`;
};
