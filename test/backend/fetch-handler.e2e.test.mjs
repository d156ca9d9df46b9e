// The backend as a bare fetch handler (no HTTP server): what a browser under MSW will run, on PGlite in memory.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'vite';
import { tokenKey } from './harness.mjs';

describe('createBackend as a fetch handler', () => {
  let vite;
  let backend;
  let db;

  before(async () => {
    vite = await createServer({ configFile: false, appType: 'custom', logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null } });
    const entry = await vite.ssrLoadModule('/src/backend/index.ts');
    db = await entry.openPglite();
    await entry.migrate(db);
    backend = await entry.createBackend({ exactBaseUrl: 'http://127.0.0.1:9', clientId: 'id', clientSecret: 'secret', allowedOrigins: ['http://localhost:5173'], tokenKey, devSessions: true, log: () => undefined }, db, 'http://localhost:5173');
  });

  after(async () => {
    await db?.close();
    await vite?.close();
  });

  it('answers the contract in-process: 401 without a session, the status with one', async () => {
    const anonymous = await backend.app.fetch(new Request('http://localhost:5173/api/status'));
    assert.equal(anonymous.status, 401);
    assert.equal((await anonymous.json()).code, 'unauthenticated');
    const session = await backend.app.fetch(new Request('http://localhost:5173/_dev/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"userId":"usr_bram"}' }));
    const cookie = session.headers.get('set-cookie').split(';')[0];
    const status = await (await backend.app.fetch(new Request('http://localhost:5173/api/status', { headers: { Cookie: cookie } }))).json();
    assert.deepEqual([status.user.name, status.autopilotInstalled, status.connections.items], ['Bram Bakker', true, []]);
    const started = await (await backend.app.fetch(new Request('http://localhost:5173/api/authorizations', { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: JSON.stringify({ returnOrigin: 'http://localhost:5173', region: 'be', forceLogin: true }) }))).json();
    const url = new URL(started.authorizeUrl);
    assert.equal(`${url.origin}${url.pathname}`, 'http://127.0.0.1:9/be/api/oauth2/auth');
    assert.equal(url.searchParams.get('redirect_uri'), 'http://localhost:5173/api/oauth/callback');
    assert.equal(url.searchParams.get('force_login'), '1');
  });

  it('puts each region on its own host on the real Exact Online', async () => {
    const { regionBaseUrl } = await vite.ssrLoadModule('/src/backend/config.ts');
    assert.equal(regionBaseUrl('https://start.exactonline.nl', 'uk'), 'https://start.exactonline.co.uk');
    assert.equal(regionBaseUrl('https://start.exactonline.nl', 'be'), 'https://start.exactonline.be');
    assert.equal(regionBaseUrl('http://127.0.0.1:5174/', 'de'), 'http://127.0.0.1:5174/de');
  });

  it('waits as Exact’s reset headers say, never more than a minute for the minutely limit, whatever the clocks', async () => {
    const { retryAfterOf } = await vite.ssrLoadModule('/src/backend/exact-api.ts');
    const now = 1_000_000_000_000;
    const headers = (fields) => new Headers(fields);
    assert.equal(retryAfterOf(headers({ 'X-RateLimit-Minutely-Remaining': '0', 'X-RateLimit-Minutely-Reset': String(now + 12_500) }), now), 13);
    // Exact's clock ten minutes ahead of ours: its minutely reset still means at most 60 s.
    assert.equal(retryAfterOf(headers({ 'X-RateLimit-Minutely-Remaining': '0', 'X-RateLimit-Minutely-Reset': String(now + 11 * 60_000) }), now), 60);
    assert.equal(retryAfterOf(headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Minutely-Remaining': '5', 'X-RateLimit-Reset': String(now + 3_600_000) }), now), 3600);
    assert.equal(retryAfterOf(headers({}), now), 60, 'a 429 without headers');
  });
});
