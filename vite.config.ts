import { defineConfig } from 'vite';
import { mockBackendPlugin } from './src/mocks/vite-plugin.js';
import { trimCssLiterals } from './scripts/vite-trim-css-literals.mjs';

/**
 * `npm start`: the demo page (index.html) on the mock backend, which this server answers as
 * real HTTP so the login popup's pages and the element see one model.
 * `npm run build`: the element as one ES module (dist/autopilot-connect.js, with lit and
 * xstate inside, for a plain <script type="module">) and the OAuth callback page.
 */
export default defineConfig({
  plugins: [mockBackendPlugin(), trimCssLiterals()],
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false },
  // Pre-bundled at start, so a first page load never triggers a re-optimisation reload.
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/repeat.js', '@lit/task', 'xstate'] },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // No preloading: it only preloaded what a locale chunk imports, which the element has already
    // loaded, by adding <link> tags to the host page's head.
    modulePreload: false,
    rolldownOptions: {
      input: { 'autopilot-connect': 'src/define.ts', callback: 'callback.html' },
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', minify: true },
    },
  },
});
