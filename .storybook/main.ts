import type { StorybookConfig } from '@storybook/web-components-vite';
import type { PluginOption } from 'vite';

/** The project's dev-server plugin answers `/mock/...` over HTTP; in Storybook MSW does that. */
const MOCK_BACKEND_PLUGIN = 'autopilot-mock-backend';

const isMockBackendPlugin = (plugin: PluginOption): boolean =>
  typeof plugin === 'object' && plugin !== null && 'name' in plugin && plugin.name === MOCK_BACKEND_PLUGIN;

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  // Only the MSW worker script, at the root, where the preview registers it.
  staticDirs: [{ from: '../node_modules/msw/lib/mockServiceWorker.js', to: '/mockServiceWorker.js' }],
  viteFinal(config) {
    config.plugins = (config.plugins ?? []).flat(Infinity as 1).filter((plugin) => !isMockBackendPlugin(plugin));
    // vite.config.ts builds the element and the callback page; Storybook brings its own inputs.
    if (config.build) delete config.build.rolldownOptions;
    // The mock backend's PGlite finds its .wasm and .data beside its own module: pre-bundling
    // would move the module away from them (PGlite's docs: exclude it from optimizeDeps).
    config.optimizeDeps = { ...config.optimizeDeps, exclude: [...(config.optimizeDeps?.exclude ?? []), '@electric-sql/pglite'] };
    return config;
  },
};

export default config;
