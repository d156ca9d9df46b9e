import { expect } from '@esm-bundle/chai';
import { resetBackends, startMockWorker } from '../../src/mocks/index.js';

describe('mock backend through MSW', () => {
  before(async function () {
    this.timeout(30_000);
    await resetBackends();
    await startMockWorker();
  });

  it('answers contract calls made with fetch, per scenario', async () => {
    const status = await fetch('/mock/not-installed/api/status');
    expect(status.status).to.equal(200);
    expect((await status.json()).autopilotInstalled).to.equal(false);
    const connections = await (await fetch('/mock/default/api/connections')).json();
    expect(connections.items).to.have.length(1);
  });

  it('sends problems as application/problem+json', async () => {
    const response = await fetch('/mock/default/api/connections', { method: 'POST', body: '{}' });
    expect(response.status).to.equal(400);
    expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
  });
});
