#!/usr/bin/env node
// The reference backend's benchmark (not a timed test): in-process over loopback HTTP, PGlite in
// memory, the Exact simulator with 10,000 administrations for one Exact user.
//   1. GET authorizations/{id}/divisions?query=… over the 10,000 cached administrations: p50/p95.
//   2. 50 concurrent Afronden (POST connections) with one Idempotency-Key: how many connections and
//      mailbox POSTs at Exact that makes (must be one of each), and how long it takes.
// Run: node scripts/bench/backend.mjs
import { performance } from 'node:perf_hooks';
import { ApiClient, CookieJar, closeModules, loadModules, logIn, startWorld } from '../../test/backend/harness.mjs';

const modules = await loadModules();
const { bigSeed } = await modules.load('/src/exact-simulator/seed.ts');
const world = await startWorld(modules, {}, { simulator: { seed: () => bigSeed(10_000) } });
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
try {
  const client = await new ApiClient(world, 'usr_lien', []).signIn();
  const login = await logIn(client, new CookieJar(), { username: 'tienduizend@groot-accountants.nl', password: 'tienduizend' });
  const divisions = (query) => client.call('GET', `/api/authorizations/${login.id}/divisions?limit=50${query ? `&query=${encodeURIComponent(query)}` : ''}`);

  // Filling the cache: 167 pages of 60 at Exact's 60 calls a minute; the clocks move a minute per 429.
  const filling = performance.now();
  let first = await divisions('');
  for (let minute = 0; first.status === 429 && minute < 10; minute++) {
    await world.clock.advance(61_000);
    first = await divisions('');
  }
  if (first.status !== 200) throw new Error(`divisions: ${first.status} ${first.text}`);
  const filled = performance.now() - filling;

  const queries = ['', 'a', 'ac', 'accountants', '1000', '1004', 'bv', 'holding', 'NL00', 'zz-none'];
  for (const query of queries) await divisions(query); // warm-up
  const times = [];
  for (let round = 0; round < 20; round++) {
    for (const query of queries) {
      const started = performance.now();
      const answer = await divisions(query);
      times.push(performance.now() - started);
      if (answer.status !== 200) throw new Error(`divisions ${query}: ${answer.status}`);
    }
  }

  const free = first.body.items.find((item) => item.blockedReason === null && item.connectedOrganisation === null);
  const before = await world.counters();
  const body = { organisationId: 'org_vandam', authorizationId: login.id, divisionCode: free.code, bookingFlow: 'simple' };
  const burst = performance.now();
  const answers = await Promise.all(Array.from({ length: 50 }, () => client.call('POST', '/api/connections', { body, key: 'bench-afronden-1' })));
  const burstMs = performance.now() - burst;
  const after = await world.counters();
  const statuses = {};
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  const ids = new Set(answers.filter((answer) => answer.status < 300).map((answer) => answer.body.id));
  const list = await client.call('GET', '/api/connections');
  const made = list.body.items.filter((connection) => connection.organisation.id === 'org_vandam').length;
  const mailboxPosts = (after.mailboxPosts ?? 0) - (before.mailboxPosts ?? 0);

  console.log(`divisions cache filled: ${first.body.total ?? '?'} administrations in ${(filled / 1000).toFixed(1)} s (Exact's rate limit on a simulated clock)`);
  console.log(`GET divisions search over 10,000 (${times.length} requests): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
  console.log(`50 concurrent Afronden, one key: ${made} connection(s), ${ids.size} distinct id(s) answered, ${mailboxPosts} mailbox POST(s), statuses ${JSON.stringify(statuses)}, ${burstMs.toFixed(0)} ms`);
  if (made !== 1 || mailboxPosts !== 1) process.exitCode = 1;
} finally {
  await world.close();
  await closeModules();
}
