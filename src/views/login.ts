import { html, nothing } from 'lit';
import type { Messages } from '../i18n/messages.js';
import { errorPanel, flowNav, heading, isolate, primaryButton, progress, secondaryButton } from './parts.js';
import type { StepContext } from './view-context.js';
import { connectionList, exactHosts } from './names.js';

/**
 * Before a login: a login as an Exact user who already has connections replaces that user's
 * grant (one token chain per user), and a consent without their administrations leaves those
 * connections needing attention. Said per user, with the administrations to tick.
 */
export const replaceWarning = ({ t, snapshot }: StepContext) => {
  const byUser = new Map<string, { name: string; codes: number[] }>();
  for (const connection of snapshot.context.connections) {
    if (!connection.exactUser) continue;
    const user = byUser.get(connection.exactUser.id) ?? { name: connection.exactUser.name, codes: [] };
    user.codes.push(connection.division.code);
    byUser.set(connection.exactUser.id, user);
  }
  if (byUser.size === 0) return nothing;
  const users = [...byUser.values()].map((user) => `${isolate(user.name)} (${user.codes.sort((a, b) => a - b).join(', ')})`).join('; ');
  return html`<p class="hint">${t.replaceWarning(users)}</p>`;
};

/** While the Exact login runs (the child machine `signIn`): what it is doing, and its way on. */
export const signingIn = (view: StepContext) => {
  const { t, send } = view;
  const signIn = view.signIn!;
  const { loginProblem, error, reusable } = signIn.context;
  const at = (state: 'ready' | 'choosingGrant' | 'open' | 'problem') => signIn.matches(state);
  const openButton = primaryButton(t.open, () => send({ type: 'user.openLogin' }), { next: true });
  // Both login URLs come first, so each button opens its window inside the click.
  if (signIn.matches('preparing') || signIn.matches('starting')) return progress(t.loginPreparing);
  if (at('ready')) {
    return html`${replaceWarning(view)}
      <div class="actions">${openButton}${secondaryButton(t.loginAsOther, () => send({ type: 'user.loginAsOther' }))}</div>`;
  }
  if (at('choosingGrant') && reusable) {
    const user = reusable.exactUser ? `${reusable.exactUser.name}${reusable.exactUser.email ? ` (${reusable.exactUser.email})` : ''}` : reusable.id;
    // The Dutch host is the usual one; another is named, since the grant lives there.
    const intro = reusable.region === 'nl' ? t.grantIntro(isolate(user)) : t.grantIntroRegion(isolate(user), exactHosts[reusable.region]);
    return html`<p>${intro}</p>
      <p class="hint">${t.grantWhy}</p>
      <div class="actions">
        ${primaryButton(t.reuseGrant(isolate(reusable.exactUser?.name ?? reusable.id)), () => send({ type: 'user.reuseGrant', authorization: reusable }))}
        ${secondaryButton(t.loginAsOther, () => send({ type: 'user.loginAsOther' }))}
      </div>`;
  }
  // A settled problem, or (while open) a window out of sight that the backend calls pending: `unseen`.
  if (loginProblem && (at('problem') || at('open'))) {
    return html`<p class="notice" data-alert>${t[`loginProblem_${loginProblem}`]}</p>
      <div class="actions">
        ${signIn.can({ type: 'user.openLogin' })
          ? html`${openButton}${signIn.can({ type: 'user.loginSameTab' }) ? secondaryButton(t.loginSameTab, () => send({ type: 'user.loginSameTab' })) : nothing}`
          : primaryButton(t.loginAgain, () => send({ type: 'user.retry' }))}
      </div>`;
  }
  if (signIn.hasTag('checking')) return progress(t.loginChecking);
  if (at('open')) {
    return html`${progress(t.loginWaiting)} ${replaceWarning(view)}
      <div class="actions">${secondaryButton(t.open, () => send({ type: 'user.openLogin' }))}</div>`;
  }
  return errorPanel(error, view);
};

const state = (view: StepContext) => {
  const { t, send, snapshot } = view;
  if (view.signIn) return signingIn(view);
  if (snapshot.hasTag('leftForLogin')) return progress(t.leavingForLogin);
  const { authorization, connections } = snapshot.context;
  const user = authorization?.exactUser?.name;
  // The consent left out administrations that connections of this user use: say which, and the fix.
  const dropped = (authorization?.repointed ?? [])
    .filter((moved) => moved.status !== 'active')
    .flatMap((moved) => connections.filter((connection) => connection.id === moved.connectionId));
  return html`<p class="success">${user ? t.loginAuthorizedAs(isolate(user)) : t.loginAuthorized}</p>
    ${dropped.length > 0 ? html`<p class="notice" data-alert>${t.consentDropped(connectionList(t, dropped))}</p>` : nothing}
    <div class="actions">
      ${primaryButton(t.continue, () => send({ type: 'user.continue' }), { next: true, busy: snapshot.hasTag('busy') })}
    </div>`;
};

/** Step 3 of 5: `Open` the Exact Online login in a popup; after the login, `Ga door`. */
export const loginView = (view: StepContext) => {
  // The intro explains the login; once logged in, or offered a grant, it has nothing to add.
  const intro = view.signIn !== null && !view.signIn.matches('choosingGrant');
  return html`${heading(view.t.loginHeading)} ${intro ? html`<p>${view.t.loginIntro}</p>` : nothing} ${state(view)} ${flowNav(view)}`;
};
