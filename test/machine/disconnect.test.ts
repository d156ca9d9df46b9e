import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { advance, apiError, connection, failures, toConnections } from './fakes.js';
import type { Fakes, Harness } from './fakes.js';

/**
 * `Verbinding verbreken` (issue 13): the overview asks first (`confirmingDisconnect`), then
 * removes the connection (`deleteConnection`), tells the host (`disconnected`), drops it from the
 * list at once and reloads the list. A 404 is a connection already gone: no failure, no event. Any
 * other failure is shown (`disconnectFailed`), to retry or to cancel.
 */

const one = connection('con-1');
const two = connection('con-2', { organisation: { id: 'org-2', name: 'Two' } });

/** The overview with two connections, the user having asked to disconnect the first. */
async function toConfirmingDisconnect(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toConnections((fakes) => {
    fakes.listConnections.returns([one, two]);
    configure?.(fakes);
  });
  h.actor.send({ type: 'user.disconnect', connection: one });
  expect(h.matches({ connections: 'confirmingDisconnect' })).to.equal(true);
  return h;
}

const context = (h: Harness) => h.actor.getSnapshot().context;
const disconnectedEvents = (h: Harness) => h.emitted.filter((event) => event.type === 'disconnected');

describe('connect machine: disconnect', () => {
  it('user.disconnect asks first: which connection, nothing removed yet', async () => {
    const h = await toConfirmingDisconnect();
    expect(context(h).disconnecting).to.deep.equal(one);
    expect(h.fakes.deleteConnection.calls).to.have.length(0);
    expect(disconnectedEvents(h)).to.have.length(0);
  });

  it('confirmed: deleteConnection with its id, "disconnected" emitted, gone from the list at once, the list reloaded', async () => {
    const h = await toConfirmingDisconnect((fakes) => fakes.deleteConnection.hold());
    h.actor.send({ type: 'user.confirmDisconnect' });
    expect(h.matches({ connections: 'disconnecting' })).to.equal(true);
    expect(h.fakes.deleteConnection.calls).to.have.length(1);
    expect(h.fakes.deleteConnection.last.input).to.deep.equal({ connectionId: 'con-1' });
    expect(disconnectedEvents(h), 'not before the backend answered').to.have.length(0);

    h.fakes.listConnections.hold();
    h.fakes.deleteConnection.last.resolve();
    const loading = await h.reach({ connections: 'loading' });
    expect(h.emitted.filter((event) => event.type === 'disconnected')).to.deep.equal([{ type: 'disconnected', connection: one }]);
    expect(loading.context.connections).to.deep.equal([two]);
    expect(loading.context.disconnected).to.deep.equal(one);
    expect(loading.context.disconnecting).to.equal(null);
    expect(h.fakes.listConnections.calls, 'the list asked again').to.have.length(2);

    h.fakes.listConnections.last.resolve([two]);
    const list = await h.reach({ connections: 'list' });
    expect(list.context.connections).to.deep.equal([two]);
    expect(list.context.disconnected, 'named on the overview').to.deep.equal(one);
    expect(failures(h)).to.have.length(0);
  });

  it('user.cancelDisconnect goes back to the list: nothing removed, nothing emitted', async () => {
    const h = await toConfirmingDisconnect();
    h.actor.send({ type: 'user.cancelDisconnect' });
    expect(h.matches({ connections: 'list' })).to.equal(true);
    expect(context(h).disconnecting).to.equal(null);
    expect(context(h).connections).to.deep.equal([one, two]);
    expect(h.fakes.deleteConnection.calls).to.have.length(0);
    expect(disconnectedEvents(h)).to.have.length(0);
  });

  it('while asking, the overview\'s other actions wait', async () => {
    const h = await toConfirmingDisconnect();
    h.actor.send({ type: 'user.newConnection' });
    h.actor.send({ type: 'user.redeliver', connection: two });
    h.actor.send({ type: 'user.disconnect', connection: two });
    expect(h.matches({ connections: 'confirmingDisconnect' })).to.equal(true);
    expect(context(h).disconnecting).to.deep.equal(one);
  });

  it('a confirmation is only taken while asking', async () => {
    const h = await toConnections();
    h.actor.send({ type: 'user.confirmDisconnect' });
    expect(h.matches({ connections: 'list' })).to.equal(true);
    expect(h.fakes.deleteConnection.calls).to.have.length(0);
  });

  it('a 404 is a connection already gone: on to the reloaded list, no failure, no "disconnected"', async () => {
    const h = await toConfirmingDisconnect((fakes) => fakes.deleteConnection.fails(apiError('deleteConnection', 404)));
    h.fakes.listConnections.hold();
    h.actor.send({ type: 'user.confirmDisconnect' });
    const loading = await h.reach({ connections: 'loading' });
    expect(loading.context.disconnected).to.deep.equal(one);
    expect(loading.context.disconnecting).to.equal(null);
    expect(loading.context.error).to.equal(null);
    expect(disconnectedEvents(h)).to.have.length(0);
    expect(failures(h)).to.have.length(0);
    // The reload says what the backend has.
    h.fakes.listConnections.last.resolve([two]);
    const list = await h.reach({ connections: 'list' });
    expect(list.context.connections).to.deep.equal([two]);
  });

  it('another failure goes to disconnectFailed with operation deleteConnection, emitting "failed"; the connection stays', async () => {
    const error = apiError('deleteConnection', 503);
    const h = await toConfirmingDisconnect((fakes) => fakes.deleteConnection.fails(error));
    h.actor.send({ type: 'user.confirmDisconnect' });
    const failed = await h.reach({ connections: 'disconnectFailed' });
    expect(failed.context.error).to.equal(error);
    expect(failed.context.error?.operation).to.equal('deleteConnection');
    expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
    expect(failed.context.disconnecting).to.deep.equal(one);
    expect(failed.context.connections).to.deep.equal([one, two]);
    expect(disconnectedEvents(h)).to.have.length(0);
  });

  it('a non-ApiError failure becomes a contract ApiError of deleteConnection', async () => {
    const h = await toConfirmingDisconnect((fakes) => fakes.deleteConnection.fails(undefined));
    h.actor.send({ type: 'user.confirmDisconnect' });
    const failed = await h.reach({ connections: 'disconnectFailed' });
    expect(failed.context.error?.kind).to.equal('contract');
    expect(failed.context.error?.operation).to.equal('deleteConnection');
  });

  it('from disconnectFailed, user.retry removes the same connection again', async () => {
    const h = await toConfirmingDisconnect((fakes) => fakes.deleteConnection.fails(apiError('deleteConnection', 503)));
    h.actor.send({ type: 'user.confirmDisconnect' });
    await h.reach({ connections: 'disconnectFailed' });
    h.fakes.deleteConnection.hold();
    h.actor.send({ type: 'user.retry' });
    expect(h.matches({ connections: 'disconnecting' })).to.equal(true);
    expect(context(h).error).to.equal(null);
    expect(h.fakes.deleteConnection.calls.map((call) => call.input)).to.deep.equal([{ connectionId: 'con-1' }, { connectionId: 'con-1' }]);
    h.fakes.deleteConnection.last.resolve();
    await h.reach({ connections: 'list' });
    expect(disconnectedEvents(h)).to.deep.equal([{ type: 'disconnected', connection: one }]);
  });

  it('from disconnectFailed, user.cancelDisconnect goes back to the list, the error and the choice cleared', async () => {
    const h = await toConfirmingDisconnect((fakes) => fakes.deleteConnection.fails(apiError('deleteConnection', 503)));
    h.actor.send({ type: 'user.confirmDisconnect' });
    await h.reach({ connections: 'disconnectFailed' });
    h.actor.send({ type: 'user.cancelDisconnect' });
    expect(h.matches({ connections: 'list' })).to.equal(true);
    expect(context(h).error).to.equal(null);
    expect(context(h).disconnecting).to.equal(null);
    expect(context(h).connections).to.deep.equal([one, two]);
    expect(h.fakes.deleteConnection.calls).to.have.length(1);
  });

  it('a rate-limited disconnect is retried by itself after the wait', async () => {
    const h = await toConfirmingDisconnect((fakes) =>
      fakes.deleteConnection.fails(new ApiError('problem', 'deleteConnection', 429, 'rate_limited', 5)),
    );
    h.actor.send({ type: 'user.confirmDisconnect' });
    await h.reach({ connections: 'disconnectFailed' });
    h.fakes.deleteConnection.returns(undefined);
    await advance(h, 4900);
    expect(h.fakes.deleteConnection.calls, 'not before the wait').to.have.length(1);
    await advance(h, 100);
    expect(h.fakes.deleteConnection.calls).to.have.length(2);
    await h.reach({ connections: 'list' });
    expect(disconnectedEvents(h)).to.deep.equal([{ type: 'disconnected', connection: one }]);
  });

  for (const next of ['user.disconnect', 'user.newConnection'] as const) {
    it(`the next action on the overview (${next}) forgets the disconnected one`, async () => {
      const h = await toConfirmingDisconnect();
      h.actor.send({ type: 'user.confirmDisconnect' });
      await h.reach({ connections: 'list' });
      expect(context(h).disconnected).to.deep.equal(one);
      h.actor.send(next === 'user.disconnect' ? { type: next, connection: two } : { type: next });
      expect(h.matches(next === 'user.disconnect' ? { connections: 'confirmingDisconnect' } : { flow: 'organisation' })).to.equal(true);
      expect(context(h).disconnected).to.equal(null);
    });
  }
});
