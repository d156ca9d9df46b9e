/**
 * The look of every Storybook story, guarded by screenshots (issue 15, point 6).
 *
 * Every story is loaded once, played, frozen, and shot four times: at 1280 px and 375 px viewport
 * width, each in the light and the dark colour scheme. Each shot (the story root, full height) is
 * compared with its reference in test/e2e/look/references/<story id>--<width>-<scheme>.png.
 *
 *   npm run test:look          compare only this file's shots with the references
 *   npm run test:look:update   after an intended change of the look: rewrite the references
 *                              (UPDATE_LOOK=1; also deletes references of stories that are gone),
 *                              then look at `git diff --stat test/e2e/look` and the images, commit.
 *
 * On a mismatch the shot and a diff image (differing pixels in red) are written beside the names
 * in the assertion message, in test/e2e/look/failed/ (gitignored):
 *   <name>.actual.png  what the element looks like now
 *   <name>.diff.png    the reference, faded, with the differing pixels marked
 *
 * What makes the shots deterministic, so that a run against its own references gives 0 pixels:
 * - the font: Nunito Sans (the woff2 files Storybook ships) served by this test and set through
 *   `--autopilot-connect-font`, loaded before the first shot; the system font differs per machine.
 * - deviceScaleFactor 1, one Chromium (scripts/find-chromium.mjs), --disable-gpu, a fixed
 *   locale and time zone, reducedMotion 'reduce', CSS animations disabled, the caret hidden.
 * - the clock: installed at a fixed date (a story types today's date, the element shows it), and
 *   paused once the play function is done and the page settled, so that nothing moves on while
 *   the four shots are taken (the slow scenario's loading state, the batch's countdowns).
 * - every shot is taken until two in a row are the same, after the element's render settled.
 * References were made on Debian's Chromium; another Chromium or FreeType renders text a little
 * differently, so a machine with another browser regenerates them rather than loosening the test.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { CLUSTER_PATH, emptyCluster } from '../helpers/pglite-cluster.mjs';

const root = resolve(new URL('../..', import.meta.url).pathname);
const staticDir = join(root, 'storybook-static');
const referenceDir = join(root, 'test/e2e/look/references');
const failedDir = join(root, 'test/e2e/look/failed');
const fontDir = join(root, 'node_modules/storybook/assets/browser');
const FONT_PATH = '/__look-font/';
const FONT_FAMILY = 'Look Nunito Sans';
const UPDATE = process.env.UPDATE_LOOK === '1';

const WIDTHS = [1280, 375];
const SCHEMES = ['light', 'dark'];
const VIEWPORT_HEIGHT = 800;
/** A Friday morning in Amsterdam, after the mock's last document (2026-11-30). */
const FROZEN_AT = new Date('2027-01-15T09:00:00+01:00');

/**
 * pixelmatch's colour threshold (YIQ distance, 0..1; 0.1 is its default): below it two pixels
 * count as the same. Pixels pixelmatch takes for anti-aliasing are not counted (includeAA false).
 * Measured: `--ac-border` from #dcd9e6 to #a09ab8 fails (1445 to 3533 pixels per shot); a nudge
 * to #c9c5d6 (about 19 levels per channel) stays under 0.1 and passes. Lower it (0.05 catches
 * that nudge) if shades that close must be guarded.
 */
const THRESHOLD = 0.1;
/**
 * How many differing pixels a shot may have: none. The shots are pinned (font, scale, clock,
 * motion, one Chromium) and two runs give 0 differing pixels, so any pixel that differs is a
 * change, and small ones matter: a focus ring or a 1 px rule under a 16 px word is fewer than 20
 * pixels. A machine whose Chromium renders text differently differs by far more than a handful,
 * so a small allowance would not spare it a regeneration anyway.
 */
const MAX_DIFF_PIXELS = 0;

// Build first (about 5 s), so the stories are those of the working tree.
execFileSync('npm', ['run', 'build-storybook', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
const index = JSON.parse(readFileSync(join(staticDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

const shotName = (storyId, width, scheme) => `${storyId}--${width}-${scheme}`;
const expectedNames = new Set(stories.flatMap((story) => WIDTHS.flatMap((width) => SCHEMES.map((scheme) => shotName(story.id, width, scheme)))));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

/** storybook-static on 127.0.0.1 (as in stories-a11y), plus the pinned font under FONT_PATH. */
function serve(directory, cluster) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === CLUSTER_PATH) {
      response.writeHead(200, { 'Content-Type': 'application/gzip', 'Cache-Control': 'max-age=600' }).end(cluster);
      return;
    }
    let file;
    if (path.startsWith(FONT_PATH)) {
      const name = path.slice(FONT_PATH.length);
      file = /^nunito-sans-(regular|bold)\.woff2$/.test(name) ? join(fontDir, name) : '/nonexistent';
    } else {
      file = normalize(join(directory, path));
      if (!file.startsWith(directory)) {
        response.writeHead(403).end();
        return;
      }
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'max-age=600' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise(server)));
}

/** Runs in the page before anything else: the pinned font, and the story's outcome from the preview's channel. */
function prepareStoryPage({ fontPath, family }) {
  const faces = [
    new FontFace(family, `url(${fontPath}nunito-sans-regular.woff2) format('woff2')`, { weight: '400' }),
    new FontFace(family, `url(${fontPath}nunito-sans-bold.woff2) format('woff2')`, { weight: '700' }),
  ];
  for (const face of faces) {
    document.fonts.add(face);
    face.load().catch(() => {});
  }
  window.__lookFontsLoaded = Promise.all(faces.map((face) => face.loaded)).then(() => true, (error) => String(error));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`autopilot-connect { --autopilot-connect-font: '${family}', sans-serif; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  window.__storyOutcome = null;
  const listen = () => {
    const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
    if (!channel) return setTimeout(listen, 10);
    channel.on('storyRendered', () => (window.__storyOutcome ??= 'rendered'));
    channel.on('playFunctionThrewException', (error) => (window.__storyOutcome = `play failed: ${error?.message ?? error}`));
    channel.on('storyThrewException', (error) => (window.__storyOutcome = `story failed: ${error?.message ?? error}`));
    channel.on('storyErrored', (error) => (window.__storyOutcome = `story errored: ${error?.title ?? ''} ${error?.description ?? ''}`));
  };
  listen();
}

/** Waits until no Lit element under the story root (through shadow roots) has an update pending. */
async function settleRender(page) {
  for (let round = 0; round < 10; round += 1) {
    const settled = await page.evaluate(async () => {
      const pending = [];
      const walk = (node) => {
        for (const element of node.querySelectorAll('*')) {
          if (element.updateComplete instanceof Promise) pending.push(element.updateComplete);
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(document.querySelector('#storybook-root') ?? document);
      const results = await Promise.all(pending);
      return results.every((done) => done !== false);
    });
    if (settled) return;
  }
}

/** A screenshot of the story root, taken until two in a row are the same. */
async function stableShot(page) {
  const target = page.locator('#storybook-root');
  const shoot = () => target.screenshot({ animations: 'disabled', caret: 'hide', scale: 'css', timeout: 10_000 });
  let previous = await shoot();
  for (let attempt = 0; attempt < 6; attempt += 1) {
    await page.waitForTimeout(50);
    const next = await shoot();
    if (next.equals(previous)) return PNG.sync.read(next);
    previous = next;
  }
  throw new Error('the story never looked the same in two shots in a row');
}

/** Compares a shot with its reference (or writes it, in update mode); a message on a mismatch, else null. */
function compare(name, actual) {
  const referencePath = join(referenceDir, `${name}.png`);
  const actualPath = join(failedDir, `${name}.actual.png`);
  const diffPath = join(failedDir, `${name}.diff.png`);
  rmSync(actualPath, { force: true });
  rmSync(diffPath, { force: true });
  // RGB (the page is opaque) with plain deflate: the smallest of pngjs's settings for these shots.
  const encoded = PNG.sync.write(actual, { colorType: 2, deflateLevel: 9, deflateStrategy: 0 });
  if (UPDATE) {
    if (!existsSync(referencePath) || !sameImage(PNG.sync.read(readFileSync(referencePath)), actual)) writeFileSync(referencePath, encoded);
    return null;
  }
  const rel = (path) => relative(root, path);
  if (!existsSync(referencePath)) {
    mkdirSync(failedDir, { recursive: true });
    writeFileSync(actualPath, encoded);
    return `no reference ${rel(referencePath)} (the shot is in ${rel(actualPath)}); create the references with \`npm run test:look:update\` and commit them`;
  }
  const reference = PNG.sync.read(readFileSync(referencePath));
  if (reference.width !== actual.width || reference.height !== actual.height) {
    mkdirSync(failedDir, { recursive: true });
    writeFileSync(actualPath, encoded);
    return `${name}: the shot is ${actual.width}×${actual.height} px, the reference ${reference.width}×${reference.height} px; see ${rel(actualPath)} (after an intended change: npm run test:look:update)`;
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(reference.data, actual.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
  if (differing <= MAX_DIFF_PIXELS) return null;
  mkdirSync(failedDir, { recursive: true });
  writeFileSync(actualPath, encoded);
  writeFileSync(diffPath, PNG.sync.write(diff));
  return `${name}: ${differing} pixels differ from ${rel(referencePath)} (at most ${MAX_DIFF_PIXELS} may); see ${rel(actualPath)} and ${rel(diffPath)} (after an intended change: npm run test:look:update)`;
}

const sameImage = (a, b) => a.width === b.width && a.height === b.height && a.data.equals(b.data);

describe(`every Storybook story's look at ${WIDTHS.join(' and ')} px, light and dark${UPDATE ? ' (updating the references)' : ''}`, { concurrency: 2 }, () => {
  let server;
  let browser;
  let origin;
  before(async () => {
    mkdirSync(referenceDir, { recursive: true });
    server = await serve(staticDir, await emptyCluster());
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--font-render-hinting=none'],
    });
  });
  after(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done()));
    if (UPDATE) {
      for (const file of readdirSync(referenceDir)) {
        if (file.endsWith('.png') && !expectedNames.has(file.slice(0, -'.png'.length))) rmSync(join(referenceDir, file));
      }
    }
  });

  it('finds the stories in index.json, and no reference without its story', () => {
    assert.ok(stories.length >= 20, `only ${stories.length} stories`);
    if (UPDATE) return;
    const stale = readdirSync(referenceDir).filter((file) => file.endsWith('.png') && !expectedNames.has(file.slice(0, -'.png'.length)));
    assert.deepEqual(stale, [], 'references of stories that are gone: remove them with `npm run test:look:update`');
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name} (${story.id})`, { timeout: 90_000 }, async () => {
      // A context of its own per story, for MSW's service worker (see stories-a11y).
      const context = await browser.newContext({
        viewport: { width: WIDTHS[0], height: VIEWPORT_HEIGHT },
        deviceScaleFactor: 1,
        colorScheme: SCHEMES[0],
        reducedMotion: 'reduce',
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
      });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      try {
        // Time runs from FROZEN_AT, at the real pace, so the stories' waits work as elsewhere.
        await page.clock.install({ time: FROZEN_AT });
        await page.addInitScript((path) => (globalThis.__AUTOPILOT_PGLITE_DATA__ = path), CLUSTER_PATH);
        await page.addInitScript(prepareStoryPage, { fontPath: FONT_PATH, family: FONT_FAMILY });
        const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`;
        await page.goto(url, { timeout: 20_000 }).catch(() => page.goto(url, { timeout: 30_000 }));
        await page.waitForFunction(() => window.__storyOutcome !== null, null, { timeout: 60_000 });
        const outcome = await page.evaluate(() => window.__storyOutcome);
        assert.equal(outcome, 'rendered', `the story's play function did not finish: ${outcome}`);
        assert.equal(await page.evaluate(() => window.__lookFontsLoaded), true, 'the pinned font did not load');

        // Let the last render land, then stop the clock: nothing that waits on a timer moves on
        // (the slow scenario would show the connections 2.5 s in, a countdown would count).
        await page.waitForTimeout(300);
        const now = await page.evaluate(() => Date.now());
        await page.clock.pauseAt(now + 50).catch(async () => page.clock.pauseAt((await page.evaluate(() => Date.now())) + 500));
        // What is still under way is a request that waits on a paused timer: not waited for long.
        await page.waitForLoadState('networkidle', { timeout: 2_000 }).catch(() => {});
        await page.evaluate(() => document.fonts.ready.then(() => undefined));

        const failures = [];
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
          for (const scheme of SCHEMES) {
            await page.emulateMedia({ colorScheme: scheme });
            await settleRender(page);
            const failure = compare(shotName(story.id, width, scheme), await stableShot(page));
            if (failure) failures.push(failure);
          }
        }
        assert.equal(failures.join('\n'), '', `the look of ${story.id} changed`);
        assert.deepEqual(pageErrors, []);
      } finally {
        await context.close();
      }
    });
  }
});
