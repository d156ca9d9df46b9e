/**
 * The token endpoint's rules as EXACT-ONLINE.md states them: string expires_in, 10-minute access
 * tokens, rotation, "Old refresh token used", too-early refresh, 3-minute single-use codes, the
 * client secret, and one chain per Exact user per app.
 */
import { expect } from '@esm-bundle/chai';
import { api, app, authorizeUrl, Browser, connect, exchange, MINUTE, newSimulator, NL, refresh, tokenCall, type Tokens } from './simulator-driver.js';

const code = async (simulator: ReturnType<typeof newSimulator>, browser = new Browser(simulator)) =>
  (await browser.authorize('jan@jansen-boekhouding.nl', 'jan')).searchParams.get('code')!;

const me = (simulator: ReturnType<typeof newSimulator>, tokens: Tokens) => api(simulator, tokens.access_token, '/api/v1/current/Me');

describe('the simulated Exact Online token endpoint', () => {
  it('exchanges a code for a bearer token of about 650 characters, expires_in the string "600", and a refresh token', async () => {
    const simulator = newSimulator();
    const response = await exchange(simulator, await code(simulator));
    expect(response.status).to.equal(200);
    expect(response.headers.get('Cache-Control')).to.equal('no-store');
    const body = (await response.json()) as Tokens;
    expect(Object.keys(body)).to.deep.equal(['access_token', 'token_type', 'expires_in', 'refresh_token']);
    expect(body.token_type).to.equal('bearer');
    expect(body.expires_in).to.equal('600');
    expect(body.access_token.length).to.be.within(640, 660);
    expect((await me(simulator, body)).status).to.equal(200);
    expect(simulator.counters().tokenCalls).to.deep.equal({ authorization_code: 1, refresh_token: 0, other: 0 });
  });

  it('takes a code once only', async () => {
    const simulator = newSimulator();
    const once = await code(simulator);
    expect((await exchange(simulator, once)).status).to.equal(200);
    const again = await exchange(simulator, once);
    expect(again.status).to.equal(400);
    expect(await again.json()).to.deep.equal({ error: 'invalid_grant', error_description: 'The authorization code has already been used.' });
  });

  it('lets a code expire after 3 minutes', async () => {
    const simulator = newSimulator();
    const late = await code(simulator);
    simulator.advanceClock(3 * MINUTE + 1);
    const answer = await exchange(simulator, late);
    expect(answer.status).to.equal(400);
    expect(((await answer.json()) as { error_description: string }).error_description).to.equal('The authorization code has expired.');
    const inTime = await code(simulator);
    simulator.advanceClock(3 * MINUTE - 1);
    expect((await exchange(simulator, inTime)).status).to.equal(200);
  });

  it('binds a code to its redirect_uri, its client and its host', async () => {
    const simulator = newSimulator({ apps: [app, { clientId: 'other-app', clientSecret: 'other-secret', redirectUris: ['https://other.example/cb'] }] });
    const bound = await code(simulator);
    expect((await exchange(simulator, bound, { redirect_uri: 'https://platform.example/oauth/other' })).status).to.equal(400);
    expect((await exchange(simulator, bound, { client_id: 'other-app', client_secret: 'other-secret' })).status).to.equal(400);
    expect((await exchange(simulator, bound, {}, 'https://start.exactonline.be')).status).to.equal(400);
    expect((await exchange(simulator, bound)).status).to.equal(200);
  });

  it('refuses a wrong client secret with invalid_client, and a body that is not form-encoded', async () => {
    const simulator = newSimulator();
    const wrong = await exchange(simulator, await code(simulator), { client_secret: 'guess' });
    expect(wrong.status).to.equal(401);
    expect(await wrong.json()).to.deep.equal({ error: 'invalid_client' });
    const json = await simulator.handle(new Request(`${NL}/api/oauth2/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }));
    expect(json.status).to.equal(400);
    expect(((await json.json()) as { error: string }).error).to.equal('invalid_request');
    const other = await tokenCall(simulator, { grant_type: 'password' });
    expect(await other.json()).to.deep.equal({ error: 'unsupported_grant_type' });
  });

  it('lets an access token work for 10 minutes, then answers an HTML 401', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.advanceClock(10 * MINUTE - 1);
    expect((await me(simulator, tokens)).status).to.equal(200);
    simulator.advanceClock(1);
    const expired = await me(simulator, tokens);
    expect(expired.status).to.equal(401);
    expect(expired.headers.get('Content-Type')).to.equal('text/html');
    expect(await expired.text()).to.contain('401 - Unauthorized');
  });

  it('refuses a refresh before the access token is 9.5 minutes old', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.advanceClock(9.5 * MINUTE - 1000);
    const early = await refresh(simulator, tokens.refresh_token);
    expect(early.status).to.equal(400);
    expect(await early.json()).to.deep.equal({ error: 'access_denied', error_description: 'Rate limit exceeded: access_token not expired' });
    simulator.advanceClock(1000);
    expect((await refresh(simulator, tokens.refresh_token)).status).to.equal(200);
  });

  it('rotates the refresh token on every use; the old one kills the chain with "Old refresh token used."', async () => {
    const simulator = newSimulator();
    const first = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.advanceClock(9.5 * MINUTE);
    const second = (await (await refresh(simulator, first.refresh_token)).json()) as Tokens;
    expect(second.refresh_token).not.to.equal(first.refresh_token);
    expect(second.access_token).not.to.equal(first.access_token);
    expect(second.expires_in).to.equal('600');
    expect((await me(simulator, second)).status).to.equal(200);

    simulator.advanceClock(9.5 * MINUTE);
    const replay = await refresh(simulator, first.refresh_token);
    expect(replay.status).to.equal(401);
    expect(await replay.json()).to.deep.equal({ error: 'unauthorized_client', error_description: 'Old refresh token used.' });
    // The chain is dead: the newest refresh token and its access token are refused too.
    expect((await refresh(simulator, second.refresh_token)).status).to.equal(400);
    expect((await me(simulator, second)).status).to.equal(401);
    expect(simulator.counters().tokenCalls.refresh_token).to.equal(3);
  });

  it('of two concurrent refreshes, one wins and the other gets "Old refresh token used."', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.advanceClock(9.5 * MINUTE);
    const answers = await Promise.all([refresh(simulator, tokens.refresh_token), refresh(simulator, tokens.refresh_token)]);
    expect(answers.map((answer) => answer.status).sort()).to.deep.equal([200, 401]);
  });

  it('lets an unused refresh token expire after 30 days', async () => {
    const simulator = newSimulator();
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.advanceClock(30 * 24 * 60 * MINUTE);
    const answer = await refresh(simulator, tokens.refresh_token);
    expect(answer.status).to.equal(400);
    const body = (await answer.json()) as { error: string; error_description: string };
    expect(body.error).to.equal('invalid_request');
    expect(body.error_description).to.match(/^The refresh token expired at 2026-02-04T09:00:30/);
  });

  it('keeps one chain per Exact user per app: a new consent by the same user revokes the earlier chain', async () => {
    const simulator = newSimulator();
    const earlier = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    const anna = await connect(simulator, 'anna@jansen-boekhouding.nl', 'anna');
    const later = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    expect((await me(simulator, earlier)).status).to.equal(401);
    expect((await me(simulator, later)).status).to.equal(200);
    // Another Exact user's chain is untouched.
    expect((await me(simulator, anna)).status).to.equal(200);
    simulator.advanceClock(9.5 * MINUTE);
    const refused = await refresh(simulator, earlier.refresh_token);
    expect(refused.status).to.equal(400);
    expect(((await refused.json()) as { error: string }).error).to.equal('invalid_grant');
    expect((await refresh(simulator, later.refresh_token)).status).to.equal(200);
  });

  it('voids a code not yet exchanged when the same user consents again', async () => {
    const simulator = newSimulator();
    const browser = new Browser(simulator);
    const stale = await code(simulator, browser);
    const fresh = (await browser.authorize('', '', { url: authorizeUrl({ state: 'state-2' }) })).searchParams.get('code')!;
    expect((await exchange(simulator, stale)).status).to.equal(400);
    expect((await exchange(simulator, fresh)).status).to.equal(200);
  });

  it('allows 200 token calls per user per app per day', async () => {
    const simulator = newSimulator({ limits: { tokenCallsPerDay: 2 } });
    const tokens = await connect(simulator, 'jan@jansen-boekhouding.nl', 'jan');
    simulator.advanceClock(9.5 * MINUTE);
    const second = (await (await refresh(simulator, tokens.refresh_token)).json()) as Tokens;
    simulator.advanceClock(9.5 * MINUTE);
    const third = await refresh(simulator, second.refresh_token);
    expect(third.status).to.equal(400);
    expect(((await third.json()) as { error_description: string }).error_description).to.contain('Rate limit exceeded');
  });
});
