import { expect } from '@esm-bundle/chai';
import type { Prerequisite } from '../../src/api/types.js';
import { status, toConnections } from './fakes.js';

/**
 * The help article's prerequisites (Status.prerequisites) hold `New Connection` back only where the
 * backend says one blocks and it is not met; the statechart decides it (canStartConnection), the
 * view only shows the button disabled when the machine would refuse.
 */
const withPrerequisites = (prerequisites: Prerequisite[]) => toConnections((fakes) => fakes.getStatus.returns({ ...status(true), prerequisites }));

describe('connect machine: prerequisites before New Connection', () => {
  it('a blocking prerequisite that is not met: New Connection does nothing', async () => {
    const h = await withPrerequisites([{ code: 'legacy_connections_broken', state: 'not_met', blocks: true }]);
    expect(h.actor.getSnapshot().can({ type: 'user.newConnection' })).to.equal(false);
    h.actor.send({ type: 'user.newConnection' });
    expect(h.matches({ connections: 'list' })).to.equal(true);
  });

  it('not met but not blocking, or blocking but met: the flow starts', async () => {
    for (const prerequisite of [
      { code: 'postvak_in_only', state: 'not_met', blocks: false },
      { code: 'organisation_access', state: 'met', blocks: true },
    ] as Prerequisite[]) {
      const h = await withPrerequisites([prerequisite]);
      h.actor.send({ type: 'user.newConnection' });
      expect(h.matches('flow'), JSON.stringify(prerequisite)).to.equal(true);
    }
  });

  it('a code this version does not know never blocks (it could not say why)', async () => {
    const h = await withPrerequisites([{ code: 'something_newer', state: 'not_met', blocks: true } as Prerequisite]);
    h.actor.send({ type: 'user.newConnection' });
    expect(h.matches('flow')).to.equal(true);
  });
});
