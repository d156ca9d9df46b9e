/**
 * The Exact Online simulator over real HTTP, as a backend meets it: vite loads its TypeScript
 * (as the demo server does), node:http serves it on a free port, and the test walks the login with
 * plain form posts and a cookie jar, exchanges the code, refreshes, replays the old refresh token
 * and pages the divisions through __next.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'vite';

const app = { clientId: 'autopilot-e2e', clientSecret: 'e2e-secret', redirectUris: ['http://127.0.0.1:9/oauth/callback'], name: 'Autopilot' };

let vite;
let served;
let host;

before(async () => {
  vite = await createServer({ configFile: false, appType: 'custom', logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null } });
  const { serveExactSimulator } = await vite.ssrLoadModule('/src/exact-simulator/node-server.ts');
  served = await serveExactSimulator({ apps: [app] });
  host = `${served.origin}/nl`;
});

after(async () => {
  await served?.close();
  await vite?.close();
});

/** A browser's cookies, kept from Set-Cookie and sent back (the simulator scopes them by path). */
class CookieJar {
  cookies = new Map();
  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      this.cookies.set(name, value.join('='));
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  async fetch(url, init = {}) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, Cookie: this.header() } });
    this.store(response);
    return response;
  }
  submit(url, fields) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
    return this.fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  }
}

const authorizeUrl = (state, extra = {}) =>
  `${host}/api/oauth2/auth?${new URLSearchParams({ client_id: app.clientId, redirect_uri: app.redirectUris[0], response_type: 'code', state, ...extra })}`;

const inputValue = (html, name) => html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];

/** Logs in on the form and allows the consent with every tick the page offers: the code from the redirect. */
async function logIn(jar, username, password, state) {
  const url = authorizeUrl(state);
  const login = await jar.fetch(url);
  assert.equal(login.status, 200);
  assert.match(await login.text(), /<input type="password" id="password" name="password"/);
  const posted = await jar.submit(url, { step: 'login', username, password });
  assert.equal(posted.status, 303);
  const consentUrl = posted.headers.get('location');
  const consent = await (await jar.fetch(consentUrl)).text();
  assert.match(consent, /Toegang verlenen/);
  const ticks = [...consent.matchAll(/name="division" value="(\d+)" checked/g)].map((match) => match[1]);
  const decided = await jar.submit(consentUrl, { step: 'consent', consent_token: inputValue(consent, 'consent_token'), decision: 'allow', division: ticks });
  assert.equal(decided.status, 302);
  const back = new URL(decided.headers.get('location'));
  assert.equal(`${back.origin}${back.pathname}`, app.redirectUris[0]);
  assert.equal(back.searchParams.get('state'), state);
  return back.searchParams.get('code');
}

const token = (fields) =>
  fetch(`${host}/api/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, ...fields }),
  });

const get = (accessToken, url) => fetch(url.startsWith('http') ? url : `${host}${url}`, { headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' } });

const advanceClock = async (advanceMs) => {
  const response = await fetch(`${served.origin}/_simulator/clock`, { method: 'POST', body: JSON.stringify({ advanceMs }) });
  assert.equal(response.status, 200);
};

describe('the Exact Online simulator over HTTP', () => {
  it('logs in through the forms, exchanges the code, refreshes, and refuses the old refresh token', async () => {
    const jar = new CookieJar();
    const code = await logIn(jar, 'jan@jansen-boekhouding.nl', 'jan', 'e2e-state');
    assert.match(code, /!/);
    assert.match(jar.header(), /^ExactOnlineSession=/);

    const exchanged = await token({ grant_type: 'authorization_code', code, redirect_uri: app.redirectUris[0] });
    assert.equal(exchanged.status, 200);
    const first = await exchanged.json();
    assert.equal(first.expires_in, '600');
    assert.equal(first.token_type, 'bearer');

    const me = await get(first.access_token, '/api/v1/current/Me');
    assert.equal(me.status, 200);
    assert.equal(me.headers.get('x-ratelimit-minutely-limit'), '60');
    assert.equal((await me.json()).d.results[0].FullName, 'Jan Jansen');

    const early = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    assert.deepEqual([early.status, await early.json()], [400, { error: 'access_denied', error_description: 'Rate limit exceeded: access_token not expired' }]);

    await advanceClock(9.5 * 60_000);
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    assert.equal(refreshed.status, 200);
    const second = await refreshed.json();
    assert.notEqual(second.refresh_token, first.refresh_token);

    await advanceClock(9.5 * 60_000);
    const replay = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    assert.equal(replay.status, 401);
    assert.deepEqual(await replay.json(), { error: 'unauthorized_client', error_description: 'Old refresh token used.' });

    const dead = await get(second.access_token, '/api/v1/current/Me');
    assert.equal(dead.status, 401);
    assert.match(dead.headers.get('content-type'), /text\/html/);

    // A logged-in browser goes straight to the consent page the next time.
    const again = await (await jar.fetch(authorizeUrl('e2e-again'))).text();
    assert.match(again, /Toegang verlenen/);
  });

  it('pages 130 divisions 60 at a time through __next', async () => {
    const jar = new CookieJar();
    const code = await logIn(jar, 'groot@groot-accountants.nl', 'groot', 'e2e-divisions');
    const { access_token: accessToken } = await (await token({ grant_type: 'authorization_code', code, redirect_uri: app.redirectUris[0] })).json();
    let url = '/api/v1/300001/system/Divisions?$select=Code,Description,Status';
    const sizes = [];
    const codes = new Set();
    while (url) {
      const response = await get(accessToken, url);
      assert.equal(response.status, 200);
      const { d } = await response.json();
      sizes.push(d.results.length);
      for (const row of d.results) codes.add(row.Code);
      url = d.__next;
      if (url) assert.ok(url.startsWith(`${host}/api/v1/300001/system/Divisions?`), url);
    }
    assert.deepEqual(sizes, [60, 60, 10]);
    assert.equal(codes.size, 130);

    const counters = await (await fetch(`${served.origin}/_simulator/counters`)).json();
    assert.equal(counters.apiCalls['GET system/Divisions'], 3);
    assert.equal(counters.tokenCalls.authorization_code, 2);
  });
});
