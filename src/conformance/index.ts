export { runConformance, checks, type CheckResult, type Outcome } from './run.js';
export type { KitOptions } from './kit.js';
export { parseArguments, main } from './cli.js';
