/**
 * What the built package imports, it declares: every package that dist/'s modules or declarations
 * import (outside the self-contained dist/standalone/ and dist/callback/, which import nothing) is a
 * dependency or a peer dependency, so a host's package manager installs it or warns about it. Peers
 * are optional: the element needs none; only an entry that uses one (./mocks: msw, vite, and the
 * reference backend's hono, oauth4webapi and @electric-sql/pglite; ./react:
 * react) or a server-rendered host's hydration (@lit-labs/ssr-client) does.
 * Run by `npm run test:ssr`, after `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
if (!existsSync(dist)) throw new Error('No dist/: run `npm run build` first (npm run test:ssr does).');

const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
const selfContained = ['standalone', 'callback'].map((folder) => join(dist, folder));
const modules = files(dist).filter((file) => /\.(js|d\.ts)$/.test(file) && !selfContained.some((folder) => file.startsWith(folder)));

/** The package a bare specifier names: `lit/decorators.js` → `lit`, `@lit/task` → `@lit/task`. */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const bare = (specifier) => !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:') && !builtinModules.includes(specifier);

/** Each package imported, with the files that import it. */
const imported = new Map();
for (const file of modules) {
  const text = readFileSync(file, 'utf8');
  const statements = /(?:^|[;\s}])(?:import|export)\s*(?:type\s+)?(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  for (const match of text.matchAll(statements)) {
    const specifier = match[1] ?? match[2];
    if (!bare(specifier)) continue;
    const name = packageOf(specifier);
    imported.set(name, [...(imported.get(name) ?? []), relative(dist, file)]);
  }
}

describe('the built package declares what it imports', () => {
  it('finds the imports at all (the scan works)', () => {
    for (const name of ['lit', 'xstate', '@lit/task']) assert.ok(imported.has(name), `dist/ imports ${name}`);
  });

  it('every imported package is a dependency or a peer dependency', () => {
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const missing = [...imported].filter(([name]) => !declared.has(name)).map(([name, by]) => `${name} (imported by ${by.join(', ')})`);
    assert.deepEqual(missing, [], 'undeclared imports');
  });

  it('every peer dependency is optional, and the hydration support for server-rendered hosts is one', () => {
    const peers = Object.keys(pkg.peerDependencies ?? {});
    assert.ok(peers.includes('@lit-labs/ssr-client'), '@lit-labs/ssr-client is a peer (README: Server rendering)');
    assert.deepEqual(peers.filter((name) => pkg.peerDependenciesMeta?.[name]?.optional !== true), [], 'peers that are not optional');
  });
});
