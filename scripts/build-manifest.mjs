#!/usr/bin/env node
/**
 * Writes the Custom Elements Manifest to dist/custom-elements.json (run after `vite build`, which
 * empties dist/) and prints what it lists per element.
 *
 * Usage: node scripts/build-manifest.mjs [output path]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { elementsOf, generateManifest, root } from './manifest/generate.mjs';

const output = resolve(process.argv[2] ?? join(root, 'dist', 'custom-elements.json'));
try {
  const manifest = await generateManifest();
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`build-manifest: ${relative(root, output)}`);
  for (const [tag, element] of elementsOf(manifest)) {
    const count = (list) => (list ?? []).length;
    const methods = (element.members ?? []).filter((member) => member.kind === 'method');
    const fields = (element.members ?? []).filter((member) => member.kind === 'field');
    console.log(
      `  <${tag}>: ${count(element.attributes)} attributes, ${fields.length} properties, ${methods.length} methods (${methods.map((method) => `${method.name}()`).join(', ') || 'none'}), ` +
        `${count(element.events)} events, ${count(element.slots)} slots, ${count(element.cssParts)} parts, ${count(element.cssProperties)} custom properties`,
    );
  }
} catch (error) {
  console.error(`build-manifest: ${error.message}`);
  process.exit(1);
}
