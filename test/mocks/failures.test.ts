import { expect } from '@esm-bundle/chai';
import { successResponses } from '../../src/api/guards.generated.js';
import { schemaChecks } from '../../src/api/schema-checks.generated.js';
import {
  divisionCodes,
  failureResponse,
  getBackend,
  handleMockRequest,
  operationIds,
  organisationIds,
  resetBackends,
  ScenarioBackend,
  startMockWorker,
  worlds,
} from '../../src/mocks/index.js';

type MockBackend = ScenarioBackend;

const ORIGIN = 'https://platform.test';
const BASE = '/mock/test';

/** The `grant` world (Lien's earlier login still usable) on a backend of its own. */
async function backendFor(): Promise<MockBackend> {
  const backend = new ScenarioBackend({ world: worlds.grant(), basePath: BASE, origin: ORIGIN });
  await backend.ready;
  return backend;
}

/** The id of the world's usable grant (generated when the world's connection was made). */
const grantId = async (backend: MockBackend): Promise<string> => String((await backend.authorizations()).find((row) => row.status === 'authorized')?.id);

const get = async (backend: MockBackend, path: string): Promise<Response> => (await backend.handle(new Request(`${ORIGIN}${BASE}/api${path}`)))!;

const createConnection = async (backend: MockBackend, key: string): Promise<Response> =>
  (await backend.handle(
    new Request(`${ORIGIN}${BASE}/api/connections`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ organisationId: organisationIds.elien, authorizationId: await grantId(backend), divisionCode: divisionCodes.elien, bookingFlow: 'simple' }),
    }),
  ))!;

describe('mock backend: injected failures through handle()', function () {
  // The first backend opens the page's PGlite (about 3 s).
  this.timeout(30_000);
  it('answers a problem+json with the given status and code, or the status\'s own code, then recovers', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'listOrganisations', kind: { status: 503 } });
    backend.injectFailure({ operation: 'listOrganisations', kind: { status: 403, code: 'autopilot_not_installed' } });
    const cases: Array<[number, string]> = [
      [503, 'internal_error'],
      [403, 'autopilot_not_installed'],
    ];
    for (const [status, code] of cases) {
      const response = await get(backend, '/organisations');
      expect(response.status).to.equal(status);
      expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
      const body = await response.json();
      expect(schemaChecks.Problem(body)).to.equal(null);
      expect([body.status, body.code]).to.deep.equal([status, code]);
    }
    expect((await get(backend, '/organisations')).status).to.equal(200);
    for (const [status, code] of [[401, 'unauthenticated'], [404, 'not_found'], [500, 'internal_error'], [502, 'internal_error']] as const) {
      backend.injectFailure({ operation: 'getStatus', kind: { status } });
      const body = await (await get(backend, '/status')).json();
      expect([body.status, body.code]).to.deep.equal([status, code]);
    }
  });

  it('fails only the named operation, `times` times; `*` fails whatever comes next', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'listConnections', times: 2, kind: { status: 500 } });
    expect((await get(backend, '/status')).status).to.equal(200);
    expect((await get(backend, '/connections')).status).to.equal(500);
    expect(backend.pendingFailures()).to.deep.equal([{ operation: 'listConnections', remaining: 1, kind: { status: 500 } }]);
    expect((await get(backend, '/connections')).status).to.equal(500);
    expect((await get(backend, '/connections')).status).to.equal(200);
    backend.injectFailure({ operation: '*', kind: { status: 502 } });
    expect((await get(backend, '/authorizations')).status).to.equal(502);
    backend.injectFailure({ operation: 'getStatus', times: 'always', kind: { status: 500 } });
    for (let i = 0; i < 5; i += 1) expect((await get(backend, '/status')).status).to.equal(500);
    backend.clearFailures();
    expect(backend.pendingFailures()).to.deep.equal([]);
    expect((await get(backend, '/status')).status).to.equal(200);
  });

  it('sends 429 with Retry-After', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'listDivisions', kind: { status: 429, retryAfter: 7 } });
    const response = await get(backend, `/authorizations/${await grantId(backend)}/divisions`);
    expect(response.status).to.equal(429);
    expect(response.headers.get('Retry-After')).to.equal('7');
    expect((await response.json()).code).to.equal('rate_limited');
  });

  it('drops the connection for "network"', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'getStatus', kind: 'network' });
    const response = await get(backend, '/status');
    expect(response.type).to.equal('error');
    expect(response.status).to.equal(0);
  });

  it('sends truncated JSON, JSON that breaks the contract, and an HTML error page', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'listOrganisations', kind: 'malformed-json' });
    const malformed = await get(backend, '/organisations');
    expect(malformed.status).to.equal(200);
    expect(malformed.headers.get('Content-Type')).to.equal('application/json');
    expect(await malformed.text()).to.equal('{"items": [');

    backend.injectFailure({ operation: 'listOrganisations', kind: 'contract-violation' });
    const violation = await get(backend, '/organisations');
    expect(violation.status).to.equal(200);
    expect(schemaChecks.OrganisationPage(await violation.json())).not.to.equal(null);

    backend.injectFailure({ operation: 'getStatus', kind: 'html' });
    const html = await get(backend, '/status');
    expect(html.status).to.equal(502);
    expect(html.headers.get('Content-Type')).to.match(/^text\/html/);
    expect(await html.text()).to.contain('<h1>502 Bad Gateway</h1>');
  });

  it('breaks every operation\'s success schema with "contract-violation"', async () => {
    for (const operation of operationIds) {
      if (operation === 'oauthCallback') continue;
      const expected = successResponses[operation];
      const first = Math.max(...expected.statuses);
      const response = failureResponse('contract-violation', operation);
      expect(response.status, operation).to.equal(first === 204 ? 200 : first);
      if (expected.check) expect(expected.check(await response.json()), operation).not.to.equal(null);
    }
  });

  it('answers normally after an injected delay', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'getStatus', kind: { delayMs: 80 } });
    const started = performance.now();
    const response = await get(backend, '/status');
    expect(performance.now() - started).to.be.at.least(75);
    expect(response.status).to.equal(200);
  });

  it('creates the connection but loses the answer for "after-commit-network"; the retry finds the same one', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'createConnection', kind: 'after-commit-network' });
    const lost = await createConnection(backend, 'key-after-commit');
    expect(lost.type).to.equal('error');
    const retry = await createConnection(backend, 'key-after-commit');
    // The retry is a replay of the key: 200 with the connection the lost answer carried.
    expect(retry.status).to.equal(200);
    const connection = await retry.json();
    const list = await (await get(backend, '/connections')).json();
    expect(list.items.filter((c: { organisation: { id: string } }) => c.organisation.id === organisationIds.elien)).to.deep.equal([connection]);
    expect(list.items).to.have.length(2);
  });

  it('sends Retry-After where the contract declares it: a key in flight (409), 429 and 503', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'createConnection', kind: { status: 409 } });
    backend.injectFailure({ operation: 'createConnection', kind: { status: 409, retryAfter: 3 } });
    backend.injectFailure({ operation: 'createConnection', kind: { status: 503, code: 'exact_unavailable', retryAfter: 7 } });
    const inFlight = await createConnection(backend, 'key-in-flight');
    expect([inFlight.status, (await inFlight.json()).code, inFlight.headers.get('Retry-After')]).to.deep.equal([409, 'idempotency_key_in_flight', '1']);
    const later = await createConnection(backend, 'key-in-flight');
    expect([later.status, later.headers.get('Retry-After')]).to.deep.equal([409, '3']);
    const exact = await createConnection(backend, 'key-in-flight');
    expect([exact.status, (await exact.json()).code, exact.headers.get('Retry-After')]).to.deep.equal([503, 'exact_unavailable', '7']);
    // The first request with the key that got through creates the connection (201); a replay answers 200.
    expect((await createConnection(backend, 'key-in-flight')).status).to.equal(201);
    expect((await createConnection(backend, 'key-in-flight')).status).to.equal(200);
  });

  it('sends a code newer than the element, with its own title', async () => {
    const backend = await backendFor();
    backend.injectFailure({ operation: 'listOrganisations', kind: { status: 403, code: 'brand_new_rule', title: 'Nieuwe regel' } });
    const body = await (await get(backend, '/organisations')).json();
    expect([body.code, body.title]).to.deep.equal(['brand_new_rule', 'Nieuwe regel']);
  });

  it('refuses injections that make no sense', async () => {
    const backend = await backendFor();
    const bad: unknown[] = [
      { operation: 'nope', kind: 'network' },
      { operation: 'getStatus', kind: 'teapot' },
      { operation: 'getStatus', kind: { status: 418 } },
      { operation: 'getStatus', kind: { status: 429 } },
      // Codes are open-ended, but still of the contract's form.
      { operation: 'getStatus', kind: { status: 500, code: 'Made Up!' } },
      { operation: 'getStatus', kind: { status: 409, retryAfter: -1 } },
      { operation: 'getStatus', times: 0, kind: 'network' },
    ];
    for (const injection of bad) expect(() => backend.injectFailure(injection as never), JSON.stringify(injection)).to.throw(TypeError);
    expect(backend.pendingFailures()).to.deep.equal([]);
  });
});

describe('mock backend: injected failures over HTTP and MSW', () => {
  before(async function () {
    this.timeout(30_000);
    await resetBackends();
    await startMockWorker();
    await getBackend('grant').ready;
  });

  const inject = (scenario: string, body: unknown) =>
    fetch(`/mock/${scenario}/inject`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('takes an injection at POST /mock/<scenario>/inject and applies it to that scenario only', async () => {
    expect((await inject('grant', { operation: 'getStatus', kind: { status: 503 } })).status).to.equal(204);
    expect((await fetch('/mock/default/api/status')).status).to.equal(200);
    expect((await fetch('/mock/grant/api/status')).status).to.equal(503);
    expect((await fetch('/mock/grant/api/status')).status).to.equal(200);
    expect(getBackend('grant').pendingFailures()).to.deep.equal([]);
    const bad = await inject('grant', { operation: 'getStatus', kind: 'teapot' });
    expect(bad.status).to.equal(400);
    expect((await bad.json()).error).to.contain('teapot');
  });

  it('makes fetch reject for "network" and keeps the work for "after-commit-network"', async () => {
    await inject('grant', { operation: 'getStatus', kind: 'network' });
    let failed: unknown = null;
    await fetch('/mock/grant/api/status').catch((error: unknown) => (failed = error));
    expect(failed).to.be.instanceOf(TypeError);

    await inject('grant', { operation: 'createConnection', kind: 'after-commit-network' });
    const authorizationId = await grantId(getBackend('grant'));
    const post = () =>
      fetch('/mock/grant/api/connections', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-msw-after-commit' },
        body: JSON.stringify({ organisationId: organisationIds.elien, authorizationId, divisionCode: divisionCodes.elien, bookingFlow: 'simple' }),
      });
    let lost: unknown = null;
    await post().catch((error: unknown) => (lost = error));
    expect(lost).to.be.instanceOf(TypeError);
    expect((await post()).status).to.equal(200);
    const list = await (await fetch('/mock/grant/api/connections')).json();
    expect(list.items).to.have.length(2);
  });

  it('clears injections at DELETE /mock/<scenario>/inject, and a reset forgets them', async () => {
    await inject('grant', { operation: 'getStatus', times: 'always', kind: { status: 500 } });
    expect((await fetch('/mock/grant/inject', { method: 'DELETE' })).status).to.equal(204);
    expect((await fetch('/mock/grant/api/status')).status).to.equal(200);
    await inject('grant', { operation: 'getStatus', times: 'always', kind: { status: 500 } });
    await handleMockRequest(new Request(`${location.origin}/mock/grant/reset`, { method: 'POST' }));
    expect((await fetch('/mock/grant/api/status')).status).to.equal(200);
  });
});
