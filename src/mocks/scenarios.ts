import type { BackendOptions } from './backend.js';
import { ExactOnline, type ExactDivision } from './exact-online.js';
import { MockPlatform } from './model.js';
import { SeededRandom } from '../exact-simulator/seeded-random.js';
import type { ScenarioName } from './scenario-names.js';
import {
  defaultDivisions,
  defaultOrganisations,
  divisionCodes,
  existingGrantId,
  exactUser,
  generatedDivisions,
  generatedOrganisations,
  hostileDivisionCodes,
  hostileDivisions,
  hostileOrganisationIds,
  hostileOrganisations,
  organisationIds,
  platformUser,
  troubleDivisionCodes,
  troubleDivisions,
  troubleOrganisationIds,
  troubleOrganisations,
} from './seed-data.js';

export { isScenarioName, scenarioNames, type ScenarioName } from './scenario-names.js';

export interface Scenario {
  platform: MockPlatform;
  options: BackendOptions;
}

/** What a test may set on any scenario. */
export interface ScenarioInit {
  /** The clock, so a test can let a login expire. */
  now?: () => number;
}

interface PlatformShape extends ScenarioInit {
  installed?: boolean;
  connected?: boolean;
  /** Extra generated organisations and administrations, for the long-list scenario. */
  extra?: number;
  /** Generated organisations and administrations on top of the defaults (`huge`), counted apart. */
  generated?: { organisations: number; divisions: number };
  /** Hand-made organisations and administrations added to the defaults (`hostile`, `trouble`). */
  add?: (organisations: OrganisationSeed[], divisions: ExactDivision[]) => void;
}

type OrganisationSeed = ReturnType<typeof defaultOrganisations>[number];

const APP_STORE_URL = 'https://app.econnect.eu/app-winkel';
const EXISTING_CONNECTION_AT = Date.parse('2025-03-03T09:30:00Z');

const generatedCache = new Map<string, { organisations: OrganisationSeed[]; divisions: ExactDivision[] }>();

/**
 * Generated rows, made once per size and shared by every build (nothing mutates seed
 * objects): resetting a ten-thousand-item world then costs a few milliseconds. The
 * organisations come sorted by name, so the platform's own sort has little left to do.
 */
function generatedRows(organisationCount: number, divisionCount: number, firstIndex: number) {
  const key = `${organisationCount}/${divisionCount}/${firstIndex}`;
  let rows = generatedCache.get(key);
  if (!rows) {
    const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
    rows = {
      organisations: generatedOrganisations(organisationCount, new SeededRandom(3), firstIndex).sort((a, b) => collator.compare(a.name, b.name)),
      divisions: generatedDivisions(divisionCount, new SeededRandom(4), 200001),
    };
    generatedCache.set(key, rows);
  }
  return rows;
}

function buildPlatform({ installed = true, connected = true, extra = 0, generated, add, now }: PlatformShape = {}): MockPlatform {
  // One seed per kind of data, so adding generated rows never changes the default ones.
  const organisations = defaultOrganisations(new SeededRandom(1));
  const divisions = defaultDivisions(new SeededRandom(2));
  if (extra > 0) {
    organisations.push(...generatedOrganisations(extra, new SeededRandom(3), organisations.length + 1));
    divisions.push(...generatedDivisions(extra, new SeededRandom(4), 200001));
  }
  if (generated) {
    const rows = generatedRows(generated.organisations, generated.divisions, organisations.length + 1);
    organisations.push(...rows.organisations);
    divisions.push(...rows.divisions);
  }
  add?.(organisations, divisions);
  const exact = new ExactOnline({ user: exactUser, region: 'nl', divisions });
  const platform = new MockPlatform({
    user: platformUser,
    autopilotInstalled: installed,
    appStoreUrl: APP_STORE_URL,
    organisations,
    exact,
    ...(now ? { now } : {}),
  });
  if (connected) {
    platform.addConnection(organisationIds.bakkerij, divisionCodes.bakkerij, 'simple', exactUser, EXISTING_CONNECTION_AT);
  }
  return platform;
}

/** Exactly this many organisations and administrations in `huge`, the defaults included. */
export const HUGE_COUNT = 10_000;

/** `hostile`: the default world plus names with markup, RTL text, 500 characters and emoji. */
function buildHostile(init?: ScenarioInit): MockPlatform {
  const platform = buildPlatform({
    ...init,
    add: (organisations, divisions) => {
      organisations.push(...hostileOrganisations(new SeededRandom(5)));
      divisions.push(...hostileDivisions(new SeededRandom(6)));
    },
  });
  // So the connection list shows a hostile name on both sides too.
  platform.addConnection(hostileOrganisationIds.bold, hostileDivisionCodes.bold, 'simple', exactUser, EXISTING_CONNECTION_AT);
  return platform;
}

/** `trouble`: the default world plus administrations Exact Online refuses at POST /connections. */
function buildTrouble(init?: ScenarioInit): MockPlatform {
  const platform = buildPlatform({
    ...init,
    add: (organisations, divisions) => {
      organisations.push(...troubleOrganisations(new SeededRandom(7)));
      divisions.push(...troubleDivisions(new SeededRandom(8)));
    },
  });
  const codes = troubleDivisionCodes;
  platform.failConnectionsTo(codes.mailboxForbidden, {
    status: 403,
    code: 'mailbox_forbidden',
    detail: 'Exact Online answered Forbidden: this Exact user has no rights to create the Digitale Brievenbus for the administration.',
  });
  platform.failConnectionsTo(codes.mailboxLinkedElsewhere, {
    status: 409,
    code: 'mailbox_linked_elsewhere',
    detail: 'The Digitale Brievenbus of this administration is already linked to another administration or provider.',
  });
  platform.failConnectionsTo(codes.trialLicence, {
    status: 403,
    code: 'trial_licence',
    detail: 'The administration runs on an Exact Online trial licence, which has no Digitale Brievenbus.',
  });
  platform.failConnectionsTo(codes.noDivisionAccess, {
    status: 403,
    code: 'no_division_access',
    detail: 'Exact Online reports NoDivisionAccess: this Exact user has no access to the administration.',
  });
  platform.addConnection(troubleOrganisationIds.connected, codes.alreadyConnected, 'simple', exactUser, EXISTING_CONNECTION_AT);
  return platform;
}

/** `grant`: the default world, and the platform already holds Lien's grant to every default administration. */
function buildGrant(init?: ScenarioInit): MockPlatform {
  const platform = buildPlatform(init);
  platform.addGrant({ id: existingGrantId, exactUser, region: 'nl' });
  return platform;
}

/** Named worlds for tests, stories and the demo; each call builds a fresh one. */
export const scenarios: Record<ScenarioName, (init?: ScenarioInit) => Scenario> = {
  default: (init) => ({ platform: buildPlatform(init), options: {} }),
  empty: (init) => ({ platform: buildPlatform({ ...init, connected: false }), options: {} }),
  many: (init) => ({ platform: buildPlatform({ ...init, extra: 2000 }), options: {} }),
  slow: (init) => ({ platform: buildPlatform(init), options: { latencyMs: 2500 } }),
  errors: (init) => ({ platform: buildPlatform(init), options: { failFirstAttempt: true } }),
  'not-installed': (init) => ({ platform: buildPlatform({ ...init, installed: false }), options: {} }),
  hostile: (init) => ({ platform: buildHostile(init), options: {} }),
  huge: (init) => ({
    platform: buildPlatform({ ...init, generated: { organisations: HUGE_COUNT - 12, divisions: HUGE_COUNT - 6 } }),
    options: {},
  }),
  grant: (init) => ({ platform: buildGrant(init), options: {} }),
  coop: (init) => ({ platform: buildPlatform(init), options: { exactOpenerPolicy: 'same-origin', crossOriginExact: true } }),
  'coop-late': (init) => ({
    platform: buildPlatform(init),
    options: { exactOpenerPolicy: 'same-origin', exactOpenerPolicyFromConsent: true, crossOriginExact: true },
  }),
  trouble: (init) => ({ platform: buildTrouble(init), options: {} }),
};
