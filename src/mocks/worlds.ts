/**
 * The named scenarios as worlds for the reference backend and the Exact Online simulator: the
 * platform's accounts, users and organisations (the backend's seed), Exact's company, users and
 * divisions (the simulator's seed), the connections the world starts with, Exact faults that
 * stay, and how the HTTP in front of the backend behaves (latency, a first failure, COOP).
 * Nothing here answers a request: the backend and the simulator do.
 */
import type { BookingFlow } from '../api/types.js';
import type { PlatformOrganisation, PlatformSeed } from '../backend/platform-seed.js';
import type { Fault } from '../exact-simulator/faults.js';
import type { Limits } from '../exact-simulator/options.js';
import type { Seed, SeedDivision } from '../exact-simulator/seed.js';
import { SeededRandom } from '../exact-simulator/seeded-random.js';
import type { ScenarioName } from './scenario-names.js';
import {
  batch200Rows,
  batchRows,
  defaultDivisions,
  defaultOrganisations,
  divisionCodes,
  exactUser,
  generatedDivisions,
  generatedOrganisations,
  hostileDivisionCodes,
  hostileDivisions,
  hostileOrganisationIds,
  hostileOrganisations,
  legacyEndedAt,
  legacyOrganisations,
  matchDefaults,
  organisationIds,
  platformUser,
  troubleDivisionCodes,
  troubleDivisions,
  troubleOrganisationIds,
  troubleOrganisations,
  type ExactDivision,
  type OrganisationSeed,
} from './seed-data.js';

export { isScenarioName, scenarioNames, type ScenarioName } from './scenario-names.js';

/** How the HTTP in front of the backend and the simulator behaves (what a network or proxy adds). */
export interface HarnessOptions {
  /** Milliseconds every contract call waits before it is answered (on the page's clock). */
  latencyMs?: number;
  /** The first call of each operation fails with a 500, later ones succeed (retry paths). */
  failFirstAttempt?: boolean;
  /** Cross-Origin-Opener-Policy on the simulator's pages, e.g. `same-origin`. */
  exactOpenerPolicy?: string;
  /** Send that policy only from the consent page on: the popup is severed late (`coop-late`). */
  exactOpenerPolicyFromConsent?: boolean;
  /** The simulator on the other loopback host (127.0.0.1 ↔ localhost): the login runs cross-origin. */
  crossOriginExact?: boolean;
}

export interface SeedConnection {
  organisationId: string;
  divisionCode: number;
  bookingFlow: BookingFlow;
  createdAt: number;
}

export interface World {
  platform: PlatformSeed;
  exact: Seed;
  /** Lien's Exact login, as the simulator's login form takes it. */
  login: { username: string; password: string };
  /** A colleague's Exact login in the same company (fewer administrations): logging in as another Exact user. */
  otherLogin: { username: string; password: string };
  /** Made through the real flow (a login, then POST connections) when the backend starts. */
  connections: SeedConnection[];
  /**
   * Whether the login those connections were made with stays usable (`grant`: the element offers
   * it). Otherwise it has lapsed, as a grant unused for 30 days does: the connections need a new
   * login and nothing is offered for reuse.
   */
  keepGrant: boolean;
  /** Simulator faults that hold from the start (refused mailboxes). */
  faults: Fault[];
  limits?: Partial<Limits>;
  harness: HarnessOptions;
}

const EXISTING_CONNECTION_AT = Date.parse('2025-03-03T09:30:00Z');
const ACCOUNT = 'acc_elien';
export const EXACT_COMPANY = 'elien';
/** Exactly this many organisations and administrations in `huge`, the defaults included. */
export const HUGE_COUNT = 10_000;

/** Every second day from 2025-01-06 to 2026-11-30: the days documents arrived in Postvak In. */
const documentDates = (): string[] => {
  const days: string[] = [];
  for (let at = Date.parse('2025-01-06'); at <= Date.parse('2026-11-30'); at += 2 * 86_400_000) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
};

const statusCode = { active: 1, inactive: 0, archived: 2 } as const;

function toSimulatorDivision(division: ExactDivision): SeedDivision {
  return {
    code: division.code,
    company: EXACT_COMPANY,
    description: division.name,
    // Without a number of its own in the seed, the one the user sees is the code (as the old seeds showed it).
    hid: Number(division.hid) || division.code,
    customerName: division.customerName ?? division.name,
    kvk: division.kvk,
    vatNumber: division.vatNumber,
    country: division.country ?? '',
    status: statusCode[division.status ?? 'active'],
    blockingStatus: division.blocked ? 1 : 0,
  };
}

function toPlatformOrganisation(organisation: OrganisationSeed, dates: string[]): PlatformOrganisation {
  return {
    id: organisation.id,
    accountId: ACCOUNT,
    name: organisation.name,
    kvk: organisation.kvk,
    vatNumber: organisation.vatNumber ?? null,
    country: 'NL',
    blockers: organisation.blockers,
    documentDates: dates,
    ...(organisation.legacyEndedAt ? { legacyEndedAt: organisation.legacyEndedAt } : {}),
  };
}

interface Shape {
  installed?: boolean;
  connected?: boolean;
  /** Extra generated organisations and administrations (`many`). */
  extra?: number;
  /** Generated organisations and administrations on top of the defaults (`huge`), counted apart. */
  generated?: { organisations: number; divisions: number };
  add?: (organisations: OrganisationSeed[], divisions: ExactDivision[]) => void;
  connections?: Array<[organisationId: string, divisionCode: number]>;
  keepGrant?: boolean;
  faults?: Fault[];
  /** Exact's limits for this world, in place of the generated worlds' lifted ones. */
  limits?: Partial<Limits>;
  harness?: HarnessOptions;
}

const generatedCache = new Map<string, { organisations: OrganisationSeed[]; divisions: ExactDivision[] }>();

/** Generated rows, made once per size and shared (nothing mutates them): a big world resets fast. */
function generatedRows(organisationCount: number, divisionCount: number, firstIndex: number) {
  const key = `${organisationCount}/${divisionCount}/${firstIndex}`;
  let rows = generatedCache.get(key);
  if (!rows) {
    rows = {
      organisations: generatedOrganisations(organisationCount, new SeededRandom(3), firstIndex),
      divisions: generatedDivisions(divisionCount, new SeededRandom(4), 200001),
    };
    generatedCache.set(key, rows);
  }
  return rows;
}

function build(shape: Shape = {}): World {
  // One seed per kind of data, so adding generated rows never changes the default ones.
  const organisations = defaultOrganisations(new SeededRandom(1));
  const divisions = defaultDivisions(new SeededRandom(2));
  matchDefaults(organisations, divisions);
  if (shape.extra) {
    organisations.push(...generatedOrganisations(shape.extra, new SeededRandom(3), organisations.length + 1));
    divisions.push(...generatedDivisions(shape.extra, new SeededRandom(4), 200001));
  }
  if (shape.generated) {
    const rows = generatedRows(shape.generated.organisations, shape.generated.divisions, organisations.length + 1);
    organisations.push(...rows.organisations);
    divisions.push(...rows.divisions);
  }
  shape.add?.(organisations, divisions);
  const dates = documentDates();
  const codes = divisions.map((division) => division.code);
  const connections: Array<[string, number]> = shape.connected === false ? [] : [[organisationIds.bakkerij, divisionCodes.bakkerij], ...(shape.connections ?? [])];
  return {
    platform: {
      accounts: [{ id: ACCOUNT, name: 'eLien', autopilotInstalled: shape.installed ?? true }],
      users: [{ id: platformUser.id, name: platformUser.name, email: platformUser.email ?? '', accountId: ACCOUNT }],
      organisations: organisations.map((organisation) => toPlatformOrganisation(organisation, dates)),
      appStoreUrl: 'https://app.econnect.eu/app-winkel',
    },
    exact: {
      companies: [{ id: EXACT_COMPANY, name: 'eLien', region: 'nl', trial: false }],
      users: [
        {
          userId: exactUser.id,
          username: exactUser.email ?? 'lien@elien.nl',
          password: 'secret',
          fullName: exactUser.name,
          email: exactUser.email ?? 'lien@elien.nl',
          language: 'nl-NL',
          company: EXACT_COMPANY,
          divisions: codes,
          currentDivision: codes[0] ?? 0,
          mailboxRights: true,
        },
        {
          userId: '7c1e9f42-3b8d-4e6a-b0c5-91d2a4f6e8b3',
          username: 'bram@elien.nl',
          password: 'secret',
          fullName: 'Bram Bakker',
          email: 'bram@elien.nl',
          language: 'nl-NL',
          company: EXACT_COMPANY,
          divisions: codes.slice(0, 3),
          currentDivision: codes[0] ?? 0,
          mailboxRights: true,
        },
      ],
      divisions: divisions.map(toSimulatorDivision),
      mailboxes: [],
    },
    login: { username: exactUser.email ?? 'lien@elien.nl', password: 'secret' },
    otherLogin: { username: 'bram@elien.nl', password: 'secret' },
    connections: connections.map(([organisationId, divisionCode]) => ({ organisationId, divisionCode, bookingFlow: 'simple', createdAt: EXISTING_CONNECTION_AT })),
    keepGrant: shape.keepGrant ?? false,
    faults: shape.faults ?? [],
    // The generated worlds page through thousands of divisions: at Exact's 60 rows a page and 60 calls a minute
    // a login would take minutes in a page (43 s measured with the rate limit lifted), so their pages are bigger.
    ...(shape.limits ? { limits: shape.limits } : shape.extra || shape.generated ? { limits: { callsPerMinute: 100_000, callsPerDay: 1_000_000, pageSize: 1000 } } : {}),
    harness: shape.harness ?? {},
  };
}

/** The rows of one world in place of the defaults (made once and shared: nothing mutates them but `add`, which copies). */
const replaceRows = (rows: () => { organisations: OrganisationSeed[]; divisions: ExactDivision[] }) => (organisations: OrganisationSeed[], divisions: ExactDivision[]) => {
  const made = rows();
  organisations.splice(0, organisations.length, ...made.organisations.map((organisation) => ({ ...organisation, blockers: [...organisation.blockers] })));
  divisions.splice(0, divisions.length, ...made.divisions);
};

let batch200Cache: ReturnType<typeof batch200Rows> | undefined;

const trouble = troubleDivisionCodes;
/** Fietsenmakerij Van Dijk, the third default organisation. */
const FIETSENMAKERIJ = 'org_0003';

/** Named worlds for tests, stories and the demo; each call builds a fresh one. */
export const worlds: Record<ScenarioName, () => World> = {
  default: () => build(),
  empty: () => build({ connected: false }),
  many: () => build({ extra: 2000 }),
  slow: () => build({ harness: { latencyMs: 2500 } }),
  errors: () => build({ harness: { failFirstAttempt: true } }),
  'not-installed': () => build({ installed: false }),
  // Names with markup, RTL text, 500 characters and emoji, on both sides of a connection too.
  hostile: () =>
    build({
      add: (organisations, divisions) => {
        organisations.push(...hostileOrganisations(new SeededRandom(5)));
        divisions.push(...hostileDivisions(new SeededRandom(6)));
      },
      connections: [[hostileOrganisationIds.bold, hostileDivisionCodes.bold]],
    }),
  huge: () => build({ generated: { organisations: HUGE_COUNT - 12, divisions: HUGE_COUNT - 6 } }),
  // Lien's earlier login stays usable: the element offers `Doorgaan als`.
  grant: () => build({ keepGrant: true }),
  coop: () => build({ harness: { exactOpenerPolicy: 'same-origin', crossOriginExact: true } }),
  'coop-late': () => build({ harness: { exactOpenerPolicy: 'same-origin', exactOpenerPolicyFromConsent: true, crossOriginExact: true } }),
  // Two connections of Lien's whose login lapsed: one `Opnieuw verbinden` repairs both.
  lapsed: () => build({ connections: [[FIETSENMAKERIJ, divisionCodes.bakkerij + 2]] }),
  // Administrations Exact Online refuses at POST /connections, each for its own reason.
  // Four administrations still on the old connector (the migration note: switch them all at once, or
  // through another Exact user); Bakkerij de Gouden Korst's old connection ended a week before its new one.
  legacy: () =>
    build({
      add: (organisations) => {
        organisations.push(...legacyOrganisations(new SeededRandom(9)));
        const bakkerij = organisations.find((organisation) => organisation.id === organisationIds.bakkerij);
        if (bakkerij) bakkerij.legacyEndedAt = legacyEndedAt;
      },
    }),
  // No blocker on any organisation (Kapsalon Knip & Krul still lacks a KvK number): every prerequisite the platform knows is met.
  ready: () =>
    build({
      add: (organisations) => {
        for (const organisation of organisations) organisation.blockers = [];
      },
    }),
  // Every organisation still to connect is held back by a prerequisite: `New Connection` cannot lead anywhere.
  blocked: () =>
    build({
      add: (organisations) => {
        for (const organisation of organisations) {
          if (organisation.id !== organisationIds.bakkerij && organisation.blockers.length === 0) organisation.blockers = ['legacy_connection_active'];
        }
      },
    }),
  // Many organisations at once: 40 organisations against Lien's 60 administrations, matched by KvK (29), VAT
  // only (4), a similar name only (2) or not at all (2); two blocked; Bakkerij de Gouden Korst connected.
  batch: () => build({ add: replaceRows(() => batchRows(new SeededRandom(10))) }),
  // The benchmark's 200 organisations × 2,000 administrations, against Exact's real rate limit (60 calls a
  // minute); only the page size is the generated worlds' 1,000, so the login's division fill is two calls.
  'batch-200': () =>
    build({
      connected: false,
      add: replaceRows(() => (batch200Cache ??= batch200Rows(new SeededRandom(11)))),
      limits: { pageSize: 1000 },
    }),
  trouble: () =>
    build({
      add: (organisations, divisions) => {
        organisations.push(...troubleOrganisations(new SeededRandom(7)));
        divisions.push(...troubleDivisions(new SeededRandom(8)));
      },
      connections: [[troubleOrganisationIds.connected, trouble.alreadyConnected]],
      faults: [
        { kind: 'mailboxRefused', division: trouble.mailboxForbidden, failure: 'forbidden' },
        { kind: 'mailboxRefused', division: trouble.mailboxLinkedElsewhere, failure: 'linkedToOtherDivision' },
        { kind: 'mailboxRefused', division: trouble.trialLicence, failure: 'trialLicence' },
        { kind: 'mailboxRefused', division: trouble.noDivisionAccess, failure: 'noDivisionAccess' },
      ],
    }),
};
