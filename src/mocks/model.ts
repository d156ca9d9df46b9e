import type {
  Authorization,
  AuthorizationList,
  AuthorizationStatus,
  BlockerCode,
  BookingFlow,
  Connection,
  ConnectionList,
  CreateConnectionRequest,
  Division,
  DivisionPage,
  ExactUser,
  Organisation,
  OrganisationPage,
  ProblemCode,
  Redelivery,
  Region,
  RepointedConnection,
  StartAuthorizationRequest,
  Status,
  User,
} from '../api/types.js';
import type { ExactDivision, ExactOnline } from './exact-online.js';
import { matchesKeys, paginate, searchKeys, searchNeedle, type PageParams } from './paging.js';
import { MockProblem } from './problem.js';
import { SeededRandom } from '../exact-simulator/seeded-random.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** A login window has this long to come back (the contract's pending expiry). */
export const LOGIN_TTL = 10 * MINUTE;
/** How long a grant stays usable: Exact's refresh tokens last about a month. */
export const GRANT_TTL = 30 * DAY;

export interface MockOrganisation {
  id: string;
  name: string;
  kvk: string | null;
  blockers: BlockerCode[];
  connectionId: string | null;
}

export interface MockAuthorization {
  id: string;
  /** `revoked`: a later login by the same Exact user in the same region replaced this grant. */
  status: Exclude<AuthorizationStatus, 'expired'>;
  expiresAt: number;
  returnOrigin: string;
  locale: string;
  exactUser: ExactUser | null;
  region: Region;
  /** The login asked Exact who logs in (force_login=1). */
  forceLogin: boolean;
  grantedCodes: ReadonlySet<number>;
  /** The connections of this Exact user the login re-pointed here, once authorized. */
  repointed: RepointedConnection[];
}

export interface MockPlatformInit {
  user: User;
  autopilotInstalled: boolean;
  appStoreUrl?: string;
  organisations: ReadonlyArray<Omit<MockOrganisation, 'connectionId'>>;
  exact: ExactOnline;
  now?: () => number;
  seed?: number;
}

/** A problem the platform answers POST /connections with for one administration (Exact's refusal). */
export interface ScriptedProblem {
  status: number;
  code: ProblemCode;
  detail: string;
}

/** A grant the platform already holds when the scenario starts (see {@link MockPlatform.addGrant}). */
export interface GrantSeed {
  /** Fixed, so tests can name it; generated when left out. */
  id?: string;
  exactUser: ExactUser;
  region?: Region;
  /** The administrations granted at that login; all of Exact's when left out. */
  divisionCodes?: readonly number[];
  locale?: string;
  returnOrigin?: string;
}

interface IdempotencyRecord<T> {
  fingerprint: string;
  answer: T;
}

/** What an idempotent operation answers: the result, and whether it is a replay (200) or the first (201/202). */
export interface Idempotent<T> {
  answer: T;
  replayed: boolean;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

// Search keys per seed object. Scenarios may share their (never mutated) seed objects between
// builds, so a reset of a ten-thousand-item world does not lowercase everything again.
const keyCache = new WeakMap<object, string[]>();
function cachedKeys(seed: object, compute: () => string[]): string[] {
  let keys = keyCache.get(seed);
  if (!keys) {
    keys = compute();
    keyCache.set(seed, keys);
  }
  return keys;
}
const iso = (time: number): string => new Date(time).toISOString();

/**
 * The eConnect platform as the element sees it through the contract: organisations,
 * connections, Exact Online grants, idempotency records and redeliveries, with the
 * contract's rules. Methods return contract shapes or throw a {@link MockProblem}.
 */
export class MockPlatform {
  readonly user: User;
  readonly exact: ExactOnline;
  autopilotInstalled: boolean;
  /** The status carries the connections (contract v2's one round trip); false: a backend that omits them. */
  statusCarriesConnections = true;
  readonly appStoreUrl: string | undefined;
  readonly now: () => number;
  private readonly organisations: MockOrganisation[];
  private readonly organisationsById: Map<string, MockOrganisation>;
  private readonly connections = new Map<string, Connection>();
  private readonly connectionByDivision = new Map<number, Connection>();
  private readonly authorizations = new Map<string, MockAuthorization>();
  private readonly idempotency = new Map<string, IdempotencyRecord<Connection>>();
  private readonly redeliveryKeys = new Map<string, IdempotencyRecord<Redelivery>>();
  readonly redeliveries: Array<Redelivery & { organisationId: string }> = [];
  private readonly random: SeededRandom;
  /** Lowercase search fields, parallel to `organisations` and to `exact.divisions`: long lists search in a few ms. */
  private readonly organisationKeys: string[][];
  private readonly divisionKeys: string[][];
  private readonly divisionProblems = new Map<number, ScriptedProblem>();
  /** Logins a test declared expired (see {@link expireAuthorization}), whatever the clock says. */
  private readonly forcedExpired = new Set<string>();

  constructor(init: MockPlatformInit) {
    this.user = init.user;
    this.exact = init.exact;
    this.autopilotInstalled = init.autopilotInstalled;
    this.appStoreUrl = init.appStoreUrl;
    this.now = init.now ?? (() => Date.now());
    this.random = new SeededRandom(init.seed ?? 42);
    // Sorted once: names never change, and thousands of organisations are listed often.
    const entries = init.organisations
      .map((seed) => ({
        // Without a KvK number no Digitale Brievenbus (<kvk>@facturen.econnect.eu): blocked for that reason.
        organisation: { ...seed, blockers: seed.kvk === null && !seed.blockers.includes('no_kvk') ? [...seed.blockers, 'no_kvk' as const] : [...seed.blockers], connectionId: null },
        keys: cachedKeys(seed, () => searchKeys([seed.name, seed.kvk])),
      }))
      .sort((a, b) => collator.compare(a.organisation.name, b.organisation.name));
    this.organisations = entries.map((entry) => entry.organisation);
    this.organisationsById = new Map(this.organisations.map((organisation) => [organisation.id, organisation]));
    this.organisationKeys = entries.map((entry) => entry.keys);
    this.divisionKeys = this.exact.divisions.map((d) => cachedKeys(d, () => searchKeys([d.name, d.code, d.kvk, d.vatNumber])));
  }

  status(): Status {
    return {
      autopilotInstalled: this.autopilotInstalled,
      user: this.user,
      ...(this.appStoreUrl ? { appStoreUrl: this.appStoreUrl } : {}),
      // One round trip to the first step: the overview's connections come along.
      ...(this.autopilotInstalled && this.statusCarriesConnections ? { connections: this.listConnections() } : {}),
    };
  }

  listOrganisations(page: PageParams): OrganisationPage {
    const needle = searchNeedle(page.query);
    const matches = needle === '' ? this.organisations : this.organisations.filter((_, index) => matchesKeys(needle, this.organisationKeys[index] ?? []));
    // Only the page is turned into contract shapes: a list of ten thousand stays quick.
    const { items, nextCursor, total } = paginate(matches, page);
    return { items: items.map(toOrganisation), nextCursor, total };
  }

  organisation(id: string): Organisation | undefined {
    const found = this.organisationsById.get(id);
    return found && toOrganisation(found);
  }

  listConnections(): ConnectionList {
    return { items: [...this.connections.values()].map((connection) => ({ ...connection })) };
  }

  getConnection(id: string): Connection {
    const connection = this.connections.get(id);
    if (!connection) throw new MockProblem(404, 'not_found', `No connection ${id}.`);
    return { ...connection };
  }

  /** Sets a connection's health, as the backend would find it (for tests and scenarios). */
  setConnectionStatus(id: string, status: Connection['status']): void {
    const connection = this.connections.get(id);
    if (!connection) throw new Error(`setConnectionStatus: no connection ${id}`);
    connection.status = status;
  }

  /** Points a connection at another grant of an Exact user who reaches its administration. */
  reauthorizeConnection(id: string, authorizationId: string): Connection {
    const connection = this.connections.get(id);
    if (!connection) throw new MockProblem(404, 'not_found', `No connection ${id}.`);
    const grant = this.usableGrant(authorizationId, true);
    if (!grant.grantedCodes.has(connection.division.code)) {
      throw new MockProblem(422, 'division_not_granted', `Administration ${connection.division.code} was not granted at that login.`);
    }
    Object.assign(connection, { authorizationId: grant.id, region: grant.region, status: 'active' }, grant.exactUser ? { exactUser: grant.exactUser } : {});
    return { ...connection };
  }

  /**
   * Creates a connection once per idempotency key: the same key and body give back the
   * first result, so a retry or a double click never makes a second connection.
   */
  createConnection(request: CreateConnectionRequest, idempotencyKey: string): Idempotent<Connection> {
    const fingerprint = JSON.stringify([
      request.organisationId,
      request.authorizationId,
      request.divisionCode,
      request.bookingFlow,
    ]);
    const previous = this.idempotency.get(idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new MockProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another request body.');
      }
      return { answer: { ...previous.answer }, replayed: true };
    }
    const organisation = this.organisationsById.get(request.organisationId);
    if (!organisation) throw new MockProblem(404, 'not_found', `No organisation ${request.organisationId}.`);
    if (organisation.blockers.includes('no_kvk')) {
      throw new MockProblem(422, 'organisation_without_kvk', 'Without a KvK number the organisation cannot get a Digitale Brievenbus.');
    }
    if (organisation.blockers.length > 0) {
      const codes = organisation.blockers.join(', ');
      throw new MockProblem(409, 'organisation_blocked', `The organisation cannot be connected yet: ${codes}.`);
    }
    if (organisation.connectionId !== null) {
      throw new MockProblem(409, 'organisation_already_connected', 'The organisation already has a connection.');
    }
    const authorization = this.usableGrant(request.authorizationId);
    if (!authorization.grantedCodes.has(request.divisionCode)) {
      throw new MockProblem(403, 'division_not_granted', `Administration ${request.divisionCode} was not granted at login.`);
    }
    const division = this.exact.division(request.divisionCode);
    if (!division) throw new MockProblem(403, 'division_not_granted', `No administration ${request.divisionCode}.`);
    if (division.blocked) throw new MockProblem(403, 'division_blocked', 'Exact Online reports the administration as blocked.');
    if ((division.status ?? 'active') !== 'active') {
      throw new MockProblem(422, 'division_unavailable', `Exact Online reports the administration as ${division.status}.`);
    }
    const other = this.connectionByDivision.get(division.code);
    if (other) {
      throw new MockProblem(409, 'division_already_connected', `The administration is connected to ${other.organisation.name}.`);
    }
    if (request.bookingFlow === 'advanced') {
      throw new MockProblem(403, 'forbidden', 'The advanced booking flow is set up by eConnect: contact eConnect.');
    }
    const scripted = this.divisionProblems.get(division.code);
    if (scripted) throw new MockProblem(scripted.status, scripted.code, scripted.detail);
    const connection = this.addConnection(organisation.id, division.code, request.bookingFlow, authorization.exactUser, this.now(), authorization);
    this.idempotency.set(idempotencyKey, { fingerprint, answer: { ...connection } });
    return { answer: connection, replayed: false };
  }

  /** Records a connection without the contract's checks: for seeding scenarios. */
  addConnection(
    organisationId: string,
    divisionCode: number,
    bookingFlow: BookingFlow,
    exactUser: ExactUser | null = this.exact.user,
    createdAt = this.now(),
    /** The grant it uses; a seeded connection's is an earlier login the platform keeps to itself. */
    grant: Pick<MockAuthorization, 'id' | 'region'> = { id: `auth_${this.random.hex(20)}`, region: this.exact.region },
  ): Connection {
    const organisation = this.organisationsById.get(organisationId);
    const division = this.exact.division(divisionCode);
    if (!organisation || !division) throw new Error(`addConnection: unknown ${organisationId} or ${divisionCode}`);
    const connection: Connection = {
      id: `con_${this.random.hex(12)}`,
      organisation: { id: organisation.id, name: organisation.name },
      division: { code: division.code, name: division.name },
      bookingFlow,
      ...(exactUser ? { exactUser } : {}),
      createdAt: iso(createdAt),
      status: 'active',
      region: grant.region,
      authorizationId: grant.id,
      ...(bookingFlow === 'simple' && organisation.kvk ? { mailbox: `${organisation.kvk}@facturen.econnect.eu` } : {}),
    };
    this.connections.set(connection.id, connection);
    this.connectionByDivision.set(division.code, connection);
    organisation.connectionId = connection.id;
    return connection;
  }

  /**
   * From now on POST /connections to this administration fails with `problem` (after the
   * contract's own checks), as Exact Online refuses it: mailbox rights, trial licence…
   * `null` lifts it again.
   */
  failConnectionsTo(divisionCode: number, problem: ScriptedProblem | null): void {
    if (problem) this.divisionProblems.set(divisionCode, { ...problem });
    else this.divisionProblems.delete(divisionCode);
  }

  deleteConnection(id: string): void {
    const connection = this.connections.get(id);
    if (!connection) throw new MockProblem(404, 'not_found', `No connection ${id}.`);
    this.connections.delete(id);
    this.connectionByDivision.delete(connection.division.code);
    const organisation = this.organisationsById.get(connection.organisation.id);
    if (organisation) organisation.connectionId = null;
  }

  listAuthorizations(): AuthorizationList {
    const items = [...this.authorizations.values()]
      .filter((authorization) => this.statusOf(authorization) === 'authorized')
      .map((authorization) => this.toAuthorization(authorization));
    return { items };
  }

  startAuthorization(request: StartAuthorizationRequest): MockAuthorization {
    let origin: string | null = null;
    try {
      origin = new URL(request.returnOrigin).origin;
    } catch {
      // handled below
    }
    if (origin === null || origin === 'null' || origin !== request.returnOrigin) {
      throw new MockProblem(400, 'invalid_request', 'returnOrigin must be an origin such as https://app.example.');
    }
    if (request.organisationId !== undefined && !this.organisationsById.has(request.organisationId)) {
      throw new MockProblem(404, 'not_found', `No organisation ${request.organisationId}.`);
    }
    const authorization: MockAuthorization = {
      id: `auth_${this.random.hex(20)}`,
      status: 'pending',
      expiresAt: this.now() + LOGIN_TTL,
      returnOrigin: origin,
      locale: request.locale ?? 'nl',
      exactUser: null,
      // The mock's organisations are all Dutch: the default region is nl.
      region: request.region ?? 'nl',
      forceLogin: request.forceLogin === true,
      grantedCodes: new Set(),
      repointed: [],
    };
    this.authorizations.set(authorization.id, authorization);
    return authorization;
  }

  /**
   * Records a grant the platform already holds (an earlier login of this Exact user), as
   * GET /authorizations lists it. For seeding scenarios; returns the contract shape.
   */
  addGrant(seed: GrantSeed): Authorization {
    const id = seed.id ?? `auth_${this.random.hex(20)}`;
    if (this.authorizations.has(id)) throw new Error(`addGrant: ${id} exists`);
    const authorization: MockAuthorization = {
      id,
      status: 'authorized',
      expiresAt: this.now() + GRANT_TTL,
      returnOrigin: seed.returnOrigin ?? '',
      locale: seed.locale ?? 'nl',
      exactUser: seed.exactUser,
      region: seed.region ?? this.exact.region,
      forceLogin: false,
      grantedCodes: new Set(seed.divisionCodes ?? this.exact.divisions.map((d) => d.code)),
      repointed: [],
    };
    this.authorizations.set(id, authorization);
    return this.toAuthorization(authorization);
  }

  /**
   * Lets a login lapse now, as the backend reports it once its time is up: a pending login
   * (10 minutes) or a grant turns `expired`, its `expiresAt` no later than now. Throws a
   * 404 problem for an unknown id. Returns the contract shape.
   */
  expireAuthorization(id: string): Authorization {
    const authorization = this.findAuthorization(id);
    authorization.expiresAt = Math.min(authorization.expiresAt, this.now());
    if (authorization.status === 'pending' || authorization.status === 'authorized') this.forcedExpired.add(id);
    return this.toAuthorization(authorization);
  }

  /**
   * Settles a pending login as if the user chose `Weigeren` on the consent page (the
   * callback would report `denied`). A settled login stays as it is. Throws 404 for an unknown id.
   */
  denyAuthorization(id: string): Authorization {
    this.findAuthorization(id);
    this.finishLogin(id, { error: 'access_denied' });
    return this.getAuthorization(id);
  }

  getAuthorization(id: string): Authorization {
    return this.toAuthorization(this.findAuthorization(id));
  }

  authorizationRecord(id: string): MockAuthorization | undefined {
    return this.authorizations.get(id);
  }

  /**
   * Where the OAuth redirect lands. Exchanges the code with Exact Online (the code goes no
   * further) and settles the login. A second visit (a reloaded login window) changes nothing
   * and reports the settled status again.
   */
  finishLogin(
    state: string,
    outcome: { code: string; redirectUri: string } | { error: string },
  ): { authorization: MockAuthorization | null; status: AuthorizationStatus } {
    const authorization = this.authorizations.get(state) ?? null;
    if (!authorization) return { authorization, status: 'failed' };
    const current = this.statusOf(authorization);
    if (current !== 'pending') return { authorization, status: current };
    if ('error' in outcome) {
      authorization.status = outcome.error === 'access_denied' ? 'denied' : 'failed';
      return { authorization, status: authorization.status };
    }
    const grant = this.exact.exchangeCode(outcome.code, outcome.redirectUri);
    if (!grant) {
      authorization.status = 'failed';
      return { authorization, status: 'failed' };
    }
    // One Exact user has one token chain per app per region: this login revokes the user's earlier
    // grants there (matched by Exact's UserID, not the e-mail address).
    for (const other of this.authorizations.values()) {
      if (other.status === 'authorized' && other.exactUser?.id === grant.user.id && other.region === grant.region) other.status = 'revoked';
    }
    Object.assign(authorization, {
      status: 'authorized',
      exactUser: grant.user,
      region: grant.region,
      grantedCodes: new Set(grant.divisionCodes),
      expiresAt: this.now() + GRANT_TTL,
    });
    authorization.repointed = this.repointConnections(authorization);
    return { authorization, status: 'authorized' };
  }

  /** Every connection of the grant's Exact user (in its region) now uses it; those it does not reach lose their administration. */
  private repointConnections(grant: MockAuthorization): RepointedConnection[] {
    const repointed: RepointedConnection[] = [];
    for (const connection of this.connections.values()) {
      if (connection.exactUser?.id !== grant.exactUser?.id || connection.region !== grant.region) continue;
      connection.authorizationId = grant.id;
      connection.status = grant.grantedCodes.has(connection.division.code) ? 'active' : 'division_unavailable';
      repointed.push({ connectionId: connection.id, status: connection.status });
    }
    return repointed;
  }

  listDivisions(authorizationId: string, page: PageParams): DivisionPage {
    const authorization = this.usableGrant(authorizationId, true);
    const needle = searchNeedle(page.query);
    const matches = this.exact.divisions.filter(
      (d, index) => authorization.grantedCodes.has(d.code) && matchesKeys(needle, this.divisionKeys[index] ?? []),
    );
    const { items, nextCursor, total } = paginate(matches, page);
    return { items: items.map((division) => this.withConnection(division)), nextCursor, total };
  }

  /** The division as the contract shows it: Exact's data plus the platform's connection. */
  division(code: number): Division | undefined {
    const division = this.exact.division(code);
    return division && this.withConnection(division);
  }

  private withConnection(division: ExactDivision): Division {
    const connection = this.connectionByDivision.get(division.code);
    const status = division.status ?? 'active';
    return {
      code: division.code,
      name: division.name,
      hid: division.hid ?? null,
      customerName: division.customerName ?? null,
      kvk: division.kvk,
      vatNumber: division.vatNumber,
      country: division.country,
      status,
      // Exact's BlockingStatus first, then its Status: each its own reason for the list.
      blockedReason: division.blocked ? 'blocked' : status === 'active' ? null : status,
      connectedOrganisation: connection ? connection.organisation : null,
    };
  }

  /**
   * Re-offers documents received since `from`, once per idempotency key: a replay answers the
   * first redelivery, so a retry after a lost answer never offers the documents twice.
   */
  createRedelivery(organisationId: string, from: string, idempotencyKey: string): Idempotent<Redelivery> {
    const fingerprint = JSON.stringify([organisationId, from]);
    const previous = this.redeliveryKeys.get(idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new MockProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another request body.');
      }
      return { answer: { ...previous.answer }, replayed: true };
    }
    const redelivery = { ...this.previewRedelivery(organisationId, from), id: `red_${this.random.hex(16)}` };
    this.redeliveryKeys.set(idempotencyKey, { fingerprint, answer: redelivery });
    this.redeliveries.push({ ...redelivery, organisationId });
    return { answer: redelivery, replayed: false };
  }

  /** How many documents a redelivery from `from` would offer; the count is plausible and repeatable. */
  previewRedelivery(organisationId: string, from: string): { from: string; documentCount: number } {
    const organisation = this.organisationsById.get(organisationId);
    if (!organisation) throw new MockProblem(404, 'not_found', `No organisation ${organisationId}.`);
    const start = Date.parse(`${from}T00:00:00Z`);
    if (Number.isNaN(start) || iso(start).slice(0, 10) !== from) {
      throw new MockProblem(400, 'invalid_request', 'from must be a date (YYYY-MM-DD).');
    }
    const today = Date.parse(`${iso(this.now()).slice(0, 10)}T00:00:00Z`);
    if (start > today) throw new MockProblem(400, 'invalid_request', 'from lies in the future.');
    const days = Math.round((today - start) / DAY) + 1;
    // A few invoices a day, the rate fixed per organisation so repeats agree.
    const perWeek = 3 + ([...organisation.id].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 12);
    return { from, documentCount: Math.floor((days * perWeek) / 7) };
  }

  private findAuthorization(id: string): MockAuthorization {
    const authorization = this.authorizations.get(id);
    if (!authorization) throw new MockProblem(404, 'not_found', `No authorization ${id}.`);
    return authorization;
  }

  /** A grant that may be used now, or the contract error saying why not. */
  private usableGrant(id: string, mustExist = false): MockAuthorization {
    const authorization = this.authorizations.get(id);
    if (!authorization && mustExist) throw new MockProblem(404, 'not_found', `No authorization ${id}.`);
    const status = authorization ? this.statusOf(authorization) : null;
    if (authorization && status === 'authorized') return authorization;
    if (authorization?.status === 'revoked') {
      throw new MockProblem(409, 'authorization_revoked', 'A newer login of the same Exact user replaced this grant: log in again.');
    }
    if (authorization?.status === 'authorized') {
      throw new MockProblem(409, 'authorization_expired', 'The Exact Online grant has expired: log in again.');
    }
    throw new MockProblem(409, 'authorization_not_authorized', `Authorization ${id} is ${status ?? 'unknown'}, not authorized.`);
  }

  private statusOf(authorization: MockAuthorization): AuthorizationStatus {
    if (authorization.status === 'revoked') return 'revoked';
    if (this.forcedExpired.has(authorization.id)) return 'expired';
    const lapses = authorization.status === 'pending' || authorization.status === 'authorized';
    return lapses && this.now() >= authorization.expiresAt ? 'expired' : authorization.status;
  }

  private toAuthorization(authorization: MockAuthorization): Authorization {
    return {
      id: authorization.id,
      status: this.statusOf(authorization),
      expiresAt: iso(authorization.expiresAt),
      ...(authorization.exactUser ? { exactUser: authorization.exactUser } : {}),
      region: authorization.region,
      ...(authorization.repointed.length ? { repointed: authorization.repointed.map((entry) => ({ ...entry })) } : {}),
    };
  }
}

function toOrganisation(organisation: MockOrganisation): Organisation {
  return {
    id: organisation.id,
    name: organisation.name,
    kvk: organisation.kvk,
    connectionId: organisation.connectionId,
    blockers: organisation.blockers.map((code) => ({ code })),
  };
}
