/** Standing faults lifted again over the control endpoint: a refused mailbox, an unavailable division or user. */
import { expect } from '@esm-bundle/chai';
import { api, connect, errorValue, newSimulator } from './simulator-driver.js';

const lift = (simulator: ReturnType<typeof newSimulator>, query: string) => simulator.handle(new Request(`http://127.0.0.1:9/_simulator/faults?${query}`, { method: 'DELETE' }));
const postMailbox = (simulator: ReturnType<typeof newSimulator>, token: string, address: string) =>
  api(simulator, token, '/api/v1/101002/mailbox/Mailboxes', { method: 'POST', body: JSON.stringify({ Mailbox: address, ForDivision: 101002 }) });

describe('lifting a standing simulator fault (DELETE /_simulator/faults)', () => {
  it('a refused mailbox stays refused until lifted for its division; then the same POST creates it', async () => {
    const simulator = newSimulator({ faults: [{ kind: 'mailboxRefused', division: 101002, failure: 'forbidden' }] });
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    for (const attempt of [1, 2]) expect((await postMailbox(simulator, tokens.access_token, '23456789@facturen.econnect.eu')).status, `attempt ${attempt}`).to.equal(403);
    const lifted = await lift(simulator, 'division=101002');
    expect(lifted.status).to.equal(200);
    expect(lifted.headers.get('Access-Control-Allow-Origin'), 'a demo page on another origin reads it').to.equal('*');
    expect(await lifted.json()).to.deep.equal({ lifted: [{ kind: 'mailboxRefused', division: 101002, failure: 'forbidden' }] });
    expect((await postMailbox(simulator, tokens.access_token, '23456789@facturen.econnect.eu')).status).to.equal(201);
    // Nothing left to lift is no error: the answer says so.
    expect(await (await lift(simulator, 'division=101002')).json()).to.deep.equal({ lifted: [] });
  });

  it('kind= lifts one kind only; a division made unavailable answers again once lifted', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.inject({ kind: 'mailboxRefused', division: 101002, failure: 'trialLicence' });
    simulator.inject({ kind: 'divisionUnavailable', division: 101002, reason: 'DivisionBlocked' });
    expect(await (await lift(simulator, 'division=101002&kind=divisionUnavailable')).json()).to.deep.equal({ lifted: [{ kind: 'divisionUnavailable', division: 101002, reason: 'DivisionBlocked' }] });
    expect((await api(simulator, tokens.access_token, '/api/v1/101002/system/Divisions')).status).to.equal(200);
    const refused = await postMailbox(simulator, tokens.access_token, '23456789@facturen.econnect.eu');
    expect(await errorValue(refused), 'the mailbox refusal stays').to.contain('niet genoeg rechten');
  });

  it("lifts a user's block by ?username=", async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.inject({ kind: 'userUnavailable', username: 'jan@jansen-boekhouding.nl', reason: 'BlockedUser' });
    expect((await api(simulator, tokens.access_token, '/api/v1/current/Me')).status).to.equal(403);
    expect(await (await lift(simulator, 'username=JAN@jansen-boekhouding.nl')).json()).to.deep.equal({ lifted: [{ kind: 'userUnavailable', username: 'jan@jansen-boekhouding.nl', reason: 'BlockedUser' }] });
    expect((await api(simulator, tokens.access_token, '/api/v1/current/Me')).status).to.equal(200);
  });

  it('says what is wrong with a request it cannot follow, and allows DELETE from another origin', async () => {
    const simulator = newSimulator();
    expect((await lift(simulator, '')).status).to.equal(400);
    expect((await lift(simulator, 'division=abc')).status).to.equal(400);
    expect((await lift(simulator, 'division=101002&kind=tokenFails')).status).to.equal(400);
    const unknown = await lift(simulator, 'division=9');
    expect([unknown.status, ((await unknown.json()) as { error: string }).error]).to.deep.equal([404, 'no division 9 in the seed']);
    const preflight = await simulator.handle(new Request('http://127.0.0.1:9/_simulator/faults', { method: 'OPTIONS' }));
    expect(preflight.headers.get('Access-Control-Allow-Methods')).to.contain('DELETE');
  });

  it('a reset brings back the faults the world starts with', async () => {
    const simulator = newSimulator({ faults: [{ kind: 'mailboxRefused', division: 101002, failure: 'forbidden' }] });
    await lift(simulator, 'division=101002');
    simulator.reset();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    expect((await postMailbox(simulator, tokens.access_token, '23456789@facturen.econnect.eu')).status).to.equal(403);
  });
});
