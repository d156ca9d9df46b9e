import type { BackendOptions } from './backend.js';
import { ExactOnline } from './exact-online.js';
import { MockPlatform } from './model.js';
import { SeededRandom } from './random.js';
import type { ScenarioName } from './scenario-names.js';
import {
  defaultDivisions,
  defaultOrganisations,
  divisionCodes,
  exactUser,
  generatedDivisions,
  generatedOrganisations,
  organisationIds,
  platformUser,
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
}

const APP_STORE_URL = 'https://app.econnect.eu/app-winkel';
const EXISTING_CONNECTION_AT = Date.parse('2025-03-03T09:30:00Z');

function buildPlatform({ installed = true, connected = true, extra = 0, now }: PlatformShape = {}): MockPlatform {
  // One seed per kind of data, so adding generated rows never changes the default ones.
  const organisations = defaultOrganisations(new SeededRandom(1));
  const divisions = defaultDivisions(new SeededRandom(2));
  if (extra > 0) {
    organisations.push(...generatedOrganisations(extra, new SeededRandom(3), organisations.length + 1));
    divisions.push(...generatedDivisions(extra, new SeededRandom(4), 200001));
  }
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

/** Named worlds for tests, stories and the demo; each call builds a fresh one. */
export const scenarios: Record<ScenarioName, (init?: ScenarioInit) => Scenario> = {
  default: (init) => ({ platform: buildPlatform(init), options: {} }),
  empty: (init) => ({ platform: buildPlatform({ ...init, connected: false }), options: {} }),
  many: (init) => ({ platform: buildPlatform({ ...init, extra: 2000 }), options: {} }),
  slow: (init) => ({ platform: buildPlatform(init), options: { latencyMs: 2500 } }),
  errors: (init) => ({ platform: buildPlatform(init), options: { failFirstAttempt: true } }),
  'not-installed': (init) => ({ platform: buildPlatform({ ...init, installed: false }), options: {} }),
};
