import { batchChecks } from './checks/batch.js';
import { exactHealthChecks } from './checks/exact-health.js';
import { idempotencyChecks } from './checks/idempotency.js';
import { contractTally, leakChecks } from './checks/leaks.js';
import { listingChecks } from './checks/listings.js';
import { loginChecks } from './checks/login.js';
import { prerequisiteChecks } from './checks/prerequisites.js';
import { sessionChecks } from './checks/sessions.js';
import type { Check } from './checks/check.js';
import { Failure, Kit, Skip, type KitOptions } from './kit.js';

export type Outcome = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  name: string;
  outcome: Outcome;
  /** Why it failed or was skipped; on a pass, what was seen. */
  detail: string;
}

/**
 * In this order: later checks use what earlier ones made (the grant, the connections), and the
 * ones that break Exact's side for good (a blocked administration, a dead token chain) come last.
 */
export const checks: readonly Check[] = [...sessionChecks, ...loginChecks, ...listingChecks, ...idempotencyChecks, ...batchChecks, ...prerequisiteChecks, ...exactHealthChecks, ...leakChecks];

/** Runs every check against a running backend and simulator; `report` hears each result as it comes. */
export async function runConformance(options: KitOptions, report: (result: CheckResult) => void = () => {}): Promise<{ results: CheckResult[]; passed: boolean }> {
  const kit = new Kit(options);
  const results: CheckResult[] = [];
  let violations = 0;
  const add = (result: CheckResult) => {
    results.push(result);
    report(result);
  };
  for (const check of checks) {
    let outcome: Outcome = 'pass';
    let detail = '';
    try {
      detail = (await check.run(kit)) ?? '';
    } catch (error) {
      outcome = error instanceof Skip ? 'skip' : 'fail';
      detail = error instanceof Skip || error instanceof Failure ? error.message : `unexpected error: ${(error as Error).message ?? String(error)}`;
    }
    // Twenty identical violations of twenty concurrent calls are one finding.
    const broken = [...new Set(kit.backend.takeViolations())];
    violations += broken.length;
    if (broken.length) {
      outcome = 'fail';
      detail = [`contract: ${broken.slice(0, 3).join('; ')}${broken.length > 3 ? ` (and ${broken.length - 3} more)` : ''}`, detail].filter(Boolean).join(' — ');
    }
    add({ name: check.name, outcome, detail });
  }
  const tally = contractTally(kit, violations);
  add({ name: 'contract: every answer the kit saw matched the contract', outcome: tally.ok ? 'pass' : 'fail', detail: tally.detail });
  return { results, passed: results.every((result) => result.outcome !== 'fail') };
}
