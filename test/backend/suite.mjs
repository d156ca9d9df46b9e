/**
 * The backend's behaviour over real HTTP against the Exact simulator, on whichever database
 * `databaseOptions` names (PGlite in memory, a PGlite folder, a PostgreSQL server): the same
 * tests for each.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, CookieJar, SIMULATOR_SECRET, assertContract, closeModules, loadModules, logIn, pageOrigin, startWorld } from './harness.mjs';

const jan = { username: 'jan@jansen-boekhouding.nl', password: 'jan' };

export function backendSuite(name, databaseOptions) {
  describe(`reference backend on ${name}`, () => {
    let modules;
    let world;
    let checks;
    const answers = [];
    let lien;
    let bram;
    let browser;
    let grant;
    let connection;
    let drukkerij;

    before(async () => {
      modules = await loadModules();
      checks = modules.schemaChecks;
      world = await startWorld(modules, await databaseOptions());
      lien = await new ApiClient(world, 'usr_lien', answers).signIn();
      bram = await new ApiClient(world, 'usr_bram', answers).signIn();
      browser = new CookieJar();
    });

    after(async () => {
      await world?.close();
      await closeModules();
    });

    it('answers 401 without a session and the status with the connections with one', async () => {
      const anonymous = new ApiClient(world, 'nobody', answers);
      assertContract(checks, await anonymous.call('GET', '/api/status'), 401, 'unauthenticated');
      const status = assertContract(checks, await lien.call('GET', '/api/status'), 200, 'Status');
      assert.equal(status.autopilotInstalled, true);
      assert.deepEqual(status.connections, { items: [] });
      const olaf = await new ApiClient(world, 'usr_olaf', answers).signIn();
      assert.equal(assertContract(checks, await olaf.call('GET', '/api/status'), 200, 'Status').autopilotInstalled, false);
      assertContract(checks, await olaf.call('GET', '/api/connections'), 403, 'autopilot_not_installed');
    });

    it("states the help article's prerequisites from the organisations' blockers, and the old connector's connections", async () => {
      const status = assertContract(checks, await lien.call('GET', '/api/status'), 200, 'Status');
      // One organisation each with an old connection, without access, not on Postvak In only; others are free: nothing blocks.
      assert.deepEqual(status.prerequisites, [
        { code: 'postvak_in_only', state: 'not_met', blocks: false, organisationCount: 1, organisationNames: ['Transportbedrijf Bakker Logistiek'] },
        { code: 'legacy_connections_broken', state: 'not_met', blocks: false, organisationCount: 1, organisationNames: ['Installatiebedrijf Jansen & Zn.'] },
        { code: 'organisation_access', state: 'not_met', blocks: false, organisationCount: 1, organisationNames: ['Groothandel Noordzee Vis B.V.'] },
        { code: 'administration_access', state: 'unknown', blocks: false },
      ]);
      assert.deepEqual(status.legacyConnections, { count: 1 });
      const olaf = await new ApiClient(world, 'usr_olaf', answers).signIn();
      const without = assertContract(checks, await olaf.call('GET', '/api/status'), 200, 'Status');
      assert.deepEqual([without.prerequisites, without.legacyConnections], [undefined, undefined], 'nothing to say without the Autopilot');
    });

    it('refuses a returnOrigin off the allow-list', async () => {
      assertContract(checks, await lien.call('POST', '/api/authorizations', { body: { returnOrigin: 'https://evil.example' } }), 400, 'return_origin_not_allowed');
    });

    it('logs in through the forms: authorized, with the Exact user, redirected with only the id and status', async () => {
      const login = await logIn(lien, browser, jan);
      grant = login.id;
      assert.equal(login.callback.status, 302);
      const location = new URL(login.callback.headers.get('location'));
      assert.equal(location.pathname, '/callback.html');
      assert.deepEqual([...location.searchParams.keys()].sort(), ['authorization', 'status']);
      assert.equal(location.searchParams.get('status'), 'authorized');
      assert.equal(location.searchParams.get('authorization'), grant);
      const started = new URL(login.started.authorizeUrl);
      assert.notEqual(started.searchParams.get('state'), grant, 'the state is not the id');
      const page = await fetch(location);
      assert.equal(page.status, 200);
      const authorization = assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}`), 200, 'Authorization');
      assert.equal(authorization.status, 'authorized');
      assert.equal(authorization.exactUser.name, 'Jan Jansen');
      assert.match(authorization.exactUser.id, /^[0-9a-f-]{36}$/);
      // The same callback again is an unknown state: 400, and the login stays authorized.
      const replay = new URLSearchParams({ state: started.searchParams.get('state'), code: 'replayed' });
      assertContract(checks, await lien.call('GET', `/api/oauth/callback?${replay}`), 400, 'invalid_request');
      assert.equal((await lien.call('GET', `/api/authorizations/${grant}`)).body.status, 'authorized');
    });

    it('settles a denied consent as denied, and a code replayed into another login as failed', async () => {
      const denied = await logIn(lien, new CookieJar(), { ...jan, deny: true });
      assert.equal(new URL(denied.callback.headers.get('location')).searchParams.get('status'), 'denied');
      assert.equal(assertContract(checks, await lien.call('GET', `/api/authorizations/${denied.id}`), 200, 'Authorization').status, 'denied');
      const used = await logIn(lien, new CookieJar(), { username: 'anna@jansen-boekhouding.nl', password: 'anna' });
      const other = assertContract(checks, await lien.call('POST', '/api/authorizations', { body: { returnOrigin: pageOrigin } }), 201, 'StartedAuthorization');
      const replayed = await lien.call('GET', `/api/oauth/callback?${new URLSearchParams({ code: used.exactRedirect.searchParams.get('code'), state: new URL(other.authorizeUrl).searchParams.get('state') })}`);
      assert.equal(replayed.status, 302);
      assert.equal(new URL(replayed.headers.get('location')).searchParams.get('status'), 'failed');
      assert.equal((await lien.call('GET', `/api/authorizations/${other.id}`)).body.status, 'failed');
      assertContract(checks, await lien.call('GET', `/api/oauth/callback?state=unknown-state&code=x`), 400, 'invalid_request');
    });

    it('answers CORS for the platform’s page origins only', async () => {
      const preflight = (origin) =>
        fetch(`${world.backend.url}/api/connections`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' } });
      const allowed = await preflight(pageOrigin);
      assert.equal(allowed.headers.get('access-control-allow-origin'), pageOrigin);
      assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
      assert.match(allowed.headers.get('access-control-allow-headers'), /Idempotency-Key/i);
      const foreign = await preflight('https://evil.example');
      assert.equal(foreign.headers.get('access-control-allow-origin'), null);
      const answer = await fetch(`${world.backend.url}/api/status`, { headers: { Origin: pageOrigin, Cookie: lien.cookie } });
      assert.equal(answer.headers.get('access-control-allow-origin'), pageOrigin);
      assert.match(answer.headers.get('access-control-expose-headers'), /Retry-After/i);
    });

    it('previews and redelivers once per key', async () => {
      const preview = assertContract(checks, await lien.call('GET', '/api/organisations/org_vandam/redeliveries/preview?from=2026-10-01'), 200, 'RedeliveryPreview');
      assert.ok(preview.documentCount > 0 && preview.documentCount < 30);
      const first = assertContract(checks, await lien.call('POST', '/api/organisations/org_vandam/redeliveries', { body: { from: '2026-10-01' }, key: 'redeliver-0001' }), 202, 'Redelivery');
      assert.equal(first.documentCount, preview.documentCount);
      assert.deepEqual(assertContract(checks, await lien.call('POST', '/api/organisations/org_vandam/redeliveries', { body: { from: '2026-10-01' }, key: 'redeliver-0001' }), 200, 'Redelivery'), first);
      assertContract(checks, await lien.call('POST', '/api/organisations/org_vandam/redeliveries', { body: { from: '2026-09-01' }, key: 'redeliver-0001' }), 422, 'idempotency_key_reused');
      assertContract(checks, await lien.call('POST', '/api/organisations/org_vandam/redeliveries', { body: { from: '2026-09-01' } }), 400, 'invalid_request');
      assertContract(checks, await lien.call('GET', '/api/organisations/org_nope/redeliveries/preview?from=2026-10-01'), 404, 'not_found');
    });

    it('lists the granted divisions with status, block, hid and customer name, searchable, with cursors bound to the query', async () => {
      const page = assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}/divisions?limit=200`), 200, 'DivisionPage');
      assert.equal(page.items.length, 7);
      const byCode = Object.fromEntries(page.items.map((division) => [division.code, division]));
      assert.equal(byCode[101001].blockedReason, null);
      assert.equal(byCode[101001].hid, '1');
      assert.equal(byCode[101001].customerName, 'De Korenschoof B.V.');
      assert.equal(byCode[101003].blockedReason, 'no_kvk');
      assert.deepEqual([byCode[101004].status, byCode[101004].blockedReason], ['archived', 'archived']);
      assert.deepEqual([byCode[101005].status, byCode[101005].blockedReason], ['inactive', 'inactive']);
      assert.equal(byCode[101006].blockedReason, 'blocked');
      assert.equal(byCode[101007].name, 'Drukkerij <b>&amp; "Zonen"</b>');
      const search = assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}/divisions?query=${encodeURIComponent('KORENSCHOOF')}`), 200, 'DivisionPage');
      assert.deepEqual(search.items.map((division) => division.code).sort(), [101001, 101004], 'the name and the customer name are searched');
      const first = assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}/divisions?limit=3`), 200, 'DivisionPage');
      assert.equal(first.items.length, 3);
      assert.equal(first.total, 7);
      const second = assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}/divisions?limit=3&cursor=${first.nextCursor}`), 200, 'DivisionPage');
      assert.equal(second.items.some((division) => first.items.some((seen) => seen.code === division.code)), false, 'the next page does not repeat the first');
      assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}/divisions?limit=3&query=bakkerij&cursor=${first.nextCursor}`), 400, 'cursor_invalid');
      assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}/divisions?cursor=garbage`), 400, 'cursor_invalid');
    });

    it('suggests the administrations matching the organisation on the first page only: KvK first, then VAT', async () => {
      const divisions = (query) => lien.call('GET', `/api/authorizations/${grant}/divisions?${new URLSearchParams(query)}`);
      const suggested = (page) => (page.suggested ?? []).map(({ match, division }) => `${match}:${division.code}`);
      // Two administrations carry the Korenschoof's KvK number, the archived one included (with its reason).
      const korenschoof = assertContract(checks, await divisions({ organisationId: 'org_korenschoof', limit: '1' }), 200, 'DivisionPage');
      assert.deepEqual(suggested(korenschoof), ['kvk:101001', 'kvk:101004']);
      assert.equal(korenschoof.suggested[1].division.blockedReason, 'archived');
      assert.equal(korenschoof.items.length, 1, 'the page itself is as without suggestions');
      // The holding: its own KvK number, then the VAT number of its fiscal unity (written with spaces and dots).
      assert.deepEqual(suggested(assertContract(checks, await divisions({ organisationId: 'org_holding' }), 200, 'DivisionPage')), ['kvk:101005', 'vat:101007']);
      // Not on a next page, not on a search, none without a match or for an organisation the account does not have.
      assert.equal(assertContract(checks, await divisions({ organisationId: 'org_korenschoof', limit: '1', cursor: korenschoof.nextCursor }), 200, 'DivisionPage').suggested, undefined);
      assert.equal(assertContract(checks, await divisions({ organisationId: 'org_korenschoof', query: 'bakkerij' }), 200, 'DivisionPage').suggested, undefined);
      assert.deepEqual(assertContract(checks, await divisions({ organisationId: 'org_knip' }), 200, 'DivisionPage').suggested, []);
      assert.equal(assertContract(checks, await divisions({ organisationId: 'org_zonder' }), 200, 'DivisionPage').suggested, undefined);
    });

    it('connects with one mailbox POST; a replay answers 200 with the same connection, another body 422', async () => {
      const before = await world.counters();
      const body = { organisationId: 'org_vandam', authorizationId: grant, divisionCode: 101002, bookingFlow: 'simple' };
      connection = assertContract(checks, await lien.call('POST', '/api/connections', { body, key: 'key-vandam-0001' }), 201, 'Connection');
      assert.equal(connection.mailbox, '23456789@facturen.econnect.eu');
      assert.equal(connection.legacyEndedAt, '2026-08-31', "the day Van Dam's old connection was broken, from the platform");
      assert.deepEqual([connection.status, connection.region, connection.authorizationId, connection.exactUser.name], ['active', 'nl', grant, 'Jan Jansen']);
      const replay = assertContract(checks, await lien.call('POST', '/api/connections', { body: { ...body }, key: 'key-vandam-0001' }), 200, 'Connection');
      assert.deepEqual(replay, connection);
      assertContract(checks, await lien.call('POST', '/api/connections', { body: { ...body, divisionCode: 101001 }, key: 'key-vandam-0001' }), 422, 'idempotency_key_reused');
      assert.equal((await world.counters()).mailboxPosts - before.mailboxPosts, 1);
      const divisions = (await lien.call('GET', `/api/authorizations/${grant}/divisions?limit=200`)).body.items;
      assert.deepEqual(divisions.find((division) => division.code === 101002).connectedOrganisation, { id: 'org_vandam', name: 'Fietsenmakerij Van Dam' });
      const organisations = assertContract(checks, await lien.call('GET', '/api/organisations?query=van%20dam'), 200, 'OrganisationPage');
      assert.equal(organisations.items[0].connectionId, connection.id);
      assertContract(checks, await lien.call('POST', '/api/connections', { body: { ...body, organisationId: 'org_holding' }, key: 'key-holding-0001' }), 422, 'division_already_connected');
    });

    it('makes one connection and one mailbox POST for 50 concurrent requests with one key', async () => {
      const before = await world.counters();
      const body = { organisationId: 'org_drukkerij', authorizationId: grant, divisionCode: 101007, bookingFlow: 'simple' };
      const results = await Promise.all(Array.from({ length: 50 }, () => lien.call('POST', '/api/connections', { body, key: 'key-drukkerij-01' })));
      const statuses = results.map((result) => result.status);
      assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join(','));
      assert.ok(statuses.every((status) => [201, 200, 409].includes(status)), statuses.join(','));
      for (const result of results.filter((candidate) => candidate.status === 409)) {
        assertContract(checks, result, 409, 'idempotency_key_in_flight');
        assert.ok(Number(result.headers.get('retry-after')) >= 1);
      }
      const ids = new Set(results.filter((result) => result.status < 300).map((result) => result.body.id));
      assert.equal(ids.size, 1);
      [drukkerij] = ids;
      assert.equal((await world.counters()).mailboxPosts - before.mailboxPosts, 1);
      assert.equal((await lien.call('GET', '/api/connections')).body.items.filter((item) => item.organisation.id === 'org_drukkerij').length, 1);
    });

    it('maps Exact’s mailbox refusals to the contract’s codes', async () => {
      // The seed left 12345678@facturen.econnect.eu behind on another division.
      assertContract(checks, await lien.call('POST', '/api/connections', { body: { organisationId: 'org_korenschoof', authorizationId: grant, divisionCode: 101001, bookingFlow: 'simple' }, key: 'key-korenschoof' }), 422, 'mailbox_linked_elsewhere');
      await world.fault({ kind: 'mailboxPostFails', failure: 'forbidden' });
      assertContract(checks, await lien.call('POST', '/api/connections', { body: { organisationId: 'org_korenschoof', authorizationId: grant, divisionCode: 101001, bookingFlow: 'simple' }, key: 'key-korenschoof' }), 422, 'mailbox_forbidden');
      assertContract(checks, await lien.call('POST', '/api/connections', { body: { organisationId: 'org_knip', authorizationId: grant, divisionCode: 101003, bookingFlow: 'simple' }, key: 'key-knip-00001' }), 422, 'organisation_without_kvk');
      assertContract(checks, await lien.call('POST', '/api/connections', { body: { organisationId: 'org_transport', authorizationId: grant, divisionCode: 101006, bookingFlow: 'simple' }, key: 'key-transport1' }), 422, 'division_blocked');
      // A 403 with a Reason header on the health check: the administration is unavailable.
      await world.fault({ kind: 'divisionUnavailable', division: 101007, reason: 'DivisionBlocked' });
      assert.equal(assertContract(checks, await lien.call('GET', `/api/connections/${drukkerij}`), 200, 'Connection').status, 'division_unavailable');
      await world.fault({ kind: 'rateLimitExhausted' });
      const limited = await lien.call('GET', `/api/connections/${connection.id}`);
      assertContract(checks, limited, 429, 'rate_limited');
      const wait = Number(limited.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After from Exact's minutely reset: ${wait}`);
    });

    it('refreshes an expired access token once for 20 concurrent health checks', async () => {
      await world.clock.advance(9.8 * 60_000);
      const before = await world.counters();
      const results = await Promise.all(Array.from({ length: 20 }, () => lien.call('GET', `/api/connections/${connection.id}`)));
      for (const result of results) assert.equal(assertContract(checks, result, 200, 'Connection').status, 'active');
      assert.equal((await world.counters()).tokenCalls.refresh_token - before.tokenCalls.refresh_token, 1);
    });

    it('refreshes once when Exact rejects a token the backend still thinks fresh (HTML 401), then retries', async () => {
      await world.clock.advance(10 * 60_000, { backendToo: false });
      const before = await world.counters();
      const results = await Promise.all(Array.from({ length: 20 }, () => lien.call('GET', `/api/connections/${connection.id}`)));
      for (const result of results) assert.equal(assertContract(checks, result, 200, 'Connection').status, 'active');
      assert.equal((await world.counters()).tokenCalls.refresh_token - before.tokenCalls.refresh_token, 1);
    });

    it('a second login of the same Exact user revokes the first grant and re-points its connections', async () => {
      const second = await logIn(bram, new CookieJar(), { ...jan, forceLogin: true, ticks: [101001, 101002, 101003] });
      const authorization = assertContract(checks, await bram.call('GET', `/api/authorizations/${second.id}`), 200, 'Authorization');
      assert.ok(authorization.repointed, world.logs.join('\n'));
      assert.equal(authorization.status, 'authorized');
      const repointed = Object.fromEntries(authorization.repointed.map((item) => [item.connectionId, item.status]));
      assert.equal(repointed[connection.id], 'active');
      assert.equal(Object.values(repointed).filter((status) => status === 'division_unavailable').length, 1, 'the Drukkerij division was not ticked again');
      assert.equal(assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}`), 200, 'Authorization').status, 'revoked');
      const list = assertContract(checks, await lien.call('GET', '/api/authorizations'), 200, 'AuthorizationList');
      const jans = list.items.filter((item) => item.exactUser.id === authorization.exactUser.id);
      assert.deepEqual(jans.map((item) => item.id), [second.id], 'one grant per Exact user, visible to every user of the account');
      assert.equal(list.items.length, 2, 'Jan’s and Anna’s');
      const moved = assertContract(checks, await lien.call('GET', `/api/connections/${connection.id}`), 200, 'Connection');
      assert.equal(moved.authorizationId, second.id);
      assertContract(checks, await lien.call('GET', `/api/authorizations/${grant}/divisions`), 422, 'authorization_revoked');
      grant = second.id;
    });

    it('an old refresh token marks the grant expired and its connections needs_login', async () => {
      await world.clock.advance(10 * 60_000);
      await world.fault({ kind: 'tokenFails', grant: 'refresh_token', status: 401, error: 'unauthorized_client', description: 'Old refresh token used.' });
      const checked = assertContract(checks, await lien.call('GET', `/api/connections/${connection.id}`), 200, 'Connection');
      assert.equal(checked.status, 'needs_login');
      assert.equal((await lien.call('GET', `/api/authorizations/${grant}`)).body.status, 'expired');
      // Every connection on the broken chain, not only the one checked.
      const listed = (await lien.call('GET', '/api/connections')).body.items;
      assert.deepEqual(listed.map((item) => [item.organisation.id, item.status]).sort(), [['org_drukkerij', 'needs_login'], ['org_vandam', 'needs_login']]);
    });

    it('a new login and reauthorize bring the connection back; delete ends its mailbox', async () => {
      const login = await logIn(lien, browser, { ...jan, forceLogin: true });
      assert.equal(new URL(login.started.authorizeUrl).searchParams.get('force_login'), '1');
      const moved = assertContract(checks, await lien.call('PUT', `/api/connections/${connection.id}/authorization`, { body: { authorizationId: login.id } }), 200, 'Connection');
      assert.deepEqual([moved.status, moved.authorizationId], ['active', login.id]);
      assertContract(checks, await lien.call('DELETE', `/api/connections/${connection.id}`), 204);
      assertContract(checks, await lien.call('GET', `/api/connections/${connection.id}`), 404, 'not_found');
      // The address is free again: the same organisation connects anew with a fresh mailbox; Exact failing
      // the first attempt gives the key back, so the retry with it succeeds.
      const body = { organisationId: 'org_vandam', authorizationId: login.id, divisionCode: 101002, bookingFlow: 'simple' };
      await world.fault({ kind: 'serverError', endpoint: 'mailbox/Mailboxes' });
      assertContract(checks, await lien.call('POST', '/api/connections', { body, key: 'key-vandam-0002' }), 503, 'exact_unavailable');
      const again = assertContract(checks, await lien.call('POST', '/api/connections', { body, key: 'key-vandam-0002' }), 201, 'Connection');
      assert.equal(again.mailbox, '23456789@facturen.econnect.eu');
    });

    it('caches all of a grant’s divisions through Exact’s 60-row pages (__next) and pages them itself', async () => {
      const before = await world.counters();
      const login = await logIn(lien, new CookieJar(), { username: 'groot@groot-accountants.nl', password: 'groot' });
      const seen = [];
      let cursor = '';
      do {
        const page = assertContract(checks, await lien.call('GET', `/api/authorizations/${login.id}/divisions?limit=50${cursor ? `&cursor=${cursor}` : ''}`), 200, 'DivisionPage');
        assert.equal(page.total, 130);
        seen.push(...page.items.map((division) => division.code));
        cursor = page.nextCursor ?? '';
      } while (cursor);
      assert.equal(new Set(seen).size, 130);
      assert.equal((await world.counters()).apiCalls['GET system/Divisions'] - (before.apiCalls['GET system/Divisions'] ?? 0), 3, 'three pages of 60, fetched once');
    });

    it('never shows a token of the simulator in an answer or a log line', () => {
      assert.ok(answers.length > 100);
      for (const answer of answers) assert.doesNotMatch(`${answer.headers}\n${answer.text}`, SIMULATOR_SECRET, `${answer.method} ${answer.path}`);
      for (const line of world.logs) assert.doesNotMatch(line, SIMULATOR_SECRET);
      assert.ok(world.logs.length > 0);
    });
  });
}
