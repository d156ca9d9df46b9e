import { expect } from '@esm-bundle/chai';
import { successResponses } from '../../src/api/guards.generated.js';
import { schemaChecks } from '../../src/api/schema-checks.generated.js';
import type { Authorization, Connection, Division, Organisation } from '../../src/api/types.js';
import {
  createMockBackend,
  divisionCodes,
  existingGrantId,
  handleMockRequest,
  hostileDivisionCodes,
  hostileNames,
  hostileOrganisationIds,
  HUGE_COUNT,
  organisationIds,
  resetBackends,
  scenarios,
  swapLoopbackHost,
  troubleDivisionCodes,
  troubleOrganisationIds,
  type MockBackend,
  type ScenarioInit,
  type ScenarioName,
  exactUser,
} from '../../src/mocks/index.js';

// Loopback, so the `coop` scenario has another host to send the login to.
const ORIGIN = 'http://127.0.0.1:8000';
const BASE = '/mock/test';

type Operation = keyof typeof successResponses;

function backendFor(scenario: ScenarioName, init?: ScenarioInit): MockBackend {
  return createMockBackend({ ...scenarios[scenario](init), basePath: BASE });
}

async function raw(backend: MockBackend, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await backend.handle(
    new Request(`${ORIGIN}${BASE}/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    }),
  );
  if (!response) throw new Error(`${method} ${path} was not handled`);
  return response;
}

/** A contract call whose answer is checked against the contract. */
async function call(backend: MockBackend, operation: Operation, method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await raw(backend, method, path, init);
  const text = await response.text();
  const body: any = text ? JSON.parse(text) : null;
  const expected = successResponses[operation];
  if ((expected.statuses as readonly number[]).includes(response.status)) {
    if (expected.check) expect(expected.check(body), `${operation} body`).to.equal(null);
  } else {
    expect(response.headers.get('Content-Type')).to.equal('application/problem+json');
    expect(schemaChecks.Problem(body), `${operation} problem`).to.equal(null);
  }
  return { status: response.status, body, headers: response.headers };
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

/** Login, consent (every administration) and callback, following the URLs the backend hands out. */
async function logIn(backend: MockBackend): Promise<{ id: string; authorizeUrl: URL; callback: URL; consentUrl: URL }> {
  const started = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
  const authorizeUrl = new URL(started.body.authorizeUrl);
  const loginHtml = await (await page(backend, authorizeUrl.href)).text();
  const loginForm = hiddenFields(loginHtml);
  loginForm.set('username', 'lien@elien.nl');
  const toConsent = await page(backend, new URL(`${BASE}/exact/login`, authorizeUrl.origin).href, loginForm);
  expect(toConsent.status).to.equal(303);
  const consentUrl = new URL(toConsent.headers.get('Location') ?? '');
  const consentHtml = await (await page(backend, consentUrl.href)).text();
  const consentForm = hiddenFields(consentHtml);
  consentForm.set('decision', 'allow');
  for (const [, code] of consentHtml.matchAll(/name="division" value="(\d+)"/g)) consentForm.append('division', code ?? '');
  const toClient = await page(backend, new URL(`${BASE}/exact/consent`, authorizeUrl.origin).href, consentForm);
  expect(toClient.status).to.equal(303);
  const toCallback = await page(backend, toClient.headers.get('Location') ?? '');
  return { id: started.body.id, authorizeUrl, consentUrl, callback: new URL(toCallback.headers.get('Location') ?? '') };
}

const connect = (backend: MockBackend, body: Record<string, unknown>, key: string) =>
  call(backend, 'createConnection', 'POST', '/connections', { body: { bookingFlow: 'simple', ...body }, headers: { 'Idempotency-Key': key } });

describe('mock scenario "hostile"', () => {
  it('lists organisations with markup, RTL text, 500-character names and emoji, eLien still selectable', async () => {
    const backend = backendFor('hostile');
    const { body } = await call(backend, 'listOrganisations', 'GET', '/organisations?limit=200');
    const names = body.items.map((o: Organisation) => o.name);
    expect(names).to.include.members(Object.values(hostileNames));
    expect(names.filter((name: string) => name.length === 500)).to.have.length(2);
    expect(hostileNames.longNoSpaces).not.to.contain(' ');
    expect(hostileNames.longWithSpaces).to.contain(' ');
    const byId = (id: string) => body.items.find((o: Organisation) => o.id === id) as Organisation;
    expect(byId(organisationIds.elien)).to.include({ name: 'eLien test company', connectionId: null });
    expect(byId(hostileOrganisationIds.markup)).to.deep.include({ name: '<img src=x onerror=alert(1)>', connectionId: null, blockers: [] });
    expect(byId(hostileOrganisationIds.bold).connectionId).to.be.a('string');
    const search = await call(backend, 'listOrganisations', 'GET', `/organisations?query=${encodeURIComponent('النور')}`);
    expect(search.body.items.map((o: Organisation) => o.id)).to.have.members([hostileOrganisationIds.arabic, hostileOrganisationIds.mixed]);
  });

  it('completes a flow with a hostile organisation and a hostile administration', async () => {
    const backend = backendFor('hostile');
    const { id } = await logIn(backend);
    const divisions = await call(backend, 'listDivisions', 'GET', `/authorizations/${id}/divisions?limit=200`);
    const markup = divisions.body.items.find((d: Division) => d.code === hostileDivisionCodes.markup) as Division;
    expect(markup).to.deep.include({ blockedReason: null, connectedOrganisation: null });
    expect(markup.name).to.contain('<img src=x onerror=alert(1)>');
    const created = await connect(backend, { organisationId: hostileOrganisationIds.markup, authorizationId: id, divisionCode: hostileDivisionCodes.markup }, 'key-hostile-1');
    expect(created.status).to.equal(201);
    expect(created.body.organisation.name).to.equal('<img src=x onerror=alert(1)>');
    const elien = await connect(backend, { organisationId: organisationIds.elien, authorizationId: id, divisionCode: divisionCodes.elien }, 'key-hostile-2');
    expect(elien.status).to.equal(201);
  });

  it('escapes the hostile names on the simulated consent page', async () => {
    const backend = backendFor('hostile');
    const started = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    const loginForm = hiddenFields(await (await page(backend, started.body.authorizeUrl)).text());
    const toConsent = await page(backend, `${BASE}/exact/login`, loginForm);
    const html = await (await page(backend, toConsent.headers.get('Location') ?? '')).text();
    expect(html).to.contain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.to.contain('<img');
  });
});

describe('mock scenario "huge"', () => {
  // Timings take the best of a few runs: a busy CI machine should not make them flaky.
  it('builds 10,000 organisations and administrations quickly', () => {
    const times = [0, 1, 2, 3, 4].map(() => {
      const started = performance.now();
      scenarios.huge();
      return performance.now() - started;
    });
    expect(Math.min(...times)).to.be.below(200);
  });

  it('pages and searches 10,000 items in a few milliseconds', async () => {
    const backend = backendFor('huge');
    const all = await call(backend, 'listOrganisations', 'GET', '/organisations?limit=200');
    expect(all.body.total).to.equal(HUGE_COUNT);
    expect(all.body.items).to.have.length(200);
    const { id } = await logIn(backend);
    const divisions = await call(backend, 'listDivisions', 'GET', `/authorizations/${id}/divisions?limit=200`);
    expect(divisions.body.total).to.equal(HUGE_COUNT);
    const times: number[] = [];
    for (const query of ['bakkerij', 'jansen', 'utrecht b.v.', 'zzz', 'bakkerij', 'jansen']) {
      for (const path of [`/organisations?query=${encodeURIComponent(query)}`, `/authorizations/${id}/divisions?query=${encodeURIComponent(query)}`]) {
        const started = performance.now();
        await raw(backend, 'GET', path);
        times.push(performance.now() - started);
      }
    }
    // A search over 10,000 items, contract validation of the page included, takes a few ms on an
    // idle machine; the bound leaves room for a busy one and still catches a pathological search.
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length / 2)]).to.be.below(25);
    const elien = await call(backend, 'listOrganisations', 'GET', '/organisations?query=eLien%20test');
    expect(elien.body.items.map((o: Organisation) => o.id)).to.deep.equal([organisationIds.elien]);
    let cursor = all.body.nextCursor as string;
    for (let pages = 0; pages < 3; pages += 1) {
      const next = await call(backend, 'listOrganisations', 'GET', `/organisations?limit=200&cursor=${encodeURIComponent(cursor)}`);
      cursor = next.body.nextCursor;
    }
    expect(cursor).to.be.a('string');
  });
});

describe('mock scenario "grant"', () => {
  it('lists an authorized grant of this Exact user that reaches the default administrations', async () => {
    const backend = backendFor('grant');
    const grants = await call(backend, 'listAuthorizations', 'GET', '/authorizations');
    expect(grants.body.items).to.have.length(1);
    const grant = grants.body.items[0] as Authorization;
    expect(grant).to.deep.include({ id: existingGrantId, status: 'authorized', region: 'nl' });
    expect(grant.exactUser).to.deep.equal({ id: exactUser.id, name: 'Lien de Vries', email: 'lien@elien.nl' });
    const divisions = await call(backend, 'listDivisions', 'GET', `/authorizations/${existingGrantId}/divisions`);
    expect(divisions.body.items.map((d: Division) => d.code)).to.deep.equal([100001, 100002, 100003, 100004, 100005, 100006]);
    const created = await connect(backend, { organisationId: organisationIds.elien, authorizationId: existingGrantId, divisionCode: divisionCodes.elien }, 'key-grant-1');
    expect(created.status).to.equal(201);
    const connections = await call(backend, 'listConnections', 'GET', '/connections');
    expect(connections.body.items).to.have.length(2);
  });

  it('loses the grant when the same Exact user logs in again', async () => {
    const backend = backendFor('grant');
    const { id } = await logIn(backend);
    const grants = await call(backend, 'listAuthorizations', 'GET', '/authorizations');
    expect(grants.body.items.map((a: Authorization) => a.id)).to.deep.equal([id]);
    const old = await call(backend, 'getAuthorization', 'GET', `/authorizations/${existingGrantId}`);
    expect(old.body.status).to.equal('revoked');
  });
});

describe('mock scenario "grant": contract v2 re-pointing', () => {
  it('points the Exact user\'s connections at a new login of that user, and says which still reach their administration', async () => {
    const backend = backendFor('grant');
    const before = await call(backend, 'listConnections', 'GET', '/connections');
    const [connection] = before.body.items as Connection[];
    expect(connection!.exactUser?.id).to.equal(exactUser.id);
    const { id } = await logIn(backend);
    const authorization = await call(backend, 'getAuthorization', 'GET', `/authorizations/${id}`);
    expect(authorization.body.repointed).to.deep.equal([{ connectionId: connection!.id, status: 'active' }]);
    const after = await call(backend, 'getConnection', 'GET', `/connections/${connection!.id}`);
    expect(after.body).to.deep.include({ authorizationId: id, status: 'active', region: 'nl' });
  });
});

describe('mock scenario "coop"', () => {
  it('swaps 127.0.0.1 and localhost, keeping scheme and port', () => {
    expect(swapLoopbackHost('http://127.0.0.1:5173')).to.equal('http://localhost:5173');
    expect(swapLoopbackHost('https://localhost:8443')).to.equal('https://127.0.0.1:8443');
    expect(swapLoopbackHost('https://platform.test')).to.equal('https://platform.test');
  });

  it('sends the login to the other origin with COOP, and the redirect back to the request origin', async () => {
    const backend = backendFor('coop');
    const started = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    const url = new URL(started.body.authorizeUrl);
    expect(url.origin).to.equal('http://localhost:8000');
    expect(url.searchParams.get('redirect_uri')).to.equal(`${ORIGIN}${BASE}/api/oauth/callback`);
    const login = await page(backend, url.href);
    expect(login.status).to.equal(200);
    expect(login.headers.get('Cross-Origin-Opener-Policy')).to.equal('same-origin');

    const { id, consentUrl, callback } = await logIn(backend);
    expect(consentUrl.origin).to.equal('http://localhost:8000');
    expect(callback.origin + callback.pathname).to.equal(`${ORIGIN}/callback.html`);
    expect(callback.searchParams.get('status')).to.equal('authorized');
    const authorization = await call(backend, 'getAuthorization', 'GET', `/authorizations/${id}`);
    expect(authorization.body.status).to.equal('authorized');
  });

  it('"coop-late": the login page without COOP, the consent page with it (a late severance)', async () => {
    const backend = backendFor('coop-late');
    const started = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    const authorizeUrl = new URL(started.body.authorizeUrl);
    const login = await page(backend, authorizeUrl.href);
    expect(login.status).to.equal(200);
    expect(login.headers.get('Cross-Origin-Opener-Policy')).to.equal(null);
    const loginForm = hiddenFields(await login.text());
    loginForm.set('username', 'lien@elien.nl');
    const toConsent = await page(backend, new URL(`${BASE}/exact/login`, authorizeUrl.origin).href, loginForm);
    const consent = await page(backend, toConsent.headers.get('Location') ?? '');
    expect(consent.status).to.equal(200);
    expect(consent.headers.get('Cross-Origin-Opener-Policy')).to.equal('same-origin');
  });

  it('leaves the other scenarios on the request origin without COOP', async () => {
    const backend = backendFor('default');
    const started = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    expect(new URL(started.body.authorizeUrl).origin).to.equal(ORIGIN);
    expect((await page(backend, started.body.authorizeUrl)).headers.get('Cross-Origin-Opener-Policy')).to.equal(null);
  });
});

describe('mock scenario "trouble"', () => {
  it('lists the troubled administrations as selectable, except the blocked and the connected one', async () => {
    const backend = backendFor('trouble');
    const { id } = await logIn(backend);
    const { body } = await call(backend, 'listDivisions', 'GET', `/authorizations/${id}/divisions?limit=200`);
    const byCode = (code: number) => body.items.find((d: Division) => d.code === code) as Division;
    for (const code of [troubleDivisionCodes.mailboxForbidden, troubleDivisionCodes.mailboxLinkedElsewhere, troubleDivisionCodes.trialLicence, troubleDivisionCodes.noDivisionAccess]) {
      expect(byCode(code), String(code)).to.deep.include({ blockedReason: null, connectedOrganisation: null });
    }
    expect(byCode(troubleDivisionCodes.trialLicence).name).to.equal('Proeflicentie B.V.');
    expect(byCode(troubleDivisionCodes.blocked).blockedReason).to.equal('blocked');
    expect(byCode(troubleDivisionCodes.alreadyConnected).connectedOrganisation?.id).to.equal(troubleOrganisationIds.connected);
  });

  it('fails POST /connections with each administration\'s own problem, and creates nothing', async () => {
    const backend = backendFor('trouble');
    const { id } = await logIn(backend);
    const cases: Array<[number, number, string]> = [
      [troubleDivisionCodes.mailboxForbidden, 403, 'mailbox_forbidden'],
      [troubleDivisionCodes.mailboxLinkedElsewhere, 409, 'mailbox_linked_elsewhere'],
      [troubleDivisionCodes.trialLicence, 403, 'trial_licence'],
      [troubleDivisionCodes.noDivisionAccess, 403, 'no_division_access'],
      [troubleDivisionCodes.blocked, 403, 'division_blocked'],
      [troubleDivisionCodes.alreadyConnected, 409, 'division_already_connected'],
    ];
    for (const [divisionCode, status, code] of cases) {
      const result = await connect(backend, { organisationId: organisationIds.elien, authorizationId: id, divisionCode }, `key-trouble-${divisionCode}`);
      expect([result.status, result.body.code], code).to.deep.equal([status, code]);
    }
    const mailbox = await connect(backend, { organisationId: organisationIds.elien, authorizationId: id, divisionCode: troubleDivisionCodes.mailboxForbidden }, 'key-trouble-again');
    expect(mailbox.body.detail).to.contain('Digitale Brievenbus');
    const connected = await connect(backend, { organisationId: troubleOrganisationIds.connected, authorizationId: id, divisionCode: divisionCodes.elien }, 'key-trouble-org');
    expect([connected.status, connected.body.code]).to.deep.equal([409, 'organisation_already_connected']);
    const ok = await connect(backend, { organisationId: organisationIds.elien, authorizationId: id, divisionCode: divisionCodes.elien }, 'key-trouble-ok');
    expect(ok.status).to.equal(201);
    const list = await call(backend, 'listConnections', 'GET', '/connections');
    expect(list.body.items).to.have.length(3);
  });
});

describe('mock platform: expiry and denial controls', () => {
  it('expires a pending login now, as after ten minutes', async () => {
    const now = Date.parse('2025-06-02T10:00:00Z');
    const backend = backendFor('default', { now: () => now });
    const started = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    const expired = backend.platform.expireAuthorization(started.body.id);
    expect(expired.status).to.equal('expired');
    const fetched = await call(backend, 'getAuthorization', 'GET', `/authorizations/${started.body.id}`);
    expect(fetched.body).to.deep.include({ status: 'expired', expiresAt: '2025-06-02T10:00:00.000Z' });
    // The login window that comes back late changes nothing.
    const late = await page(backend, `${BASE}/api/oauth/callback?code=exc_late&state=${started.body.id}`);
    expect(new URL(late.headers.get('Location') ?? '').searchParams.get('status')).to.equal('expired');
  });

  it('expires a grant, which then cannot be used', async () => {
    const backend = backendFor('grant');
    backend.platform.expireAuthorization(existingGrantId);
    expect((await call(backend, 'listAuthorizations', 'GET', '/authorizations')).body.items).to.deep.equal([]);
    const result = await connect(backend, { organisationId: organisationIds.elien, authorizationId: existingGrantId, divisionCode: divisionCodes.elien }, 'key-expired-grant');
    expect([result.status, result.body.code]).to.deep.equal([409, 'authorization_expired']);
  });

  it('denies a pending login as Weigeren would', async () => {
    const backend = backendFor('default');
    const started = await call(backend, 'startAuthorization', 'POST', '/authorizations', { body: { returnOrigin: ORIGIN } });
    expect(backend.platform.denyAuthorization(started.body.id).status).to.equal('denied');
    expect((await call(backend, 'getAuthorization', 'GET', `/authorizations/${started.body.id}`)).body.status).to.equal('denied');
  });

  it('settles logins over HTTP for end-to-end tests', async () => {
    resetBackends('default');
    const start = await handleMockRequest(
      new Request(`${ORIGIN}/mock/default/api/authorizations`, { method: 'POST', body: JSON.stringify({ returnOrigin: ORIGIN }) }),
    );
    const { id } = await start!.json();
    const expire = await handleMockRequest(new Request(`${ORIGIN}/mock/default/authorizations/${id}/expire`, { method: 'POST' }));
    expect(expire?.status).to.equal(204);
    const status = await (await handleMockRequest(new Request(`${ORIGIN}/mock/default/api/authorizations/${id}`)))!.json();
    expect(status.status).to.equal('expired');
    const unknown = await handleMockRequest(new Request(`${ORIGIN}/mock/default/authorizations/auth_nope/deny`, { method: 'POST' }));
    expect(unknown?.status).to.equal(404);
    resetBackends('default');
  });
});
