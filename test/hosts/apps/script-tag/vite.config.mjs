import { mockBackendPlugin } from 'autopilot-connect/mocks';

// A static site served as it is (`vite preview` of site/, no transform, no bundling), with the
// package's mock backend beside it; the callback page sits in the same vendor folder.
export default {
  build: { outDir: 'site' },
  plugins: [mockBackendPlugin({ callbackPath: '/vendor/autopilot/callback.html' })],
};
