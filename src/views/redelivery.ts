import { html, nothing } from 'lit';
import { errorMessage } from '../i18n/error-message.js';
import { heading, isolate, primaryButton, secondaryButton } from './parts.js';
import type { ViewContext } from './view-context.js';

/** `API-download opnieuw aanbieden`: choose the date from which documents are offered again. */
export const redeliveryView = ({ t, send, snapshot, formatDate }: ViewContext) => {
  const { redeliveryConnection, redelivery, error } = snapshot.context;
  const organisation = redeliveryConnection?.organisation.name ?? '';
  const today = snapshot.context.today();
  // Default: the day the connection was made, the start of the gap the article warns about.
  const defaultFrom = redeliveryConnection ? redeliveryConnection.createdAt.slice(0, 10) : today;
  if (snapshot.matches({ redelivery: 'submitted' }) && redelivery) {
    return html`${heading(t.redeliveryHeading)}
      <p class="success" role="status">${t.redeliveryDone(redelivery.documentCount, formatDate(redelivery.from))}</p>
      <div class="actions start">${primaryButton(t.toOverview, () => send({ type: 'user.done' }))}</div>`;
  }
  const submitting = snapshot.matches({ redelivery: 'submitting' });
  const submit = (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('from') as HTMLInputElement;
    if (submitting) return; // One request at a time; the button says it is on its way.
    // The machine's rule (isRedeliveryDateAllowed): a day that has been, not empty, not in the future.
    if (!snapshot.can({ type: 'user.submitRedelivery', from: input.value })) {
      input.setCustomValidity(t.redeliveryDateInvalid);
      input.reportValidity();
      return;
    }
    send({ type: 'user.submitRedelivery', from: input.value });
  };
  return html`${heading(t.redeliveryHeading)}
    <p>${t.redeliveryIntro(isolate(organisation))}</p>
    <form @submit=${submit} novalidate>
      <label class="field">
        <span>${t.redeliveryFrom}</span>
        <input name="from" type="date" required max=${today} .defaultValue=${defaultFrom} @input=${(event: Event) =>
          (event.target as HTMLInputElement).setCustomValidity('')} />
      </label>
      ${snapshot.matches({ redelivery: 'failed' }) && error
        ? html`<div class="error" data-alert part="error"><p>${errorMessage(error, t)}</p></div>`
        : nothing}
      <div class="actions">
        ${secondaryButton(t.back, () => send({ type: 'user.back' }))}
        <button type="submit" class="button primary" part="button primary-button" aria-disabled=${submitting ? 'true' : 'false'}>
          ${submitting ? t.redeliverySubmitting : t.redeliverySubmit}
        </button>
      </div>
    </form>`;
};
