import { html, nothing } from 'lit';
import type { BookingFlow, Division, DivisionBlock } from '../api/types.js';
import type { Messages } from '../i18n/messages.js';
import type { PickerItem } from '../picker/search-listbox.js';
import { errorNote, errorPanel, flowNav, heading, isolate, listCount, picker, primaryButton, progress, secondaryButton } from './parts.js';
import type { ViewContext } from './view-context.js';

/** Each reason Exact (or the missing KvK) keeps an administration from being chosen has its own text. */
const blockedText = (reason: DivisionBlock, t: Messages): string =>
  ({ blocked: t.divisionBlocked, inactive: t.divisionInactive, archived: t.divisionArchived, no_kvk: t.divisionNoKvk })[reason];

const reasonFor = (division: Division, t: Messages): string | undefined => {
  if (division.blockedReason) return blockedText(division.blockedReason, t);
  if (division.connectedOrganisation) return t.divisionConnectedTo(isolate(division.connectedOrganisation.name));
  return undefined;
};

export const divisionItems = (divisions: Division[], t: Messages): PickerItem[] =>
  divisions.map((division) => {
    const reason = reasonFor(division, t);
    // The number the user sees in Exact Online (hid) when the backend has it, else the division code.
    const description = [division.hid || String(division.code), division.customerName ?? '', division.kvk ? t.kvk(division.kvk) : '', division.vatNumber ?? '']
      .filter(Boolean)
      .join(' · ');
    return { id: String(division.code), label: division.name, description, ...(reason ? { disabledReason: reason } : {}) };
  });

const bookingFlowOption = ({ send, snapshot }: ViewContext, flow: BookingFlow, label: string, hint: string) =>
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
const advancedWayOn = ({ t, send, contactUrl }: ViewContext) =>
  html`<p class="notice">${t.advancedExplained}</p>
    <div class="actions">
      <a class="button secondary" part="button secondary-button" href=${contactUrl} target="_blank" rel="noopener noreferrer">${t.contactEconnect}</a>
      ${primaryButton(t.chooseSimpleFlow, () => send({ type: 'user.selectBookingFlow', bookingFlow: 'simple' }), { next: true })}
    </div>`;

/** Step 4 of 5: `Selecteer afdeling` (the Exact administration), the booking flow, then `Afronden`. */
export const administrationView = (view: ViewContext) => {
  const { t, send, snapshot } = view;
  const { administrations, administration, organisation, error } = snapshot.context;
  const inAdministration = (state: string) => snapshot.matches({ flow: { administration: state } } as never);
  const finishing = inAdministration('finishing');
  const firstLoad = inAdministration('loading') && administrations.items.length === 0 && !administrations.query;
  if (inAdministration('failed')) {
    return html`${heading(t.administrationHeading)}${errorPanel(error, view, { back: true })}${flowNav(view, { back: false })}`;
  }
  return html`${heading(t.administrationHeading)}
    <p>${t.administrationIntro(isolate(organisation?.name ?? ''))}</p>
    ${firstLoad
      ? progress(t.loading)
      : picker(
          view,
          'administrations',
          divisionItems(administrations.items, t),
          {
            search: t.searchDivisions,
            list: t.administrationHeading,
            count: listCount(administrations, t.divisionsFound, t.divisionsFoundAtLeast),
            none: t.divisionsNone,
            loadMore: t.loadMore,
          },
          administration ? String(administration.code) : null,
        )}
    <div class="missing">
      <p class="hint">${t.divisionMissing}</p>
      ${secondaryButton(t.loginAgain, () => send({ type: 'user.loginAgain' }))}
    </div>
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
      : html`${!administration ? html`<p class="hint" id="finish-hint">${t.chooseDivisionFirst}</p>` : nothing}
          <div class="actions">
            ${inAdministration('finishFailed') ? secondaryButton(t.retry, () => send({ type: 'user.retry' })) : nothing}
            ${primaryButton(finishing ? t.finishing : t.finish, () => send({ type: 'user.finish' }), {
              // The machine's own rule (canFinish): an administration, and the simple booking flow.
              disabled: !finishing && !snapshot.can({ type: 'user.finish' }),
              busy: finishing,
            })}
          </div>`}
    ${flowNav(view)}`;
};
