/** mailbox/Mailboxes: creation and Exact's known failures; a mailbox belongs to the subscription. */
import { expect } from '@esm-bundle/chai';
import { api, connect, errorValue, newSimulator } from './simulator-driver.js';

const post = (simulator: ReturnType<typeof newSimulator>, token: string, division: number, body: unknown) =>
  api(simulator, token, `/api/v1/${division}/mailbox/Mailboxes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

interface Mailbox {
  ID: string;
  Mailbox: string;
  ForDivision: number;
  ValidFrom: string;
  ValidTo: string | null;
}

describe('the simulated Exact Online mailboxes', () => {
  it('creates a mailbox for a granted division (201) and lists it with the subscription’s others', async () => {
    const simulator = newSimulator();
    const { access_token: token } = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    const created = await post(simulator, token, 101002, { Mailbox: '23456789@facturen.econnect.eu', ForDivision: 101002, Description: 'Digitale brievenbus' });
    expect(created.status).to.equal(201);
    const mailbox = ((await created.json()) as { d: Mailbox }).d;
    expect(mailbox).to.include({ Mailbox: '23456789@facturen.econnect.eu', ForDivision: 101002, ValidTo: null });
    expect(mailbox.ValidFrom).to.match(/^\/Date\(\d+\)\/$/);
    // Listed from any division of the subscription, the one left behind by an earlier connection too.
    const list = (await (await api(simulator, token, '/api/v1/101001/mailbox/Mailboxes')).json()) as { d: { results: Mailbox[] } };
    expect(list.d.results.map((row) => [row.Mailbox, row.ForDivision]).sort()).to.deep.equal([
      ['12345678@facturen.econnect.eu', 101004],
      ['23456789@facturen.econnect.eu', 101002],
    ]);
    const filtered = (await (await api(simulator, token, `/api/v1/101001/mailbox/Mailboxes?$filter=ForDivision eq 101002`)).json()) as { d: { results: Mailbox[] } };
    expect(filtered.d.results.map((row) => row.ID)).to.deep.equal([mailbox.ID]);
    expect(simulator.counters().mailboxPosts).to.equal(1);
  });

  it('refuses an address linked to another division: "Bestaat reeds: Digitale brievenbus; Ongeldig: Divisie"', async () => {
    const simulator = newSimulator();
    const { access_token: token } = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    const answer = await post(simulator, token, 101001, { Mailbox: '12345678@facturen.econnect.eu', ForDivision: 101001 });
    expect(answer.status).to.equal(400);
    expect(await errorValue(answer)).to.equal('Bestaat reeds: Digitale brievenbus; Ongeldig: Divisie');
  });

  it('refuses a second mailbox for the same address and division, which a backend should adopt instead', async () => {
    const simulator = newSimulator();
    const { access_token: token } = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    expect((await post(simulator, token, 101001, { Mailbox: 'a@facturen.econnect.eu', ForDivision: 101001 })).status).to.equal(201);
    const again = await post(simulator, token, 101001, { Mailbox: 'A@facturen.econnect.eu', ForDivision: 101001 });
    expect(await errorValue(again)).to.equal('Bestaat reeds: Digitale brievenbus');
  });

  it('answers Forbidden to a user without mailbox rights, and the trial licence its own refusal', async () => {
    const simulator = newSimulator();
    const anna = await connect(simulator, 'anna@jansen-boekhouding.nl', 'anna');
    const forbidden = await post(simulator, anna.access_token, 101001, { Mailbox: 'x@facturen.econnect.eu', ForDivision: 101001 });
    expect(forbidden.status).to.equal(403);
    expect(await errorValue(forbidden)).to.equal('Forbidden');
    const trial = await connect(simulator, 'proef@proefbedrijf.nl', 'proef');
    const refused = await post(simulator, trial.access_token, 201001, { Mailbox: '67890123@facturen.econnect.eu', ForDivision: 201001 });
    expect(await errorValue(refused)).to.equal('Dit account type heeft niet genoeg rechten om deze actie uit te voeren.');
  });

  it('names the missing or wrong field', async () => {
    const simulator = newSimulator();
    const { access_token: token } = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan', { divisions: [101001] });
    expect(await errorValue(await post(simulator, token, 101001, { ForDivision: 101001 }))).to.equal('Verplicht: Mailbox');
    expect(await errorValue(await post(simulator, token, 101001, { Mailbox: 'not an address', ForDivision: 101001 }))).to.equal('Ongeldig: Mailbox');
    expect(await errorValue(await post(simulator, token, 101001, { Mailbox: 'b@facturen.econnect.eu' }))).to.equal('Verplicht: Divisie');
    expect(await errorValue(await post(simulator, token, 101001, { Mailbox: 'b@facturen.econnect.eu', ForDivision: 101002 }))).to.equal('Ongeldig: Divisie');
    const broken = await api(simulator, token, '/api/v1/101001/mailbox/Mailboxes', { method: 'POST', body: '{oops' });
    expect(broken.status).to.equal(400);
  });

  it('deletes a mailbox, so its address can be used elsewhere', async () => {
    const simulator = newSimulator();
    const { access_token: token } = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    const list = (await (await api(simulator, token, "/api/v1/101001/mailbox/Mailboxes?$filter=Mailbox eq '12345678@facturen.econnect.eu'")).json()) as { d: { results: Mailbox[] } };
    const id = list.d.results[0]!.ID;
    expect((await api(simulator, token, `/api/v1/101001/mailbox/Mailboxes(guid'${id}')`, { method: 'DELETE' })).status).to.equal(204);
    expect((await post(simulator, token, 101001, { Mailbox: '12345678@facturen.econnect.eu', ForDivision: 101001 })).status).to.equal(201);
  });

  it('ends a mailbox with PUT ValidTo, which keeps its address taken until it is deleted', async () => {
    const simulator = newSimulator();
    const { access_token: token } = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    const created = ((await (await post(simulator, token, 101001, { Mailbox: 'end@facturen.econnect.eu', ForDivision: 101001 })).json()) as { d: Mailbox }).d;
    const url = `/api/v1/101001/mailbox/Mailboxes(guid'${created.ID}')`;
    const put = (body: unknown) => api(simulator, token, url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await put({ ValidTo: '/Date(1767603600000)/' })).status).to.equal(204);
    const read = ((await (await api(simulator, token, url)).json()) as { d: Mailbox }).d;
    expect(read.ValidTo).to.equal('/Date(1767603600000)/');
    expect(await errorValue(await put({ ValidTo: 'someday' }))).to.equal('Ongeldig: ValidTo');
    expect(await errorValue(await put({ Mailbox: 'other@facturen.econnect.eu' }))).to.contain('Ongeldig: Mailbox');
    expect((await post(simulator, token, 101002, { Mailbox: 'end@facturen.econnect.eu', ForDivision: 101002 })).status).to.equal(400);
  });
});
