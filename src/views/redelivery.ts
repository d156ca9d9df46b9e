import { html, nothing } from 'lit';
import { dateFieldPattern, formatDateField, parseDateField } from '../i18n/date-field.js';
import type { Connection } from '../api/types.js';
import { errorNote, heading, isolate, primaryButton, progress, secondaryButton } from './parts.js';
import type { StepContext } from './view-context.js';

/**
 * `API-download opnieuw aanbieden`: choose the date from which documents are offered again, see
 * how many that is (the backend's preview), and confirm before anything is sent.
 */
export const redeliveryView = (view: StepContext) => {
  const { t, send, snapshot, formatDate } = view;
  const { redeliveryConnection, redelivery, redeliveryPreview, error } = snapshot.context;
  const organisation = redeliveryConnection?.organisation.name ?? '';
  const intro = introOf(view, organisation);
  if (snapshot.matches({ redelivery: 'submitted' }) && redelivery) {
    return html`${heading(t.redeliveryHeading)}
      <p class="success" role="status">${t.redeliveryDone(redelivery.documentCount, formatDate(redelivery.from))}</p>
      <div class="actions">${primaryButton(t.toOverview, () => send({ type: 'user.done' }))}</div>`;
  }
  if (snapshot.matches({ redelivery: 'previewing' })) return html`${heading(t.redeliveryHeading)} ${progress(t.redeliveryCounting)}`;
  const confirming = snapshot.matches({ redelivery: 'confirming' }) || snapshot.matches({ redelivery: 'submitting' });
  if (confirming && redeliveryPreview) {
    const submitting = snapshot.matches({ redelivery: 'submitting' });
    const date = formatDate(redeliveryPreview.from);
    const some = redeliveryPreview.documentCount > 0;
    return html`${heading(t.redeliveryHeading)}
      <p>${intro}</p>
      <!-- Said by the live region (announcement.ts), so not a second status here. -->
      <p class="notice">${some ? t.redeliveryPreview(redeliveryPreview.documentCount, date) : t.redeliveryNone(date)}</p>
      <div class="actions">
        ${some ? primaryButton(submitting ? t.redeliverySubmitting : t.redeliveryConfirm, () => send({ type: 'user.confirmRedelivery' }), { busy: submitting, next: true }) : nothing}
        ${(some ? secondaryButton : primaryButton)(t.redeliveryChangeDate, () => send({ type: 'user.changeRedeliveryDate' }), { next: !some })}
      </div>`;
  }
  return dateForm(view, intro, error);
};

/** Whose documents: one organisation's, or a batch's new connections together. */
const introOf = ({ t, snapshot }: StepContext, organisation: string) =>
  snapshot.context.redeliveryBatch.length > 1 ? t.batchRedeliveryIntro(snapshot.context.redeliveryBatch.length) : t.redeliveryIntro(isolate(organisation));

/**
 * Where the gap in delivery began: the day the old connection was broken, else the day the new
 * one was made; for a batch, the earliest of its connections' (from there, every one is covered).
 */
export const gapStart = (connections: Connection[]): string | null =>
  connections.map((made) => made.legacyEndedAt ?? made.createdAt.slice(0, 10)).sort()[0] ?? null;

/** The date, defaulting to the start of the gap the article warns about: the day the connection was made. */
function dateForm({ t, send, snapshot, locale }: StepContext, intro: string, error: StepContext['snapshot']['context']['error']) {
  const pattern = dateFieldPattern(t.dateLetters, locale);
  const { redeliveryConnection, redeliveryAttempt, redeliveryBatch } = snapshot.context;
  const today = snapshot.context.today();
  const defaultFrom = redeliveryAttempt?.from ?? gapStart(redeliveryBatch.length > 0 ? redeliveryBatch : redeliveryConnection ? [redeliveryConnection] : []) ?? today;
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('from') as HTMLInputElement;
    const from = parseDateField(input.value, locale);
    // The machine's rule (isRedeliveryDateAllowed): a day that has been, not empty, not in the future.
    if (from === null || !snapshot.can({ type: 'user.submitRedelivery', from })) {
      const problem = form.querySelector<HTMLElement>('#from-problem')!;
      problem.textContent = !input.value.trim()
        ? t.redeliveryDateMissing(pattern)
        : from === null
          ? t.redeliveryDateUnreadable(pattern)
          : t.redeliveryDateFuture(formatDateField(today, locale));
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    send({ type: 'user.submitRedelivery', from });
  };
  // Typing clears the message; the field says it is invalid only until then.
  const edited = (event: Event) => {
    const input = event.target as HTMLInputElement;
    input.removeAttribute('aria-invalid');
    input.form!.querySelector('#from-problem')!.textContent = '';
  };
  return html`${heading(t.redeliveryHeading)}
    <p>${intro}</p>
    <form @submit=${submit} novalidate>
      <label class="field">
        <span>${t.redeliveryFrom}</span>
        <input name="from" inputmode="numeric" autocomplete="off" required aria-describedby="from-hint from-problem" .defaultValue=${formatDateField(defaultFrom, locale)} @input=${edited} />
      </label>
      <p class="hint" id="from-hint">${t.dateFormatHint(pattern)}</p>
      <!-- Filled by submit (not rendered from the state): said at once, gone once the date is edited. -->
      <p class="field-problem" id="from-problem" role="alert"></p>
      ${snapshot.matches({ redelivery: 'failed' }) && error
        ? errorNote(error, t)
        : nothing}
      <div class="actions"><button type="submit" class="button primary" part="button primary-button">${t.redeliverySubmit}</button></div>
    </form>
    <div class="nav">${secondaryButton(t.back, () => send({ type: 'user.back' }))}</div>`;
}
