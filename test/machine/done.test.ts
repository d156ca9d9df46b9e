import { expect } from '@esm-bundle/chai';
import {
  apiError,
  connection,
  administration,
  failures,
  organisation,
  redelivery,
  toAdministration,
  toAuthorized,
  toConnections,
  toDone,
  toLoginOpen,
  toLoginReady,
  toOrganisation,
  toSystem,
  submitAndConfirm,
} from './fakes.js';
import type { Fakes, Harness } from './fakes.js';

const cancelledEvents = (h: Harness) => h.emitted.filter((event) => event.type === 'cancelled');

describe('connect machine: cancel', () => {
  const steps: Array<[string, () => Promise<Harness>]> = [
    ['organisation', toOrganisation],
    ['system', toSystem],
    ['login (ready)', toLoginReady],
    ['login (open)', toLoginOpen],
    ['login (authorized)', toAuthorized],
    ['administration', toAdministration],
  ];

  for (const [name, walk] of steps) {
    it(`cancel from the ${name} step returns to the connections, resets the flow and emits "cancelled"`, async () => {
      const h = await walk();
      expect(cancelledEvents(h)).to.have.length(0);
      h.actor.send({ type: 'user.cancel' });
      const snapshot = h.actor.getSnapshot();
      expect(snapshot.matches({ connections: 'loading' })).to.equal(true);
      expect(cancelledEvents(h)).to.deep.equal([{ type: 'cancelled' }]);
      expect(snapshot.context.organisation).to.equal(null);
      expect(h.signIn(), 'the login and what it started are gone').to.equal(null);
      expect(snapshot.context.authorization).to.equal(null);
      expect(h.fakes.loginWindow.open).to.equal(false);
      await h.reach({ connections: 'list' });
    });
  }

  it('cancel while a request is in flight aborts it', async () => {
    const h = await toConnections((fakes) => fakes.listOrganisations.hold());
    h.actor.send({ type: 'user.newConnection' });
    const request = h.fakes.listOrganisations.last;
    h.actor.send({ type: 'user.cancel' });
    expect(request.signal.aborted).to.equal(true);
    expect(cancelledEvents(h)).to.have.length(1);
  });

  it('cancel is ignored outside the flow', async () => {
    const h = await toConnections();
    h.actor.send({ type: 'user.cancel' });
    expect(h.matches({ connections: 'list' })).to.equal(true);
    expect(cancelledEvents(h)).to.have.length(0);
  });
});

describe('connect machine: done', () => {
  it('user.done returns to the connections with the flow context reset', async () => {
    const h = await toDone();
    expect(h.actor.getSnapshot().context.connection).to.not.equal(null);
    h.actor.send({ type: 'user.done' });
    const snapshot = h.actor.getSnapshot();
    expect(snapshot.matches({ connections: 'loading' })).to.equal(true);
    expect(snapshot.context).to.deep.include({
      organisation: null,
      authorization: null,
      administration: null,
      bookingFlow: 'simple',
      idempotencyKey: null,
      connection: null,
      error: null,
    });
    // The login (its started authorization and its problem) ended with the login step.
    expect(h.signIn()).to.equal(null);
    expect(snapshot.context.resumedProblem).to.equal(null);
    expect(snapshot.context.organisations).to.deep.equal({ query: '', items: [], total: 0, nextCursor: null });
    expect(snapshot.context.administrations).to.deep.equal({ query: '', items: [], total: 0, nextCursor: null });
    await h.reach({ connections: 'list' });
    expect(h.fakes.listConnections.calls).to.have.length(2);
    expect(cancelledEvents(h)).to.have.length(0);
  });

  it('a next connection after done starts clean and uses a new idempotency key', async () => {
    const h = await toDone();
    h.actor.send({ type: 'user.done' });
    await h.reach({ connections: 'list' });
    h.actor.send({ type: 'user.newConnection' });
    await h.reach({ flow: { organisation: 'ready' } });
    expect(h.actor.getSnapshot().context.organisation).to.equal(null);
    h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-2') });
    h.actor.send({ type: 'user.confirmOrganisation' });
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'ready' } });
    h.actor.send({ type: 'user.openLogin' });
    h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
    await h.reach({ flow: { login: 'authorized' } });
    h.actor.send({ type: 'user.continue' });
    await h.reach({ flow: { administration: 'ready' } });
    expect(h.actor.getSnapshot().context.administration).to.equal(null);
    h.actor.send({ type: 'user.selectAdministration', administration: administration(102) });
    h.actor.send({ type: 'user.finish' });
    expect(h.fakes.createConnection.calls.map((call) => call.input.idempotencyKey)).to.deep.equal(['key-1', 'key-2']);
    expect(h.fakes.createConnection.last.input).to.include({ organisationId: 'org-2', authorizationId: 'auth-2', divisionCode: 102 });
    await h.reach('done');
  });

  it('user.done marks the new connection on the overview (madeConnection); user.newConnection clears the mark', async () => {
    const h = await toDone();
    expect(h.actor.getSnapshot().context.madeConnection, 'not before the overview').to.equal(null);
    h.actor.send({ type: 'user.done' });
    expect(h.matches({ connections: 'loading' })).to.equal(true);
    expect(h.actor.getSnapshot().context.madeConnection).to.equal('con-new');
    await h.reach({ connections: 'list' });
    expect(h.actor.getSnapshot().context.madeConnection, 'still marked once the list is there').to.equal('con-new');
    h.actor.send({ type: 'user.newConnection' });
    expect(h.matches({ flow: 'organisation' })).to.equal(true);
    expect(h.actor.getSnapshot().context.madeConnection).to.equal(null);
  });

  it('a disconnect on the overview clears the mark of the new connection', async () => {
    const h = await toDone();
    h.actor.send({ type: 'user.done' });
    await h.reach({ connections: 'list' });
    h.actor.send({ type: 'user.disconnect', connection: connection('con-1') });
    expect(h.matches({ connections: 'confirmingDisconnect' })).to.equal(true);
    expect(h.actor.getSnapshot().context.madeConnection).to.equal(null);
  });

  it('an overview reached without a new connection marks none', async () => {
    const h = await toConnections();
    expect(h.actor.getSnapshot().context.madeConnection).to.equal(null);
  });

  it('user.redeliver from done opens the redelivery for that connection', async () => {
    const h = await toDone();
    const made = h.actor.getSnapshot().context.connection!;
    h.actor.send({ type: 'user.redeliver', connection: made });
    const snapshot = h.actor.getSnapshot();
    expect(snapshot.matches({ redelivery: 'editing' })).to.equal(true);
    expect(snapshot.context.redeliveryConnection).to.deep.equal(made);
  });

  it('ignores flow events once done', async () => {
    const h = await toDone();
    h.actor.send({ type: 'user.finish' });
    h.actor.send({ type: 'user.back' });
    h.actor.send({ type: 'user.cancel' });
    expect(h.matches('done')).to.equal(true);
    expect(h.fakes.createConnection.calls).to.have.length(1);
  });
});

describe('connect machine: redelivery', () => {
  const chosen = connection('con-5', { organisation: { id: 'org-5', name: 'Five' } });

  async function toRedelivery(configure?: (fakes: Fakes) => void) {
    const h = await toConnections(configure);
    h.actor.send({ type: 'user.redeliver', connection: chosen });
    return h;
  }


  it('submits the date for the connection\'s organisation and shows the result', async () => {
    const h = await toRedelivery((fakes) => fakes.createRedelivery.hold());
    await submitAndConfirm(h, '2024-03-01');
    expect(h.matches({ redelivery: 'submitting' })).to.equal(true);
    expect(h.fakes.createRedelivery.last.input).to.deep.equal({ organisationId: 'org-5', from: '2024-03-01', idempotencyKey: 'key-1' });
    h.fakes.createRedelivery.last.resolve(redelivery('2024-03-01'));
    const submitted = await h.reach({ redelivery: 'submitted' });
    expect(submitted.context.redelivery).to.deep.equal(redelivery('2024-03-01'));
  });

  it('goes to failed when the redelivery fails, emitting "failed"; retry returns to editing', async () => {
    const error = apiError('createRedelivery', 422);
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(error));
    await submitAndConfirm(h, '2024-03-01');
    const failed = await h.reach({ redelivery: 'failed' });
    expect(failed.context.error).to.equal(error);
    expect(failures(h).map((event) => event.error)).to.deep.equal([error]);

    h.actor.send({ type: 'user.retry' });
    expect(h.matches({ redelivery: 'editing' })).to.equal(true);
    expect(h.actor.getSnapshot().context.error).to.equal(null);
    expect(h.fakes.createRedelivery.calls).to.have.length(1);
  });

  it('submitting again from failed sends the new date', async () => {
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(apiError('createRedelivery')));
    await submitAndConfirm(h, '2024-03-01');
    await h.reach({ redelivery: 'failed' });
    h.fakes.createRedelivery.returns(redelivery('2024-02-01'));
    await submitAndConfirm(h, '2024-02-01');
    // Another date is another request: a key of its own.
    expect(h.fakes.createRedelivery.last.input).to.deep.equal({ organisationId: 'org-5', from: '2024-02-01', idempotencyKey: 'key-2' });
    await h.reach({ redelivery: 'submitted' });
  });

  it('turns a non-ApiError redelivery failure into a contract ApiError', async () => {
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(undefined));
    await submitAndConfirm(h, '2024-03-01');
    const failed = await h.reach({ redelivery: 'failed' });
    expect(failed.context.error?.kind).to.equal('contract');
    expect(failed.context.error?.operation).to.equal('createRedelivery');
    expect(failures(h)[0]?.error).to.equal(failed.context.error);
  });

  for (const leave of ['user.back', 'user.done'] as const) {
    it(`${leave} from the redelivery returns to the connections`, async () => {
      const h = await toRedelivery();
      h.actor.send({ type: leave });
      expect(h.matches({ connections: 'loading' })).to.equal(true);
      await h.reach({ connections: 'list' });
    });

    it(`${leave} after a submitted redelivery returns to the connections`, async () => {
      const h = await toRedelivery();
      await submitAndConfirm(h, '2024-03-01');
      await h.reach({ redelivery: 'submitted' });
      h.actor.send({ type: leave });
      expect(h.matches({ connections: 'loading' })).to.equal(true);
    });
  }

  it('a second redelivery starts without the earlier result or error', async () => {
    const h = await toRedelivery();
    await submitAndConfirm(h, '2024-03-01');
    await h.reach({ redelivery: 'submitted' });
    h.actor.send({ type: 'user.back' });
    await h.reach({ connections: 'list' });
    h.actor.send({ type: 'user.redeliver', connection: chosen });
    expect(h.actor.getSnapshot().context.redelivery).to.equal(null);
    expect(h.actor.getSnapshot().context.redeliveryPreview).to.equal(null);
    expect(h.matches({ redelivery: 'editing' })).to.equal(true);
  });

  it('submitting is ignored while a submission is in flight', async () => {
    const h = await toRedelivery((fakes) => fakes.createRedelivery.hold());
    await submitAndConfirm(h, '2024-03-01');
    h.actor.send({ type: 'user.submitRedelivery', from: '2024-03-02' });
    h.actor.send({ type: 'user.confirmRedelivery' });
    expect(h.matches({ redelivery: 'submitting' })).to.equal(true);
    expect(h.fakes.previewRedelivery.calls).to.have.length(1);
    expect(h.fakes.createRedelivery.calls).to.have.length(1);
  });

  it('submitting is ignored while the preview is in flight, and so is a confirmation', async () => {
    const h = await toRedelivery((fakes) => fakes.previewRedelivery.hold());
    h.actor.send({ type: 'user.submitRedelivery', from: '2024-03-01' });
    h.actor.send({ type: 'user.submitRedelivery', from: '2024-03-02' });
    h.actor.send({ type: 'user.confirmRedelivery' });
    expect(h.matches({ redelivery: 'previewing' })).to.equal(true);
    expect(h.fakes.previewRedelivery.calls).to.have.length(1);
    expect(h.fakes.createRedelivery.calls).to.have.length(0);
  });
});

describe('connect machine: errors are cleared on the way', () => {
  it('a failed finish error does not survive into the next connection', async () => {
    const h = await toAdministration((fakes) => fakes.createConnection.fails(apiError('createConnection')));
    h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
    h.actor.send({ type: 'user.finish' });
    await h.reach({ flow: { administration: 'finishFailed' } });
    h.actor.send({ type: 'user.cancel' });
    expect(h.actor.getSnapshot().context.error).to.equal(null);
    expect(h.actor.getSnapshot().context.idempotencyKey).to.equal(null);
  });
});
