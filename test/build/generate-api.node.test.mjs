// scripts/generate-api.mjs on contracts it must refuse: a schema keyword it has no runtime check
// for must stop the generation with a message naming it, instead of going unchecked unnoticed.
// Each case runs the generator in a scratch copy of the layout it expects (scripts/, src/api/).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const contract = JSON.parse(readFileSync(join(root, 'src/api/openapi.json'), 'utf8'));
const scratch = [];
after(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs the generator on `spec`; returns its exit code, its output and the checks it wrote. */
function generate(spec) {
  const dir = mkdtempSync(join(tmpdir(), 'generate-api-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'src/api'), { recursive: true });
  copyFileSync(join(root, 'scripts/generate-api.mjs'), join(dir, 'scripts/generate-api.mjs'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'src/api/openapi.json'), JSON.stringify(spec));
  const run = spawnSync(process.execPath, [join(dir, 'scripts/generate-api.mjs')], { encoding: 'utf8' });
  const read = (name) => {
    try {
      return readFileSync(join(dir, 'src/api', name), 'utf8');
    } catch {
      return null;
    }
  };
  return { status: run.status, output: `${run.stdout}${run.stderr}`, guards: read('guards.generated.ts'), schemaChecks: read('schema-checks.generated.ts') };
}

/** The contract with one schema changed. */
function withSchema(name, change) {
  const spec = structuredClone(contract);
  change(spec.components.schemas[name]);
  return spec;
}

describe('generate-api: the runtime checks', () => {
  it('are written from the contract as it is, the same as the committed ones', () => {
    const { status, guards, schemaChecks } = generate(contract);
    assert.equal(status, 0);
    assert.equal(guards, readFileSync(join(root, 'src/api/guards.generated.ts'), 'utf8'));
    assert.equal(schemaChecks, readFileSync(join(root, 'src/api/schema-checks.generated.ts'), 'utf8'));
    // The client's module holds only what the client checks: no request body.
    assert.doesNotMatch(guards, /Request\b/);
  });

  const refusals = [
    ['a keyword without a check', withSchema('User', (s) => (s.properties.email.multipleOf = 2)), /User\.email: no runtime check for multipleOf/],
    ['an unknown format', withSchema('Redelivery', (s) => (s.properties.from.format = 'email')), /Redelivery\.from: no runtime check for format email/],
    ['a $ref with a sibling', withSchema('Status', (s) => (s.properties.user.minLength = 1)), /Status\.user: \$ref beside \$ref, minLength/],
    ['required out of the order of properties', withSchema('Problem', (s) => (s.required = ['code', 'title', 'status'])), /Problem: list required \(code, title, status\) in the order of properties/],
    ['a required key that is no property', withSchema('User', (s) => s.required.push('phone')), /User: list required/],
  ];
  for (const [what, spec, message] of refusals) {
    it(`refuses ${what}, saying where`, () => {
      const { status, output, guards, schemaChecks } = generate(spec);
      assert.notEqual(status, 0);
      assert.match(output, message);
      assert.deepEqual([guards, schemaChecks], [null, null], 'nothing is written');
    });
  }
});
