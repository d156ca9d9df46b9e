import { readFileSync } from 'node:fs';
import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import { demoBackendPlugin } from './src/backend/vite-plugin.js';
import { mockBackendPlugin } from './src/mocks/vite-plugin.js';
import { trimCssLiterals } from './scripts/vite-trim-css-literals.mjs';
import { trimHtmlLiteralsPlugin } from './scripts/vite-trim-html-literals.mjs';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
const { version } = packageJson;

/**
 * What the package build leaves as imports: the dependencies and peer dependencies (a host
 * installs them once for everything), vite (the mock plugin's types) and Node's built-ins.
 * Anything else, like the compiler's decorator helper, is emitted into dist/.
 */
const externalPackages = [...Object.keys(packageJson.dependencies), ...Object.keys(packageJson.peerDependencies), 'vite'];
const isExternal = (id: string) => id.startsWith('node:') || externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * The three builds `npm run build` (scripts/build.mjs) runs, one per mode:
 * - `package`: the npm entries as unbundled, unminified ES modules (dist/index.js, define.js,
 *   react.js, mocks/index.js and the modules they import). Every library stays an import, so a
 *   host's bundler dedupes lit, xstate & co. with its own copies.
 * - `standalone`: one self-contained, minified file for a plain <script type="module"> (the
 *   libraries inside), with the lazy locale chunks beside it.
 * - `callback`: the OAuth callback page with only relative URLs, so it works from any folder.
 */
const builds: Record<string, BuildEnvironmentOptions> = {
  package: {
    outDir: 'dist',
    emptyOutDir: false,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', define: 'src/define.ts', react: 'src/react.ts', 'mocks/index': 'src/mocks/index.ts', 'conformance/index': 'src/conformance/index.ts', 'conformance/bin': 'src/conformance/bin.ts', 'exact-simulator/index': 'src/exact-simulator/index.ts', 'exact-simulator/node-server': 'src/exact-simulator/node-server.ts', 'exact-simulator/bin': 'src/exact-simulator/bin.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: isExternal,
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
  standalone: {
    outDir: 'dist/standalone',
    lib: { entry: { 'autopilot-connect': 'src/standalone.ts' }, formats: ['es'] },
    // Terser (two passes), then the built-in minifier: 0.7 KB gzip smaller than the built-in one
    // alone, measured with npm run check:size.
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 2 } },
    rolldownOptions: {
      // The locale chunks import from the entry; without this, rolldown splits the entry.
      preserveEntrySignatures: 'allow-extension',
      // No comments at all: the minifiers already dropped all but the libraries' /* @__PURE__ */
      // marks, which are of no use once bundled (0.1 KB gzip).
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', minify: true, comments: false },
    },
  },
  callback: {
    outDir: 'dist/callback',
    // Beside the HTML, no assets/ folder: the page is a folder a host copies as it is.
    assetsDir: '',
    modulePreload: false,
    rolldownOptions: {
      input: { callback: 'callback.html' },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name].js', assetFileNames: '[name][extname]', minify: true },
    },
  },
};

/**
 * `npm start`: the demo page (index.html) on the reference backend (src/backend, PGlite in
 * .data/demo) with the Exact Online simulator on its own port; `?scenario=NAME` on the mock
 * backend's named situations, which this server answers as real HTTP so the login popup's pages
 * and the element see one model. Mode `e2e` (the end-to-end tests) serves the mock alone.
 * `npm run build`: the builds above (`vite build --mode package|standalone|callback`).
 */
export default defineConfig(({ mode }) => ({
  plugins: [mockBackendPlugin(), ...(mode === 'e2e' ? [] : [demoBackendPlugin()]), trimCssLiterals(), trimHtmlLiteralsPlugin()],
  // The class's static `version` (src/version.ts); web-test-runner's esbuild defines it too.
  define: { __AUTOPILOT_CONNECT_VERSION__: JSON.stringify(version) },
  // Relative URLs in the built callback page; the dev server keeps serving from the root.
  ...(mode === 'callback' ? { base: './' } : {}),
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false },
  // Pre-bundled at start, so a first page load never triggers a re-optimisation reload.
  // Only the demo's pages are scanned: test/hosts/apps/ holds other apps' pages.
  optimizeDeps: { entries: ['index.html', 'callback.html'], include: ['lit', 'lit/decorators.js', 'lit/directives/repeat.js', '@lit/task', 'xstate'] },
  build: {
    target: 'es2022',
    // No preloading: it only preloaded what a locale chunk imports, which the element has already
    // loaded, by adding <link> tags to the host page's head.
    modulePreload: false,
    copyPublicDir: false,
    // Other modes (Storybook's, the dev server's) get Vite's defaults.
    ...builds[mode],
  },
}));
