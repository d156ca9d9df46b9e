import { html } from 'lit';
import { errorPanel, flowNav, heading, primaryButton, progress, secondaryButton, skeleton } from './parts.js';
import type { ViewContext } from './view-context.js';

/**
 * The first wait: the overview's heading and the shape of its cards, so nothing jumps when they
 * come (the bar above already says the title: the heading does not say it twice).
 */
export const checkingStatusView = ({ t }: { t: Pick<ViewContext['t'], 'connectionsHeading' | 'loading'> }) =>
  html`${heading(t.connectionsHeading)}${skeleton('cards', t.loading)}`;

export const statusFailedView = (view: ViewContext) =>
  html`${heading(view.t.connectionsHeading)}${errorPanel(view.snapshot.context.error, view)}`;

/** Before the flow: the Autopilot app is missing; explain how to add it from the App Winkel. */
export const notInstalledView = ({ t, send, snapshot }: ViewContext) => {
  const appStoreUrl = snapshot.context.status?.appStoreUrl;
  return html`${heading(t.notInstalledHeading)}
    <p>${t.notInstalledBody}</p>
    <div class="actions">
      ${appStoreUrl
        ? html`<a class="button primary" part="button primary-button" href=${appStoreUrl} target="_top">${t.openAppStore}</a>
            ${secondaryButton(t.checkAgain, () => send({ type: 'user.retry' }))}`
        : primaryButton(t.checkAgain, () => send({ type: 'user.retry' }))}
    </div>`;
};

/** After a reload or a same-tab login: confirming the grant before continuing where the user was. */
export const resumingView = (view: ViewContext) =>
  view.snapshot.matches('resumeFailed')
    ? html`${heading(view.t.loginHeading)}${errorPanel(view.snapshot.context.error, view)}${flowNav(view, { back: false })}`
    : html`${heading(view.t.loginHeading)}${progress(view.t.resuming)}`;
