import { html } from 'lit';
import { errorPanel, flowNav, heading, primaryButton, progress } from './parts.js';
import type { ViewContext } from './view-context.js';

export const checkingStatusView = ({ t }: { t: Pick<ViewContext['t'], 'title' | 'loading'> }) => html`${heading(t.title)}${progress(t.loading)}`;

export const statusFailedView = (view: ViewContext) =>
  html`${heading(view.t.title)}${errorPanel(view.snapshot.context.error, view)}`;

/** Before the flow: the Autopilot app is missing; explain how to add it from the App Winkel. */
export const notInstalledView = ({ t, send, snapshot }: ViewContext) => {
  const appStoreUrl = snapshot.context.status?.appStoreUrl;
  return html`${heading(t.notInstalledHeading)}
    <p>${t.notInstalledBody}</p>
    <div class="actions">
      ${appStoreUrl ? html`<a class="button secondary" part="button" href=${appStoreUrl} target="_top">${t.openAppStore}</a>` : ''}
      ${primaryButton(t.checkAgain, () => send({ type: 'user.retry' }))}
    </div>`;
};

/** After a reload or a same-tab login: confirming the grant before continuing where the user was. */
export const resumingView = (view: ViewContext) =>
  view.snapshot.matches('resumeFailed')
    ? html`${heading(view.t.title)}${errorPanel(view.snapshot.context.error, view)}${flowNav(view, { back: false })}`
    : html`${heading(view.t.title)}${progress(view.t.resuming)}`;
