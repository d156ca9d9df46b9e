#!/usr/bin/env node
/**
 * `npm run bench:batch`: `Meerdere administraties koppelen` at scale (issue 14), on the
 * `batch-200` world — 200 organisations, 2,000 administrations, Exact Online's real rate limit
 * of 60 calls a minute — in headless Chromium, on the demo server the end-to-end tests use (Vite
 * in development mode with the reference backend and the simulator behind real HTTP; Lit's
 * development build, so rendering is, if anything, slower than a production page).
 *
 * 1. Matching alone: the element's own `indexDivisions` + `matchBatch` (src/machine/batch-match.ts)
 *    run in the page on the 200 organisations and 2,000 administrations the backend answers.
 * 2. The table's first render: from the last page of the candidates in (Resource Timing) to the
 *    first frame with the table's rows, over BENCH_BATCH_OPENINGS openings (cancel, and again
 *    with `Doorgaan als`: the grant is reused).
 * 3. A re-match after a change: `Wijzigen` on a row, an administration chosen in the picker → the
 *    first frame whose table shows it (the machine re-matches all 190 rows), BENCH_BATCH_CHANGES times.
 * 4. The whole batch: every proposal ticked, `Alles koppelen`, with failures injected — three
 *    administrations whose mailbox Exact refuses (lifted after the first pass, then `Mislukte opnieuw
 *    proberen`), three answers lost after the connection was made, one 429 — and one reload mid-way.
 *    Then the backend's connections are counted per organisation and per administration: a
 *    duplicate is any count above one.
 *
 * Prints a markdown table and writes it to scripts/bench/last-batch-result.md. Takes about five
 * minutes, most of it Exact's rate limit. Environment: BENCH_BATCH_OPENINGS (default 10),
 * BENCH_BATCH_CHANGES (default 20).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from '../../test/e2e/harness.mjs';
import { consent, exactLogin } from '../../test/e2e/steps.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SCENARIO = 'batch-200';
const OPENINGS = Math.max(2, Number(process.env.BENCH_BATCH_OPENINGS ?? 10));
const CHANGES = Math.max(4, Number(process.env.BENCH_BATCH_CHANGES ?? 20));
/** Administrations whose mailbox Exact refuses in the run (KvK matches of org_0005, org_0050, org_0100). */
const REFUSED = [500005, 500050, 500100];

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (value) => `${value.toFixed(1)} ms`;
const stats = (values) => `p50 ${ms(quantile(values, 0.5))}, p95 ${ms(quantile(values, 0.95))} (n = ${values.length}; ${ms(Math.min(...values))}–${ms(Math.max(...values))})`;

const harness = await startHarness();
const simulator = (path, init) => fetch(`${harness.origin}/mock/${SCENARIO}/exact/_simulator/${path}`, init);
const rows = [];
try {
  await harness.reset(SCENARIO);
  const page = await harness.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${harness.origin}/?scenario=${SCENARIO}`);
  const element = page.locator('autopilot-connect');
  const body = element.locator('[part~="body"]');

  // --- 1. matching alone, on what the backend answers ---------------------------------------
  const matching = await page.evaluate(async (scenario) => {
    const { indexDivisions, matchBatch } = await import('/src/machine/batch-match.ts');
    const api = `/mock/${scenario}/api`;
    const organisations = (await (await fetch(`${api}/organisations?limit=200`)).json()).items;
    // The divisions of a grant need a login; the same rows the simulator seeds, as the backend lists them, are built here.
    const world = await import('/src/mocks/worlds.ts');
    const exact = world.worlds[scenario]().exact.divisions;
    const divisions = exact.map((d) => ({ code: d.code, name: d.description, hid: String(d.hid), customerName: d.customerName, kvk: d.kvk, vatNumber: d.vatNumber, country: d.country, status: 'active', blockedReason: null, connectedOrganisation: null }));
    const index = [];
    const match = [];
    let proposed = 0;
    for (let run = 0; run < 40; run++) {
      const a = performance.now();
      const built = indexDivisions(divisions);
      const b = performance.now();
      const result = matchBatch(organisations, built, new Map([[organisations[run % organisations.length].id, divisions[run]]]));
      const c = performance.now();
      index.push(b - a);
      match.push(c - b);
      proposed = result.rows.filter((row) => row.division).length;
    }
    return { index, match, organisations: organisations.length, divisions: divisions.length, proposed };
  }, SCENARIO);
  rows.push(['matching: `indexDivisions` (once per list)', `${matching.organisations} × ${matching.divisions}`, stats(matching.index.slice(5))]);
  rows.push(['matching: `matchBatch` (every change)', `${matching.proposed} of ${matching.organisations} proposed`, stats(matching.match.slice(5))]);

  // --- 2. the table's first render, over openings --------------------------------------------
  /** Resolves in the page with the time of the first frame in which the table has rows. */
  const watchTable = () =>
    page.evaluate(() => {
      window.__tableAt = null;
      const check = () => {
        const table = document.querySelector('autopilot-connect')?.shadowRoot?.querySelector('autopilot-connect-batch-table')?.shadowRoot?.querySelector('tr[data-index]');
        if (table) window.__tableAt = performance.now();
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  const lastCandidateResponse = () =>
    page.evaluate(() =>
      Math.max(...performance.getEntriesByType('resource').filter((entry) => /\/(organisations|divisions)\?/.test(entry.name)).map((entry) => entry.responseEnd)),
    );
  const firstRenders = [];
  for (let opening = 0; opening < OPENINGS; opening++) {
    await page.evaluate(() => performance.clearResourceTimings());
    await element.getByRole('button', { name: 'Meerdere administraties koppelen' }).click();
    await watchTable();
    if (opening === 0) {
      const popupOpened = page.waitForEvent('popup');
      await element.getByRole('button', { name: 'Open', exact: true }).click();
      const popup = await popupOpened;
      await consent(popup, exactLogin);
      await popup.waitForEvent('close');
    } else {
      await element.getByRole('button', { name: /^Doorgaan als/ }).click();
    }
    await element.getByRole('table').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__tableAt !== null);
    const tableAt = await page.evaluate(() => window.__tableAt);
    firstRenders.push(tableAt - (await lastCandidateResponse()));
    if (opening < OPENINGS - 1) {
      await element.getByRole('button', { name: 'Annuleren' }).click();
      await element.getByRole('heading', { name: 'Actieve koppelingen' }).waitFor();
    }
  }
  rows.push(['table first render: last candidates page in → first frame with rows', '190 rows (windowed)', stats(firstRenders.slice(1))]);

  // --- 3. a re-match after a change ------------------------------------------------------------
  const changes = [];
  for (let change = 0; change < CHANGES; change++) {
    const row = element.locator(`tr[data-index="${change % 8}"]`);
    await row.getByRole('button', { name: /^Wijzigen/ }).click();
    const picker = element.locator('.batch-picker');
    await picker.getByRole('searchbox').fill(String(501000 + change));
    const option = picker.getByRole('option', { name: new RegExp(String(501000 + change)) });
    await option.waitFor();
    const took = await option.evaluate(
      (node, index) =>
        new Promise((resolve) => {
          const start = performance.now();
          node.click();
          const check = () => {
            const shown = document.querySelector('autopilot-connect').shadowRoot.querySelector('autopilot-connect-batch-table').shadowRoot.querySelector(`tr[data-index="${index}"]`);
            if (shown?.textContent?.includes('Zelf gekozen') && !document.querySelector('autopilot-connect').shadowRoot.querySelector('.batch-picker')) resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
      change % 8,
    );
    changes.push(took);
  }
  rows.push(['re-match after a change: option chosen → first frame showing it (incl. the machine and the render)', `${CHANGES} changes`, stats(changes.slice(2))]);
  // The choices made above are put back: every proposal, then all ticked.
  await element.getByRole('button', { name: 'Annuleren' }).click();
  await element.getByRole('button', { name: 'Meerdere administraties koppelen' }).click();
  await element.getByRole('button', { name: /^Doorgaan als/ }).click();
  await element.getByRole('table').waitFor({ timeout: 60_000 });

  // --- 4. the whole batch, against the rate limit, with failures and a reload --------------
  for (const division of REFUSED) {
    await simulator('faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ kind: 'mailboxRefused', division, failure: 'forbidden' }) });
  }
  await harness.inject(SCENARIO, { operation: 'createConnection', times: 3, kind: 'after-commit-network' });
  await harness.inject(SCENARIO, { operation: 'createConnection', times: 1, kind: { status: 429, retryAfter: 2 } });
  await element.getByRole('checkbox', { name: 'Alle voorstellen aanvinken' }).check();
  const startButton = element.getByRole('button', { name: /^Alles koppelen \(\d+\)$/ });
  const total = Number(/\((\d+)\)/.exec(await startButton.innerText())[1]);
  const started = Date.now();
  await startButton.click();
  let waits = 0;
  const watchWaits = setInterval(async () => {
    if (await body.getByText(/Exact Online vraagt om/).count().catch(() => 0)) waits += 1;
  }, 1000);
  await body.getByText(new RegExp(`^(4\\d|5\\d) van ${total}$`)).waitFor({ timeout: 180_000 });
  await page.reload();
  await element.getByRole('heading', { name: 'Klaar met koppelen' }).waitFor({ timeout: 900_000 });
  const firstPass = (await body.innerText()).match(/(\d+) gekoppeld, (\d+) mislukt, (\d+) overgeslagen/);
  for (const division of REFUSED) await simulator(`faults?division=${division}`, { method: 'DELETE' });
  const failed = Number(firstPass[2]);
  if (failed > 0) {
    await element.getByRole('button', { name: `Mislukte opnieuw proberen (${failed})` }).click();
    await body.getByText(/ 0 mislukt/).waitFor({ timeout: 300_000 });
  }
  clearInterval(watchWaits);
  const wall = (Date.now() - started) / 1000;
  const secondPass = (await body.innerText()).match(/(\d+) gekoppeld, (\d+) mislukt, (\d+) overgeslagen/);
  const connections = await page.evaluate(async (scenario) => (await (await fetch(`/mock/${scenario}/api/connections`)).json()).items, SCENARIO);
  const count = (key) => {
    const seen = new Map();
    for (const connection of connections) seen.set(key(connection), (seen.get(key(connection)) ?? 0) + 1);
    return [...seen.values()].filter((n) => n > 1).reduce((sum, n) => sum + n - 1, 0);
  };
  const duplicates = count((c) => c.organisation.id) + count((c) => c.division.code);
  const counters = await (await simulator('counters')).json();
  const mailboxPosts = counters.apiCalls?.['POST mailbox/Mailboxes'] ?? null;
  rows.push(['whole batch: rows', `${total} ticked`, `first pass ${firstPass[1]} connected, ${firstPass[2]} failed, ${firstPass[3]} skipped; after lifting the refusals and \`Mislukte opnieuw proberen\`: ${secondPass[1]} connected, ${secondPass[2]} failed`]);
  rows.push(['whole batch: injected', '', `3 mailbox refusals, 3 answers lost after the connection was made (the socket reset: Chromium sent each again by itself, with its key, and the backend answered the connection it had made), 1 × 429 (Retry-After 2 s), 1 reload mid-way; Exact's 60 calls a minute`]);
  rows.push(['whole batch: wall time', '', `${wall.toFixed(0)} s (${(total / (wall / 60)).toFixed(0)} rows a minute); of it, seconds spent waiting out Exact's rate limit ("Exact Online vraagt om … te wachten" on screen): ${waits}`]);
  rows.push(['whole batch: connections at the backend', '', `${connections.length} (one per organisation and administration expected)`]);
  rows.push(['**duplicate connections**', '', `**${duplicates}**`]);
  rows.push(['mailbox POSTs at the simulator', '', `${mailboxPosts ?? 'n/a'} (the ${total} rows, plus one per refused attempt)`]);
  rows.push(['page errors', '', errors.length ? errors.join('; ') : 'none']);
  if (duplicates !== 0) process.exitCode = 1;
} finally {
  await harness.close();
}

const load = os.loadavg().map((n) => n.toFixed(1)).join(' / ');
const cpu = os.cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown CPU';
const table = [
  `### Batch benchmark (\`npm run bench:batch\`) — ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  '',
  `Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}; load average at the end: ${load}. World \`${SCENARIO}\` (200 organisations, 2,000 administrations), demo server (Vite dev mode, Lit dev build) with the reference backend and the simulator over real HTTP, headless Chromium at 1280 × 900.`,
  '',
  '| Measure | Size | Result |',
  '|---|---|---|',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
].join('\n');
console.log(table);
writeFileSync(join(HERE, 'last-batch-result.md'), table);
