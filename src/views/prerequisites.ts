import { html, nothing } from 'lit';
import type { KnownPrerequisiteCode, Prerequisite } from '../api/types.js';
import type { FirstMessages } from '../i18n/first-messages.js';
import { ARTICLE_PREREQUISITES } from '../machine/prerequisites.js';
import { isolate, primaryButton, secondaryButton } from './parts.js';
import type { ViewContext } from './view-context.js';

/** A prerequisite this version can word. */
type Item = Prerequisite & { code: KnownPrerequisiteCode };

/** The help article's prerequisites, in its order; a backend that states none gets them listed without a state. */
const ARTICLE = ARTICLE_PREREQUISITES;
/** Above this many administrations on the old connector the article sends the user to eConnect. */
const MANY_LEGACY = 20;
const MARK = { met: '✓', not_met: '!', unknown: '?' } as const;

/** What the backend states, in the article's order; codes this version does not know are left out (a newer backend may add some). */
const known = (stated: readonly Prerequisite[]): Item[] => ARTICLE.flatMap((code) => stated.filter((item): item is Item => item.code === code));

/** The organisations an item holds back, by name, and how many more there are. */
const organisations = (t: FirstMessages, { organisationNames = [], organisationCount = 0 }: Prerequisite) => {
  const names = organisationNames.map(isolate).join(', ');
  const more = organisationCount - organisationNames.length;
  return more > 0 ? (names ? t.prerequisiteNamesMore(names, more) : t.prerequisiteOrganisations(organisationCount)) : names;
};

/** What to do: the fix for an unmet item, how to check an unknown one, nothing for a met one. */
const help = (t: FirstMessages, item: Item) =>
  item.state === 'not_met'
    ? item.code === 'administration_access'
      ? t.prerequisiteFix_administration_access
      : t[`prerequisiteFix_${item.code}`](organisations(t, item))
    : item.state === 'unknown'
      ? item.code === 'administration_access'
        ? t.prerequisiteUnknown_administration_access
        : t.prerequisiteUnknown
      : '';

const checklist = (t: FirstMessages, items: Item[]) =>
  html`<ul class="checklist">
    ${items.map((item) => {
      const text = help(t, item);
      return html`<li class=${item.state}>
        <span class="mark" aria-hidden="true">${MARK[item.state]}</span>
        <span><span class="visually-hidden">${t[`prerequisiteState_${item.state}`]}: </span>${t[`prerequisite_${item.code}`]}${text ? html` <span class="hint">${text}</span>` : nothing}</span>
      </li>`;
    })}
  </ul>`;

/**
 * The help article's prerequisites before `New Connection`, as the backend answers them: one
 * calm line to open when nothing is amiss, the list with each fix in words when something is.
 */
export const prerequisitesView = ({ t, snapshot }: ViewContext) => {
  const stated = snapshot.context.status?.prerequisites;
  const items = stated
    ? known(stated)
    : ARTICLE.map((code): Item => ({ code, state: 'unknown', blocks: false }));
  if (items.length === 0) return nothing;
  if (!items.some((item) => item.state === 'not_met')) {
    return html`<details class="prerequisites">
      <summary>${stated ? t.prerequisitesReady : t.prerequisitesTitle}</summary>
      ${checklist(t, items)}
    </details>`;
  }
  const blocked = items.some((item) => item.blocks);
  return html`<div class="notice prerequisites" role="group" aria-labelledby="prerequisites-title">
    <h3 id="prerequisites-title" class="notice-title">${blocked ? t.prerequisitesBlocking : t.prerequisitesAttention}</h3>
    ${checklist(t, items)}
  </div>`;
};

/**
 * The help article's migration note, when the account still has administrations on the old
 * connector: switch them all within a short time, or through another Exact Online user; above 20,
 * eConnect finds a way. The contact link is the host's (`contact-url`).
 */
export const migrationView = ({ t, snapshot, contactUrl }: ViewContext) => {
  const count = snapshot.context.status?.legacyConnections?.count ?? 0;
  if (count < 2) return nothing;
  return html`<div class="notice migration" role="group" aria-labelledby="migration-title">
    <h3 id="migration-title" class="notice-title">${t.migrationTitle(count)}</h3>
    <p>${t.migrationOptions}</p>
    <ol>
      <li>${t.migrationAllAtOnce}</li>
      <li>${t.migrationOtherUser(t.loginAsOther)}</li>
    </ol>
    <p>${count > MANY_LEGACY ? t.migrationMany : t.migrationQuestions}</p>
    <a class="button secondary" part="button secondary-button" href=${contactUrl} target="_blank" rel="noopener noreferrer">${t.contactEconnect}</a>
  </div>`;
};

/** `New Connection`, held back only where the backend says a prerequisite blocks it, and saying why. */
export const newConnectionAction = ({ t, send, snapshot }: ViewContext) => {
  // The machine's own rule (canStartConnection): a prerequisite the backend says blocks, not met.
  const blocked = !snapshot.can({ type: 'user.newConnection' });
  return html`<div class="actions">
    ${primaryButton(t.newConnection, () => send({ type: 'user.newConnection' }), { disabled: blocked })}
    ${
      // Only when more than one organisation can still be connected (the machine's canOfferBatch).
      !blocked && snapshot.can({ type: 'user.newBatch' }) ? secondaryButton(t.batchStart, () => send({ type: 'user.newBatch' })) : nothing
    }
    ${blocked ? html`<p class="hint blocked-reason">${t.newConnectionBlocked}</p>` : nothing}
  </div>`;
};
