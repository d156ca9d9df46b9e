import { expect } from '@esm-bundle/chai';
import type { ResumeRecord } from '../../src/machine/types.js';
import { administration, authorization, connection, organisation, startMachine, status } from './fakes.js';

/**
 * Contract v2: the status answer may carry the connections, so the first overview needs no
 * second round trip. Only the first: every later overview (back from a flow, a redelivery, a
 * resume) asks afresh, since what the status said may have changed since.
 */

const preloaded = [connection('con-pre', { organisation: { id: 'org-pre', name: 'Preloaded' } })];
const asked = [connection('con-asked', { organisation: { id: 'org-asked', name: 'Asked' } })];

function startWith(connections: typeof preloaded | undefined, input = {}) {
  return startMachine((fakes) => {
    fakes.getStatus.returns(status(true, connections));
    fakes.listConnections.returns(asked);
  }, input);
}

describe('connect machine: the connections the status carried', () => {
  it('the first overview shows them without asking for the connections', async () => {
    const h = startWith(preloaded);
    const list = await h.reach({ connections: 'list' });
    expect(list.context.connections).to.deep.equal(preloaded);
    expect(h.fakes.listConnections.calls, 'no second round trip').to.have.length(0);
  });

  it('a status without them: the overview asks for the connections', async () => {
    const h = startWith(undefined);
    const list = await h.reach({ connections: 'list' });
    expect(list.context.connections).to.deep.equal(asked);
    expect(h.fakes.listConnections.calls).to.have.length(1);
  });

  it('an empty list carried is an answer too: no request, an empty overview', async () => {
    const h = startWith([]);
    const list = await h.reach({ connections: 'list' });
    expect(list.context.connections).to.deep.equal([]);
    expect(h.fakes.listConnections.calls).to.have.length(0);
  });

  for (const [name, leave] of [
    ['back from a new connection', (h: ReturnType<typeof startWith>) => {
      h.actor.send({ type: 'user.newConnection' });
      h.actor.send({ type: 'user.cancel' });
    }],
    ['back from a redelivery', (h: ReturnType<typeof startWith>) => {
      h.actor.send({ type: 'user.redeliver', connection: preloaded[0]! });
      h.actor.send({ type: 'user.back' });
    }],
  ] as const) {
    it(`a later overview (${name}) asks afresh`, async () => {
      const h = startWith(preloaded);
      await h.reach({ connections: 'list' });
      leave(h);
      const list = await h.reach({ connections: 'list' });
      expect(h.fakes.listConnections.calls).to.have.length(1);
      expect(list.context.connections).to.deep.equal(asked);
    });
  }

  it('the overview after a resume that found nothing to continue asks afresh', async () => {
    const record: ResumeRecord = {
      organisation: organisation('org-7'),
      authorizationId: 'auth-9',
      administration: administration(102),
      bookingFlow: 'simple',
      idempotencyKey: null,
    };
    const h = startWith(preloaded, { resume: record });
    // Still pending: nothing to continue, so the overview.
    h.fakes.getAuthorization.returns(authorization('auth-9', 'pending'));
    const list = await h.reach({ connections: 'list' });
    expect(h.fakes.listConnections.calls).to.have.length(1);
    expect(list.context.connections).to.deep.equal(asked);
  });
});
