import type { Messages } from '../i18n/messages.js';
import { countOf, doneCount } from '../machine/batch-run.js';
import { rateLimitWait } from '../machine/retry-policy.js';
import type { ConnectSnapshot } from '../machine/steps.js';
import { listCount } from './list-parts.js';

/**
 * What the later steps add to the polite live region (announcement.ts): how many results a
 * list holds once loaded, who logged in, the redelivery's count, and the batch. In the later
 * steps' chunk with their messages.
 */
export function laterAnnouncement(snapshot: ConnectSnapshot, t: Messages, formatDate: (isoDate: string) => string): string[] {
  const parts: string[] = [];
  const { organisations, administrations, authorization, redeliveryPreview } = snapshot.context;
  if (snapshot.matches({ flow: { organisation: 'ready' } })) parts.push(listCount(organisations, t.organisationsFound, t.organisationsFoundAtLeast));
  if (snapshot.matches({ flow: { administration: 'ready' } })) parts.push(listCount(administrations, t.divisionsFound, t.divisionsFoundAtLeast));
  if (snapshot.matches({ flow: { login: 'authorized' } })) {
    parts.push(authorization?.exactUser ? t.loginAuthorizedAs(authorization.exactUser.name) : t.loginAuthorized);
  }
  if (snapshot.matches({ redelivery: 'confirming' }) && redeliveryPreview) {
    parts.push(redeliveryPreview.documentCount > 0 ? t.redeliveryPreview(redeliveryPreview.documentCount, formatDate(redeliveryPreview.from)) : t.redeliveryNone(formatDate(redeliveryPreview.from)));
  }
  parts.push(...batchAnnouncement(snapshot, t));
  return parts;
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
