/**
 * The REST API: current/Me, system/Divisions in 60-row pages with __next, $filter and $select,
 * Reason 403s, rate-limit headers and the 429.
 */
import { expect } from '@esm-bundle/chai';
import { api, connect, errorValue, MINUTE, newSimulator, BE, NL } from './simulator-driver.js';

interface Page {
  d: { results: Record<string, unknown>[]; __next?: string };
}

describe('the simulated Exact Online REST API', () => {
  it('current/Me names the user, with a CurrentDivision the app was not granted', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan', { divisions: [101001] });
    const answer = await api(simulator, tokens.access_token, '/api/v1/current/Me');
    const [me] = ((await answer.json()) as Page).d.results;
    expect(me).to.include({ UserName: 'jan@jansen-boekhouding.nl', FullName: 'Jan Jansen', Email: 'jan@jansen-boekhouding.nl', CurrentDivision: 101005 });
    expect(me?.UserID).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    // The current division was not ticked: addressing it is refused.
    const refused = await api(simulator, tokens.access_token, '/api/v1/101005/system/Divisions');
    expect(refused.status).to.equal(403);
    expect(refused.headers.get('Reason')).to.equal('NoDivisionAccess');
  });

  it('gives the same UserID on every login of the same user', async () => {
    const simulator = newSimulator();
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
      ids.push(((await (await api(simulator, tokens.access_token, '/api/v1/current/Me?$select=UserID')).json()) as Page).d.results[0]);
    }
    expect(ids[0]).to.deep.equal(ids[1]);
    expect(Object.keys(ids[0]!)).to.deep.equal(['__metadata', 'UserID']);
  });

  it('lists only the ticked divisions, inactive and archived ones with their Status and blocks with BlockingStatus', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan', { divisions: [101001, 101003, 101004, 101005, 101006] });
    const page = (await (await api(simulator, tokens.access_token, '/api/v1/101001/system/Divisions')).json()) as Page;
    expect(page.d.__next).to.equal(undefined);
    expect(page.d.results.map((row) => [row.Code, row.Status, row.BlockingStatus, row.ChamberOfCommerceNumber])).to.deep.equal([
      [101001, 1, 0, '12345678'],
      [101003, 1, 0, null],
      [101004, 2, 0, '12345678'],
      [101005, 0, 0, '34567890'],
      [101006, 1, 1, '45678901'],
    ]);
    expect(page.d.results[0]).to.include({ Description: 'Bakkerij De Korenschoof', Hid: 1, CustomerName: 'De Korenschoof B.V.', VATNumber: 'NL001234567B01', Country: 'NL' });
    // A blocked division may be listed but not addressed.
    const blocked = await api(simulator, tokens.access_token, '/api/v1/101006/system/Divisions');
    expect(blocked.status).to.equal(403);
    expect(blocked.headers.get('Reason')).to.equal('DivisionBlocked');
  });

  it('pages 60 rows at a time, forward only, through __next', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'groot@groot-accountants.nl', 'groot');
    const codes: unknown[] = [];
    let url: string | undefined = '/api/v1/300001/system/Divisions?$select=Code,Description';
    const sizes: number[] = [];
    while (url) {
      const page = (await (await api(simulator, tokens.access_token, url)).json()) as Page;
      sizes.push(page.d.results.length);
      codes.push(...page.d.results.map((row) => row.Code));
      url = page.d.__next;
      if (url) expect(url).to.match(/^https:\/\/start\.exactonline\.nl\/api\/v1\/300001\/system\/Divisions\?\$select=Code,Description&\$skiptoken=\d+$/);
    }
    expect(sizes).to.deep.equal([60, 60, 10]);
    expect(codes).to.deep.equal(Array.from({ length: 130 }, (_, index) => 300001 + index));
    expect(simulator.counters().apiCalls['GET system/Divisions']).to.equal(3);
  });

  it('filters with $filter (and/or, eq/ne/gt…) and keeps the filter in __next', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'groot@groot-accountants.nl', 'groot');
    const active = (await (await api(simulator, tokens.access_token, `/api/v1/300001/system/Divisions?$filter=${encodeURIComponent('Status eq 1 and BlockingStatus eq 0')}`)).json()) as Page;
    expect(active.d.results.every((row) => row.Status === 1 && row.BlockingStatus === 0)).to.equal(true);
    expect(active.d.__next).to.contain('$filter=Status%20eq%201%20and%20BlockingStatus%20eq%200&$skiptoken=');
    const one = (await (await api(simulator, tokens.access_token, `/api/v1/300001/system/Divisions?$filter=${encodeURIComponent("(Code eq 300002 or Code eq 300003) and Description ne 'x'")}`)).json()) as Page;
    expect(one.d.results.map((row) => row.Code)).to.deep.equal([300002, 300003]);
  });

  it('caps the answer with $top, across pages too', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'groot@groot-accountants.nl', 'groot');
    const one = (await (await api(simulator, tokens.access_token, '/api/v1/300001/system/Divisions?$top=1')).json()) as Page;
    expect([one.d.results.length, one.d.__next]).to.deep.equal([1, undefined]);
    const first = (await (await api(simulator, tokens.access_token, '/api/v1/300001/system/Divisions?$top=70&$select=Code')).json()) as Page;
    expect(first.d.__next).to.match(/\?\$select=Code&\$top=10&\$skiptoken=300060$/);
    const second = (await (await api(simulator, tokens.access_token, first.d.__next!)).json()) as Page;
    expect([second.d.results.length, second.d.results[0]?.Code, second.d.__next]).to.deep.equal([10, 300061, undefined]);
    expect((await api(simulator, tokens.access_token, '/api/v1/300001/system/Divisions?$top=-1')).status).to.equal(400);
  });

  it('answers a 400 with the reason for a filter or select it cannot read', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    const unknown = await api(simulator, tokens.access_token, '/api/v1/101001/system/Divisions?$filter=Name eq 1');
    expect(unknown.status).to.equal(400);
    expect(await errorValue(unknown)).to.equal("No property 'Name' exists in type 'Exact.Web.Api.System.Division'.");
    const mistyped = await api(simulator, tokens.access_token, "/api/v1/101001/system/Divisions?$filter=Code eq 'abc'");
    expect(await errorValue(mistyped)).to.equal("Operator 'eq' incompatible with operand types 'Edm.Int32' and 'Edm.String'.");
    const search = await api(simulator, tokens.access_token, "/api/v1/101001/system/Divisions?$filter=substringof('bak',Description) eq true");
    expect(await errorValue(search)).to.equal("Unknown function 'substringof'.");
    const select = await api(simulator, tokens.access_token, '/api/v1/101001/system/Divisions?$select=Code,Nope');
    expect(select.status).to.equal(400);
  });

  it('answers an HTML 401 for a missing, unknown or truncated token, and for a token of another host', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    for (const token of ['', 'nonsense', tokens.access_token.slice(0, 255)]) {
      const answer = await api(simulator, token, '/api/v1/current/Me');
      expect(answer.status).to.equal(401);
      expect(answer.headers.get('Content-Type')).to.equal('text/html');
    }
    expect((await api(simulator, tokens.access_token, '/api/v1/current/Me', {}, BE)).status).to.equal(401);
  });

  it('sends the rate-limit headers and a 429 after 60 calls in a minute, until the next minute', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    const first = await api(simulator, tokens.access_token, '/api/v1/current/Me');
    expect(first.headers.get('X-RateLimit-Limit')).to.equal('5000');
    expect(first.headers.get('X-RateLimit-Remaining')).to.equal('4999');
    expect(first.headers.get('X-RateLimit-Minutely-Limit')).to.equal('60');
    expect(first.headers.get('X-RateLimit-Minutely-Remaining')).to.equal('59');
    expect(first.headers.get('X-RateLimit-Minutely-Reset')).to.equal(String(Date.UTC(2026, 0, 5, 9, 1, 0)));
    expect(first.headers.get('X-RateLimit-Reset')).to.equal(String(Date.UTC(2026, 0, 6)));
    for (let i = 0; i < 59; i++) await api(simulator, tokens.access_token, '/api/v1/current/Me');
    const refused = await api(simulator, tokens.access_token, '/api/v1/current/Me');
    expect(refused.status).to.equal(429);
    expect(refused.headers.get('X-RateLimit-Minutely-Remaining')).to.equal('0');
    // The company's limit: another user of the same company is refused too.
    const anna = await connect(simulator, 'anna@jansen-boekhouding.nl', 'anna');
    expect((await api(simulator, anna.access_token, '/api/v1/current/Me')).status).to.equal(429);
    simulator.advanceClock(30_000);
    const next = await api(simulator, tokens.access_token, '/api/v1/current/Me');
    expect(next.status).to.equal(200);
    expect(next.headers.get('X-RateLimit-Minutely-Remaining')).to.equal('59');
    expect(next.headers.get('X-RateLimit-Remaining')).to.equal('4939');
  });

  it('refuses a request without Accept: application/json, since Exact would answer XML', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    const answer = await api(simulator, tokens.access_token, '/api/v1/current/Me', { headers: { Accept: 'application/xml' } });
    expect(answer.status).to.equal(406);
  });

  it('serves the Belgian host its own users and divisions', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'luc@dupont.be', 'luc', { host: BE });
    const page = (await (await api(simulator, tokens.access_token, '/api/v1/401001/system/Divisions', {}, BE)).json()) as Page;
    expect(page.d.results.map((row) => row.Code)).to.deep.equal([401001, 401002]);
    expect((page.d.results[0]?.__metadata as { uri: string }).uri).to.equal('https://start.exactonline.be/api/v1/401001/system/Divisions(401001)');
    expect(MINUTE).to.equal(60_000);
  });
});

describe('the simulated Exact Online with odd input', () => {
  it('keeps a malformed escape in the query or cookie from breaking the answer', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'groot@groot-accountants.nl', 'groot');
    const page = (await (await api(simulator, tokens.access_token, '/api/v1/300001/system/Divisions?%ZZ=1')).json()) as Page;
    expect(page.d.__next).to.contain('%ZZ=1&$skiptoken=300060');
    const login = await simulator.handle(new Request(`${NL}/api/oauth2/auth?client_id=autopilot-test&redirect_uri=${encodeURIComponent('https://platform.example/oauth/callback')}&response_type=code`, { headers: { 'X-Simulator-Cookie': 'ExactOnlineSession=%E0%A4%A' } }));
    expect(login.status).to.equal(200);
  });
});
