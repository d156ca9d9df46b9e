import { html, nothing } from 'lit';
import type { Connection } from '../api/types.js';
import { connectionList, connectionName, exactHosts } from './names.js';
import { errorNote, errorPanel, heading, isolate, primaryButton, quietButton, secondaryButton, skeleton } from './parts.js';
import { migrationView, newConnectionAction, prerequisitesView } from './prerequisites.js';
import type { ViewContext } from './view-context.js';

/** `Verbinding verbreken`, asked in the card itself: which connection, what stops, and the safe way back first. */
const disconnectConfirmation = ({ t, send, snapshot }: ViewContext, connection: Connection) => {
  const busy = snapshot.matches({ connections: 'disconnecting' });
  const failed = snapshot.matches({ connections: 'disconnectFailed' });
  return html`<div class="confirm" role="group" aria-labelledby="disconnect-question">
    <p id="disconnect-question" class="confirm-question">${t.disconnectQuestion(isolate(connection.organisation.name), isolate(connection.division.name))}</p>
    <p>${t.disconnectConsequence}</p>
    ${failed && snapshot.context.error ? errorNote(snapshot.context.error, t) : nothing}
    <div class="actions">
      <button type="button" class="button secondary" part="button secondary-button" data-next-action @click=${() => send({ type: 'user.cancelDisconnect' })}>${t.cancel}</button>
      ${primaryButton(failed ? t.retry : busy ? t.disconnecting : t.disconnectConfirm, () => send({ type: failed ? 'user.retry' : 'user.confirmDisconnect' }), { busy })}
    </div>
  </div>`;
};

/** A lapsed or replaced login, or an administration the last consent left out: a new login repairs it. */
const reconnectable = (connection: Connection) => connection.status === 'needs_login' || connection.status === 'division_unavailable';

/** What `Opnieuw verbinden` repaired: the connection chosen, the others the same login brought back, and what still needs attention. */
const reconnectedNote = ({ t, snapshot }: ViewContext) => {
  const reconnected = snapshot.context.reconnected;
  if (!reconnected) return nothing;
  const { connection, others, attention } = reconnected;
  const name = connectionName(t, connection);
  return html`<div class="success" tabindex="-1" data-focus-first>
    <p>${connection.status === 'active' ? t.reconnected(name) : t.reconnectedNotActive(name, t[`connectionStatus_${connection.status}`])}</p>
    ${others.length > 0 ? html`<p>${t.reconnectedOthers(connectionList(t, others))}</p>` : nothing}
    ${attention.length > 0 ? html`<p class="notice">${t.consentDropped(connectionList(t, attention))}</p>` : nothing}
  </div>`;
};

const connectionItem = (view: ViewContext, connection: Connection) => {
  const { t, send, formatDate, snapshot } = view;
  const { disconnecting, madeConnection, madeConnections } = snapshot.context;
  const made = connection.id === madeConnection || madeConnections.includes(connection.id);
  // One connection made: its card takes focus; a batch's: the note above the list does.
  const focused = connection.id === madeConnection;
  const actions = snapshot.matches({ connections: 'list' });
  return html`<li class="card ${made ? 'made' : ''}" part="connection" tabindex=${focused ? '-1' : nothing} ?data-focus-first=${focused}>
    <p class="card-title">${t.connectionSummary(connection.organisation.name, connection.division.name)}${made ? html` <span class="badge">${t.connectionNew}</span>` : nothing}</p>
    ${connection.status === 'active' ? nothing : html`<p class="card-status">${t[`connectionStatus_${connection.status}`]}</p>`}
    <p class="card-meta">${connection.division.code} · ${connection.bookingFlow === 'simple' ? t.bookingFlowSimple : t.bookingFlowAdvanced} ·
      ${t.connectedSince(formatDate(connection.createdAt))}</p>
    <p class="card-meta">${connection.exactUser ? t.connectionExactUser(isolate(connection.exactUser.name), exactHosts[connection.region]) : exactHosts[connection.region]}</p>
    ${disconnecting?.id === connection.id
      ? disconnectConfirmation(view, connection)
      : actions
        ? html`<div class="actions">
            ${reconnectable(connection) ? primaryButton(t.reconnect, () => send({ type: 'user.reconnect', connection })) : nothing}
            ${secondaryButton(t.redeliver, () => send({ type: 'user.redeliver', connection }))}
            ${quietButton(t.disconnect, () => send({ type: 'user.disconnect', connection }))}
          </div>`
        : nothing}
  </li>`;
};

/** The overview: the connections with their health and actions (or the empty state), and `New Connection`. */
export const connectionsView = (view: ViewContext) => {
  const { t, send, snapshot } = view;
  const { connections, error, disconnected } = snapshot.context;
  const loading = snapshot.matches({ connections: 'loading' });
  const body =
    loading && (connections.length === 0 || !(disconnected || snapshot.context.reconnected))
      ? skeleton('cards', t.loading)
      : snapshot.matches({ connections: 'failed' })
        ? errorPanel(error, view)
        : connections.length === 0
          ? html`<p class="empty-state">${t.connectionsEmpty}</p>`
          : html`<p class="meta">${t.connectionsCount(connections.length)}</p>
              <ul class="cards">${connections.map((connection) => connectionItem(view, connection))}</ul>`;
  return html`${heading(t.connectionsHeading)}
    ${disconnected ? html`<p class="success">${t.disconnected(isolate(disconnected.organisation.name), isolate(disconnected.division.name))}</p>` : nothing}
    ${reconnectedNote(view)}
    ${snapshot.context.madeConnections.length > 0 ? html`<p class="success" tabindex="-1" data-focus-first>${t.batchMade(snapshot.context.madeConnections.length)}</p>` : nothing}
    ${snapshot.matches({ connections: 'failed' }) || (loading && !(disconnected || snapshot.context.reconnected)) ? nothing : html`${prerequisitesView(view)}${migrationView(view)}`}
    ${snapshot.matches({ connections: 'list' }) ? newConnectionAction(view) : nothing}
    ${body}`;
};
