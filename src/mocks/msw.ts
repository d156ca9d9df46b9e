import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { handleMockRequest } from './handlers.js';

/**
 * MSW handlers for tests and Storybook: every `/mock/<scenario>/...` request goes to that
 * scenario's backend. Anything the backend does not claim passes through to the network.
 */
export const mockHandlers = [
  http.all(/\/mock\/[^/]+\/.*/, async ({ request }) => {
    const response = await handleMockRequest(request);
    // An injected network failure: the fetch rejects, as when the connection drops.
    if (response?.type === 'error') return HttpResponse.error();
    return response ?? undefined;
  }),
];

/** Starts the service worker with the mock handlers; resolves once requests are intercepted. */
export function startMockWorker(): Promise<ServiceWorkerRegistration | undefined> {
  return setupWorker(...mockHandlers).start({
    onUnhandledFrame: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
}
