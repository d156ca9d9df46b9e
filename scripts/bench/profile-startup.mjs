#!/usr/bin/env node
/**
 * The quick loop for start-up work: builds as the benchmark does, then only measures insert →
 * first interactive (and New Connection → picker) for the element and the baseline, alternating,
 * PROFILE_RUNS times (default 8) in fresh pages, and prints the medians, their ratio and where
 * the element's time went: any `performance.mark('ap:…')` left in the source, and the status
 * request's timing. Not a benchmark of record (`npm run bench` is): a minute instead of three.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../find-chromium.mjs';
import { buildAll, CHROME_ARGS, openPage, pageInsertUntilInteractive, pageShowPicker, primeHuge, resetDefault, serve, TARGETS } from './run.mjs';

const RUNS = Math.max(1, Number(process.env.PROFILE_RUNS ?? 8));
const median = (values) => {
  const list = values.filter(Number.isFinite).sort((a, b) => a - b);
  return list.length ? (list[(list.length - 1) >> 1] + list[list.length >> 1]) / 2 : NaN;
};

/** The element's own marks and the first API request's timing, relative to the insertion. */
const pageTimeline = () => {
  const start = performance.getEntriesByName('bench:insert').at(-1)?.startTime ?? 0;
  const marks = Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ap:')).map((m) => [m.name, m.startTime - start]));
  const request = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/') && r.startTime >= start);
  if (request) Object.assign(marks, { 'req:sent': request.requestStart - start, 'req:headers': request.responseStart - start, 'req:body': request.responseEnd - start });
  return marks;
};

const outDir = mkdtempSync(join(os.tmpdir(), 'autopilot-profile-'));
mkdirSync(join(outDir, 'bench'), { recursive: true });
const { close, origin } = await serve((await buildAll(outDir), outDir));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROME_ARGS });
try {
  await primeHuge(origin);
  await resetDefault(origin);
  const samples = { element: [], baseline: [], picker: [] };
  const timelines = [];
  for (let run = 0; run <= RUNS; run++) {
    for (const name of run % 2 ? ['element', 'baseline'] : ['baseline', 'element']) {
      const target = TARGETS[name];
      const { context, page } = await openPage(browser, origin, target);
      // PROFILE_HOST_CSS: a host page's rule, to try what a style costs (e.g. the font).
      if (process.env.PROFILE_HOST_CSS) await page.addStyleTag({ content: process.env.PROFILE_HOST_CSS });
      // PROFILE_HOST_TEXT: the page shows a paragraph of its own first, as a host page would.
      if (process.env.PROFILE_HOST_TEXT)
        await page.evaluate(async (text) => {
          document.body.insertAdjacentHTML('afterbegin', `<p>${text}</p>`);
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        }, process.env.PROFILE_HOST_TEXT);
      await page.evaluate(() => performance.clearMarks());
      const { frame } = await page.evaluate(pageInsertUntilInteractive, { tag: target.tag, scenario: 'default' });
      const timeline = name === 'element' ? await page.evaluate(pageTimeline) : null;
      let picker = NaN;
      if (name === 'element') {
        await page.evaluate(() => window.__bench.remove());
        await page.evaluate(pageInsertUntilInteractive, { tag: target.tag, scenario: 'huge' });
        picker = (await page.evaluate(pageShowPicker, { tag: target.tag, scenario: 'huge' })).frame;
      }
      await context.close();
      if (run === 0) continue; // warm-up
      samples[name].push(frame);
      if (name === 'element') {
        samples.picker.push(picker);
        timelines.push(timeline);
      }
    }
  }
  const element = median(samples.element);
  const baseline = median(samples.baseline);
  console.log(`insert → first interactive: element ${element.toFixed(1)} ms, baseline ${baseline.toFixed(1)} ms, ${(element / baseline).toFixed(2)}× (median of ${RUNS})`);
  console.log(`  element runs: ${samples.element.map((v) => v.toFixed(0)).join(' ')}; baseline runs: ${samples.baseline.map((v) => v.toFixed(0)).join(' ')}`);
  console.log(`New Connection → picker (huge): ${median(samples.picker).toFixed(1)} ms`);
  const names = [...new Set(timelines.flatMap((t) => Object.keys(t)))];
  for (const name of names.sort((a, b) => median(timelines.map((t) => t[a])) - median(timelines.map((t) => t[b])))) {
    console.log(`  ${name.padEnd(28)} ${median(timelines.map((t) => t[name])).toFixed(1).padStart(7)} ms`);
  }
} finally {
  await browser.close();
  await close();
  rmSync(outDir, { recursive: true, force: true });
}
