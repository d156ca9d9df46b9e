import { errorMessage } from './i18n/error-message.js';
import type { Messages } from './i18n/messages.js';
import { signInOf, type ConnectSnapshot } from './machine/steps.js';
import { connectionList } from './views/login.js';
import { listCount } from './views/parts.js';

/**
 * What the polite live region says for a snapshot: the step ("Stap 2 van 5"), how many
 * results a list holds once loaded, how a login ended, and what went wrong. Derived, never
 * stored: the region re-reads it on every render, and a screen reader speaks what changed.
 */
export function announcement(snapshot: ConnectSnapshot, t: Messages, step: string | null, formatDate: (isoDate: string) => string = (isoDate) => isoDate): string {
  const parts: string[] = step ? [step] : [];
  const { organisations, administrations, authorization } = snapshot.context;
  const signIn = signInOf(snapshot);
  if (snapshot.matches({ flow: { organisation: 'ready' } })) parts.push(listCount(organisations, t.organisationsFound, t.organisationsFoundAtLeast));
  if (snapshot.matches({ flow: { administration: 'ready' } })) parts.push(listCount(administrations, t.divisionsFound, t.divisionsFoundAtLeast));
  if (snapshot.matches({ flow: { login: 'authorized' } })) {
    parts.push(authorization?.exactUser ? t.loginAuthorizedAs(authorization.exactUser.name) : t.loginAuthorized);
  }
  const { disconnected, redeliveryPreview } = snapshot.context;
  if (snapshot.matches({ connections: 'list' })) {
    if (disconnected) parts.push(t.disconnected(disconnected.organisation.name, disconnected.division.name));
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
  if (snapshot.matches({ redelivery: 'confirming' }) && redeliveryPreview) {
    parts.push(redeliveryPreview.documentCount > 0 ? t.redeliveryPreview(redeliveryPreview.documentCount, formatDate(redeliveryPreview.from)) : t.redeliveryNone(formatDate(redeliveryPreview.from)));
  }
  const loginProblem = signIn?.context.loginProblem;
  const error = signIn ? signIn.context.error : snapshot.context.error;
  if (loginProblem && (signIn!.matches('problem') || signIn!.matches('open'))) {
    parts.push(t[`loginProblem_${loginProblem}`]);
  } else if (error) {
    parts.push(errorMessage(error, t));
  }
  return parts.join('. ');
}
