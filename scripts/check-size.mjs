#!/usr/bin/env node
/**
 * Size budgets (`npm run check:size`). Builds the self-contained build (dist/standalone/) and the
 * callback page (dist/callback/) with the project's Vite config (scripts/build.mjs's
 * `buildTarget`) into a temporary directory, with source maps, and measures what a host page
 * downloads:
 *
 * - the first load: the JavaScript `<autopilot-connect>` needs to show the overview in its
 *   default locale — the entry plus every chunk it loads at once (its static imports, and the
 *   element's chunk, which the entry imports as soon as it runs in a browser; lit, xstate and the
 *   rest are inside);
 * - the whole flow: the first load plus the later steps' chunk (src/views/later-steps.ts), which
 *   the element fetches while the overview shows. The locale chunks, loaded only when their
 *   language is asked for, are listed apart and not counted;
 * - the OAuth callback page: its HTML, its JavaScript (with static imports) and its CSS.
 *
 * Sizes are gzip level 9 per file (each file is a separate download), summed. The
 * `//# sourceMappingURL` comment the source-map build adds is left out, so the figures are
 * the ones of a build without maps.
 *
 * When a size passes its enforced limit it exits 1 and prints where the bytes come from — per
 * node_modules package and per src/ file, largest first, from the source maps — and which
 * sources grew since scripts/size-record.json (`--record` rewrites that file; `--why` prints
 * the shares even when nothing is broken).
 *
 * The measuring functions are exported for the benchmark (scripts/bench/run.mjs).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { buildTarget } from './build.mjs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `gzip` is the budget issue 5 sets. Where it does not hold yet, `ceiling` is what `npm test`
 * enforces instead: the size reached, with a little room, so the element cannot grow unnoticed
 * while the budget is open. The floor under the element is measured in the README ("Size").
 * Raised from 42 to 44 KB with contract v2 (2026-12-02: 43.56 KB): its one round trip, the login as
 * another Exact user, the 409 retry, open problem codes, blocked reasons and the health labels
 * cost 1.9 KB; the first-load issue (lazy later steps) brings the element under 30 KB.
 * Raised from 44 to 46 KB with connection management (2026-12-02: 45.49 KB): disconnecting with
 * its confirmation, the redelivery's count and confirmation, the unambiguous done screen, the
 * marked new connection and the Geavanceerde flow's way on cost 1.9 KB (five languages included).
 * Raised from 46 to 47.6 KB with the help article's prerequisites and migration note (2026-12-02:
 * 47.13 KB, +1.64 KB measured against the commit before): the checklist with each fix in words, the
 * note, `contact-url` and their Dutch texts (the other languages load apart).
 * Raised with the pickers and the finish (+1.5 KB measured): the suggested administration, the
 * refusals' ways on instead of a retry and the redelivery date in the element's locale (its own
 * reading and writing instead of the browser's date input).
 * Raised with reconnecting (+2.1 KB measured): `Opnieuw verbinden` and its report of what one
 * login repaired, the second login URL wherever a login starts, the warning before a login that
 * replaces a grant and the Exact user on each card. Together 51 KB (measured below it); the
 * first-load issue (16) brings the first load under 30 KB with the later steps loaded lazily.
 * Raised from 51 to 61 KB with many administrations at once (issue 14; 2026-12-02: 50.69 → 59.77 KB,
 * +9.1 KB measured against main): the batch's state, matching, run and resume record (≈3.3 KB), its
 * view, windowed table and styles (≈4.4 KB) and its Dutch texts (≈1.4 KB). None of it is needed
 * before `Meerdere administraties koppelen` is pressed: issue 16 loads it as a lazy chunk of its own.
 * Raised from 61 to 63 KB with the finished look (issue 15; 2026-12-02: 59.94 → 62.29 KB, +2.35 KB):
 * the design tokens and the dark scheme's `light-dark()` pairs, the skeletons, the named step
 * indicator and the Exact Online card (the styles from ≈2.6 to ≈4.0 KB), and the steps' names in
 * Dutch. Issue 16's minified template literals and lazy chunk take it under 30 KB.
 * Issue 16 (2026-12-02): the later steps — their views, the pickers, their words, live-region
 * sentences and style rules — are a chunk of their own, fetched while the overview shows. The
 * first load went from 62.29 to 45.06 KB: its ceiling is 46 KB. The whole flow (first load +
 * that chunk) is 64.87 KB, 2.6 KB more than the single file was (two files compress apart): its
 * ceiling is 66 KB. Neither budget holds yet; the README ("Size budgets") says what is left.
 * Lowered from 66 to 65 KB (2026-12-04: 64.78 KB) once Lightning CSS minified every `css`
 * literal, the pickers' too (−1.09 KB over the whole flow, −0.13 KB of it in the first load).
 */
export const BUDGETS = {
  element: { label: 'first load (standalone/autopilot-connect.js + what it loads at once)', gzip: 30 * 1024, ceiling: 46 * 1024 },
  flow: { label: 'whole flow (the first load + the later steps)', gzip: 45 * 1024, ceiling: 65 * 1024 },
  callback: { label: 'callback page (HTML + JS + CSS)', gzip: 2 * 1024 },
};
const enforced = (budget) => budget.ceiling ?? budget.gzip;

/** Minified bytes per source at the last `--record`, to name what grew when a limit breaks. */
const RECORD = join(ROOT, 'scripts', 'size-record.json');

const ENTRY = 'autopilot-connect.js';
const CALLBACK_HTML = 'callback.html';
/** The builds measured, each in its own folder as in dist/. */
const TARGETS = ['standalone', 'callback'];

// --- sizes ---------------------------------------------------------------------------------

/** A served file's text as a build without source maps would emit it. */
const withoutMapComment = (text) => text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '').replace(/\n?\/\*# sourceMappingURL=\S+ \*\/\s*$/, '');

export const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;
export const brotliSize = (buffer) =>
  brotliCompressSync(buffer, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: buffer.length } }).length;

function fileSizes(dir, fileName) {
  const raw = readFileSync(join(dir, fileName), 'utf8');
  const text = /\.(m?js|css)$/.test(fileName) ? withoutMapComment(raw) : raw;
  const buffer = Buffer.from(text, 'utf8');
  return { file: fileName, dir, min: buffer.length, gzip: gzipSize(buffer), brotli: brotliSize(buffer), code: text };
}

// --- build ---------------------------------------------------------------------------------

/**
 * The `standalone` and `callback` builds of vite.config.ts into `outDir/standalone` and
 * `outDir/callback` (`outDir` a fresh temporary directory when not given). Returns the
 * directory and, per build, its folder and chunk graph: fileName → { imports, dynamicImports, css, locale }.
 */
export async function buildPackage({ outDir = mkdtempSync(join(tmpdir(), 'autopilot-size-')), sourcemap = true } = {}) {
  const builds = {};
  for (const target of TARGETS) {
    const dir = join(outDir, target);
    const outputs = await buildTarget(target, { outDir: dir, sourcemap, logLevel: 'silent' });
    const chunks = new Map();
    for (const item of outputs) {
      if (item.type !== 'chunk') continue;
      chunks.set(item.fileName, {
        isEntry: item.isEntry,
        imports: item.imports ?? [],
        dynamicImports: item.dynamicImports ?? [],
        css: [...(item.viteMetadata?.importedCss ?? [])],
        // A language's messages: loaded when that language is asked for, not counted.
        locale: /[\\/]src[\\/]i18n[\\/]locales[\\/]/.test(item.facadeModuleId ?? ''),
        // The later steps (src/views/later-steps.ts): fetched while the overview shows; the whole flow counts it.
        steps: /[\\/]src[\\/]views[\\/]later-steps\.ts$/.test(item.facadeModuleId ?? ''),
      });
    }
    builds[target] = { dir, chunks, files: outputs.map((item) => item.fileName) };
  }
  return { outDir, ...builds };
}

/**
 * The floor: scripts/library-floor.ts (what src/ imports from the libraries, nothing else)
 * built with the element's settings, in gzip bytes.
 */
export async function measureLibraryFloor() {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'autopilot-floor-'));
  try {
    await build({
      root: ROOT,
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir,
        target: 'es2022',
        modulePreload: false,
        reportCompressedSize: false,
        copyPublicDir: false,
        rolldownOptions: {
          input: { floor: join(ROOT, 'scripts', 'library-floor.ts') },
          preserveEntrySignatures: 'exports-only',
          output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', minify: true },
        },
      },
    });
    return fileSizes(outDir, 'floor.js');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** A chunk and everything it imports statically, depth first, each once. */
function staticClosure(chunks, fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  for (const imported of chunks.get(fileName)?.imports ?? []) staticClosure(chunks, imported, seen);
  return seen;
}

/** A chunk and what loading it loads at once: static imports, and dynamic ones that are neither a locale's nor the later steps. */
function loadedAtOnce(chunks, fileName, seen = new Set()) {
  if (seen.has(fileName)) return seen;
  seen.add(fileName);
  const chunk = chunks.get(fileName);
  for (const imported of chunk?.imports ?? []) loadedAtOnce(chunks, imported, seen);
  for (const imported of chunk?.dynamicImports ?? []) {
    const lazy = chunks.get(imported);
    if (!lazy?.locale && !lazy?.steps) loadedAtOnce(chunks, imported, seen);
  }
  return seen;
}

/** Measures the element (standalone build) and the callback page of a build from {@link buildPackage}. */
export function measureBuild({ standalone, callback }) {
  const { chunks } = standalone;
  if (!chunks.has(ENTRY)) throw new Error(`The standalone build has no ${ENTRY}; is vite.config.ts's standalone entry still named autopilot-connect?`);
  const elementFiles = [...loadedAtOnce(chunks, ENTRY)];
  const stepsFiles = new Set();
  for (const [file, chunk] of chunks) if (chunk.steps) for (const member of staticClosure(chunks, file)) if (!elementFiles.includes(member)) stepsFiles.add(member);
  if (stepsFiles.size === 0) throw new Error('The standalone build has no chunk for src/views/later-steps.ts: are the later steps still imported lazily?');
  const lazyFiles = new Set();
  for (const file of elementFiles) for (const lazy of chunks.get(file)?.dynamicImports ?? []) lazyFiles.add(lazy);
  for (const file of [...elementFiles, ...stepsFiles]) lazyFiles.delete(file);
  // Lazy chunks may import further chunks that the element does not already carry.
  for (const file of [...lazyFiles]) for (const further of staticClosure(chunks, file)) if (!elementFiles.includes(further) && !stepsFiles.has(further)) lazyFiles.add(further);

  // The callback page: the HTML, and every script and stylesheet it references, with their static imports.
  const html = readFileSync(join(callback.dir, CALLBACK_HTML), 'utf8');
  const referenced = [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="(?:\.\/)?([^"?#]+)"/g)].map((match) => match[1]);
  const absolute = referenced.filter((file) => file.startsWith('/') || /^[a-z]+:/i.test(file));
  if (absolute.length) throw new Error(`The callback page must work from any path, but it references ${absolute.join(', ')}.`);
  const callbackFiles = new Set([CALLBACK_HTML]);
  for (const file of referenced) {
    if (!/\.(m?js|css)$/.test(file)) continue;
    for (const member of callback.chunks.has(file) ? staticClosure(callback.chunks, file) : [file]) {
      callbackFiles.add(member);
      for (const css of callback.chunks.get(member)?.css ?? []) callbackFiles.add(css);
    }
  }

  const group = (dir, files) => {
    const list = [...files].map((file) => fileSizes(dir, file));
    const sum = (key) => list.reduce((total, item) => total + item[key], 0);
    return { files: list, min: sum('min'), gzip: sum('gzip'), brotli: sum('brotli') };
  };
  return {
    element: group(standalone.dir, elementFiles),
    steps: group(standalone.dir, stepsFiles),
    flow: group(standalone.dir, [...elementFiles, ...stepsFiles]),
    lazy: group(standalone.dir, lazyFiles),
    callback: group(callback.dir, callbackFiles),
  };
}

// --- where the bytes come from ---------------------------------------------------------------

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes a source map's `mappings` into [line][{ column, source }] (source -1 when unmapped). */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const lineText of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segmentText of lineText.split(',')) {
      if (!segmentText) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segmentText) {
        const digit = BASE64_VALUE.get(char);
        if (digit === undefined) throw new Error(`Bad source map character ${char}`);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length >= 4) {
        source += values[1];
        segments.push({ column, source });
      } else {
        segments.push({ column, source: -1 });
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** Who a source file belongs to: `lit-html` for node_modules/lit-html/..., `src/foo.ts` for own code. */
export function ownerOf(absolutePath) {
  const parts = absolutePath.split(sep);
  const modules = parts.lastIndexOf('node_modules');
  if (modules >= 0) {
    const name = parts[modules + 1] ?? '?';
    return name.startsWith('@') ? `${name}/${parts[modules + 2] ?? '?'}` : name;
  }
  const path = relative(ROOT, absolutePath);
  return path.startsWith('..') ? absolutePath : path.split(sep).join('/');
}

/**
 * Bytes of the minified file that each owner (package or own source file) produced, from the
 * file's source map. Returns Map owner → bytes.
 */
function bytesByOwner(dir, file, code) {
  const mapPath = join(dir, `${file}.map`);
  let map;
  try {
    map = JSON.parse(readFileSync(mapPath, 'utf8'));
  } catch {
    return new Map([[`(${file}: no source map)`, Buffer.byteLength(code)]]);
  }
  const mapDir = dirname(mapPath);
  const owners = (map.sources ?? []).map((source) => ownerOf(resolve(mapDir, map.sourceRoot ?? '', source.replace(/^file:\/\//, ''))));
  const totals = new Map();
  const add = (owner, bytes) => bytes > 0 && totals.set(owner, (totals.get(owner) ?? 0) + bytes);
  const codeLines = code.split('\n');
  const mapped = decodeMappings(map.mappings ?? '');
  // A line without segments, or the start of a line before its first one, continues the token
  // the previous segment began (multi-line template literals: the CSS and HTML of templates).
  let current = '(bundler glue)';
  codeLines.forEach((line, index) => {
    const segments = mapped[index] ?? [];
    const lineBytes = (from, to) => Buffer.byteLength(line.slice(from, to));
    add(current, lineBytes(0, segments[0]?.column ?? line.length) + (index < codeLines.length - 1 ? 1 : 0));
    segments.forEach((segment, position) => {
      current = segment.source >= 0 ? (owners[segment.source] ?? '(unknown)') : '(bundler glue)';
      add(current, lineBytes(segment.column, segments[position + 1]?.column ?? line.length));
    });
  });
  return totals;
}

/**
 * Per-owner shares of a measured group: minified bytes from the source maps, and the group's
 * gzip size split in proportion (gzip cannot be split exactly; the estimate is marked ≈).
 */
export function shares(_outDir, group) {
  const totals = new Map();
  for (const file of group.files) {
    if (!/\.m?js$/.test(file.file)) {
      totals.set(file.file, (totals.get(file.file) ?? 0) + file.min);
      continue;
    }
    for (const [owner, bytes] of bytesByOwner(file.dir, file.file, file.code)) totals.set(owner, (totals.get(owner) ?? 0) + bytes);
  }
  const all = [...totals.values()].reduce((sum, bytes) => sum + bytes, 0) || 1;
  return [...totals]
    .map(([owner, min]) => ({ owner, min, share: min / all, gzip: Math.round((group.gzip * min) / all) }))
    .sort((a, b) => b.min - a.min);
}

/** Packages summed: `lit-html`, `xstate`, … and all own code as `src/`. */
export function sharesByPackage(list) {
  const totals = new Map();
  for (const item of list) {
    const key = item.owner.startsWith('src/') ? 'src/ (own code)' : item.owner;
    const entry = totals.get(key) ?? { owner: key, min: 0, share: 0, gzip: 0 };
    entry.min += item.min;
    entry.share += item.share;
    entry.gzip += item.gzip;
    totals.set(key, entry);
  }
  return [...totals.values()].sort((a, b) => b.min - a.min);
}

// --- report --------------------------------------------------------------------------------

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const pad = (text, width, right = false) => (right ? String(text).padStart(width) : String(text).padEnd(width));

function printTable(measured) {
  const rows = [];
  const push = (what, file, sizes, budget = '') => rows.push([what, file, sizes.min, sizes.gzip, sizes.brotli, budget]);
  for (const file of measured.element.files) push('first load', file.file, file);
  push('first load total', '', measured.element, `≤ ${kb(BUDGETS.element.gzip)} gzip`);
  for (const file of measured.steps.files) push('later steps', file.file, file);
  push('whole flow total', '', measured.flow, `≤ ${kb(BUDGETS.flow.gzip)} gzip`);
  for (const file of measured.lazy.files) push('locale (not counted)', file.file, file);
  for (const file of measured.callback.files) push('callback', file.file, file);
  push('callback total', '', measured.callback, `≤ ${kb(BUDGETS.callback.gzip)} gzip`);
  const header = ['', 'file', 'min', 'gzip', 'brotli', 'budget'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(column >= 2 && column <= 4 ? row[column] : row[column]).length)));
  const line = (row) => row.map((cell, column) => pad(cell, widths[column], column >= 2 && column <= 4)).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

function printShares(title, list, limit = 30) {
  console.log(`\n${title}`);
  console.log(`  ${pad('min bytes', 10, true)}  ${pad('≈gzip', 7, true)}  ${pad('share', 6, true)}  source`);
  const shown = list.slice(0, limit);
  for (const item of shown) {
    console.log(`  ${pad(item.min, 10, true)}  ${pad(item.gzip, 7, true)}  ${pad(`${(item.share * 100).toFixed(1)}%`, 6, true)}  ${item.owner}`);
  }
  const rest = list.slice(limit);
  if (rest.length) {
    const sum = (key) => rest.reduce((total, item) => total + item[key], 0);
    console.log(`  ${pad(sum('min'), 10, true)}  ${pad(sum('gzip'), 7, true)}  ${pad(`${(sum('share') * 100).toFixed(1)}%`, 6, true)}  (${rest.length} smaller sources)`);
  }
}

/** Sources whose minified bytes changed since the record, growth first. */
function printGrowth(key, list) {
  let record;
  try {
    record = JSON.parse(readFileSync(RECORD, 'utf8'))[key] ?? {};
  } catch {
    console.log(`\n(No ${relative(ROOT, RECORD)} to compare with: \`npm run check:size -- --record\` writes it.)`);
    return;
  }
  const now = Object.fromEntries(list.map((item) => [item.owner, item.min]));
  const changes = [...new Set([...Object.keys(record), ...Object.keys(now)])]
    .map((owner) => ({ owner, delta: (now[owner] ?? 0) - (record[owner] ?? 0) }))
    .filter((change) => change.delta !== 0)
    .sort((a, b) => b.delta - a.delta);
  console.log(`\nWhat grew since ${relative(ROOT, RECORD)} (minified bytes):`);
  for (const { owner, delta } of changes.slice(0, 15)) console.log(`  ${pad(delta > 0 ? `+${delta}` : delta, 8, true)}  ${owner}`);
  if (!changes.length) console.log('  nothing by source: the growth is in compression or glue');
}

async function main() {
  const built = await buildPackage();
  try {
    const measured = measureBuild(built);
    printTable(measured);
    console.log('');
    const broken = [];
    for (const [key, budget] of Object.entries(BUDGETS)) {
      const size = measured[key].gzip;
      const limit = enforced(budget);
      const verdict = (bytes) => (size > bytes ? `OVER by ${size - bytes} bytes` : `ok, ${bytes - size} bytes to spare`);
      console.log(`${size > budget.gzip ? '✗' : '✓'} ${budget.label}: ${size} bytes gzip (${kb(size)}), budget ${kb(budget.gzip)} — ${verdict(budget.gzip)}`);
      if (budget.ceiling) console.log(`${size > limit ? '✗' : '✓'}   enforced while the budget is open: ceiling ${kb(limit)} — ${verdict(limit)}`);
      if (size > limit) broken.push(key);
    }
    const floor = await measureLibraryFloor();
    const ownLimit = BUDGETS.element.gzip - floor.gzip;
    console.log(
      `  the libraries alone (scripts/library-floor.ts): ${kb(floor.gzip)} gzip, which leaves ${kb(ownLimit)} of the budget for the element's own code; it takes ${kb(measured.element.gzip - floor.gzip)}`,
    );
    const byKey = Object.fromEntries(Object.keys(BUDGETS).map((key) => [key, shares(built.outDir, measured[key])]));
    if (process.argv.includes('--record')) {
      const record = Object.fromEntries(Object.entries(byKey).map(([key, list]) => [key, Object.fromEntries(list.map((item) => [item.owner, item.min]))]));
      writeFileSync(RECORD, `${JSON.stringify(record, null, 2)}\n`);
      console.log(`\nRecorded the sizes per source in ${relative(ROOT, RECORD)}.`);
    }
    const verbose = process.argv.includes('--why');
    for (const [key, budget] of Object.entries(BUDGETS)) {
      if (!broken.includes(key) && !verbose) continue;
      printShares(`What ${budget.label} is made of, by package (from the source maps; gzip split in proportion):`, sharesByPackage(byKey[key]));
      printShares(`… and by source file, largest first:`, byKey[key]);
      if (broken.includes(key)) printGrowth(key, byKey[key]);
    }
    if (broken.length) {
      console.log(`\nSize limit exceeded: ${broken.join(', ')}.`);
      process.exitCode = 1;
    } else if (!verbose) {
      console.log('\n(`npm run check:size -- --why` shows what each part is made of.)');
    }
  } finally {
    rmSync(built.outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
