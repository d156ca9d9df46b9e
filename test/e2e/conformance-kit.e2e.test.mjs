/**
 * The conformance kit (src/conformance/) against backends written here on purpose: a small correct
 * one passes, one that makes a second connection for a replay and one that leaks Exact's access
 * token fail with a message that names the fault. Each world is a fresh fake backend and a fresh
 * Exact simulator over real HTTP on free ports; the kit drives them as a backend team's run would.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'vite';
import { createFakeBackend } from './conformance/fake-backend.mjs';
import { serveFetch } from './conformance/serve-fetch.mjs';

const PAGE_ORIGIN = 'https://platform.conformance.test';
const app = { clientId: 'conformance-app', clientSecret: 'conformance-secret' };

let vite;
let kit;
let serveExactSimulator;
let simulatorCli;
const worlds = [];

before(async () => {
  vite = await createServer({ configFile: false, appType: 'custom', logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null } });
  ({ serveExactSimulator } = await vite.ssrLoadModule('/src/exact-simulator/node-server.ts'));
  kit = await vite.ssrLoadModule('/src/conformance/index.ts');
  simulatorCli = await vite.ssrLoadModule('/src/exact-simulator/cli.ts');
});

after(async () => {
  for (const world of worlds) await world.close();
  await vite?.close();
});

/** A fake backend (with `flaws`) and a simulator that registered its callback (started as its command line does, if `fromCli`). */
async function world(flaws = {}, { fromCli = false } = {}) {
  const backend = createFakeBackend({ allowedOrigins: [PAGE_ORIGIN], ...app, flaws });
  const served = await serveFetch(backend.handle);
  const callback = `${served.origin}/api/oauth/callback`;
  const exact = fromCli
    ? await simulatorCli.serveFromArguments(['--client-id', app.clientId, '--client-secret', app.clientSecret, '--redirect-uri', callback], () => {})
    : await serveExactSimulator({ apps: [{ ...app, redirectUris: [callback], name: 'Autopilot' }] });
  Object.assign(backend.config, { publicUrl: served.origin, exact: exact.origin });
  const started = { api: `${served.origin}/api`, exact: exact.origin, close: async () => (await served.close(), await exact.close()) };
  worlds.push(started);
  return started;
}

const run = async (flaws) => {
  const { api, exact } = await world(flaws);
  return (await kit.runConformance({ api, exact, origin: PAGE_ORIGIN, devSessions: true })).results;
};

const byName = (results, start) => {
  const found = results.find((result) => result.name.startsWith(start));
  assert.ok(found, `no check named "${start}…"`);
  return found;
};

const lines = (results) => results.map((result) => `${result.outcome} ${result.name} — ${result.detail}`).join('\n');

describe('the conformance kit', () => {
  it('passes a correct backend on every check', async () => {
    const results = await run();
    assert.deepEqual(results.filter((result) => result.outcome !== 'pass').map((result) => `${result.name}: ${result.detail}`), [], lines(results));
    // The checks that prove something about Exact ran, not just the listings.
    assert.match(byName(results, 'idempotency: 20 concurrent').detail, /one connection, one mailbox POST/);
    // The seed's first organisation has a mailbox address Exact links to another administration: the kit moved on.
    assert.match(byName(results, 'idempotency: the same key and body').detail, /\(not connectable here: org-0 × 101001: 422 mailbox_linked_elsewhere/);
    assert.match(byName(results, 'Exact 429').detail, /^Retry-After: \d+$/);
    // The batch logged in as the seed's Exact user with the most administrations and made three rows.
    assert.match(byName(results, 'batch:').detail, /^3 connections of groot@groot-accountants\.nl; the refused mailbox 422 mailbox_forbidden .*, then 201 with the same key; Exact's 429 as Retry-After: \d+, then 201/);
    assert.match(byName(results, 'secrets:').detail, /^\d+ secrets searched in \d+ answers$/);
  });

  it('fails a backend that makes a second connection for a replay, saying so', async () => {
    const results = await run({ newConnectionOnReplay: true });
    const replay = byName(results, 'idempotency: the same key and body');
    assert.equal(replay.outcome, 'fail', lines(results));
    assert.match(replay.detail, /the replay with the same key and body answered 201, not 200/);
    const concurrent = byName(results, 'idempotency: 20 concurrent');
    assert.equal(concurrent.outcome, 'fail');
    assert.equal(concurrent.detail, '20 of 20 answered 201; exactly one request creates');
    assert.equal(byName(results, 'secrets:').outcome, 'pass');
  });

  it('fails a backend that leaks the Exact access token into an answer, naming where', async () => {
    const results = await run({ leakAccessToken: true });
    const leak = byName(results, 'secrets:');
    assert.equal(leak.outcome, 'fail', lines(results));
    assert.match(leak.detail, /an Exact access token \(stampnl01\.gAAAA\w{5}…\) in the header x-exact-token of GET http:\/\/127\.0\.0\.1:\d+\/api\/connections\//);
    assert.equal(byName(results, 'idempotency: the same key and body').outcome, 'pass');
  });

  it('fails a backend that refreshes once per call instead of once per grant, with the count', async () => {
    const results = await run({ refreshEachCall: true });
    const refresh = byName(results, 'expired access token:');
    assert.equal(refresh.outcome, 'fail', lines(results));
    assert.match(refresh.detail, /^20 concurrent calls with an expired access token made ([2-9]|1\d|20) refresh token calls at Exact, not 1 \(two at once kill the chain: "Old refresh token used"\); \d+ of 20 answered status needs_login/);
  });

  it('fails a backend whose OAuth state is the authorization id', async () => {
    const results = await run({ stateIsId: true });
    const login = byName(results, "login: over the simulator's forms");
    assert.equal(login.outcome, 'fail', lines(results));
    assert.match(login.detail, /^the OAuth state ([\w-]+) is \(or contains\) the authorization id \1; the contract wants an opaque value$/);
  });

  it("fails a backend that answers Exact's HTML 401 as the platform session's 401", async () => {
    const results = await run({ exact401As401: true });
    const html401 = byName(results, "Exact's HTML 401");
    assert.equal(html401.outcome, 'fail', lines(results));
    assert.equal(html401.detail, "Exact's HTML 401 was passed on as 401: the host would renew its platform session for nothing");
  });

  it('fails a backend that keeps a refused request under its key, so the failed row of a batch cannot be retried', async () => {
    const results = await run({ keepFailures: true });
    const batch = byName(results, 'batch:');
    assert.equal(batch.outcome, 'fail', lines(results));
    assert.match(batch.detail, /^after the refusal was lifted in Exact, the same key answered 422 mailbox_forbidden .* again: the backend kept the failed request under its key/);
    assert.equal(byName(results, 'idempotency: the same key and body').outcome, 'pass');
  });

  it("fails a backend whose prerequisites contradict the organisations' blockers, naming the count", async () => {
    const results = await run({ prerequisiteWithoutBlocker: true });
    const prerequisites = byName(results, 'prerequisites:');
    assert.equal(prerequisites.outcome, 'fail', lines(results));
    assert.equal(prerequisites.detail, 'prerequisite legacy_connections_broken counts 1 organisations; GET /organisations shows 0 with the blocker legacy_connection_active');
    assert.equal(byName(results, 'idempotency: the same key and body').outcome, 'pass');
  });

  it('takes the platform sessions from --cookie and --cookie2 as well, against the simulator its command line serves', async () => {
    assert.equal(simulatorCli.parseSimulatorArguments(['--client-id', 'x']), '--client-id, --client-secret and --redirect-uri are required (the app as registered with Exact)');
    const { api, exact } = await world({}, { fromCli: true });
    const cookieOf = async (userId) => {
      const answer = await fetch(`${api}/_dev/session`, { method: 'POST', body: JSON.stringify({ userId }) });
      return answer.headers.getSetCookie()[0].split(';')[0];
    };
    const { results, passed } = await kit.runConformance({ api, exact, origin: PAGE_ORIGIN, cookie: await cookieOf('u1'), cookie2: await cookieOf('u2') });
    assert.ok(passed, lines(results));
    assert.equal(byName(results, 'sessions:').detail, 'from --cookie and --cookie2; Exact user jan@jansen-boekhouding.nl');
    assert.equal(byName(results, 'grants: the grant is visible').outcome, 'pass');
  });

  it('runs as npm run conformance: one line per check and exit code 1 on a failure, 2 on bad arguments', async () => {
    const { api, exact } = await world({ leakAccessToken: true });
    const script = new URL('../../scripts/conformance.mjs', import.meta.url).pathname;
    const failed = await promisify(execFile)(process.execPath, [script, '--api', api, '--exact', exact, '--origin', PAGE_ORIGIN, '--dev-sessions']).catch((error) => error);
    assert.equal(failed.code, 1, failed.stdout);
    assert.match(failed.stdout, /^PASS {2}login: over the simulator's forms/m);
    assert.match(failed.stdout, /^FAIL {2}secrets: no code or token the simulator issued .* — \d+ leak\(s\): an Exact access token/m);
    assert.match(failed.stdout, /NOT conformant: \d+ passed, 1 failed, 0 skipped$/m);
    const wrong = await promisify(execFile)(process.execPath, [script, '--api', api]).catch((error) => error);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stdout, /conformance: --api and --exact are required\nusage: npm run conformance/);
  });
});
