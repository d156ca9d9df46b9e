import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import type { Connection, Division, Organisation } from '../../src/api/types.js';
import type { BatchRecord } from '../../src/machine/batch-types.js';
import { stateKey } from '../../src/machine/steps.js';
import {
  administration,
  advance,
  authorization,
  connection,
  flushAnswers,
  organisation,
  startMachine,
  status,
  toConnections,
} from './fakes.js';
import type { Fakes, Harness } from './fakes.js';

/**
 * `Meerdere administraties koppelen` (issue 14): one login, a table that proposes an
 * administration per organisation, the user ticks, `Alles koppelen` makes one request per row,
 * one at a time, each with its own key; Exact's pace (429) is waited out, a failure is that
 * row's, a stop ends after the current row, the failed rows can be tried again alone, a reload
 * resumes, and nothing is ever connected twice.
 */

const orgs: Organisation[] = [1, 2, 3, 4].map((n) => organisation(`org-${n}`, { name: `Org ${n}`, kvk: `1000000${n}` }));
const divisions: Division[] = [1, 2, 3, 4].map((n) => administration(100 + n, { name: `Admin ${n}`, kvk: `1000000${n}` }));
const context = (h: Harness) => h.actor.getSnapshot().context;
const made = (input: { organisationId: string; divisionCode: number }): Connection =>
  connection(`con-${input.organisationId}`, { organisation: { id: input.organisationId, name: input.organisationId }, division: { code: input.divisionCode, name: 'x' } });

const rateLimited = (seconds: number) => new ApiError('problem', 'createConnection', 429, 'rate_limited', seconds, 'slow down');
const mailboxForbidden = () => new ApiError('problem', 'createConnection', 422, 'mailbox_forbidden', null, 'no rights');

/** The overview, `Meerdere administraties koppelen`, the login, and the table with every row proposed. */
async function toTable(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toConnections((fakes) => {
    fakes.getStatus.returns({ ...status(true, []), connectableOrganisations: 4 });
    fakes.loadBatchCandidates.returns({ organisations: orgs, divisions });
    fakes.createConnection.returns(made);
    configure?.(fakes);
  });
  h.actor.send({ type: 'user.newBatch' });
  await h.reach({ batch: 'signingIn' });
  await flushAnswers();
  h.actor.send({ type: 'user.openLogin' });
  h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
  await h.reach({ batch: 'choosing' });
  return h;
}

/** Every row ticked, then `Alles koppelen`. */
async function startAll(h: Harness) {
  h.actor.send({ type: 'user.tickAllBatchRows', ticked: true });
  h.actor.send({ type: 'user.startBatch' });
  await flushAnswers();
}

const rowStatuses = (h: Harness) => context(h).batchRun!.rows.map((row) => [row.organisation.id, row.status]);

describe('connect machine: many administrations at once', () => {
  it('is offered only when more than one organisation can still be connected', async () => {
    const one = await toConnections((fakes) => fakes.getStatus.returns({ ...status(true, []), connectableOrganisations: 1 }));
    expect(one.actor.getSnapshot().can({ type: 'user.newBatch' })).to.equal(false);
    const two = await toConnections((fakes) => fakes.getStatus.returns({ ...status(true, []), connectableOrganisations: 2 }));
    expect(two.actor.getSnapshot().can({ type: 'user.newBatch' })).to.equal(true);
  });

  it('logs in once, on the usual host, offering an existing grant first, then loads every candidate of that grant', async () => {
    const h = await toConnections((fakes) => {
      fakes.listAuthorizations.returns([authorization('grant-lien', 'authorized')]);
      fakes.loadBatchCandidates.returns({ organisations: orgs, divisions });
    });
    h.actor.send({ type: 'user.newBatch' });
    await h.reach({ batch: 'signingIn' });
    await flushAnswers();
    expect(h.signIn()?.matches('choosingGrant'), 'the grant is offered first').to.equal(true);
    expect(h.fakes.startAuthorization.calls[0]!.input).to.deep.equal({ organisationId: null, forceLogin: false });
    h.actor.send({ type: 'user.reuseGrant', authorization: h.signIn()!.context.reusable! });
    await h.reach({ batch: 'choosing' });
    expect(h.fakes.loadBatchCandidates.last.input).to.deep.equal({ authorizationId: 'grant-lien' });
    const rows = context(h).batchTable!.matching.rows;
    expect(rows.map((row) => [row.organisation.id, row.division?.code, row.match])).to.deep.equal([
      ['org-1', 101, 'kvk'],
      ['org-2', 102, 'kvk'],
      ['org-3', 103, 'kvk'],
      ['org-4', 104, 'kvk'],
    ]);
    expect(context(h).batchTable!.ticked.size, 'nothing is ticked for the user').to.equal(0);
    expect(h.actor.getSnapshot().can({ type: 'user.startBatch' })).to.equal(false);
  });

  it('an administration chosen for two organisations is a conflict on both, and blocks Alles koppelen until settled', async () => {
    const h = await toTable();
    h.actor.send({ type: 'user.tickAllBatchRows', ticked: true });
    h.actor.send({ type: 'user.changeBatchRow', organisationId: 'org-2' });
    expect(context(h).batchTable!.changing).to.equal('org-2');
    h.actor.send({ type: 'user.chooseBatchAdministration', administration: divisions[0]! });
    expect([...context(h).batchTable!.matching.conflicts]).to.deep.equal([101]);
    expect(context(h).batchTable!.changing, 'the picker closes').to.equal(null);
    expect(h.actor.getSnapshot().can({ type: 'user.startBatch' })).to.equal(false);
    h.actor.send({ type: 'user.tickBatchRow', organisationId: 'org-1', ticked: false });
    expect(h.actor.getSnapshot().can({ type: 'user.startBatch' }), 'an unticked row conflicts with no one').to.equal(true);
  });

  it('Alles koppelen: one request at a time, each row its own key, the simple booking flow, the host told of each', async () => {
    const h = await toTable((fakes) => fakes.createConnection.hold());
    await startAll(h);
    expect(h.fakes.createConnection.calls).to.have.length(1);
    for (let n = 0; n < 4; n++) {
      expect(h.fakes.createConnection.calls, 'one request on its way at a time').to.have.length(n + 1);
      h.fakes.createConnection.last.resolve(made(h.fakes.createConnection.last.input));
      await flushAnswers();
    }
    expect(h.fakes.createConnection.calls.map((call) => [call.input.organisationId, call.input.divisionCode, call.input.bookingFlow])).to.deep.equal([
      ['org-1', 101, 'simple'],
      ['org-2', 102, 'simple'],
      ['org-3', 103, 'simple'],
      ['org-4', 104, 'simple'],
    ]);
    const keys = h.fakes.createConnection.calls.map((call) => call.input.idempotencyKey);
    expect(new Set(keys).size).to.equal(4);
    await h.reach({ batch: 'summary' });
    expect(h.emitted.filter((event) => event.type === 'connected')).to.have.length(4);
  });

  it('a failure is that row\'s (with its reason); the run goes on; only the failed row is tried again, with its own key', async () => {
    const h = await toTable((fakes) => fakes.createConnection.returns((input) => {
      if (input.organisationId === 'org-2') throw mailboxForbidden();
      return made(input);
    }));
    await startAll(h);
    await h.reach({ batch: 'summary' });
    expect(rowStatuses(h)).to.deep.equal([['org-1', 'connected'], ['org-2', 'failed'], ['org-3', 'connected'], ['org-4', 'connected']]);
    expect(context(h).batchRun!.rows[1]!.error?.code).to.equal('mailbox_forbidden');
    const failedKey = context(h).batchRun!.rows[1]!.idempotencyKey;
    h.fakes.createConnection.returns(made);
    h.actor.send({ type: 'user.retryFailedBatch' });
    await h.reach({ batch: 'summary' });
    expect(h.fakes.createConnection.calls.slice(4).map((call) => [call.input.organisationId, call.input.idempotencyKey])).to.deep.equal([['org-2', failedKey]]);
    expect(rowStatuses(h).every(([, state]) => state === 'connected')).to.equal(true);
  });

  it('a 429 waits the Retry-After, then sends the same row with the same key: nothing fails', async () => {
    let first = true;
    const h = await toTable((fakes) => fakes.createConnection.returns((input) => {
      if (input.organisationId === 'org-2' && first) {
        first = false;
        throw rateLimited(7);
      }
      return made(input);
    }));
    await startAll(h);
    await h.reach({ batch: { running: 'waiting' } });
    expect(context(h).error?.retryAfter).to.equal(7);
    await advance(h, 6000);
    expect(h.matches({ batch: { running: 'waiting' } }), 'still waiting after 6 s').to.equal(true);
    await advance(h, 1500);
    await h.reach({ batch: 'summary' });
    const org2 = h.fakes.createConnection.calls.filter((call) => call.input.organisationId === 'org-2');
    expect(org2).to.have.length(2);
    expect(org2[0]!.input.idempotencyKey).to.equal(org2[1]!.input.idempotencyKey);
    expect(rowStatuses(h).every(([, state]) => state === 'connected')).to.equal(true);
  });

  it('Stoppen na deze koppeling: the row on its way finishes, the rest is skipped', async () => {
    const h = await toTable((fakes) => fakes.createConnection.hold());
    await startAll(h);
    const before = stateKey(h.actor.getSnapshot());
    h.actor.send({ type: 'user.stopBatch' });
    // The button that was pressed is gone: the focus policy hears of it (it keys on stateKey).
    expect(stateKey(h.actor.getSnapshot())).to.not.equal(before);
    h.fakes.createConnection.last.resolve(made(h.fakes.createConnection.last.input));
    await h.reach({ batch: 'summary' });
    expect(rowStatuses(h)).to.deep.equal([['org-1', 'connected'], ['org-2', 'skipped'], ['org-3', 'skipped'], ['org-4', 'skipped']]);
    expect(h.fakes.createConnection.calls).to.have.length(1);
    // `Overgeslagen alsnog koppelen`: the rest after all, each with its own key, the made one never again.
    h.fakes.createConnection.returns(made);
    h.actor.send({ type: 'user.resumeSkippedBatch' });
    await h.reach({ batch: 'summary' });
    expect(rowStatuses(h).every(([, state]) => state === 'connected')).to.equal(true);
    expect(h.fakes.createConnection.calls.map((call) => call.input.organisationId)).to.deep.equal(['org-1', 'org-2', 'org-3', 'org-4']);
  });

  it('keeps the run for a reload after every change, and a reload mid-way resumes it: what was on its way is sent again with its key, what was made never', async () => {
    const h = await toTable((fakes) => fakes.createConnection.hold());
    await startAll(h);
    h.fakes.createConnection.last.resolve(made(h.fakes.createConnection.last.input));
    await flushAnswers();
    const kept = h.batch[h.batch.length - 1]!;
    expect(kept.rows.map((row) => row.status)).to.deep.equal(['connected', 'working', 'pending', 'pending']);
    const record: BatchRecord = { authorizationId: kept.authorizationId, rows: kept.rows.map((row) => ({ ...row, error: null })) };

    const again = startMachine(
      (fakes) => {
        fakes.createConnection.returns(made);
        fakes.getStatus.returns(status(true, [connection('con-old')]));
      },
      { batchResume: record },
    );
    await again.reach({ batch: 'summary' });
    expect(again.fakes.getAuthorization.calls[0]!.input).to.deep.equal({ authorizationId: kept.authorizationId });
    expect(again.fakes.createConnection.calls.map((call) => [call.input.organisationId, call.input.idempotencyKey])).to.deep.equal(
      kept.rows.slice(1).map((row) => [row.organisation.id, row.idempotencyKey]),
    );
    // The status the reload answered predates what the run made: the overview asks again.
    again.actor.send({ type: 'user.done' });
    await again.reach({ connections: 'list' });
    expect(again.fakes.listConnections.calls).to.have.length(1);
  });

  it('a reload after the login lapsed: what was made stays, the rest is skipped (nothing sent on a dead grant)', async () => {
    const record: BatchRecord = {
      authorizationId: 'auth-gone',
      rows: [
        { organisation: { id: 'org-1', name: 'Org 1' }, division: { code: 101, name: 'A' }, idempotencyKey: 'k-1', status: 'connected', error: null, connection: made({ organisationId: 'org-1', divisionCode: 101 }) },
        { organisation: { id: 'org-2', name: 'Org 2' }, division: { code: 102, name: 'B' }, idempotencyKey: 'k-2', status: 'pending', error: null, connection: null },
      ],
    };
    const h = startMachine((fakes) => fakes.getAuthorization.returns(authorization('auth-gone', 'expired')), { batchResume: record });
    await h.reach({ batch: 'summary' });
    expect(rowStatuses(h)).to.deep.equal([['org-1', 'connected'], ['org-2', 'skipped']]);
    expect(h.fakes.createConnection.calls).to.have.length(0);
    expect(h.actor.getSnapshot().can({ type: 'user.resumeSkippedBatch' }), 'not on a lapsed grant').to.equal(false);
  });

  it('the end: the overview highlights what was made; one redelivery for all of them, counted first', async () => {
    const h = await toTable();
    await startAll(h);
    await h.reach({ batch: 'summary' });
    h.actor.send({ type: 'user.redeliverBatch' });
    await h.reach({ redelivery: 'editing' });
    expect(context(h).redeliveryBatch.map((c) => c.organisation.id)).to.deep.equal(['org-1', 'org-2', 'org-3', 'org-4']);
    expect(context(h).madeConnections).to.have.length(4);
    h.actor.send({ type: 'user.submitRedelivery', from: '2024-05-01' });
    await h.reach({ redelivery: 'confirming' });
    expect(h.fakes.previewRedeliveries.last.input).to.deep.equal({ organisationIds: ['org-1', 'org-2', 'org-3', 'org-4'], from: '2024-05-01' });
    expect(context(h).redeliveryPreview?.documentCount).to.equal(12);
    h.actor.send({ type: 'user.confirmRedelivery' });
    await h.reach({ redelivery: 'submitted' });
    const keys = h.fakes.createRedeliveries.last.input.requests.map((request) => request.idempotencyKey);
    expect(new Set(keys).size, 'one key per organisation').to.equal(4);
    expect(h.fakes.previewRedelivery.calls, 'not the one-connection preview').to.have.length(0);
  });
});
