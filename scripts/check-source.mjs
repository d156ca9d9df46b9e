#!/usr/bin/env node
/**
 * Fails if an HTML sink appears anywhere in src/: names from the backend (organisations,
 * administrations, Exact users) must only ever reach the page as text, through Lit's
 * auto-escaping bindings. Checked: unsafeHTML, innerHTML, outerHTML, insertAdjacentHTML, document.write.
 *
 * Nothing under src/ is excluded. The mock's simulated Exact Online pages (src/mocks/exact-pages.ts)
 * are HTML strings served over HTTP with every value passed through escapeHtml; they use none of
 * these sinks, so they need no exception either.
 *
 * Usage: node scripts/check-source.mjs [dir]   (exit code 1 and a list of hits when found)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.argv[2] ?? join(root, 'src');
// styleMap too: it writes a `style` attribute on first render, which a strict CSP refuses.
const sinks = /\b(unsafeHTML|innerHTML|outerHTML|insertAdjacentHTML|styleMap)\b|\bdocument\s*\.\s*write(ln)?\b/g;
const extensions = /\.(ts|tsx|js|mjs|cjs|html)$/;

function* files(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (extensions.test(name)) yield full;
  }
}

const hits = [];
for (const file of files(dir)) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      for (const match of line.matchAll(sinks)) hits.push(`${relative(root, file)}:${index + 1}: ${match[0]}  ${line.trim().slice(0, 120)}`);
    });
}

if (hits.length) {
  console.error(`HTML sinks in ${relative(root, dir) || '.'}/ (render untrusted text as text, never as markup):\n${hits.join('\n')}`);
  process.exit(1);
}
console.log(`check-source: no unsafeHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write in ${relative(root, dir) || '.'}/`);
