import { html, nothing } from 'lit';
import type { Connection } from '../api/types.js';
import { errorPanel, heading, primaryButton, progress, secondaryButton } from './parts.js';
import type { ViewContext } from './view-context.js';

const connectionItem = ({ t, send, formatDate }: ViewContext, connection: Connection) =>
  html`<li class="card" part="connection">
    <p class="card-title">${t.connectionSummary(connection.organisation.name, connection.division.name)}</p>
    ${connection.status === 'active'
      ? nothing
      : html`<p class="card-status">${t[`connectionStatus_${connection.status}`]}</p>`}
    <p class="card-meta">${connection.division.code} · ${connection.bookingFlow === 'simple' ? t.bookingFlowSimple : t.bookingFlowAdvanced} ·
      ${t.connectedSince(formatDate(connection.createdAt))}</p>
    ${secondaryButton(t.redeliver, () => send({ type: 'user.redeliver', connection }))}
  </li>`;

/** The overview: the connections, each with its health when it is not active (or the empty state) and `New Connection`. */
export const connectionsView = (view: ViewContext) => {
  const { t, send, snapshot } = view;
  const { connections, error } = snapshot.context;
  const body = snapshot.matches({ connections: 'loading' })
    ? progress(t.loading)
    : snapshot.matches({ connections: 'failed' })
      ? errorPanel(error, view)
      : connections.length === 0
        ? html`<p class="empty-state">${t.connectionsEmpty}</p>`
        : html`<p class="meta">${t.connectionsCount(connections.length)}</p>
            <ul class="cards">${connections.map((connection) => connectionItem(view, connection))}</ul>`;
  return html`${heading(t.connectionsHeading)}
    ${snapshot.matches({ connections: 'list' })
      ? html`<div class="actions start">${primaryButton(t.newConnection, () => send({ type: 'user.newConnection' }))}</div>`
      : nothing}
    ${body}`;
};
