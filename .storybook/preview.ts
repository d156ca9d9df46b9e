import type { Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { resetBackends } from '../src/mocks/handlers.js';
import { createMockHandlers } from '../src/mocks/msw.js';
import '../src/define.js';

/** The project's own MSW handlers serve every `/mock/<scenario>/api` the stories point at. */
const startMockWorker = async () => {
  const worker = setupWorker(...(await createMockHandlers()));
  await worker.start({
    onUnhandledFrame: 'bypass',
    quiet: true,
    // Relative to iframe.html, so a Storybook published under a sub-path finds it too.
    serviceWorker: { url: './mockServiceWorker.js' },
  });
  return worker;
};

const preview: Preview = {
  loaders: [
    mswLoader(startMockWorker),
    // Every story starts on a fresh mock platform: no connection a previous story made.
    async () => {
      await resetBackends();
      return {};
    },
  ],
  // Play functions stub the login window; put the real one back when the story is left.
  beforeEach() {
    const open = window.open;
    return () => {
      window.open = open;
    };
  },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
