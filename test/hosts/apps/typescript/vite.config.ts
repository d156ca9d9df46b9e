import { defineConfig } from 'vite';
import { mockBackendPlugin } from 'autopilot-connect/mocks';

// The host serves the package's callback page from its own vendor folder
// (public/vendor/autopilot/, copied from node_modules/autopilot-connect/dist/callback/),
// so the mock backend's OAuth redirect has to end there.
export default defineConfig({
  plugins: [mockBackendPlugin({ callbackPath: '/vendor/autopilot/callback.html' })],
  build: { rolldownOptions: { input: ['index.html', 'clash.html'] } },
});
