import { html, nothing } from 'lit';
import type { BookingFlow, Division, DivisionBlock } from '../api/types.js';
import type { Messages } from '../i18n/messages.js';
import { finishRefusal, type FinishRefusal } from '../machine/finish-refusal.js';
import type { AdministrationList } from '../machine/types.js';
import type { PickerItem } from '../picker/search-listbox.js';
import { replaceWarning } from './login.js';
import { errorNote, errorPanel, flowNav, heading, isolate, primaryButton, secondaryButton, skeleton } from './parts.js';
import { listCount, picker } from './list-parts.js';
import type { StepContext } from './view-context.js';

/** Each reason Exact (or the missing KvK) keeps an administration from being chosen has its own text. */
const blockedText = (reason: DivisionBlock, t: Messages): string =>
  ({ blocked: t.divisionBlocked, inactive: t.divisionInactive, archived: t.divisionArchived, no_kvk: t.divisionNoKvk })[reason];

const reasonFor = (division: Division, t: Messages): string | undefined => {
  if (division.blockedReason) return blockedText(division.blockedReason, t);
  if (division.connectedOrganisation) return t.divisionConnectedTo(isolate(division.connectedOrganisation.name));
  return undefined;
};

export const divisionItem = (division: Division, t: Messages): PickerItem => {
  const reason = reasonFor(division, t);
  // The number the user sees in Exact Online (hid) when the backend has it, else the division code.
  const description = [division.hid || String(division.code), division.customerName ?? '', division.kvk ? t.kvk(division.kvk) : '', division.vatNumber ?? '']
    .filter(Boolean)
    .join(' · ');
  return { id: String(division.code), label: division.name, description, ...(reason ? { disabledReason: reason } : {}) };
};

/**
 * The list with the administrations the backend suggests for the organisation (same KvK, else
 * VAT number) at the top, each marked with why and not again in its place further down (one row,
 * one choice, whatever page it is on). A suggestion is never chosen for the user.
 */
export const administrationItems = ({ items, suggested = [] }: AdministrationList, t: Messages): PickerItem[] => {
  const top = new Set(suggested.map(({ division }) => division.code));
  return [
    ...suggested.map(({ match, division }) => ({ ...divisionItem(division, t), badge: match === 'kvk' ? t.suggestedKvk : t.suggestedVat })),
    ...items.filter((division) => !top.has(division.code)).map((division) => divisionItem(division, t)),
  ];
};

const bookingFlowOption = ({ send, snapshot }: StepContext, flow: BookingFlow, label: string, hint: string) =>
  html`<label class="radio">
    <input
      type="radio"
      name="booking-flow"
      value=${flow}
      .checked=${snapshot.context.bookingFlow === flow}
      @change=${() => send({ type: 'user.selectBookingFlow', bookingFlow: flow })}
    />
    <span><span class="radio-label">${label}</span><span class="hint">${hint}</span></span>
  </label>`;

/**
 * The Geavanceerde flow cannot be finished here: instead of a greyed-out `Afronden`, what it is,
 * the way to eConnect, and the flow that can be connected now.
 */
const advancedWayOn = ({ t, send, contactUrl }: StepContext) =>
  html`<p class="notice">${t.advancedExplained}</p>
    <div class="actions">
      ${primaryButton(t.chooseSimpleFlow, () => send({ type: 'user.selectBookingFlow', bookingFlow: 'simple' }), { next: true })}
      <a class="button secondary" part="button secondary-button" href=${contactUrl} target="_blank" rel="noopener noreferrer">${t.contactEconnect}</a>
    </div>`;

/** Back to the list, to choose another administration (its search field, from where arrows go down the list). */
const toPicker = (event: Event) => ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).querySelector<HTMLElement>('autopilot-connect-listbox')?.focus();

/** After a refusal that stays: the ways that help, never a retry that cannot (the message says what to change). */
const refusedWaysOn = ({ t, send }: StepContext, { another, login }: FinishRefusal) =>
  !another && !login
    ? nothing
    : html`${another ? html`<p class="hint">${t.refusedFixed}</p>` : nothing}
        <div class="actions">
          ${another
            ? html`<button type="button" class="button primary" part="button primary-button" @click=${toPicker}>${t.chooseOtherDivision}</button>`
            : nothing}
          ${login ? (another ? secondaryButton : primaryButton)(t.loginAgain, () => send({ type: 'user.loginAgain' })) : nothing}
        </div>`;

/** Step 4 of 5: `Selecteer afdeling` (the Exact administration), the booking flow, then `Afronden`. */
export const administrationView = (view: StepContext) => {
  const { t, send, snapshot } = view;
  const { administrations, administration, organisation, error } = snapshot.context;
  const inAdministration = (state: string) => snapshot.matches({ flow: { administration: state } } as never);
  const finishing = inAdministration('finishing');
  // `Afronden` refused for good: what helps instead of a retry that cannot (finish-refusal.ts).
  const refusal = inAdministration('finishFailed') ? finishRefusal(error) : null;
  const firstLoad = inAdministration('loading') && administrations.items.length === 0 && !administrations.query;
  if (inAdministration('failed')) {
    return html`${heading(t.administrationHeading)}${errorPanel(error, view)}${flowNav(view)}`;
  }
  return html`${heading(t.administrationHeading)}
    <p>${t.administrationIntro(isolate(organisation?.name ?? ''))}</p>
    ${firstLoad
      ? skeleton('list', t.loading)
      : picker(
          view,
          'administrations',
          administrationItems(administrations, t),
          {
            search: t.searchDivisions,
            list: t.administrationHeading,
            count: listCount(administrations, t.divisionsFound, t.divisionsFoundAtLeast),
            none: t.divisionsNone,
            loadMore: t.loadMore,
          },
          administration ? String(administration.code) : null,
        )}
    ${refusal?.login
      ? nothing
      : html`<div class="missing">
          <p class="hint">${t.divisionMissing}</p>
          ${replaceWarning(view)}
          ${secondaryButton(t.loginAgain, () => send({ type: 'user.loginAgain' }))}
        </div>`}
    <fieldset class="flows">
      <legend>${t.bookingFlowLegend}</legend>
      ${bookingFlowOption(view, 'simple', t.bookingFlowSimple, t.bookingFlowSimpleHint)}
      ${bookingFlowOption(view, 'advanced', t.bookingFlowAdvanced, t.bookingFlowAdvancedHint)}
    </fieldset>
    ${inAdministration('finishFailed') && error
      ? errorNote(error, t)
      : nothing}
    ${snapshot.context.bookingFlow === 'advanced'
      ? advancedWayOn(view)
      : refusal
        ? refusedWaysOn(view, refusal)
        : html`${!administration ? html`<p class="hint" id="finish-hint">${t.chooseDivisionFirst}</p>` : nothing}
          <div class="actions">
            ${inAdministration('finishFailed')
              ? // One button for the one intent: the same attempt again, with its key.
                primaryButton(t.retry, () => send({ type: 'user.retry' }))
              : primaryButton(finishing ? t.finishing : t.finish, () => send({ type: 'user.finish' }), {
                  // The machine's own rule (canFinish): an administration, and the simple booking flow.
                  disabled: !finishing && !snapshot.can({ type: 'user.finish' }),
                  busy: finishing,
                })}
          </div>`}
    ${flowNav(view)}`;
};
