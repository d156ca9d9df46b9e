#!/usr/bin/env node
/**
 * `npm run bench`: size, speed and memory of <autopilot-connect>, next to a baseline (a bare
 * Lit element that renders the same list without the flow: scripts/bench/baseline-list.ts),
 * measured in one run of headless Chromium on a PRODUCTION build.
 *
 * 1. Builds the self-contained element and the callback page with the project's Vite config (as
 *    `npm run build` writes dist/standalone/ and dist/callback/, plus source maps for the
 *    per-dependency shares) and the baseline, into a temporary directory.
 * 2. Serves that directory with Vite's preview server, which also answers the mock backend
 *    (`/mock/<scenario>/...`, the project's mock plugin) as real HTTP with no added latency;
 *    the login ends on the callback page in its folder, /callback/callback.html.
 * 3. Drives Chromium (playwright-core) through BENCH_RUNS runs (default 4) after one warm-up;
 *    every figure is the median over the runs with the spread (min–max) beside it. The slow,
 *    steady parts (20 open–close cycles, the happy path) run in the first BENCH_HEAP_RUNS runs,
 *    loading all 10,000 rows once. A full run takes about three minutes on two cores.
 *
 * Prints one markdown table and writes it to scripts/bench/last-result.md.
 * Environment: BENCH_RUNS, BENCH_KEYSTROKES (per list size per run, even; default 6),
 * BENCH_HEAP_RUNS (runs that also do the open–close cycles and the happy path; default 3), CHROME_PATH.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { brotliSize, buildPackage, gzipSize, measureBuild, ROOT, shares, sharesByPackage } from '../check-size.mjs';
import { findChromium } from '../find-chromium.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 4));
const KEYSTROKES = Math.max(2, 2 * Math.round(Number(process.env.BENCH_KEYSTROKES ?? 6) / 2));
const HEAP_RUNS = Math.min(RUNS, Math.max(1, Number(process.env.BENCH_HEAP_RUNS ?? 3)));
const CYCLES = 20;
/**
 * The leak check: cycles before its first figure, and the flags it runs Chromium with. V8 keeps
 * compiling and optimising for about 40 cycles, and its optimising tiers add code in steps long
 * after (measured with heap snapshots: compiled code and feedback, not retained objects). With
 * only the interpreter, what still grows after the warm-up is what the page keeps.
 */
const LEAK_WARMUP_CYCLES = 40;
const INTERPRETER_ONLY = '--js-flags=--no-opt --no-maglev --no-sparkplug';
const CHROME_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-precise-memory-info'];
const HUGE = 10_000;
/** The happy path clicks this long after a control appears: about the quickest a person reacts. */
const REACTION_MS = 300;

/** The machine's search debounce, read from the source so the table cannot go stale. */
const DEBOUNCE_MS = Number(/SEARCH_DEBOUNCE_MS\s*=\s*(\d+)/.exec(readFileSync(join(ROOT, 'src/machine/timing.ts'), 'utf8'))?.[1] ?? NaN);

/** The two lists the keystrokes run on, in the `huge` scenario (found from the mock's data). */
const KEY_SETS = {
  big: { label: '10,000', start: '', type: 'e' }, // "" = 10,000 matches ↔ "e" = 9,956
  small: { label: '1,000', start: 'ec', type: 'h' }, // "ec" = 981 matches ↔ "ech" = 980
};

const TARGETS = {
  element: { tag: 'autopilot-connect', page: 'element.html' },
  baseline: { tag: 'baseline-list', page: 'baseline.html' },
};

const log = (...args) => process.stderr.write(`${args.join(' ')}\n`);

// --- build and serve -------------------------------------------------------------------------

async function buildAll(outDir) {
  const { build } = await import('vite');
  const built = await buildPackage({ outDir, sourcemap: true });
  const measured = measureBuild(built);
  const packageShares = sharesByPackage(shares(outDir, measured.element));

  const benchDir = join(outDir, 'bench');
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: benchDir,
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      target: 'es2022',
      rolldownOptions: {
        input: { 'baseline-list': join(HERE, 'baseline-list.ts') },
        preserveEntrySignatures: 'exports-only',
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', minify: true },
      },
    },
  });
  const baselineCode = readFileSync(join(benchDir, 'baseline-list.js'));
  const baselineSize = { min: baselineCode.length, gzip: gzipSize(baselineCode), brotli: brotliSize(baselineCode) };

  const page = (title, script) =>
    `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>${title}</title>` +
    `<script type="module" src="${script}"></script></head><body></body></html>\n`;
  writeFileSync(join(benchDir, TARGETS.element.page), page('bench: autopilot-connect', '/standalone/autopilot-connect.js'));
  writeFileSync(join(benchDir, TARGETS.baseline.page), page('bench: baseline', '/bench/baseline-list.js'));
  return { measured, packageShares, baselineSize };
}

async function serve(outDir) {
  const { createServer, preview } = await import('vite');
  // The mock backend imports PGlite when its first scenario starts, long after loading: it needs a
  // module runner that stays open (runnerImport's closes once the plugin is loaded), so a dev
  // server without HTTP loads it and lives as long as the preview server.
  const loader = await createServer({ root: ROOT, configFile: false, appType: 'custom', logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false, watch: null } });
  const { mockBackendPlugin } = await loader.ssrLoadModule('/src/mocks/vite-plugin.ts');
  const server = await preview({
    root: ROOT,
    configFile: false,
    plugins: [mockBackendPlugin({ callbackPath: '/callback/callback.html' })],
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const { port } = server.httpServer.address();
  const close = async () => {
    await server.close();
    await loader.close();
  };
  return { server, close, origin: `http://127.0.0.1:${port}` };
}

// --- statistics -------------------------------------------------------------------------------

const sorted = (values) => values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
function quantile(values, q) {
  const list = sorted(values);
  if (!list.length) return NaN;
  const position = (list.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return list[low] + (list[high] - list[low]) * (position - low);
}
const median = (values) => quantile(values, 0.5);
const spread = (values) => {
  const list = sorted(values);
  return list.length ? [list[0], list[list.length - 1]] : [NaN, NaN];
};

// --- in-page measurements ---------------------------------------------------------------------

async function openPage(browser, origin, target) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript({ path: join(HERE, 'page-probe.js') });
  const cdp = await context.newCDPSession(page);
  await page.goto(`${origin}/bench/${target.page}`);
  await page.evaluate((tag) => customElements.whenDefined(tag), target.tag);
  return { context, page, cdp, errors };
}

/** Used JS heap after two full garbage collections (CDP), in bytes. */
async function heap(page, cdp) {
  await page.evaluate(() => {
    window.__bench.fetches.length = 0;
  });
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

// Functions run in the page (serialised by playwright): keep them self-contained.

/** Inserts the element on a scenario; resolves when its first interactive step is on screen. */
const pageInsertUntilInteractive = async ({ tag, scenario }) => {
  const bench = window.__bench;
  sessionStorage.clear();
  const start = bench.insert(tag, { 'api-base': `/mock/${scenario}/api` });
  const interactive =
    tag === 'autopilot-connect'
      ? () => {
          const button = bench.button('New Connection');
          return button !== null && !button.disabled;
        }
      : () => {
          const record = bench.searchFor('', start);
          const page = record?.end !== null && record ? bench.pageOf(record) : null;
          return page !== null && bench.listShows(page);
        };
  const { commit, frame } = await bench.until(interactive, { label: 'first interactive step' });
  return { commit: commit - start, frame: frame - start };
};

/** From a click on New Connection (element) or from insertion (baseline) to the first page of the huge list on screen. */
const pageShowPicker = async ({ tag, scenario }) => {
  const bench = window.__bench;
  let start;
  if (tag === 'autopilot-connect') {
    await bench.until(() => bench.button('New Connection') && !bench.button('New Connection').disabled, { label: 'New Connection' });
    start = performance.now();
    bench.button('New Connection').click();
  } else {
    sessionStorage.clear();
    start = bench.insert(tag, { 'api-base': `/mock/${scenario}/api` });
  }
  const { commit, frame } = await bench.until(
    () => {
      const record = bench.searchFor('', start);
      const page = record && record.end !== null ? bench.pageOf(record) : null;
      return page !== null && bench.listShows(page);
    },
    { label: 'organisation picker' },
  );
  const record = bench.searchFor('', start);
  return { commit: commit - start, frame: frame - start, total: record?.total ?? null };
};

const pageArmKeystroke = (query) => {
  const bench = window.__bench;
  bench.keydown = null;
  addEventListener('keydown', (event) => (bench.keydown = event.timeStamp), { capture: true, once: true });
  const armed = performance.now();
  bench.pending = bench
    .until(
      () => {
        if (bench.keydown === null) return false;
        const record = bench.searchFor(query, armed);
        if (!record || record.end === null || record.start < bench.keydown) return false;
        const page = bench.pageOf(record);
        return page !== null && bench.listShows(page);
      },
      { label: `list for "${query}"`, timeout: 15_000 },
    )
    .then(({ commit, frame }) => {
      const record = bench.searchFor(query, armed);
      return { keydown: bench.keydown, requestStart: record.start, responseHeaders: record.headers, responseEnd: record.end, commit, frame, total: record.total };
    });
};

const pageKeystrokeResult = () => window.__bench.pending;

/** Clicks Meer laden until the whole list is loaded; returns the time it took and the pages. */
const pageLoadAll = async () => {
  const bench = window.__bench;
  const more = () => bench.listRoot()?.querySelector('button.more') ?? null;
  const start = performance.now();
  let pages = 0;
  while (more()) {
    const clicked = performance.now();
    more().click();
    pages++;
    await bench.until(
      () => {
        const record = bench.fetches.findLast((item) => item.cursor !== null && item.start >= clicked);
        return record !== undefined && record.end !== null && (!more() || !more().disabled);
      },
      { label: `page ${pages + 1}`, timeout: 15_000, frame: false },
    );
  }
  const list = bench.listRoot()?.querySelector('[role="listbox"]');
  return { ms: performance.now() - start, pages, renderedOptions: list?.querySelectorAll('[role="option"]').length ?? 0 };
};

/** One open–close cycle: insert, (New Connection,) huge list on screen, (Annuleren,) remove. */
const pageCycle = async ({ tag, scenario }) => {
  const bench = window.__bench;
  sessionStorage.clear();
  const inserted = bench.insert(tag, { 'api-base': `/mock/${scenario}/api` });
  const listed = (after) => () => {
    const record = bench.searchFor('', after);
    const page = record && record.end !== null ? bench.pageOf(record) : null;
    return page !== null && bench.listShows(page);
  };
  if (tag === 'autopilot-connect') {
    const ready = () => bench.button('New Connection') && !bench.button('New Connection').disabled;
    await bench.until(ready, { label: 'New Connection' });
    const clicked = performance.now();
    bench.button('New Connection').click();
    await bench.until(listed(clicked), { label: 'picker' });
    bench.button('Annuleren').click();
    await bench.until(ready, { label: 'back on the overview' });
  } else {
    await bench.until(listed(inserted), { label: 'list' });
  }
  bench.remove();
  bench.fetches.length = 0;
  // The browser keeps up to 250 resource timings per page; they are not the element's to free.
  performance.clearResourceTimings();
  sessionStorage.clear();
};

// --- one run ----------------------------------------------------------------------------------

/** A fresh `default` world (the happy path leaves an authorization behind). */
async function resetDefault(origin) {
  const response = await fetch(`${origin}/mock/default/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`reset default: ${response.status}`);
  for (const path of ['status', 'connections', 'organisations']) await (await fetch(`${origin}/mock/default/api/${path}`)).arrayBuffer();
}

/**
 * `huge` is only read by the measurements, so it is built once; its first answers (building
 * the search keys, JIT) are paid here, not by whichever target happens to be measured first.
 */
async function primeHuge(origin) {
  const response = await fetch(`${origin}/mock/huge/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`reset huge: ${response.status}`);
  for (let round = 0; round < 3; round++) {
    for (const path of ['status', 'connections']) await (await fetch(`${origin}/mock/huge/api/${path}`)).arrayBuffer();
    for (const query of ['', 'e', 'ec', 'ech']) {
      const page = await (await fetch(`${origin}/mock/huge/api/organisations?query=${query}`)).json();
      if (page.nextCursor) await (await fetch(`${origin}/mock/huge/api/organisations?query=${query}&cursor=${encodeURIComponent(page.nextCursor)}`)).arrayBuffer();
    }
  }
}

async function keystrokes(page, { start, type }, count) {
  const samples = [];
  for (let index = 0; index < count; index++) {
    const typing = index % 2 === 0;
    await page.evaluate(pageArmKeystroke, typing ? start + type : start);
    await page.keyboard.press(typing ? type : 'Backspace');
    const result = await page.evaluate(pageKeystrokeResult);
    samples.push({
      total: result.frame - result.keydown,
      afterDebounce: result.frame - result.requestStart,
      render: result.frame - result.responseEnd,
      roundTrip: result.responseEnd - result.requestStart,
      renderCommit: result.commit - result.responseEnd,
      matches: result.total,
    });
  }
  return samples;
}

/** Types `text` one key at a time, waiting for each list (the way into a start query). */
async function typeAndSettle(page, keys, queries) {
  for (const [index, key] of keys.entries()) {
    await page.evaluate(pageArmKeystroke, queries[index]);
    await page.keyboard.press(key);
    await page.evaluate(pageKeystrokeResult);
  }
}

/**
 * New Connection → picker as a person meets it: the same page as measureTarget's (the overview
 * shown once, then \`huge\`), but New Connection clicked REACTION_MS after it showed, as the
 * happy path does; the later steps' chunk loads in that moment, as it is meant to. The row
 * with the click at once is the worst case: it shows what the chunk costs when nobody reads.
 */
async function measurePickerAfterReading(browser, origin, target) {
  const { context, page } = await openPage(browser, origin, target);
  try {
    await page.evaluate(pageInsertUntilInteractive, { tag: target.tag, scenario: 'default' });
    await page.evaluate(() => window.__bench.remove());
    await page.evaluate(pageInsertUntilInteractive, { tag: target.tag, scenario: 'huge' });
    await page.waitForTimeout(REACTION_MS);
    return (await page.evaluate(pageShowPicker, { tag: target.tag, scenario: 'huge' })).frame;
  } finally {
    await context.close();
  }
}

async function measureTarget(browser, origin, target, { cycles: withCycles }) {
  const result = {};
  const { context, page, cdp, errors } = await openPage(browser, origin, target);
  try {
    const interactive = await page.evaluate(pageInsertUntilInteractive, { tag: target.tag, scenario: 'default' });
    result.interactive = interactive.frame;
    await page.evaluate(() => window.__bench.remove());

    if (target.tag === 'autopilot-connect') await page.evaluate(pageInsertUntilInteractive, { tag: target.tag, scenario: 'huge' });
    const picker = await page.evaluate(pageShowPicker, { tag: target.tag, scenario: 'huge' });
    if (picker.total !== HUGE) throw new Error(`expected ${HUGE} organisations in huge, got ${picker.total}`);
    result.picker = picker.frame;
    result.heapPicker = await heap(page, cdp);

    await page.evaluate(() => window.__bench.listRoot().querySelector('input').focus());
    result.keysBig = await keystrokes(page, KEY_SETS.big, KEYSTROKES);
    await typeAndSettle(page, ['e', 'c'], ['e', 'ec']);
    result.keysSmall = await keystrokes(page, KEY_SETS.small, KEYSTROKES);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }

  if (target.tag === 'autopilot-connect') result.pickerRead = await measurePickerAfterReading(browser, origin, target);
  if (!withCycles) return result;
  Object.assign(result, await measureCycles(browser, origin, target, { first: 1, last: CYCLES }));
  return result;
}

/** Heap after cycle `first` and after cycle `last` of open–close cycles in a fresh page. */
async function measureCycles(browser, origin, target, { first, last }) {
  const cycles = await openPage(browser, origin, target);
  try {
    const result = { heapEmpty: await heap(cycles.page, cycles.cdp) };
    for (let cycle = 1; cycle <= last; cycle++) {
      await cycles.page.evaluate(pageCycle, { tag: target.tag, scenario: 'huge' });
      if (cycle === first) result.heapCycle1 = await heap(cycles.page, cycles.cdp);
    }
    result.heapCycleN = await heap(cycles.page, cycles.cdp);
    if (cycles.errors.length) throw new Error(`page errors: ${cycles.errors.join('; ')}`);
    return result;
  } finally {
    await cycles.context.close();
  }
}

/** The leak check: cycles LEAK_WARMUP_CYCLES → +CYCLES in a Chromium running V8's interpreter only. */
async function measureLeak(origin, target) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROME_ARGS, INTERPRETER_ONLY] });
  try {
    return await measureCycles(browser, origin, target, { first: LEAK_WARMUP_CYCLES, last: LEAK_WARMUP_CYCLES + CYCLES });
  } finally {
    await browser.close();
  }
}

/**
 * Every page of the huge list, loaded with Meer laden (slow: 200 requests, and the baseline
 * renders every row), so measured once, not per run: time and heap after it.
 */
async function measureLoadAll(browser, origin, target) {
  const { context, page, cdp, errors } = await openPage(browser, origin, target);
  try {
    if (target.tag === 'autopilot-connect') await page.evaluate(pageInsertUntilInteractive, { tag: target.tag, scenario: 'huge' });
    await page.evaluate(pageShowPicker, { tag: target.tag, scenario: 'huge' });
    const all = await page.evaluate(pageLoadAll);
    const heapAll = await heap(page, cdp);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return { loadAll: all.ms, pages: all.pages, rendered: all.renderedOptions, heapAll };
  } finally {
    await context.close();
  }
}

/**
 * The happy path with the real login popup, as a person clicks it, from inserting the element
 * to the administration list: every fetch the element makes, and the longest chain of
 * requests each of which started only after the one before it had finished.
 */
async function measureHappyPath(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin, TARGETS.element);
  try {
    let mainRequests = 0;
    let otherRequests = 0;
    let counting = false;
    page.on('request', () => counting && mainRequests++);
    context.on('request', () => counting && otherRequests++);
    counting = true;
    const element = page.locator('autopilot-connect');
    // Each user action and what it waits for, in page time: the requests that end in between
    // are the round trips a person sits through. The end is seen in the page (MutationObserver),
    // not by polling from here, so a request that ends just after it does not count.
    const now = () => page.evaluate(() => performance.now());
    const shown = (kind, text) =>
      page.evaluate(
        async ({ kind, text }) => {
          const bench = window.__bench;
          const tests = {
            button: () => bench.button(text),
            option: () => bench.listRoot()?.querySelector('[role="option"]'),
          };
          return (await bench.until(tests[kind], { frame: false, label: `${kind} ${text ?? ''}` })).commit;
        },
        { kind, text },
      );
    const waits = [];
    const measure = async (action, act, kind, text) => {
      // A person reads before clicking; what the page fetches ahead of time uses that moment.
      await page.waitForTimeout(REACTION_MS);
      const start = await now();
      const appeared = shown(kind, text);
      await act();
      waits.push({ action, start, end: await appeared });
    };
    await measure('insert → overview', () => page.evaluate(() => {
      window.__bench.fetches.length = 0;
      sessionStorage.clear();
      window.__bench.insert('autopilot-connect', { 'api-base': '/mock/default/api' });
    }), 'button', 'New Connection');
    await measure('New Connection → organisations', () => element.getByRole('button', { name: 'New Connection' }).click(), 'option');
    await element.getByRole('option', { name: /eLien test company/ }).click();
    await element.getByRole('button', { name: 'Bevestigen' }).click();
    await measure('Exact Online → Open', () => element.getByRole('button', { name: 'Exact Online' }).click(), 'button', 'Open');
    const popupOpened = page.waitForEvent('popup');
    await element.getByRole('button', { name: 'Open', exact: true }).click();
    const popup = await popupOpened;
    // The simulated Exact pages ask for the mock world's user (src/mocks/worlds.ts), in the browser's language.
    await popup.getByLabel(/^(Gebruikersnaam|Username)$/).fill('lien@elien.nl');
    await popup.getByLabel(/^(Wachtwoord|Password)$/).fill('secret');
    await popup.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
    await measure('Toestaan → Ga door', () => popup.getByRole('button', { name: /^(Toestaan|Allow)$/ }).click(), 'button', 'Ga door');
    await measure('Ga door → administrations', () => element.getByRole('button', { name: 'Ga door' }).click(), 'option');
    await page.waitForTimeout(50);
    counting = false;
    const fetches = await page.evaluate(() => window.__bench.fetches.map(({ method, path, start, end }) => ({ method, path, start, end })));
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    const during = (wait) => fetches.filter((request) => request.end !== null && request.end > wait.start && request.end <= wait.end && request.start <= wait.end);
    return {
      requests: fetches.length,
      sequential: longestChain(fetches),
      // The longest chain of requests that ended while the person waited (0: the wait was the page's own work).
      waited: Object.fromEntries(waits.map((wait) => [wait.action, longestChain(during(wait))])),
      nonFetch: mainRequests - fetches.length,
      popupRequests: otherRequests - mainRequests,
      list: [...fetches].sort((a, b) => a.start - b.start).map((request) => `${request.method} ${request.path.replace(/^\/mock\/default\/api/, '').replace(/\/auth_\w+/, '/{id}')}`),
    };
  } finally {
    await context.close();
  }
}

/** Longest chain of requests in which each started only after the one before it had ended. */
function longestChain(requests) {
  const ordered = [...requests].sort((a, b) => a.start - b.start);
  const depth = [];
  ordered.forEach((request, index) => {
    let before = 0;
    for (let other = 0; other < index; other++) if (ordered[other].end !== null && ordered[other].end <= request.start) before = Math.max(before, depth[other]);
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

// --- the table --------------------------------------------------------------------------------

const fmtMs = (value) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : 'n/a');
const fmtMb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : 'n/a');
const fmtKb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const fmtInt = (value) => (Number.isFinite(value) ? String(Math.round(value)) : 'n/a');

function cell(values, format, unit = '') {
  const [low, high] = spread(values);
  const middle = median(values);
  if (!Number.isFinite(middle)) return 'n/a';
  const same = format(low) === format(high);
  return `${format(middle)}${unit}${same ? '' : ` (${format(low)}–${format(high)})`}`;
}
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '—');

function machine(chromiumVersion) {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    /* not Linux */
  }
  return {
    cpu,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    chromium: chromiumVersion,
    node: process.version,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    load: os.loadavg().map((value) => value.toFixed(1)).join(' / '),
  };
}

function table({ sizes, runs, happy, loadAll, leak, host }) {
  const { measured, packageShares, baselineSize } = sizes;
  const el = (key) => runs.map((run) => run.element[key]);
  const bl = (key) => runs.map((run) => run.baseline[key]);
  const keyStat = (target, set, field, q) => runs.map((run) => quantile(run[target][set].map((sample) => sample[field]), q));
  const rows = [];
  const row = (measure, element, baseline = '—', ratioText = '—') => rows.push(`| ${measure} | ${element} | ${baseline} | ${ratioText} |`);
  const timeRow = (measure, elementValues, baselineValues, format = fmtMs, unit = ' ms') =>
    row(measure, cell(elementValues, format, unit), baselineValues ? cell(baselineValues, format, unit) : '—', baselineValues ? ratio(median(elementValues), median(baselineValues)) : '—');

  row('**Bundle** (first load: the JS the element needs for the overview in its default locale: entry + what it loads at once)', '', '', '');
  row('minified', fmtKb(measured.element.min), fmtKb(baselineSize.min), ratio(measured.element.min, baselineSize.min));
  row('first load, gzip (budget 30 KB)', fmtKb(measured.element.gzip), fmtKb(baselineSize.gzip), ratio(measured.element.gzip, baselineSize.gzip));
  row('brotli', fmtKb(measured.element.brotli), fmtKb(baselineSize.brotli), ratio(measured.element.brotli, baselineSize.brotli));
  for (const share of packageShares) {
    row(`share: ${share.owner}`, `${fmtKb(share.min)} min, ≈${fmtKb(share.gzip)} gzip (${(share.share * 100).toFixed(1)}%)`);
  }
  row('later steps chunk, gzip (fetched while the overview shows)', fmtKb(measured.steps.gzip));
  row('whole flow, gzip (first load + later steps; budget 45 KB)', fmtKb(measured.flow.gzip), fmtKb(baselineSize.gzip), ratio(measured.flow.gzip, baselineSize.gzip));
  row('lazy chunks (other locales; not counted above)', measured.lazy.files.map((file) => `${file.file.replace(/-[\w-]{8}\.js$/, '')} ${fmtKb(file.gzip)}`).join(', ') + ' gzip');
  row('callback page, gzip (budget 2 KB)', fmtKb(measured.callback.gzip));

  row('**Time** (zero-latency mock; median over runs, (min–max))', '', '', '');
  timeRow('insert element → first interactive step (`default`: overview with New Connection; baseline: its list)', el('interactive'), bl('interactive'));
  timeRow(`organisation picker with ${HUGE.toLocaleString('en')} organisations (\`huge\`; element: click New Connection the moment it shows → first page on screen; baseline: insert → first page)`, el('picker'), bl('picker'));
  timeRow(`… the same, New Connection clicked ${REACTION_MS} ms after it showed (a person reading; the later steps' chunk loads meanwhile)`, el('pickerRead'), bl('picker'));
  for (const [set, label] of [['keysBig', KEY_SETS.big], ['keysSmall', KEY_SETS.small]]) {
    const what = `${label.label} items ("${label.start}" ↔ "${label.start + label.type}")`;
    for (const [q, name] of [[0.5, 'p50'], [0.95, 'p95']]) {
      timeRow(`keystroke → updated list, ${what}, ${name}, incl. ${DEBOUNCE_MS} ms debounce`, keyStat('element', set, 'total', q), keyStat('baseline', set, 'total', q));
    }
    for (const [q, name] of [[0.5, 'p50'], [0.95, 'p95']]) {
      timeRow(`… excl. debounce (search request start → updated list), ${what}, ${name}`, keyStat('element', set, 'afterDebounce', q), keyStat('baseline', set, 'afterDebounce', q));
    }
    for (const [q, name] of [[0.5, 'p50'], [0.95, 'p95']]) {
      timeRow(`… of which the mock round trip (request start → response body read), ${what}, ${name}`, keyStat('element', set, 'roundTrip', q), keyStat('baseline', set, 'roundTrip', q));
    }
    for (const [q, name] of [[0.5, 'p50'], [0.95, 'p95']]) {
      timeRow(`… rendering alone (search response body in → next frame with the list), ${what}, ${name}`, keyStat('element', set, 'render', q), keyStat('baseline', set, 'render', q));
    }
  }
  timeRow(`load all ${HUGE.toLocaleString('en')} (Meer laden until the end: ${loadAll.element.pages} more pages of 50; single run)`, [loadAll.element.loadAll], [loadAll.baseline.loadAll]);

  row(`**JS heap** (used, after 2 forced GCs; cycles: ${HEAP_RUNS} run${HEAP_RUNS === 1 ? '' : 's'})`, '', '', '');
  timeRow('page with the module loaded, no element', el('heapEmpty'), bl('heapEmpty'), fmtMb, '');
  timeRow(`picker open on ${HUGE.toLocaleString('en')} organisations (first page of 50 rendered)`, el('heapPicker'), bl('heapPicker'), fmtMb, '');
  timeRow(
    `all ${HUGE.toLocaleString('en')} loaded (single run; options in the DOM: element ${loadAll.element.rendered} (windowed), baseline ${loadAll.baseline.rendered})`,
    [loadAll.element.heapAll],
    [loadAll.baseline.heapAll],
    fmtMb,
    '',
  );
  timeRow('after 1 open–close cycle', el('heapCycle1'), bl('heapCycle1'), fmtMb, '');
  timeRow(`after ${CYCLES} open–close cycles`, el('heapCycleN'), bl('heapCycleN'), fmtMb, '');
  const growth = (target) => runs.map((run) => run[target].heapCycleN - run[target].heapCycle1).filter(Number.isFinite);
  row(
    `growth from cycle 1 to ${CYCLES} (V8 compiling and optimising the code the cycles run: see the leak check)`,
    cell(growth('element'), (bytes) => `${(bytes / 1024).toFixed(0)} KB`),
    cell(growth('baseline'), (bytes) => `${(bytes / 1024).toFixed(0)} KB`),
    '—',
  );
  const kbDelta = (bytes) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(1)} KB`;
  row(
    `**leak check**: growth from cycle ${LEAK_WARMUP_CYCLES} to ${LEAK_WARMUP_CYCLES + CYCLES}, V8 interpreter only (single run)`,
    kbDelta(leak.element.heapCycleN - leak.element.heapCycle1),
    kbDelta(leak.baseline.heapCycleN - leak.baseline.heapCycle1),
    '—',
  );

  row(`**Requests, happy path** (insert → administration list, real login popup, each click ${REACTION_MS} ms after its control showed; ${happy.length} run${happy.length === 1 ? '' : 's'})`, '', '', '');
  row('fetches by the element', cell(happy.map((item) => item.requests), fmtInt));
  row('sequential round trips over the whole path, clicks included (longest chain of requests each started after the previous ended)', cell(happy.map((item) => item.sequential), fmtInt));
  for (const action of Object.keys(happy[0].waited)) {
    row(`… round trips waited for: ${action}`, cell(happy.map((item) => item.waited[action]), fmtInt));
  }
  row('other requests of the page (not fetch)', cell(happy.map((item) => item.nonFetch), fmtInt));
  row('requests in the login popup (Exact pages, OAuth callback, callback page)', cell(happy.map((item) => item.popupRequests), fmtInt));

  const header = [
    `### autopilot-connect benchmark — ${host.date}`,
    '',
    `Machine: ${host.cpu}, ${host.cores} cores, ${host.memory} RAM, ${host.os}; Chromium ${host.chromium} (headless); Node ${host.node}; load average at the end (1/5/15 min): ${host.load} (other work on the machine shows up as noise).`,
    `Production build (vite build) served by Vite preview with the mock backend (no added latency); ${runs.length} run${runs.length === 1 ? '' : 's'} after a warm-up, ${KEYSTROKES} keystrokes per list size per run; element and baseline alternate in order.`,
    '',
    '| Measure | `<autopilot-connect>` | baseline (bare Lit list) | element ÷ baseline |',
    '|---|---|---|---|',
  ];
  const notes = [
    '',
    `Notes. Cells: median over ${runs.length} run${runs.length === 1 ? '' : 's'} (min–max over runs); keystroke p50/p95 are per run over its ${KEYSTROKES} keystrokes, then median (min–max) over runs.`,
    `Keystrokes alternate typing a character and Backspace in the organisation search of \`huge\` (${HUGE.toLocaleString('en')} organisations); the picker renders what the backend returns, the first page of 50 of the matches (“10,000 items” = the match total, not rendered rows).`,
    `The machine debounces searches by ${DEBOUNCE_MS} ms (SEARCH_DEBOUNCE_MS); the baseline debounces by the same. “Excl. debounce” starts when the search request is sent; “rendering alone” starts when the response body has been read (fetch wrapped in the page) and includes validation, the statechart and Lit.`,
    'The mock answers in the same Node process that drives the browser, so its round trip (tens of ms, noisy on a small machine) is part of every figure but “rendering alone”; compare element and baseline on that row. “Insert → first interactive” is the first insertion in a fresh page (module loaded, its code not yet run).',
    '“On screen” = the first animation frame after the DOM shows the new list (MutationObserver, then requestAnimationFrame). Heap = CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage ×2.',
    `An open–close cycle: insert the element, New Connection, picker with ${HUGE.toLocaleString('en')} on screen, Annuleren, back on the overview, remove the element (baseline: insert, list on screen, remove).`,
    `Leak check: the same cycles in a Chromium started with \`${INTERPRETER_ONLY}\`, after ${LEAK_WARMUP_CYCLES} warm-up cycles. With the optimising tiers on, heap snapshots show the growth from cycle 1 to ${CYCLES} to be compiled code and feedback (about 450 KB of the element's), and no element, actor, listbox, observer or channel left after a cycle.`,
    `Happy path requests, in order: ${happy[0].list.join(' → ')}.`,
    'Reproduce: `npm install && npm run bench` (BENCH_RUNS, BENCH_KEYSTROKES to change the counts).',
  ];
  return [...header, ...rows, ...notes].join('\n');
}

// --- main -------------------------------------------------------------------------------------

async function main() {
  const began = Date.now();
  const outDir = mkdtempSync(join(os.tmpdir(), 'autopilot-bench-'));
  mkdirSync(join(outDir, 'bench'), { recursive: true });
  let server;
  let browser;
  try {
    log('building (production) …');
    const sizes = await buildAll(outDir);
    server = await serve(outDir);
    const { origin } = server;
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });

    log('warm-up …');
    await primeHuge(origin);
    await resetDefault(origin);
    for (const target of Object.values(TARGETS)) {
      const { context, page } = await openPage(browser, origin, target);
      await page.evaluate(pageInsertUntilInteractive, { tag: target.tag, scenario: 'huge' });
      await context.close();
    }

    const runs = [];
    const happy = [];
    for (let run = 1; run <= RUNS; run++) {
      await resetDefault(origin);
      const order = run % 2 ? ['element', 'baseline'] : ['baseline', 'element'];
      const result = {};
      for (const name of order) {
        log(`run ${run}/${RUNS}: ${name} …`);
        result[name] = await measureTarget(browser, origin, TARGETS[name], { cycles: run <= HEAP_RUNS });
      }
      runs.push(result);
      if (run <= HEAP_RUNS) {
        await resetDefault(origin);
        happy.push(await measureHappyPath(browser, origin));
      }
    }
    const loadAll = {};
    const leak = {};
    for (const name of Object.keys(TARGETS)) {
      log(`load all ${HUGE} (once): ${name} …`);
      loadAll[name] = await measureLoadAll(browser, origin, TARGETS[name]);
      log(`leak check, ${LEAK_WARMUP_CYCLES + CYCLES} cycles (once): ${name} …`);
      leak[name] = await measureLeak(origin, TARGETS[name]);
    }

    const markdown = table({ sizes, runs, happy, loadAll, leak, host: machine(browser.version()) });
    console.log(markdown);
    writeFileSync(join(HERE, 'last-result.md'), `${markdown}\n`);
    log(`done in ${((Date.now() - began) / 1000).toFixed(0)} s; written to scripts/bench/last-result.md`);
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

// Run as a script; imported (scripts/bench/profile-startup.mjs), it only lends its build, server and page functions.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}

export { buildAll, CHROME_ARGS, measureHappyPath, openPage, pageInsertUntilInteractive, pageShowPicker, primeHuge, resetDefault, serve, TARGETS };
