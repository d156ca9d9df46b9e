/**
 * The scenarios' worlds as the reference backend and the simulator serve them: what a user of
 * each scenario meets, the trouble administrations refused by Exact for their own reasons, the
 * routes held against the contract, and a reset that starts afresh.
 */
import { expect } from '@esm-bundle/chai';
import {
  getBackend,
  hostileOrganisationIds,
  HUGE_COUNT,
  organisationIds,
  resetBackends,
  routePaths,
  scenarioNames,
  troubleDivisionCodes,
  troubleOrganisationIds,
  type ScenarioName,
} from '../../src/mocks/index.js';

const api = async (scenario: ScenarioName, path: string, init: RequestInit = {}): Promise<Response> =>
  (await getBackend(scenario).handle(new Request(`${location.origin}/mock/${scenario}/api${path}`, init)))!;

const json = async (scenario: ScenarioName, path: string, init: RequestInit = {}) => (await api(scenario, path, init)).json();

/** Logs in as Lien through the simulator's pages and answers the authorization's id. */
async function login(scenario: ScenarioName, divisions?: number[]): Promise<string> {
  const backend = getBackend(scenario);
  const started = await json(scenario, '/authorizations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ returnOrigin: location.origin }) });
  const walk = await backend.exactBrowser().walk(started.authorizeUrl, backend.world.login, 'allow', divisions);
  const callback = await backend.handle(new Request(walk.redirect));
  expect(callback?.status, 'the callback redirects to the callback page').to.equal(302);
  return started.id;
}

const connect = (scenario: ScenarioName, authorizationId: string, divisionCode: number, organisationId: string = organisationIds.elien) =>
  api(scenario, '/connections', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `key-${organisationId}-${divisionCode}` },
    body: JSON.stringify({ organisationId, authorizationId, divisionCode, bookingFlow: 'simple' }),
  });

describe('mock worlds on the reference backend', function () {
  this.timeout(30_000);
  beforeEach(() => resetBackends());

  it('every scenario starts, with its connections made through a real login', async () => {
    for (const scenario of scenarioNames.filter((name) => name !== 'huge' && name !== 'slow')) {
      // `errors` fails every operation's first call, then answers.
      if (scenario === 'errors') expect((await api(scenario, '/status')).status).to.equal(500);
      const status = await json(scenario, '/status');
      expect(status.user.name, scenario).to.equal('Lien de Vries');
      expect(status.autopilotInstalled, scenario).to.equal(scenario !== 'not-installed');
    }
    const connections = await json('default', '/connections');
    expect(connections.items.map((connection: { organisation: { id: string } }) => connection.organisation.id)).to.deep.equal([organisationIds.bakkerij]);
    // Its login lapsed: the connection needs one, and nothing is offered for reuse.
    expect(connections.items[0].status).to.equal('needs_login');
    expect((await json('default', '/authorizations')).items.map((grant: { status: string }) => grant.status)).to.deep.equal(['expired']);
    expect((await json('grant', '/authorizations')).items.map((grant: { status: string }) => grant.status)).to.deep.equal(['authorized']);
    const hostile = await json('hostile', '/connections');
    expect(hostile.items.map((connection: { organisation: { id: string } }) => connection.organisation.id)).to.include(hostileOrganisationIds.bold);
  });

  it('a new login of the same Exact user re-points the lapsed connection: it is active again', async () => {
    await login('default');
    const [connection] = (await json('default', '/connections')).items;
    expect(connection.status).to.equal('active');
  });

  it('trouble: Exact refuses each administration for its own reason, and an administration is connected once', async () => {
    const authorizationId = await login('trouble');
    const codes: Array<[number, string]> = [
      [troubleDivisionCodes.mailboxForbidden, 'mailbox_forbidden'],
      [troubleDivisionCodes.mailboxLinkedElsewhere, 'mailbox_linked_elsewhere'],
      [troubleDivisionCodes.trialLicence, 'trial_licence'],
      [troubleDivisionCodes.noDivisionAccess, 'no_division_access'],
      [troubleDivisionCodes.blocked, 'division_blocked'],
      [troubleDivisionCodes.alreadyConnected, 'division_already_connected'],
    ];
    const seen: Array<[number, string]> = [];
    for (const [code] of codes) seen.push([code, (await (await connect('trouble', authorizationId, code)).json()).code]);
    expect(seen).to.deep.equal(codes);
    expect((await json('trouble', '/connections')).items.map((connection: { organisation: { id: string } }) => connection.organisation.id)).to.include(troubleOrganisationIds.connected);
  });

  it('huge: ten thousand organisations and administrations, paged and searchable', async function () {
    this.timeout(60_000);
    const first = await json('huge', '/organisations?limit=50');
    expect(first.total).to.equal(HUGE_COUNT);
    expect(first.items).to.have.length(50);
    const authorizationId = await login('huge');
    const divisions = await json('huge', `/authorizations/${authorizationId}/divisions?limit=50`);
    expect(divisions.total).to.equal(HUGE_COUNT);
    const found = await json('huge', `/authorizations/${authorizationId}/divisions?query=${encodeURIComponent('eLien')}`);
    expect(found.items.map((division: { name: string }) => division.name)).to.include('eLien test company');
  });

  it("the prerequisites' worlds: ready meets all, default does not but leaves organisations free, blocked blocks; old connections in legacy and many", async () => {
    type Prerequisite = { code: string; state: string; blocks: boolean; organisationCount?: number };
    const summary = async (scenario: ScenarioName) => {
      const status = await json(scenario, '/status');
      return { states: status.prerequisites.map((item: Prerequisite) => `${item.code} ${item.state}${item.blocks ? ' blocks' : ''}`), legacy: status.legacyConnections.count };
    };
    expect(await summary('ready')).to.deep.equal({
      states: ['postvak_in_only met', 'legacy_connections_broken met', 'organisation_access met', 'administration_access unknown'],
      legacy: 0,
    });
    expect(await summary('default')).to.deep.equal({
      states: ['postvak_in_only not_met', 'legacy_connections_broken not_met', 'organisation_access not_met', 'administration_access unknown'],
      legacy: 1,
    });
    expect(await summary('blocked')).to.deep.equal({
      states: ['postvak_in_only not_met blocks', 'legacy_connections_broken not_met blocks', 'organisation_access not_met blocks', 'administration_access unknown'],
      legacy: 9,
    });
    expect((await summary('legacy')).legacy).to.equal(4);
    expect((await summary('many')).legacy).to.be.greaterThan(20);
    const [bakkerij] = (await json('legacy', '/connections')).items;
    expect(bakkerij.legacyEndedAt, "the gap before Bakkerij de Gouden Korst's connection").to.equal('2025-02-24');
    expect((await json('default', '/connections')).items[0].legacyEndedAt, 'default: not known').to.equal(undefined);
  });

  it('a statusCarriesConnections of false leaves the connections out of the status, as an older backend does', async () => {
    getBackend('default').statusCarriesConnections = false;
    expect(await json('default', '/status')).to.not.have.property('connections');
  });

  it('a reset starts afresh: connections made since are gone', async () => {
    const authorizationId = await login('empty');
    expect((await connect('empty', authorizationId, 100002)).status).to.equal(201);
    expect((await json('empty', '/connections')).items).to.have.length(1);
    await resetBackends('empty');
    expect((await json('empty', '/connections')).items).to.have.length(0);
  });

  it('knows every operation of the contract by its path, and no other', async () => {
    const openapi = (await (await fetch(new URL('../../src/api/openapi.json', import.meta.url))).json()) as { paths: Record<string, unknown> };
    const contract = Object.entries(openapi.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string }>)
        .filter(([, operation]) => typeof operation === 'object' && operation.operationId)
        .map(([method, operation]) => `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, ':id')} ${operation.operationId}`),
    );
    const known = routePaths.map((route) => `${route.method} ${route.path} ${route.operation}`);
    expect([...known].sort()).to.deep.equal([...contract].sort());
  });
});
