import { errorMessage } from './i18n/error-message.js';
import type { FirstMessages } from './i18n/first-messages.js';
import { signInOf, type ConnectSnapshot } from './machine/steps.js';
import { connectionList } from './views/names.js';

/**
 * What the polite live region says for a snapshot: the step ("Stap 2 van 5"), what the overview
 * changed, what a later step says (`later`: views/later-announcement.ts, once the later steps
 * have loaded), how a login ended, and what went wrong. Derived, never stored: the region
 * re-reads it on every render, and a screen reader speaks what changed.
 */
export function announcement(snapshot: ConnectSnapshot, t: FirstMessages, step: string | null, later: ((snapshot: ConnectSnapshot) => string[]) | null): string {
  const parts: string[] = step ? [step] : [];
  const signIn = signInOf(snapshot);
  const { disconnected } = snapshot.context;
  if (snapshot.matches({ connections: 'list' })) {
    if (disconnected) parts.push(t.disconnected(disconnected.organisation.name, disconnected.division.name));
    if (snapshot.context.madeConnections.length > 0) parts.push(t.batchMade(snapshot.context.madeConnections.length));
    const reconnected = snapshot.context.reconnected;
    if (reconnected) {
      const { connection } = reconnected;
      const name = t.connectionSummary(connection.organisation.name, `${connection.division.code} ${connection.division.name}`);
      parts.push(connection.status === 'active' ? t.reconnected(name) : t.reconnectedNotActive(name, t[`connectionStatus_${connection.status}`]));
      if (reconnected.others.length > 0) parts.push(t.reconnectedOthers(connectionList(t, reconnected.others)));
      if (reconnected.attention.length > 0) parts.push(t.consentDropped(connectionList(t, reconnected.attention)));
    }
    parts.push(t.connectionsCount(snapshot.context.connections.length));
  }
  if (snapshot.matches({ connections: 'confirmingDisconnect' }) && snapshot.context.disconnecting) {
    parts.push(t.disconnectQuestion(snapshot.context.disconnecting.organisation.name, snapshot.context.disconnecting.division.name));
  }
  if (later) parts.push(...later(snapshot));
  const loginProblem = signIn?.context.loginProblem;
  const error = signIn ? signIn.context.error : snapshot.context.error;
  if (loginProblem && (signIn!.matches('problem') || signIn!.matches('open'))) {
    parts.push(t[`loginProblem_${loginProblem}`]);
  } else if (error && !snapshot.matches({ batch: { running: 'waiting' } })) {
    parts.push(errorMessage(error, t));
  }
  return parts.join('. ');
}
