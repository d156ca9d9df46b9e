import { html, nothing } from 'lit';
import type { ApiError } from '../api/api-error.js';
import { errorNote, heading, isolate, cancelButton, primaryButton, progress, secondaryButton } from './parts.js';
import { signingIn } from './login.js';
import { connectionName } from './names.js';
import type { StepContext } from './view-context.js';

/** A refusal that the same request cannot change (a 4xx other than a timeout or a rate limit): no retry. */
const isPermanent = (error: ApiError | null) =>
  error?.status != null && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

/** After the login: the connection is moved onto it, or that was refused (and why, and what helps). */
const afterLogin = (view: StepContext) => {
  const { t, send, snapshot } = view;
  if (snapshot.matches({ reconnect: 'reauthorizing' })) return progress(t.reconnectRepairing);
  const { error } = snapshot.context;
  return html`${errorNote(error, t)}
    <div class="actions">
      ${primaryButton(t.loginAgain, () => send({ type: 'user.loginAgain' }), { next: true })}
      ${isPermanent(error) ? nothing : secondaryButton(t.retry, () => send({ type: 'user.retry' }))}
    </div>`;
};

/**
 * `Opnieuw verbinden`: which connection, as which Exact user to log in (the one whose login
 * lapsed; another user may take it over), and the login itself, as on the login step.
 */
export const reconnectView = (view: StepContext) => {
  const { t, send, snapshot } = view;
  const connection = snapshot.context.reconnecting!;
  const name = connectionName(t, connection);
  const user = connection.exactUser?.name;
  return html`${heading(t.reconnectHeading)}
    <p>${user ? t.reconnectIntroAs(name, isolate(user)) : t.reconnectIntro(name)}</p>
    ${view.signIn && !view.signIn.matches('open') ? html`<p class="hint">${t.reconnectOtherUser}</p>` : nothing}
    ${view.signIn ? signingIn(view) : afterLogin(view)}
    <div class="nav">
      ${cancelButton(view)}
    </div>`;
};
