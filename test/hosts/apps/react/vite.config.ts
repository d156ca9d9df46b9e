import { defineConfig } from 'vite';
import { mockBackendPlugin } from 'autopilot-connect/mocks';

// No React plugin: Vite transforms the .tsx itself, with the automatic JSX runtime that
// tsconfig.json's `jsx: react-jsx` asks for; that is all this host needs.
export default defineConfig({
  plugins: [mockBackendPlugin({ callbackPath: '/vendor/autopilot/callback.html' })],
});
