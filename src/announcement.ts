import { errorMessage } from './i18n/error-message.js';
import type { Messages } from './i18n/messages.js';
import { signInOf, type ConnectSnapshot } from './machine/steps.js';
import { connectionList } from './views/names.js';
import { countOf, doneCount } from './machine/batch-run.js';
import { rateLimitWait } from './machine/retry-policy.js';
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
  if (snapshot.matches({ redelivery: 'confirming' }) && redeliveryPreview) {
    parts.push(redeliveryPreview.documentCount > 0 ? t.redeliveryPreview(redeliveryPreview.documentCount, formatDate(redeliveryPreview.from)) : t.redeliveryNone(formatDate(redeliveryPreview.from)));
  }
  parts.push(...batchAnnouncement(snapshot, t));
  const loginProblem = signIn?.context.loginProblem;
  const error = signIn ? signIn.context.error : snapshot.context.error;
  if (loginProblem && (signIn!.matches('problem') || signIn!.matches('open'))) {
    parts.push(t[`loginProblem_${loginProblem}`]);
  } else if (error && !snapshot.matches({ batch: { running: 'waiting' } })) {
    parts.push(errorMessage(error, t));
  }
  return parts.join('. ');
}

/**
 * The batch: the table's proposals once, how far a run is — in steps of a tenth, so a screen
 * reader is not told every row of 200 — Exact's waits, and the end.
 */
function batchAnnouncement(snapshot: ConnectSnapshot, t: Messages): string[] {
  const { batchTable, batchRun, error } = snapshot.context;
  if (snapshot.matches({ batch: 'choosing' }) && batchTable) {
    const rows = batchTable.matching.rows;
    const by = (match: string | null) => rows.filter((row) => row.match === match).length;
    return [t.batchMatchSummary(rows.length, by('kvk'), by('vat'), by('name'), by(null))];
  }
  if (snapshot.matches({ batch: 'running' }) && batchRun) {
    const total = batchRun.rows.length;
    const step = Math.max(1, Math.round(total / 10));
    const done = doneCount(batchRun);
    const said = [t.batchProgress(done === total ? done : done - (done % step), total)];
    const failed = countOf(batchRun, 'failed');
    if (failed > 0) said.push(t.batchSummary(countOf(batchRun, 'connected'), failed, countOf(batchRun, 'skipped')));
    const wait = snapshot.matches({ batch: { running: 'waiting' } }) ? rateLimitWait(error) : null;
    if (wait) said.push(wait.automatic ? t.batchWaiting(wait.seconds) : t.batchWaitingLong(wait.seconds));
    return said;
  }
  if (snapshot.matches({ batch: 'summary' }) && batchRun) {
    return [t.batchSummary(countOf(batchRun, 'connected'), countOf(batchRun, 'failed'), countOf(batchRun, 'skipped'))];
  }
  return [];
}
