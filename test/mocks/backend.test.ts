import { expect } from '@esm-bundle/chai';
import { successResponses } from '../../src/api/guards.generated.js';
import { schemaChecks } from '../../src/api/schema-checks.generated.js';
import type { Authorization, Connection, DivisionPage, Organisation, OrganisationPage } from '../../src/api/types.js';
import {
  createMockBackend,
  divisionCodes,
  escapeHtml,
  getBackend,
  handleMockRequest,
  matchMockPath,
  organisationIds,
  resetBackends,
  scenarios,
  type MockBackend,
  type ScenarioInit,
  type ScenarioName,
  exactUser,
} from '../../src/mocks/index.js';

const ORIGIN = 'https://platform.test';
const BASE = '/mock/default';

type Operation = keyof typeof successResponses;

function backendFor(scenario: ScenarioName = 'default', init?: ScenarioInit): MockBackend {
  return createMockBackend({ ...scenarios[scenario](init), basePath: BASE });
}

/** A contract call that checks the answer against the contract, whatever the backend asserts itself. */
async function call(
  backend: MockBackend,
  operation: Operation,
  method: string,
  path: string,
  init: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await backend.handle(
    new Request(`${ORIGIN}${BASE}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...init.headers },
      ...(body === undefined ? {} : { body }),
    }),
  );
  if (!response) throw new Error(`${method} ${path} was not handled`);
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  const expected = successResponses[operation];
  if ((expected.statuses as readonly number[]).includes(response.status)) {
    if (expected.check) expect(expected.check(parsed), `${operation} body`).to.equal(null);
    else expect(text).to.equal('');
    expect(response.headers.get('Content-Type') ?? 'application/json').to.match(/^application\/json/);
  } else {
    expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
    expect(schemaChecks.Problem(parsed), `${operation} problem`).to.equal(null);
    expect((parsed as { status: number }).status).to.equal(response.status);
  }
  return { status: response.status, body: parsed };
}

const hiddenFields = (html: string): URLSearchParams =>
  new URLSearchParams(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name = '', value = '']) => [
      name,
      value.replace(/&amp;/g, '&'),
    ]),
  );

async function page(backend: MockBackend, url: string, form?: URLSearchParams): Promise<Response> {
  const response = await backend.handle(
    new Request(new URL(url, ORIGIN), form ? { method: 'POST', body: form, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } } : {}),
  );
  if (!response) throw new Error(`${url} was not handled`);
  return response;
}

interface LoginOutcome {
  id: string;
  /** Where the backend sent the login window after Exact's redirect. */
  callback: URL;
}

/** Walks the login window as a person would: login page, consent page, Exact's redirect, callback. */
async function logIn(backend: MockBackend, choice: { deny?: boolean; grant?: number[] } = {}): Promise<LoginOutcome> {
  const started = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
  expect(started.status).to.equal(201);
  const loginPage = await page(backend, started.body.authorizeUrl);
  const loginHtml = await loginPage.text();
  expect(loginPage.headers.get('Content-Type')).to.match(/^text\/html/);
  expect(loginHtml).to.contain('>Inloggen</button>');
  expect(loginHtml).to.contain('value="lien@elien.nl"');

  const loginForm = hiddenFields(loginHtml);
  loginForm.set('username', 'lien@elien.nl');
  loginForm.set('password', 'geheim');
  const toConsent = await page(backend, `${BASE}/exact/login`, loginForm);
  expect(toConsent.status).to.equal(303);

  const consentPage = await page(backend, toConsent.headers.get('Location') ?? '');
  const consentHtml = await consentPage.text();
  expect(consentHtml).to.contain('>Toestaan</button>').and.to.contain('>Weigeren</button>');
  expect(consentHtml).to.contain(`${divisionCodes.bakkerij} – Bakkerij de Gouden Korst B.V.`);

  const consentForm = hiddenFields(consentHtml);
  consentForm.set('decision', choice.deny ? 'deny' : 'allow');
  const allCodes = [...consentHtml.matchAll(/name="division" value="(\d+)" checked/g)].map(([, code]) => Number(code));
  for (const code of choice.grant ?? allCodes) consentForm.append('division', String(code));
  const toClient = await page(backend, `${BASE}/exact/consent`, consentForm);
  expect(toClient.status).to.equal(303);
  const redirect = new URL(toClient.headers.get('Location') ?? '');
  expect(redirect.pathname).to.equal(`${BASE}/api/oauth/callback`);
  expect(redirect.searchParams.get('state')).to.equal(started.body.id);
  if (choice.deny) expect(redirect.searchParams.get('error')).to.equal('access_denied');
  else expect(redirect.searchParams.get('code')).to.be.a('string');

  const toCallbackPage = await page(backend, redirect.href);
  expect(toCallbackPage.status).to.equal(302);
  return { id: started.body.id, callback: new URL(toCallbackPage.headers.get('Location') ?? '') };
}

const connectionBody = (authorizationId: string, overrides: Record<string, unknown> = {}) => ({
  organisationId: organisationIds.elien,
  authorizationId,
  divisionCode: divisionCodes.elien,
  bookingFlow: 'simple',
  ...overrides,
});

const createConnection = (backend: MockBackend, body: unknown, key = 'key-elien-0001') =>
  call(backend, 'createConnection', 'POST', '/connections', { body, headers: { 'Idempotency-Key': key } });

describe('mock backend: status and organisations', () => {
  it('says the Autopilot is installed and who is signed in', async () => {
    const { status, body } = await call(backendFor(), 'getStatus', 'GET', '/status');
    expect(status).to.equal(200);
    expect(body.autopilotInstalled).to.equal(true);
    expect(body.user.name).to.equal('Lien de Vries');
  });

  it('lists a dozen organisations, the help article example selectable and some with blockers', async () => {
    const { body } = await call(backendFor(), 'listOrganisations', 'GET', '/organisations');
    const page = body as OrganisationPage;
    expect(page.total).to.equal(12);
    expect(page.nextCursor).to.equal(null);
    const byName = (name: string) => page.items.find((o) => o.name === name) as Organisation;
    expect(byName('eLien test company')).to.include({ connectionId: null }).and.have.property('blockers').that.is.empty;
    expect(byName('Bakkerij de Gouden Korst').connectionId).to.be.a('string');
    const blockers = page.items.flatMap((o) => o.blockers.map((b) => b.code));
    expect(blockers).to.include.members(['legacy_connection_active', 'no_access']);
  });

  it('pages with an opaque cursor until every organisation was seen once', async () => {
    const backend = backendFor();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { body } = await call(backend, 'listOrganisations', 'GET', `/organisations?limit=5${query}`);
      expect(body.total).to.equal(12);
      expect(body.items.length).to.be.at.most(5);
      seen.push(...body.items.map((o: Organisation) => o.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).to.have.length(12);
    expect(new Set(seen).size).to.equal(12);
  });

  it('searches case-insensitively on name and KvK number', async () => {
    const backend = backendFor();
    const byName = await call(backend, 'listOrganisations', 'GET', '/organisations?query=ELIEN');
    expect(byName.body.items.map((o: Organisation) => o.name)).to.deep.equal(['eLien test company']);
    expect(byName.body.total).to.equal(1);
    const kvk = byName.body.items[0].kvk as string;
    const byKvk = await call(backend, 'listOrganisations', 'GET', `/organisations?query=${kvk}`);
    expect(byKvk.body.items.map((o: Organisation) => o.id)).to.include(organisationIds.elien);
    const none = await call(backend, 'listOrganisations', 'GET', '/organisations?query=bestaat-niet');
    expect(none.body).to.deep.equal({ items: [], nextCursor: null, total: 0 });
  });

  it('refuses a bad limit or a cursor it did not issue', async () => {
    const backend = backendFor();
    for (const query of ['limit=0', 'limit=201', 'limit=abc', 'cursor=nonsense']) {
      const { status, body } = await call(backend, 'listOrganisations', 'GET', `/organisations?${query}`);
      expect(status, query).to.equal(400);
      expect(body.code).to.equal('invalid_request');
    }
    const first = await call(backend, 'listOrganisations', 'GET', '/organisations?limit=2');
    const other = await call(backend, 'listOrganisations', 'GET', `/organisations?query=b&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(other.status).to.equal(400);
  });

  it('holds thousands of organisations in the "many" scenario, paged at most 200 at a time', async () => {
    const backend = backendFor('many');
    const { body } = await call(backend, 'listOrganisations', 'GET', '/organisations?limit=200');
    expect(body.total).to.be.at.least(2000);
    expect(body.items).to.have.length(200);
    expect(body.nextCursor).to.be.a('string');
    const elien = await call(backend, 'listOrganisations', 'GET', '/organisations?query=eLien%20test');
    expect(elien.body.items.map((o: Organisation) => o.name)).to.include('eLien test company');
  });

  it('builds the same data every time', async () => {
    const first = await call(backendFor(), 'listOrganisations', 'GET', '/organisations');
    const second = await call(backendFor(), 'listOrganisations', 'GET', '/organisations');
    expect(first.body).to.deep.equal(second.body);
  });
});

describe('mock backend: connections', () => {
  it('lists the existing connection in the default scenario and none in "empty"', async () => {
    const { body } = await call(backendFor(), 'listConnections', 'GET', '/connections');
    expect(body.items).to.have.length(1);
    expect(body.items[0].organisation.name).to.equal('Bakkerij de Gouden Korst');
    expect(body.items[0].division).to.deep.equal({ code: divisionCodes.bakkerij, name: 'Bakkerij de Gouden Korst B.V.' });
    const empty = await call(backendFor('empty'), 'listConnections', 'GET', '/connections');
    expect(empty.body.items).to.deep.equal([]);
  });

  it('creates a connection and marks the organisation and the administration as connected', async () => {
    const backend = backendFor();
    const { id } = await logIn(backend);
    const created = await createConnection(backend, connectionBody(id));
    expect(created.status).to.equal(201);
    const connection = created.body as Connection;
    expect(connection.organisation).to.deep.equal({ id: organisationIds.elien, name: 'eLien test company' });
    expect(connection.bookingFlow).to.equal('simple');
    expect(connection.exactUser?.email).to.equal('lien@elien.nl');

    const organisations = await call(backend, 'listOrganisations', 'GET', '/organisations?query=eLien');
    expect(organisations.body.items[0].connectionId).to.equal(connection.id);
    const divisions = await call(backend, 'listDivisions', 'GET', `/authorizations/${id}/divisions?query=${divisionCodes.elien}`);
    expect(divisions.body.items[0].connectedOrganisation).to.deep.equal(connection.organisation);
    const list = await call(backend, 'listConnections', 'GET', '/connections');
    expect(list.body.items.map((c: Connection) => c.id)).to.include(connection.id);
  });

  it('returns the same connection for the same Idempotency-Key and body, and creates only one', async () => {
    const backend = backendFor();
    const { id } = await logIn(backend);
    const first = await createConnection(backend, connectionBody(id));
    const again = await createConnection(backend, connectionBody(id));
    // Contract v2: the first answer is 201, a replay 200 with the first answer's body.
    expect(first.status).to.equal(201);
    expect(again.status).to.equal(200);
    expect(again.body).to.deep.equal(first.body);
    const list = await call(backend, 'listConnections', 'GET', '/connections');
    expect(list.body.items).to.have.length(2);
  });

  it('refuses the same Idempotency-Key with another body', async () => {
    const backend = backendFor();
    const { id } = await logIn(backend);
    await createConnection(backend, connectionBody(id));
    const reused = await createConnection(backend, connectionBody(id, { divisionCode: 100003 }));
    expect(reused.status).to.equal(422);
    expect(reused.body.code).to.equal('idempotency_key_reused');
  });

  it('requires an Idempotency-Key and a well-formed body', async () => {
    const backend = backendFor();
    const { id } = await logIn(backend);
    const noKey = await call(backend, 'createConnection', 'POST', '/connections', { body: connectionBody(id) });
    expect([noKey.status, noKey.body.code]).to.deep.equal([400, 'invalid_request']);
    const malformed = await call(backend, 'createConnection', 'POST', '/connections', {
      rawBody: '{"organisationId":',
      headers: { 'Idempotency-Key': 'key-malformed' },
    });
    expect([malformed.status, malformed.body.code]).to.deep.equal([400, 'invalid_request']);
    const wrongShape = await createConnection(backend, { ...connectionBody(id), divisionCode: 'one' }, 'key-wrong-shape');
    expect([wrongShape.status, wrongShape.body.code]).to.deep.equal([400, 'invalid_request']);
  });

  it('answers each broken rule with its own problem code', async () => {
    const backend = backendFor();
    const { id } = await logIn(backend, { grant: [divisionCodes.bakkerij, divisionCodes.elien, divisionCodes.blocked] });
    const pending = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      ['unknown organisation', { organisationId: 'org_nope' }, 404, 'not_found'],
      ['legacy connection', { organisationId: organisationIds.legacy }, 409, 'organisation_blocked'],
      ['no access', { organisationId: organisationIds.noAccess }, 409, 'organisation_blocked'],
      ['organisation connected', { organisationId: organisationIds.bakkerij }, 409, 'organisation_already_connected'],
      ['pending login', { authorizationId: pending.body.id }, 409, 'authorization_not_authorized'],
      ['unknown login', { authorizationId: 'auth_nope' }, 409, 'authorization_not_authorized'],
      ['not granted', { divisionCode: 100003 }, 403, 'division_not_granted'],
      ['blocked administration', { divisionCode: divisionCodes.blocked }, 403, 'division_blocked'],
      ['administration connected', { divisionCode: divisionCodes.bakkerij }, 409, 'division_already_connected'],
      ['advanced flow', { bookingFlow: 'advanced' }, 403, 'forbidden'],
    ];
    for (const [label, overrides, status, code] of cases) {
      const result = await createConnection(backend, connectionBody(id, overrides), `key-${label.replace(/ /g, '-')}`);
      expect([result.status, result.body.code], label).to.deep.equal([status, code]);
    }
    const advanced = await createConnection(backend, connectionBody(id, { bookingFlow: 'advanced' }), 'key-advanced-2');
    expect(advanced.body.detail).to.contain('contact eConnect');
    const list = await call(backend, 'listConnections', 'GET', '/connections');
    expect(list.body.items).to.have.length(1);
  });

  it('deletes a connection once, freeing the organisation and the administration', async () => {
    const backend = backendFor();
    const { body } = await call(backend, 'listConnections', 'GET', '/connections');
    const connectionId = body.items[0].id as string;
    const deleted = await call(backend, 'deleteConnection', 'DELETE', `/connections/${connectionId}`);
    expect(deleted.status).to.equal(204);
    const again = await call(backend, 'deleteConnection', 'DELETE', `/connections/${connectionId}`);
    expect([again.status, again.body.code]).to.deep.equal([404, 'not_found']);
    const organisations = await call(backend, 'listOrganisations', 'GET', '/organisations?query=Gouden');
    expect(organisations.body.items[0].connectionId).to.equal(null);
    const { id } = await logIn(backend);
    const reconnect = await createConnection(
      backend,
      connectionBody(id, { organisationId: organisationIds.bakkerij, divisionCode: divisionCodes.bakkerij }),
    );
    expect(reconnect.status).to.equal(201);
  });
});

describe('mock backend: login at the simulated Exact Online', () => {
  it('ends each login on the callback page of the host that serves it, however many hosts share the module', async () => {
    resetBackends();
    const atRoot = await logIn(getBackend('default', BASE));
    const inVendor = await logIn(getBackend('default', BASE, { callbackPath: '/vendor/autopilot/callback.html' }));
    const inApp = await logIn(getBackend('default', BASE, { callbackPath: '/app/callback.html' }));
    expect([atRoot, inVendor, inApp].map((login) => login.callback.pathname)).to.deep.equal(['/callback.html', '/vendor/autopilot/callback.html', '/app/callback.html']);
    resetBackends();
  });

  it('starts a pending login whose URL leads to the simulated Exact Online', async () => {
    const backend = backendFor();
    const { status, body } = await call(backend, 'startAuthorization', 'POST', '/authorizations', {
      body: { returnOrigin: ORIGIN, locale: 'en' },
    });
    expect(status).to.equal(201);
    const url = new URL(body.authorizeUrl);
    expect(url.origin + url.pathname).to.equal(`${ORIGIN}${BASE}/exact/api/oauth2/auth`);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      client_id: 'autopilot-connect',
      response_type: 'code',
      redirect_uri: `${ORIGIN}${BASE}/api/oauth/callback`,
      state: body.id,
      lang: 'en',
    });
    const authorization = await call(backend, 'getAuthorization', 'GET', `/authorizations/${body.id}`);
    expect(authorization.body.status).to.equal('pending');
  });

  it('refuses a returnOrigin that is not an origin', async () => {
    const { status, body } = await call(backendFor(), 'startAuthorization', 'POST', '/authorizations', {
      body: { returnOrigin: 'https://platform.test/path' },
    });
    expect([status, body.code]).to.deep.equal([400, 'invalid_request']);
  });

  it('authorizes after login and consent, and the callback page learns only the id and outcome', async () => {
    const backend = backendFor();
    const granted = [divisionCodes.bakkerij, divisionCodes.elien];
    const { id, callback } = await logIn(backend, { grant: granted });
    expect(callback.origin + callback.pathname).to.equal(`${ORIGIN}/callback.html`);
    expect(Object.fromEntries(callback.searchParams)).to.deep.equal({ authorization: id, status: 'authorized', lang: 'nl' });
    expect(callback.href).not.to.contain('code');

    const authorization = (await call(backend, 'getAuthorization', 'GET', `/authorizations/${id}`)).body as Authorization;
    expect(authorization.status).to.equal('authorized');
    expect(authorization.exactUser).to.deep.equal({ id: exactUser.id, name: 'Lien de Vries', email: 'lien@elien.nl' });
    const divisions = (await call(backend, 'listDivisions', 'GET', `/authorizations/${id}/divisions`)).body as DivisionPage;
    expect(divisions.items.map((d) => d.code)).to.deep.equal(granted);
    expect(divisions.total).to.equal(2);
    const grants = await call(backend, 'listAuthorizations', 'GET', '/authorizations');
    expect(grants.body.items.map((a: Authorization) => a.id)).to.deep.equal([id]);
  });

  it('lists the granted administrations with the blocked and the connected ones marked', async () => {
    const backend = backendFor();
    const { id } = await logIn(backend);
    const { body } = await call(backend, 'listDivisions', 'GET', `/authorizations/${id}/divisions`);
    const page = body as DivisionPage;
    expect(page.total).to.equal(6);
    expect(page.items.filter((d) => d.blockedReason !== null).map((d) => [d.code, d.blockedReason])).to.deep.equal([[divisionCodes.blocked, 'blocked']]);
    const connected = page.items.find((d) => d.code === divisionCodes.bakkerij);
    expect(connected?.connectedOrganisation?.name).to.equal('Bakkerij de Gouden Korst');
    for (const division of page.items) {
      expect(division.country).to.equal('NL');
      if (division.kvk) expect(division.kvk).to.match(/^\d{8}$/);
      if (division.vatNumber) expect(division.vatNumber).to.match(/^NL\d{9}B01$/);
    }
    const search = await call(backend, 'listDivisions', 'GET', `/authorizations/${id}/divisions?query=fietsen&limit=1`);
    expect(search.body.items.map((d: { code: number }) => d.code)).to.deep.equal([100003]);
  });

  it('records a denial, and a denied login reaches no administrations', async () => {
    const backend = backendFor();
    const { id, callback } = await logIn(backend, { deny: true });
    expect(callback.searchParams.get('status')).to.equal('denied');
    const authorization = await call(backend, 'getAuthorization', 'GET', `/authorizations/${id}`);
    expect(authorization.body.status).to.equal('denied');
    const divisions = await call(backend, 'listDivisions', 'GET', `/authorizations/${id}/divisions`);
    expect([divisions.status, divisions.body.code]).to.deep.equal([409, 'authorization_not_authorized']);
  });

  it('reports a pending login as expired after ten minutes', async () => {
    let now = Date.parse('2025-06-02T10:00:00Z');
    const backend = backendFor('default', { now: () => now });
    const { body } = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    expect(body.expiresAt).to.equal('2025-06-02T10:10:00.000Z');
    now += 10 * 60_000;
    const authorization = await call(backend, 'getAuthorization', 'GET', `/authorizations/${body.id}`);
    expect(authorization.body.status).to.equal('expired');
  });

  it('replaces an earlier grant of the same Exact user, as Exact Online does', async () => {
    const backend = backendFor();
    const first = await logIn(backend);
    const second = await logIn(backend);
    const grants = await call(backend, 'listAuthorizations', 'GET', '/authorizations');
    expect(grants.body.items.map((a: Authorization) => a.id)).to.deep.equal([second.id]);
    const old = await call(backend, 'getAuthorization', 'GET', `/authorizations/${first.id}`);
    // Contract v2 tells a grant a newer login replaced (revoked) from one that ran out (expired).
    expect(old.body.status).to.equal('revoked');
  });

  it('never redeems a code twice and reports an unknown login as failed', async () => {
    const backend = backendFor();
    const unknown = await page(backend, `${BASE}/api/oauth/callback?code=exc_forged&state=auth_unknown`);
    expect(new URL(unknown.headers.get('Location') ?? '').searchParams.get('status')).to.equal('failed');
    const { id } = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } }).then((r) => r.body);
    const forged = await page(backend, `${BASE}/api/oauth/callback?code=exc_forged&state=${id}`);
    expect(new URL(forged.headers.get('Location') ?? '').searchParams.get('status')).to.equal('failed');
  });

  it('shows an error page for a login request with a foreign redirect URI', async () => {
    const backend = backendFor();
    const evil = encodeURIComponent('https://evil.test/steal');
    const response = await page(backend, `${BASE}/exact/api/oauth2/auth?client_id=autopilot-connect&response_type=code&redirect_uri=${evil}&state=x`);
    expect(response.status).to.equal(400);
    expect(await response.text()).not.to.contain('Inloggen</button>');
  });

  it('serves its pages with a linked stylesheet, no inline styles and no scripts', async () => {
    const backend = backendFor();
    const { body } = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    const response = await page(backend, body.authorizeUrl);
    const html = await response.text();
    expect(html).to.contain(`<link rel="stylesheet" href="${BASE}/exact/exact.css">`);
    expect(html).not.to.match(/<script|<style|style=/);
    expect(response.headers.get('Content-Security-Policy')).to.contain("style-src 'self'");
    const css = await page(backend, `${BASE}/exact/exact.css`);
    expect(css.headers.get('Content-Type')).to.match(/^text\/css/);
  });

  it('escapes every interpolated value', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).to.equal('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('mock backend: redeliveries, routes and scenarios', () => {
  it('accepts a redelivery with a plausible document count', async () => {
    const backend = backendFor();
    const path = `/organisations/${organisationIds.bakkerij}/redeliveries`;
    const keyed = (key: string) => ({ 'Idempotency-Key': key });
    const { status, body } = await call(backend, 'createRedelivery', 'POST', path, { body: { from: '2025-01-01' }, headers: keyed('key-redeliver-1') });
    expect(status).to.equal(202);
    expect(body.from).to.equal('2025-01-01');
    expect(body.documentCount).to.be.above(0);
    for (const from of ['2025-02-30', '01-01-2025', '2999-01-01']) {
      const bad = await call(backend, 'createRedelivery', 'POST', path, { body: { from }, headers: keyed(`key-bad-${from}`) });
      expect([bad.status, bad.body.code], from).to.deep.equal([400, 'invalid_request']);
    }
    const missing = await call(backend, 'createRedelivery', 'POST', '/organisations/org_nope/redeliveries', {
      body: { from: '2025-01-01' },
      headers: keyed('key-redeliver-missing'),
    });
    expect(missing.status).to.equal(404);
  });

  it('answers unknown contract routes with a not_found problem and leaves other paths alone', async () => {
    const backend = backendFor();
    const unknown = await call(backend, 'getStatus', 'GET', '/nope');
    expect([unknown.status, unknown.body.code]).to.deep.equal([404, 'not_found']);
    expect(await backend.handle(new Request(`${ORIGIN}/elsewhere`))).to.equal(null);
    expect(await backend.handle(new Request(`${ORIGIN}/mock/other/api/status`))).to.equal(null);
  });

  it('fails the first call of each operation in the "errors" scenario, then succeeds', async () => {
    const backend = backendFor('errors');
    const first = await call(backend, 'getStatus', 'GET', '/status');
    expect([first.status, first.body.code]).to.deep.equal([500, 'internal_error']);
    expect((await call(backend, 'getStatus', 'GET', '/status')).status).to.equal(200);
    expect((await call(backend, 'listConnections', 'GET', '/connections')).status).to.equal(500);
    expect((await call(backend, 'listConnections', 'GET', '/connections')).status).to.equal(200);
  });

  it('says the app is missing in "not-installed" and refuses the other calls', async () => {
    const backend = backendFor('not-installed');
    const status = await call(backend, 'getStatus', 'GET', '/status');
    expect(status.body.autopilotInstalled).to.equal(false);
    expect(status.body.appStoreUrl).to.be.a('string');
    const organisations = await call(backend, 'listOrganisations', 'GET', '/organisations');
    expect([organisations.status, organisations.body.code]).to.deep.equal([403, 'autopilot_not_installed']);
  });

  it('delays contract calls by the configured latency', async () => {
    const backend = createMockBackend({ ...scenarios.default(), options: { latencyMs: 60 }, basePath: BASE });
    const started = performance.now();
    await call(backend, 'getStatus', 'GET', '/status');
    expect(performance.now() - started).to.be.at.least(55);
    expect(scenarios.slow().options.latencyMs).to.be.at.least(2000);
  });

  it('routes /mock/<scenario>/ paths to one backend per scenario, and resets on request', async () => {
    expect(matchMockPath('/mock/empty/api/status')).to.deep.equal({ scenario: 'empty', rest: '/api/status' });
    expect(matchMockPath('/mock/unknown/api/status')).to.equal(null);
    expect(matchMockPath('/api/status')).to.equal(null);
    resetBackends();
    const remove = async () => {
      const list = await (await handleMockRequest(new Request(`${ORIGIN}/mock/default/api/connections`)))?.json();
      const id = list.items[0].id as string;
      return handleMockRequest(new Request(`${ORIGIN}/mock/default/api/connections/${id}`, { method: 'DELETE' }));
    };
    expect((await remove())?.status).to.equal(204);
    const after = await (await handleMockRequest(new Request(`${ORIGIN}/mock/default/api/connections`)))?.json();
    expect(after.items).to.deep.equal([]);
    const reset = await handleMockRequest(new Request(`${ORIGIN}/mock/default/reset`, { method: 'POST' }));
    expect(reset?.status).to.equal(204);
    const fresh = await (await handleMockRequest(new Request(`${ORIGIN}/mock/default/api/connections`)))?.json();
    expect(fresh.items).to.have.length(1);
    resetBackends();
  });
});
