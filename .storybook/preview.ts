import type { Preview } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { getBackend, resetBackends } from '../src/mocks/handlers.js';
import { isScenarioName } from '../src/mocks/scenario-names.js';
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
    // Every story starts on a fresh mock backend: no connection a previous story made. Its world
    // is seeded before the story renders (the page's PGlite opens once, a few seconds), so the
    // element's first call is answered as fast as a backend answers it.
    async ({ args }) => {
      await resetBackends();
      const scenario: unknown = args['scenario'];
      if (isScenarioName(scenario)) await getBackend(scenario).ready;
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
