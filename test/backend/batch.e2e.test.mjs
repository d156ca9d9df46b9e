// Many administrations at once, as the element's `Alles koppelen` sends them: one POST /connections per
// row, one at a time, each with its own Idempotency-Key, on the `batch` and `batch-200` worlds
// (src/mocks/worlds.ts) over real HTTP against the simulator, with Exact's real rate limit.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, CookieJar, assertContract, closeModules, loadModules, logIn, startWorld } from './harness.mjs';

let modules;
let worlds;
let seedData;

before(async () => {
  modules = await loadModules();
  worlds = (await modules.load('/src/mocks/worlds.ts')).worlds;
  seedData = await modules.load('/src/mocks/seed-data.ts');
});
after(() => closeModules());

/** The world's platform and Exact seeds behind a backend and a simulator of their own. */
async function startScenario(name) {
  const scenario = worlds[name]();
  const world = await startWorld(modules, { platformSeed: scenario.platform }, { simulator: { seed: () => structuredClone(scenario.exact), ...(scenario.limits ? { limits: scenario.limits } : {}) } });
  const lien = await new ApiClient(world, 'usr_lien', []).signIn();
  const login = await logIn(lien, new CookieJar(), scenario.login);
  return { scenario, world, lien, grant: login.id };
}

/** Every REST and token call the simulator has counted. */
const exactCalls = async (world) => {
  const counters = await world.counters();
  return Object.values(counters.apiCalls).reduce((sum, count) => sum + count, 0) + counters.tokenCalls.authorization_code + counters.tokenCalls.refresh_token;
};

const row = (grant, organisationId, divisionCode) => ({ organisationId, divisionCode, authorizationId: grant, bookingFlow: 'simple' });

describe('a batch of connections on the batch world (40 organisations, 60 administrations)', () => {
  let started;
  const ids = () => seedData.batchOrganisationIds;
  const codes = () => seedData.batchDivisionCodes;

  before(async () => {
    started = await startScenario('batch');
  });
  after(() => started?.world.close());

  it('lists the 40 organisations, two blocked, and the 60 administrations in one page of 200 with their KvK and VAT numbers', async () => {
    const { lien, grant } = started;
    const organisations = assertContract(modules.schemaChecks, await lien.call('GET', '/api/organisations?limit=200'), 200, 'OrganisationPage');
    assert.equal(organisations.items.length, 40);
    assert.equal(organisations.nextCursor, null);
    assert.deepEqual(organisations.items.filter((item) => item.blockers.length > 0).map((item) => item.id).sort(), [...ids().blocked]);
    assert.ok(organisations.items.every((item) => item.kvk), 'every organisation has a KvK number');
    const divisions = assertContract(modules.schemaChecks, await lien.call('GET', `/api/authorizations/${grant}/divisions?limit=200`), 200, 'DivisionPage');
    assert.equal(divisions.items.length, 60);
    assert.equal(divisions.nextCursor, null);
    assert.ok(divisions.items.every((item) => 'kvk' in item && 'vatNumber' in item));
    const byCode = new Map(divisions.items.map((item) => [item.code, item]));
    const byId = new Map(organisations.items.map((item) => [item.id, item]));
    const codeOf = (id) => (id === ids().elien ? codes().elien : Number(id.slice(4)) + 100000);
    for (const id of ids().kvk) assert.equal(byCode.get(codeOf(id))?.kvk, byId.get(id).kvk, `${id}: the KvK number of its administration`);
    for (const id of ids().vat) {
      const division = byCode.get(Number(id.slice(4)) + 100000);
      assert.equal(division.vatNumber, byId.get(id).vatNumber, `${id}: the VAT number of its administration`);
      assert.notEqual(division.kvk, byId.get(id).kvk, `${id}: not its KvK number`);
    }
    const matching = (organisation) => divisions.items.filter((division) => division.kvk === organisation.kvk || (organisation.vatNumber && division.vatNumber === organisation.vatNumber));
    for (const id of [...ids().name, ...ids().none]) assert.deepEqual(matching(byId.get(id)), [], `${id} shares no KvK or VAT number`);
    assert.equal(byCode.get(codes().blocked).blockedReason, 'blocked');
    // The backend's own suggestion for the single flow still finds the KvK match among the 60.
    const suggested = assertContract(modules.schemaChecks, await lien.call('GET', `/api/authorizations/${grant}/divisions?organisationId=org_0003&limit=1`), 200, 'DivisionPage');
    assert.deepEqual(suggested.suggested.map((item) => [item.match, item.division.code]), [['kvk', 100003]]);
  });

  it('ten rows one at a time with a mailbox refused on one: nine connected, the failed one connects with its own key once lifted; replays answer the same connection; one connection per organisation', async () => {
    const { lien, grant, world } = started;
    assertContract(modules.schemaChecks, await lien.call('POST', '/api/connections', { key: 'seed-bakkerij-0002', body: row(grant, ids().bakkerij, codes().bakkerij) }), 201, 'Connection');
    const rows = [...['org_0001', 'org_0003', 'org_0004', 'org_0005', 'org_0006', 'org_0007', 'org_0008', 'org_0009'].map((id) => [id, id === 'org_0001' ? codes().elien : Number(id.slice(4)) + 100000]), ['org_0031', 100031], ['org_0035', 100035]];
    await world.fault({ kind: 'mailboxRefused', division: 100005, failure: 'forbidden' });
    const answers = new Map();
    const perRow = [];
    for (const [organisationId, divisionCode] of rows) {
      const before = await exactCalls(world);
      const answer = await lien.call('POST', '/api/connections', { key: `batch-${organisationId}`, body: row(grant, organisationId, divisionCode) });
      if (answer.status === 201) perRow.push((await exactCalls(world)) - before);
      answers.set(organisationId, answer);
    }
    assertContract(modules.schemaChecks, answers.get('org_0005'), 422, 'mailbox_forbidden');
    assert.deepEqual([...answers].filter(([, answer]) => answer.status !== 201).map(([id]) => id), ['org_0005']);
    // One Exact call per row: the mailbox POST (the divisions are cached from the login, the access token is fresh).
    assert.deepEqual(perRow, Array(9).fill(1), 'Exact calls per POST /connections');

    // Still refused: the same key runs again (a failure is not kept under it) and fails again.
    assertContract(modules.schemaChecks, await lien.call('POST', '/api/connections', { key: 'batch-org_0005', body: row(grant, 'org_0005', 100005) }), 422, 'mailbox_forbidden');
    const lifted = await fetch(`${world.exact.origin}/_simulator/faults?division=100005`, { method: 'DELETE' });
    assert.deepEqual(await lifted.json(), { lifted: [{ kind: 'mailboxRefused', division: 100005, failure: 'forbidden' }] });
    const retried = assertContract(modules.schemaChecks, await lien.call('POST', '/api/connections', { key: 'batch-org_0005', body: row(grant, 'org_0005', 100005) }), 201, 'Connection');
    answers.set('org_0005', { status: 201, body: retried });

    for (const [organisationId, divisionCode] of rows) {
      const replay = assertContract(modules.schemaChecks, await lien.call('POST', '/api/connections', { key: `batch-${organisationId}`, body: row(grant, organisationId, divisionCode) }), 200, 'Connection');
      assert.equal(replay.id, answers.get(organisationId).body.id, `the replay of ${organisationId}'s key`);
    }
    assertContract(modules.schemaChecks, await lien.call('POST', '/api/connections', { key: 'batch-org_0003-again', body: row(grant, 'org_0003', 100050) }), 422, 'organisation_already_connected');
    assertContract(modules.schemaChecks, await lien.call('POST', '/api/connections', { key: 'batch-org_0037-taken', body: row(grant, 'org_0037', 100003) }), 422, 'division_already_connected');

    const listed = assertContract(modules.schemaChecks, await lien.call('GET', '/api/connections'), 200, 'ConnectionList');
    const organisations = listed.items.map((item) => item.organisation.id);
    assert.deepEqual([...organisations].sort(), [ids().bakkerij, ...rows.map(([id]) => id)].sort(), 'one connection per successful row, and Bakkerij');
    assert.equal(new Set(listed.items.map((item) => item.division.code)).size, listed.items.length, 'no administration twice');
  });

  it("Exact's 429 during POST /connections comes with Retry-After; once it has passed, the same key connects", async () => {
    const { lien, grant, world } = started;
    await world.fault({ kind: 'rateLimitExhausted' });
    const limited = await lien.call('POST', '/api/connections', { key: 'batch-org_0010', body: row(grant, 'org_0010', 100010) });
    assertContract(modules.schemaChecks, limited, 429, 'rate_limited');
    const wait = Number(limited.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${limited.headers.get('retry-after')}`);
    // Before the wait is over the backend holds back itself: Exact is not asked again (ten errors block the key).
    const before = await exactCalls(world);
    assertContract(modules.schemaChecks, await lien.call('POST', '/api/connections', { key: 'batch-org_0010', body: row(grant, 'org_0010', 100010) }), 429, 'rate_limited');
    assert.equal(await exactCalls(world), before);
    await world.clock.advance(wait * 1000);
    assertContract(modules.schemaChecks, await lien.call('POST', '/api/connections', { key: 'batch-org_0010', body: row(grant, 'org_0010', 100010) }), 201, 'Connection');
  });
});

describe('the whole batch of batch-200 (200 organisations, 2,000 administrations) against 60 calls a minute', () => {
  it('connects the 190 matched rows one at a time, waiting out every 429, without a duplicate', { timeout: 300_000 }, async () => {
    const { world, lien, grant } = await startScenario('batch-200');
    try {
      const divisions = [];
      let cursor;
      do {
        const page = assertContract(modules.schemaChecks, await lien.call('GET', `/api/authorizations/${grant}/divisions?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`), 200, 'DivisionPage');
        divisions.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(divisions.length, 2000);
      const { kvk, vat } = seedData.BATCH_200;
      let waited = 0;
      let limitedAnswers = 0;
      const startCalls = await exactCalls(world);
      for (let index = 0; index < kvk + vat; index += 1) {
        const organisationId = `org_${String(index + 1).padStart(4, '0')}`;
        const request = { key: `bench-${organisationId}`, body: row(grant, organisationId, 500001 + index) };
        for (;;) {
          const answer = await lien.call('POST', '/api/connections', request);
          if (answer.status === 201) break;
          assert.equal(answer.status, 429, `${organisationId}: ${answer.text}`);
          limitedAnswers += 1;
          // The element waits what Retry-After says; here both clocks move instead of the test sleeping.
          const wait = Number(answer.headers.get('retry-after'));
          assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
          waited += wait;
          await world.clock.advance(wait * 1000);
        }
      }
      const calls = (await exactCalls(world)) - startCalls;
      const listed = assertContract(modules.schemaChecks, await lien.call('GET', '/api/connections'), 200, 'ConnectionList');
      assert.equal(listed.items.length, kvk + vat);
      assert.equal(new Set(listed.items.map((item) => item.organisation.id)).size, kvk + vat, 'no organisation twice');
      assert.equal(new Set(listed.items.map((item) => item.division.code)).size, kvk + vat, 'no administration twice');
      assert.equal((await world.counters()).mailboxPosts, kvk + vat, 'one mailbox POST per row');
      console.log(`batch-200: ${kvk + vat} rows, ${calls} Exact calls, ${limitedAnswers} answers 429, ${waited} s waited (simulated)`);
    } finally {
      await world.close();
    }
  });
});
