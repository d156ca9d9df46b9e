/**
 * Shared set-up for the robustness tests. Builds on the component tests' support (read-only):
 * this folder runs its own MSW worker with the mock handlers, so a test can put handlers in
 * front of the mock (`worker.use(...)`), and it records what the element sends and receives.
 */
import { expect } from '@esm-bundle/chai';
import { setupWorker } from 'msw/browser';
import { createMockHandlers, ExactOnline } from '../../src/mocks/index.js';
import { messages } from '../../src/i18n/messages.js';
import {
  findButton,
  heading,
  press,
  stubWindowOpen,
  toLoginReady,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  listbox,
  type ConnectElement,
} from '../component/support.js';
import { consentOverFetch } from '../component/support.js';

export * from '../component/support.js';
export { deepElements } from '../helpers/dom.js';

/** The Dutch texts (the source locale), as the element shows them. */
export const nl = messages();

/** One worker per test file (each file runs in its own page). */
export const worker = setupWorker(...(await createMockHandlers()));

/** The mock behind this file's own worker; a fresh model and no storage per test; handlers reset after each. */
export function useRobustBackend(): void {
  before(async () => {
    await worker.start({ onUnhandledFrame: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  });
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());
  useMockBackend({ startWorker: false });
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RecordedRequest {
  method: string;
  /** Path and query, relative to the origin. */
  path: string;
  headers: Headers;
}

/** Records every fetch the page makes (the ApiClient reads `globalThis.fetch` at call time). */
export function recordFetches() {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push({ method: request.method, path: url.pathname + url.search, headers: request.headers });
    return original.call(window, input, init);
  }) as typeof window.fetch;
  return {
    requests,
    /** Calls of one method whose path (without query) matches. */
    count: (method: string, path: RegExp, from = 0) =>
      requests.slice(from).filter((request) => request.method === method && path.test(request.path.split('?')[0]!)).length,
    restore: () => {
      window.fetch = original;
    },
  };
}

/** Records every authorization code the simulated Exact Online hands out. */
export function recordIssuedCodes() {
  const original = ExactOnline.prototype.issueCode;
  const codes: string[] = [];
  ExactOnline.prototype.issueCode = function (this: ExactOnline, ...args: Parameters<ExactOnline['issueCode']>) {
    const code = original.apply(this, args);
    codes.push(code);
    return code;
  };
  return { codes, restore: () => (ExactOnline.prototype.issueCode = original) };
}

/** Uncaught errors and unhandled rejections while it listens. */
export function recordUncaught() {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandledrejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop: () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * The Exact login and consent over fetch, as the popup would do them (like the component
 * support's `completeExactLogin`), but returning the callback page's URL too, so a test can load
 * the package's real callback page and let it report.
 */
export async function exactLoginOverFetch(
  authorizeUrl: string,
  { divisionCodes }: { divisionCodes?: number[] } = {},
): Promise<{ authorizationId: string; callbackUrl: string }> {
  const { authorizationId, callbackUrl } = await consentOverFetch(authorizeUrl, { divisionCodes });
  return { authorizationId, callbackUrl };
}

/** Loads the package's real callback page (same origin) in a frame and waits until it has reported. */
export async function runCallbackPage(callbackUrl: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.src = callbackUrl;
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(frame);
  await loaded;
  // The module script runs on load; its BroadcastChannel message is then on its way.
  await waitFor(() => frame.contentDocument?.getElementById('message')?.textContent !== '…', { message: 'the callback page ran' });
  await pause(50);
  frame.remove();
}

/** `Open`, the login over fetch, the real callback page reporting, `Ga door`: to `Selecteer afdeling`. */
export async function toAdministrationViaCallback(element: ConnectElement, grant: { divisionCodes?: number[] } = {}): Promise<string> {
  await toLoginReady(element);
  const popup = stubWindowOpen();
  let authorizationId = '';
  try {
    await press(element, 'Open');
    const login = await exactLoginOverFetch(popup.calls[0]!.url, grant);
    authorizationId = login.authorizationId;
    await runCallbackPage(login.callbackUrl);
    await press(element, 'Ga door');
  } finally {
    popup.restore();
  }
  await waitForHeading(element, 'Selecteer afdeling');
  await waitFor(() => listbox(element).querySelector('[role="option"]'), { message: 'administrations listed' });
  return authorizationId;
}

/** Every message text the element can show for a failed call (nl). */
export const nlErrorMessages: string[] = Object.entries(nl)
  .filter(([key]) => key.startsWith('error_'))
  .flatMap(([, value]) => (typeof value === 'function' ? [] : [value as string]));

/** The visible alert's text, or '' when none. */
export const alertText = (element: ConnectElement) =>
  (element.shadowRoot?.querySelector('[data-alert]')?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A failed call explained: a heading, exactly `message` in an alert, and `Opnieuw proberen`. */
export function expectExplained(element: ConnectElement, message: string): void {
  expect(heading(element), 'a heading').to.not.equal('');
  expect(alertText(element), 'the message in an alert').to.equal(message);
  expect(findButton(element, 'Opnieuw proberen'), `a retry (visible: ${visibleText(element).slice(0, 200)})`).to.not.equal(null);
}

export const waitForAlert = (element: ConnectElement, message: string, timeout = 4000) =>
  waitFor(() => alertText(element) === message, { timeout, message: `alert "${message}" (now "${alertText(element)}")` });
