import { html, nothing } from 'lit';
import { errorPanel, flowNav, heading, isolate, primaryButton, progress, secondaryButton } from './parts.js';
import type { ViewContext } from './view-context.js';

const state = (view: ViewContext) => {
  const { t, send, snapshot } = view;
  const { authorization, loginProblem, error } = snapshot.context;
  const at = (step: 'preparing' | 'ready' | 'choosingGrant' | 'leavingForLogin' | 'open' | 'authorized' | 'problem') =>
    snapshot.matches({ flow: { login: step } });
  const openButton = primaryButton(t.open, () => send({ type: 'user.openLogin' }), { next: true });
  if (at('preparing')) return progress(t.loginPreparing);
  if (at('ready')) return html`<div class="actions start">${openButton}</div>`;
  if (at('choosingGrant')) {
    const grant = snapshot.context.grants.find((candidate) => candidate.status === 'authorized')!;
    const user = grant.exactUser ? `${grant.exactUser.name}${grant.exactUser.email ? ` (${grant.exactUser.email})` : ''}` : grant.id;
    return html`<p>${t.grantIntro(isolate(user))}</p>
      <p class="hint">${t.grantWhy}</p>
      <div class="actions start">
        ${primaryButton(t.reuseGrant(isolate(grant.exactUser?.name ?? grant.id)), () => send({ type: 'user.reuseGrant', authorization: grant }))}
        ${secondaryButton(t.loginAsOther, () => send({ type: 'user.openLogin' }))}
      </div>`;
  }
  if (at('leavingForLogin')) return progress(t.leavingForLogin);
  // A settled problem, or (while open) a window out of sight that the backend calls pending: `unseen`.
  if (loginProblem && (at('problem') || at('open'))) {
    return html`<p class="notice" data-alert>${t[`loginProblem_${loginProblem}`]}</p>
      <div class="actions start">
        ${loginProblem === 'blocked' || loginProblem === 'unseen'
          ? html`${openButton}${loginProblem === 'blocked' ? secondaryButton(t.loginSameTab, () => send({ type: 'user.loginSameTab' })) : nothing}`
          : primaryButton(t.loginAgain, () => send({ type: 'user.retry' }))}
      </div>`;
  }
  if (snapshot.hasTag('checking')) return progress(t.loginChecking);
  if (at('open')) {
    return html`${progress(t.loginWaiting)}
      <div class="actions start">${secondaryButton(t.open, () => send({ type: 'user.openLogin' }))}</div>`;
  }
  if (at('authorized')) {
    const user = authorization?.exactUser?.name;
    return html`<p class="success">${user ? t.loginAuthorizedAs(isolate(user)) : t.loginAuthorized}</p>
      <div class="actions start">
        ${primaryButton(t.continue, () => send({ type: 'user.continue' }), { next: true, busy: snapshot.hasTag('busy') })}
      </div>`;
  }
  return errorPanel(error, view);
};

/** Step 4: `Open` the Exact Online login in a popup; after the login, `Ga door`. */
export const loginView = (view: ViewContext) =>
  html`${heading(view.t.loginHeading)}
    ${view.snapshot.matches({ flow: { login: 'authorized' } }) || view.snapshot.matches({ flow: { login: 'choosingGrant' } })
      ? nothing
      : html`<p>${view.t.loginIntro}</p>`}
    ${state(view)} ${flowNav(view)}`;
