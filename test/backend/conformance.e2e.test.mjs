// The conformance kit against the reference backend: the kit a backend team runs, on our own
// backend, on embedded Postgres (PGlite) and, when one is installed, on a PostgreSQL server.
// A fresh simulator per run: the kit moves its clock, blocks an administration and ends a chain.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeModules, loadModules, pageOrigin, startWorld } from './harness.mjs';
import { startPostgres } from './postgres-fixture.mjs';

const modules = await loadModules();
// The kit is TypeScript too; the same vite server loads it.
const { runConformance } = await modules.load('/src/conformance/index.ts');
const postgres = await startPostgres();
after(async () => {
  await postgres.stop?.();
  await closeModules();
});

async function passesTheKit(databaseOptions) {
  const world = await startWorld(modules, databaseOptions);
  try {
    const lines = [];
    const { results, passed } = await runConformance(
      { api: `${world.backend.url}/api`, exact: world.exact.origin, origin: pageOrigin, devSessions: true },
      (result) => lines.push(`${result.outcome.toUpperCase()} ${result.name}${result.detail ? `: ${result.detail}` : ''}`),
    );
    const failed = results.filter((result) => result.outcome === 'fail');
    assert.deepEqual(failed.map((result) => `${result.name}: ${result.detail}`), [], lines.join('\n'));
    assert.equal(passed, true, lines.join('\n'));
    if (process.env.KIT_LINES) console.log(lines.join('\n'));
    // The kit's checks ran, not skipped: a skip would hide a missing capability.
    assert.deepEqual(results.filter((result) => result.outcome === 'skip').map((result) => result.name), [], lines.join('\n'));
    // Suggestions are optional in the contract; the reference backend offers them.
    assert.match(results.find((result) => result.name.startsWith('suggestions:'))?.detail ?? '', /organisations with suggestions, each correct/, lines.join('\n'));
  } finally {
    await world.close();
  }
}

describe('the conformance kit against the reference backend', { concurrency: 1 }, () => {
  it('passes on embedded Postgres (PGlite, in memory)', { timeout: 180_000 }, () => passesTheKit({}));
  it('passes on a PostgreSQL server', { timeout: 180_000, skip: postgres.skip }, async () =>
    passesTheKit({ databaseUrl: await postgres.createDatabase('conformance') }));
});
