import type { Counters } from './counters.js';
import type { FaultQueue } from './faults.js';
import type { RoutedRequest } from './hosts.js';
import type { ResolvedOptions } from './options.js';
import type { SeededRandom } from './seeded-random.js';
import type { World } from './world.js';

/** What one request's handler may use: the simulator's parts, never module-level state. */
export interface SimulatorParts {
  options: ResolvedOptions;
  world: World;
  counters: Counters;
  faults: FaultQueue;
  random: SeededRandom;
  /** The simulator's clock (the options' clock plus any advance asked for over the control endpoint). */
  now: () => number;
}

export interface RequestContext extends SimulatorParts {
  request: Request;
  url: URL;
  route: RoutedRequest;
}

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Opaque strings shaped like Exact's: a host stamp, then base64-like text; codes carry a `!`. */
export const makeSecrets = (random: SeededRandom) => ({
  code: (region: string) => `stamp${region}01.${random.chars(12, alphanumeric)}!IAAAA${random.chars(300, alphanumeric)}`,
  /** About 650 characters, so a column that truncates tokens is found out. */
  accessToken: (region: string) => `stamp${region}01.gAAAA${random.chars(638, alphanumeric)}`,
  refreshToken: (region: string) => `stamp${region}01.${random.chars(20, alphanumeric)}!IAAAA${random.chars(360, alphanumeric)}`,
  id: () => random.guid(),
});
