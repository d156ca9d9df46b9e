import { publicModulesPlugin } from './scripts/manifest/public-modules-plugin.mjs';

/**
 * The Custom Elements Manifest of the package, from the class comments in src/ (Lit's
 * decorators give the attributes and properties). `node scripts/build-manifest.mjs` writes it
 * to dist/custom-elements.json; `npx cem analyze --config custom-elements-manifest.config.mjs`
 * gives the same file.
 */

/** Each element's source module → the shipped module that contains its class. */
export const elementModules = {
  'src/autopilot-connect.ts': 'dist/index.js',
  'src/picker/search-listbox.ts': 'dist/index.js',
  'src/picker/batch-table.ts': 'dist/index.js',
};

export default {
  globs: ['src/**/*.ts'],
  // The mock backend, the generated contract and the translations declare no element.
  exclude: ['src/mocks/**', 'src/api/*.generated.ts', 'src/i18n/locales/**'],
  outdir: 'dist',
  litelement: true,
  // The analyzer would otherwise write a `customElements` field into package.json on every run.
  packagejson: false,
  quiet: true,
  plugins: [publicModulesPlugin({ elementModules, defineModule: 'dist/define.js' })],
};
