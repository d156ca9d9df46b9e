/** Fault injection, counters and the simulator-only control endpoints tests and demos use. */
import { expect } from '@esm-bundle/chai';
import { bigSeed } from '../../src/exact-simulator/index.js';
import { api, connect, errorValue, exchange, MINUTE, newSimulator, NL, refresh, Browser } from './simulator-driver.js';

const control = (simulator: ReturnType<typeof newSimulator>, path: string, body?: unknown) =>
  simulator.handle(new Request(`http://127.0.0.1:9/_simulator/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }));

describe('the simulated Exact Online faults and counters', () => {
  it('fails the next token call of the grant named, once', async () => {
    const simulator = newSimulator({ faults: [{ kind: 'tokenFails', grant: 'refresh_token', status: 400, error: 'invalid_grant', description: 'Something broke' }] });
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.advanceClock(9.5 * MINUTE);
    const failed = await refresh(simulator, tokens.refresh_token);
    expect(await failed.json()).to.deep.equal({ error: 'invalid_grant', error_description: 'Something broke' });
    expect((await refresh(simulator, tokens.refresh_token)).status).to.equal(200);
  });

  it('answers a 503 page for a token fault without an OAuth error', async () => {
    const simulator = newSimulator();
    simulator.inject({ kind: 'tokenFails' });
    const code = (await new Browser(simulator).authorize('jan@jansen-boekhouding.nl', 'jan')).searchParams.get('code')!;
    const answer = await exchange(simulator, code);
    expect(answer.status).to.equal(503);
    expect(answer.headers.get('Content-Type')).to.contain('text/html');
    // The code was not spent by the failed call.
    expect((await exchange(simulator, code)).status).to.equal(200);
  });

  it('makes the next REST call find the rate limit exhausted, with or without headers', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.inject({ kind: 'rateLimitExhausted', withoutHeaders: true });
    const bare = await api(simulator, tokens.access_token, '/api/v1/current/Me');
    expect(bare.status).to.equal(429);
    expect(bare.headers.get('X-RateLimit-Minutely-Remaining')).to.equal(null);
    simulator.advanceClock(MINUTE);
    simulator.inject({ kind: 'rateLimitExhausted', window: 'daily' });
    const daily = await api(simulator, tokens.access_token, '/api/v1/current/Me');
    expect(daily.status).to.equal(429);
    expect(daily.headers.get('X-RateLimit-Remaining')).to.equal('0');
  });

  it('fails the next mailbox POST as asked', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.inject({ kind: 'mailboxPostFails', failure: 'linkedToOtherDivision' });
    const body = JSON.stringify({ Mailbox: 'new@facturen.econnect.eu', ForDivision: 101001 });
    const failed = await api(simulator, tokens.access_token, '/api/v1/101001/mailbox/Mailboxes', { method: 'POST', body });
    expect(await errorValue(failed)).to.equal('Bestaat reeds: Digitale brievenbus; Ongeldig: Divisie');
    expect((await api(simulator, tokens.access_token, '/api/v1/101001/mailbox/Mailboxes', { method: 'POST', body })).status).to.equal(201);
    expect(simulator.counters().mailboxPosts).to.equal(2);
  });

  it('makes a division unavailable with the Reason named, and NoDivisionAccess drops it from the list', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.inject({ kind: 'divisionUnavailable', division: 101002, reason: 'LicenseExpired' });
    const expired = await api(simulator, tokens.access_token, '/api/v1/101002/system/Divisions');
    expect([expired.status, expired.headers.get('Reason')]).to.deep.equal([403, 'LicenseExpired']);
    simulator.inject({ kind: 'divisionUnavailable', division: 101003, reason: 'NoDivisionAccess' });
    const list = (await (await api(simulator, tokens.access_token, '/api/v1/101001/system/Divisions?$select=Code')).json()) as { d: { results: { Code: number }[] } };
    expect(list.d.results.map((row) => row.Code)).not.to.include(101003);
    expect(simulator.inject({ kind: 'divisionUnavailable', division: 9, reason: 'DivisionBlocked' })).to.equal('divisionUnavailable: no division 9 in the seed');
  });

  it('makes every call of a blocked user answer 403 with its Reason', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.inject({ kind: 'userUnavailable', username: 'jan@jansen-boekhouding.nl', reason: 'BlockedUser' });
    const answer = await api(simulator, tokens.access_token, '/api/v1/current/Me');
    expect([answer.status, answer.headers.get('Reason')]).to.deep.equal([403, 'BlockedUser']);
  });

  it('rejects the next access token as truncated, and fails the next call of one endpoint', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.inject({ kind: 'accessTokenRejected' });
    expect((await api(simulator, tokens.access_token, '/api/v1/current/Me')).status).to.equal(401);
    simulator.inject({ kind: 'serverError', endpoint: 'system/Divisions', status: 503 });
    expect((await api(simulator, tokens.access_token, '/api/v1/current/Me')).status).to.equal(200);
    expect((await api(simulator, tokens.access_token, '/api/v1/101001/system/Divisions')).status).to.equal(503);
    expect((await api(simulator, tokens.access_token, '/api/v1/101001/system/Divisions')).status).to.equal(200);
  });

  it('counts token calls per grant, mailbox POSTs and API calls per endpoint; reset starts from the seed', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    await api(simulator, tokens.access_token, '/api/v1/current/Me');
    await api(simulator, tokens.access_token, '/api/v1/101001/system/Divisions');
    await api(simulator, tokens.access_token, '/api/v1/101001/system/Divisions');
    const counters = (await (await control(simulator, 'counters')).json()) as ReturnType<typeof simulator.counters>;
    expect(counters).to.deep.equal({ tokenCalls: { authorization_code: 1, refresh_token: 0, other: 0 }, mailboxPosts: 0, apiCalls: { 'GET current/Me': 1, 'GET system/Divisions': 2 }, logins: 1, consents: 1 });
    expect((await control(simulator, 'reset', {})).status).to.equal(204);
    expect(simulator.counters().apiCalls).to.deep.equal({});
    expect((await api(simulator, tokens.access_token, '/api/v1/current/Me')).status).to.equal(401);
  });

  it('takes faults and clock advances over its control endpoints, and says what is wrong with a bad one', async () => {
    const simulator = newSimulator();
    const queued = await control(simulator, 'faults', [{ kind: 'accessTokenRejected' }, { kind: 'mailboxPostFails', failure: 'forbidden' }]);
    expect(await queued.json()).to.deep.equal([{ kind: 'accessTokenRejected' }, { kind: 'mailboxPostFails', failure: 'forbidden' }]);
    const bad = await control(simulator, 'faults', { kind: 'mailboxPostFails', failure: 'gremlins' });
    expect(bad.status).to.equal(400);
    expect(((await bad.json()) as { error: string }).error).to.equal('mailboxPostFails: failure is one of forbidden, linkedToOtherDivision, trialLicence, noDivisionAccess, serverError');
    const unknown = await control(simulator, 'faults', { kind: 'meteor' });
    expect(((await unknown.json()) as { error: string }).error).to.contain('unknown fault kind "meteor"');
    const before = simulator.now();
    const advanced = await control(simulator, 'clock', { advanceMs: 570_000 });
    expect(await advanced.json()).to.deep.equal({ now: before + 570_000 });
    expect((await control(simulator, 'clock', { advanceMs: -1 })).status).to.equal(400);
    const users = (await (await control(simulator, 'users')).json()) as { username: string; region: string }[];
    expect(users.map((user) => `${user.region} ${user.username}`)).to.include('be luc@dupont.be');
    expect((await control(simulator, 'nothing')).status).to.equal(404);
  });

  it('seeds 10,000 divisions for one user and serves them 60 a page', async () => {
    const simulator = newSimulator({ seed: () => bigSeed() });
    const tokens = await connect(simulator, 'tienduizend@groot-accountants.nl', 'tienduizend');
    const page = (await (await api(simulator, tokens.access_token, '/api/v1/1000001/system/Divisions?$skiptoken=1009940')).json()) as { d: { results: { Code: number }[]; __next?: string } };
    expect(page.d.results.map((row) => row.Code)).to.deep.equal(Array.from({ length: 60 }, (_, index) => 1009941 + index));
    expect(page.d.__next).to.equal(undefined);
    expect(NL).to.equal('https://start.exactonline.nl');
  });
});

describe('the simulator-only endpoints from another origin', () => {
  it('answer a preflight and carry Access-Control-Allow-Origin, so a demo page can reset the simulator', async () => {
    const simulator = newSimulator();
    const preflight = await simulator.handle(new Request('http://127.0.0.1:9/_simulator/reset', { method: 'OPTIONS' }));
    expect(preflight.status).to.equal(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).to.equal('*');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).to.contain('POST');
    const reset = await simulator.handle(new Request('http://127.0.0.1:9/_simulator/reset', { method: 'POST' }));
    expect(reset.headers.get('Access-Control-Allow-Origin')).to.equal('*');
  });

  it('list every code and token issued since the reset (GET issued-tokens), for a kit that proves none leaks', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.advanceClock(9.5 * MINUTE);
    const refreshed = (await (await refresh(simulator, tokens.refresh_token)).json()) as { access_token: string; refresh_token: string };
    const issued = (await (await control(simulator, 'issued-tokens')).json()) as { codes: string[]; accessTokens: string[]; refreshTokens: string[] };
    expect(issued.codes).to.have.length(1);
    expect(issued.codes[0]).to.contain('!');
    expect(issued.accessTokens).to.deep.equal([tokens.access_token, refreshed.access_token]);
    expect(issued.refreshTokens).to.deep.equal([tokens.refresh_token, refreshed.refresh_token]);
    await control(simulator, 'reset', {});
    expect(await (await control(simulator, 'issued-tokens')).json()).to.deep.equal({ codes: [], accessTokens: [], refreshTokens: [] });
  });

  it('leave Exact’s own endpoints without CORS headers, as Exact has none', async () => {
    const answer = await newSimulator().handle(new Request(`${NL}/api/oauth2/token`, { method: 'POST' }));
    expect(answer.headers.get('Access-Control-Allow-Origin')).to.equal(null);
  });
});
