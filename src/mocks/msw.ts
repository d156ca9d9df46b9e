import type { RequestHandler } from 'msw';
import { handleMockRequest, type MockServeOptions } from './handlers.js';

// msw is loaded when MSW is used, not at the top: a host may use only the Vite plugin without
// installing msw (an optional peer dependency), and msw/browser refuses to load in Node.

/**
 * MSW handlers for tests and Storybook: every `/mock/<scenario>/...` request goes to that
 * scenario's backend. Anything the backend does not claim passes through to the network.
 * `callbackPath`: where the host serves the callback page (default `/callback.html`).
 */
export async function createMockHandlers(serve: MockServeOptions = {}): Promise<RequestHandler[]> {
  const { http, HttpResponse } = await import('msw');
  return [
    http.all(/\/mock\/[^/]+\/.*/, async ({ request }) => {
      const response = await handleMockRequest(request, serve);
      // An injected network failure: the fetch rejects, as when the connection drops.
      if (response?.type === 'error') return HttpResponse.error();
      return response ?? undefined;
    }),
  ];
}

/** Starts the service worker with the mock handlers; resolves once requests are intercepted. */
export async function startMockWorker(serve: MockServeOptions = {}): Promise<ServiceWorkerRegistration | undefined> {
  const [{ setupWorker }, handlers] = await Promise.all([import('msw/browser'), createMockHandlers(serve)]);
  return setupWorker(...handlers).start({
    onUnhandledFrame: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
}
