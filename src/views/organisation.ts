import { html } from 'lit';
import type { Organisation } from '../api/types.js';
import type { Messages } from '../i18n/messages.js';
import type { PickerItem } from '../picker/search-listbox.js';
import { checkIcon, errorPanel, flowNav, heading, primaryButton, progress } from './parts.js';
import type { ViewContext } from './view-context.js';

const reasonFor = (organisation: Organisation, t: Messages): string | undefined => {
  const blocker = organisation.blockers[0];
  if (blocker) return t[`blocker_${blocker.code}`];
  return organisation.connectionId ? t.alreadyConnected : undefined;
};

export const organisationItems = (organisations: Organisation[], t: Messages): PickerItem[] =>
  organisations.map((organisation) => ({
    id: organisation.id,
    label: organisation.name,
    ...(organisation.kvk ? { description: t.kvk(organisation.kvk) } : {}),
    ...(reasonFor(organisation, t) ? { disabledReason: reasonFor(organisation, t)! } : {}),
  }));

/** Step 2: choose the organisation to connect, then `Bevestigen`. */
export const organisationView = (view: ViewContext) => {
  const { t, send, snapshot } = view;
  const { organisations, organisation, error } = snapshot.context;
  const busy = snapshot.hasTag('busy');
  const firstLoad = snapshot.matches({ flow: { organisation: 'loading' } }) && organisations.items.length === 0 && !organisations.query;
  const byId = new Map(organisations.items.map((item) => [item.id, item]));
  return html`${heading(t.organisationHeading)}
    <p>${t.organisationIntro}</p>
    ${snapshot.matches({ flow: { organisation: 'failed' } })
      ? errorPanel(error, view)
      : firstLoad
        ? progress(t.loading)
        : html`<autopilot-connect-listbox
              exportparts="search-label:picker-search-label, search:picker-search, status:picker-status, list:picker-list, option:picker-option, option-active:picker-option-active, option-selected:picker-option-selected, option-disabled:picker-option-disabled, empty:picker-empty, load-more:picker-load-more"
              .items=${organisationItems(organisations.items, t)}
              .labels=${{
                search: t.searchOrganisations,
                list: t.organisationHeading,
                count: t.organisationsFound(organisations.total),
                none: t.organisationsNone,
                loadMore: t.loadMore,
              }}
              .query=${organisations.query}
              .selectedId=${organisation?.id ?? null}
              .total=${organisations.total}
              .hasMore=${organisations.nextCursor !== null}
              .busy=${busy}
              @picker-search=${(event: { query: string }) => send({ type: 'user.searchOrganisations', query: event.query })}
              @picker-select=${(event: { id: string }) => {
                const chosen = byId.get(event.id);
                if (chosen) send({ type: 'user.selectOrganisation', organisation: chosen });
              }}
              @picker-more=${() => send({ type: 'user.loadMoreOrganisations' })}
            ></autopilot-connect-listbox>
            <div class="actions">
              ${primaryButton(t.confirm, () => send({ type: 'user.confirmOrganisation' }), {
                disabled: organisation === null,
                icon: checkIcon,
              })}
            </div>`}
    ${flowNav(view)}`;
};
