export { createExactSimulator, type ExactSimulator, type IssuedTokens, type SeededLogin } from './simulator.js';
export { exactLimits, type Limits, type RegisteredApp, type SimulatorOptions } from './options.js';
export { defaultSeed, bigSeed, type Seed, type SeedCompany, type SeedDivision, type SeedMailbox, type SeedUser } from './seed.js';
export { exactHosts, regions, regionBase, routeRequest, type Region } from './hosts.js';
export { forbiddenReasons, mailboxFailures, type Fault, type ForbiddenReason, type MailboxFailure } from './faults.js';
export type { Counters, GrantType } from './counters.js';
export { CONTROL_PREFIX } from './control.js';
export { SESSION_COOKIE, SIMULATOR_COOKIE_HEADER, SIMULATOR_SET_COOKIE_HEADER } from './session-cookie.js';
