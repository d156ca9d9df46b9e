import { html } from 'lit';
import type { Organisation } from '../api/types.js';
import type { Messages } from '../i18n/messages.js';
import type { PickerItem } from '../picker/search-listbox.js';
import { checkIcon, errorPanel, flowNav, heading, primaryButton, skeleton } from './parts.js';
import { listCount, picker } from './list-parts.js';
import type { StepContext } from './view-context.js';

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

/** Step 1 of 5: choose the organisation to connect, then `Bevestigen`. */
export const organisationView = (view: StepContext) => {
  const { t, send, snapshot } = view;
  const { organisations, organisation, error } = snapshot.context;
  const firstLoad = snapshot.matches({ flow: { organisation: 'loading' } }) && organisations.items.length === 0 && !organisations.query;
  return html`${heading(t.organisationHeading)}
    <p>${t.organisationIntro}</p>
    ${snapshot.matches({ flow: { organisation: 'failed' } })
      ? errorPanel(error, view)
      : firstLoad
        ? skeleton('list', t.loading)
        : html`${picker(
              view,
              'organisations',
              organisationItems(organisations.items, t),
              {
                search: t.searchOrganisations,
                list: t.organisationHeading,
                count: listCount(organisations, t.organisationsFound, t.organisationsFoundAtLeast),
                none: t.organisationsNone,
                loadMore: t.loadMore,
              },
              organisation?.id ?? null,
            )}
            <div class="actions">
              ${primaryButton(t.confirm, () => send({ type: 'user.confirmOrganisation' }), {
                disabled: organisation === null,
                icon: checkIcon,
              })}
            </div>`}
    ${flowNav(view)}`;
};
