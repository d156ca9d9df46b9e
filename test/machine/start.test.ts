import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import {
  apiError,
  connection,
  failures,
  startMachine,
  status,
  toConnections,
} from './fakes.js';

describe('connect machine: status check', () => {
  it('starts by checking the status and shows the connections when the Autopilot is installed', async () => {
    const h = startMachine();
    expect(h.matches('checkingStatus')).to.equal(true);
    expect(h.fakes.getStatus.calls).to.have.length(1);
    const snapshot = await h.reach('connections');
    expect(snapshot.context.status).to.deep.equal(status(true));
  });

  it('explains the missing app when the Autopilot is not installed', async () => {
    const h = startMachine((fakes) => fakes.getStatus.returns(status(false)));
    const snapshot = await h.reach('notInstalled');
    expect(snapshot.context.status?.autopilotInstalled).to.equal(false);
    expect(h.fakes.listConnections.calls).to.have.length(0);
  });

  it('checks again on retry after "not installed" and continues once the app is there', async () => {
    const h = startMachine((fakes) => fakes.getStatus.returns(status(false)));
    await h.reach('notInstalled');
    h.fakes.getStatus.returns(status(true));
    h.actor.send({ type: 'user.retry' });
    expect(h.matches('checkingStatus')).to.equal(true);
    await h.reach({ connections: 'list' });
    expect(h.fakes.getStatus.calls).to.have.length(2);
  });

  it('goes to statusFailed when the status check fails, and emits "failed" with the ApiError', async () => {
    const error = apiError('getStatus', 503);
    const h = startMachine((fakes) => fakes.getStatus.fails(error));
    const snapshot = await h.reach('statusFailed');
    expect(snapshot.context.error).to.equal(error);
    expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
  });

  it('turns a non-ApiError status failure into a contract ApiError', async () => {
    const h = startMachine((fakes) => fakes.getStatus.fails(new TypeError('boom')));
    const snapshot = await h.reach('statusFailed');
    const error = snapshot.context.error!;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.kind).to.equal('contract');
    expect(error.operation).to.equal('getStatus');
    expect(error.detail).to.contain('boom');
    expect(failures(h)[0]?.error).to.equal(error);
  });

  it('retries the status check from statusFailed and clears the error', async () => {
    const h = startMachine((fakes) => fakes.getStatus.fails(apiError('getStatus')));
    await h.reach('statusFailed');
    h.fakes.getStatus.returns(status(true));
    h.actor.send({ type: 'user.retry' });
    expect(h.matches('checkingStatus')).to.equal(true);
    expect(h.actor.getSnapshot().context.error).to.equal(null);
    await h.reach({ connections: 'list' });
    expect(h.fakes.getStatus.calls).to.have.length(2);
  });
});

describe('connect machine: connections', () => {
  it('loads the connections and lists them', async () => {
    const list = [connection('con-1'), connection('con-2')];
    const h = startMachine((fakes) => fakes.listConnections.returns(list));
    await h.reach({ connections: 'loading' });
    const snapshot = await h.reach({ connections: 'list' });
    expect(snapshot.context.connections).to.deep.equal(list);
  });

  it('shows an empty list when there are no connections', async () => {
    const h = await toConnections((fakes) => fakes.listConnections.returns([]));
    expect(h.actor.getSnapshot().context.connections).to.deep.equal([]);
  });

  it('goes to failed when the connections cannot be loaded, emitting "failed"', async () => {
    const error = apiError('listConnections');
    const h = startMachine((fakes) => fakes.listConnections.fails(error));
    const snapshot = await h.reach({ connections: 'failed' });
    expect(snapshot.context.error).to.equal(error);
    expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
  });

  it('turns a non-ApiError connections failure into a contract ApiError', async () => {
    const h = startMachine((fakes) => fakes.listConnections.fails('nope'));
    const snapshot = await h.reach({ connections: 'failed' });
    expect(snapshot.context.error?.kind).to.equal('contract');
    expect(snapshot.context.error?.operation).to.equal('listConnections');
  });

  it('loads the connections again on retry and clears the error', async () => {
    const h = startMachine((fakes) => fakes.listConnections.fails(apiError('listConnections')));
    await h.reach({ connections: 'failed' });
    h.fakes.listConnections.returns([connection('con-9')]);
    h.actor.send({ type: 'user.retry' });
    expect(h.matches({ connections: 'loading' })).to.equal(true);
    expect(h.actor.getSnapshot().context.error).to.equal(null);
    const snapshot = await h.reach({ connections: 'list' });
    expect(snapshot.context.connections.map((c) => c.id)).to.deep.equal(['con-9']);
    expect(h.fakes.listConnections.calls).to.have.length(2);
  });

  it('starts a new connection at the organisation step', async () => {
    const h = await toConnections();
    h.actor.send({ type: 'user.newConnection' });
    expect(h.matches({ flow: { organisation: 'loading' } })).to.equal(true);
    expect(h.fakes.listOrganisations.calls).to.have.length(1);
    expect(h.fakes.listOrganisations.last.input).to.deep.equal({ query: '' });
  });

  it('opens the redelivery for the chosen connection', async () => {
    const h = await toConnections();
    const chosen = connection('con-7');
    h.actor.send({ type: 'user.redeliver', connection: chosen });
    expect(h.matches({ redelivery: 'editing' })).to.equal(true);
    expect(h.actor.getSnapshot().context.redeliveryConnection).to.deep.equal(chosen);
  });

  it('ignores starting a new connection while the list is still loading', async () => {
    const h = startMachine((fakes) => fakes.listConnections.hold());
    await h.reach({ connections: 'loading' });
    h.actor.send({ type: 'user.newConnection' });
    expect(h.matches({ connections: 'loading' })).to.equal(true);
  });
});
