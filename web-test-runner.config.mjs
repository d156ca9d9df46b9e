import { createReadStream, readFileSync } from 'node:fs';
import { CLUSTER_PATH, emptyCluster } from './test/helpers/pglite-cluster.mjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/find-chromium.mjs';
import { ssrPlugin } from './test/ssr/wtr-ssr-plugin.mjs';

/**
 * Headless Chromium as CI has it (root, no GPU, no network but loopback), with a fresh tab for
 * every test file. The launcher would keep one tab and navigate it from file to file; on one
 * site that keeps one renderer process, and every file's PGlite (the mock backend's database,
 * WebAssembly) left its memory in it: the renderer grew to 6–9.5 GB by the suite's last third,
 * where pages froze for seconds and tests flaked. A closed tab's process exits, and its memory
 * with it. Measured on the first 20 files of test/component with --coverage (2026-12-04): the
 * largest renderer peaked at 4.88 GB with one tab, at 0.60 GB with a tab per file (86 s → 78 s).
 */
const chromium = (extra = {}) => {
  const launcher = chromeLauncher({
    launchOptions: {
      executablePath: findChromium(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      ...extra,
    },
  });
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    // The session's results (and coverage) are read first; then the tab it ran in goes.
    const result = await stopSession(sessionId);
    const page = launcher.inactivePages.pop();
    await page?.puppeteerPage.close().catch(() => {});
    return result;
  };
  return launcher;
};

/** The class's static `version`, as vite.config.ts defines it for the builds. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** MSW's worker script, served where the browser expects it. */
const mswWorker = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === '/mockServiceWorker.js') {
      return { body: createReadStream('node_modules/msw/lib/mockServiceWorker.js'), type: 'js' };
    }
  },
};

/**
 * PGlite's WebAssembly and file-system bundle, byte for byte: the dev server would read them as
 * text (the mock backend's database runs in the page).
 */
const pgliteDist = new URL('./node_modules/@electric-sql/pglite/dist/', import.meta.url);
const pgliteFiles = async (context, next) => {
  // Also below /__wds-outside-root__/…, where a node_modules outside the root (a symlink) is served.
  const match = /\/node_modules\/@electric-sql\/pglite\/dist\/([\w.-]+\.(data|wasm))$/.exec(context.path);
  if (!match) return next();
  context.type = match[2] === 'wasm' ? 'application/wasm' : 'application/octet-stream';
  context.set('Cache-Control', 'max-age=3600');
  context.body = createReadStream(new URL(match[1], pgliteDist));
};

// An empty Postgres cluster for every page's PGlite (test/helpers/pglite-cluster.mjs).
const cluster = await emptyCluster();
const pgliteCluster = async (context, next) => {
  if (context.path !== CLUSTER_PATH) return next();
  context.type = 'application/gzip';
  context.body = cluster;
};

/**
 * `executeServerCommand('emulate-timezone', { timezoneId })` sets the test page's time zone
 * (none: back to the machine's), so code that must not depend on it is tested outside UTC.
 */
const emulateTimezone = {
  name: 'emulate-timezone',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-timezone') return undefined;
    await session.browser.getPage(session.id).emulateTimezone(payload?.timezoneId);
    return true;
  },
};

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { browser: true },
  middleware: [pgliteFiles, pgliteCluster],
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>globalThis.__AUTOPILOT_PGLITE_DATA__ = '${CLUSTER_PATH}';</script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022', define: { __AUTOPILOT_CONNECT_VERSION__: JSON.stringify(version) } }), mswWorker, ssrPlugin, emulateTimezone],
  browsers: [chromium()],
  // One page at a time: focus and keyboard tests need the page to be the focused one.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // A file's modules are transformed on first request; under coverage on a loaded two-core
  // machine a large one (test/machine/paths.test.ts) has taken more than the default 20 s to start.
  testsStartTimeout: 60_000,
  // With --coverage (the test command, `npm run test:browser`): v8's own counters, cheap; it fails
  // when src/ outside the mocks and the generated files drops under 90 % of statements or
  // branches. Off by default, so a single file can be run without failing the threshold.
  coverageConfig: {
    include: ['src/**/*.ts'],
    // The reference backend and the kit run here only as the mock's engine; their own suites
    // (npm run test:backend, the kit against it) are what test them.
    exclude: ['src/mocks/**', 'src/backend/**', 'src/conformance/**', 'src/**/*.generated.ts'],
    threshold: { statements: 90, branches: 90 },
    reporters: ['text-summary', 'json-summary'],
  },
};
