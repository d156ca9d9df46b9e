/**
 * Shared set-up for the robustness tests. Builds on the component tests' support (read-only):
 * this folder runs its own MSW worker with the mock handlers, so a test can put handlers in
 * front of the mock (`worker.use(...)`), and it records what the element sends and receives.
 */
import { setupWorker } from 'msw/browser';
import { createMockHandlers, getBackend, type ScenarioName } from '../../src/mocks/index.js';
import { sha256 } from '../../src/backend/ids.js';
import { messages } from '../../src/i18n/messages.js';
import {
  press,
  stubWindowOpen,
  toLoginReady,
  useMockBackend,
  alertText,
  pause,
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

/** The mock behind this file's own worker; fresh backends and no storage per test; handlers reset after each. */
export function useRobustBackend(): void {
  before(async () => {
    await worker.start({ onUnhandledFrame: 'bypass', quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  });
  // PGlite starts once per page (a few seconds): before the first test, not inside its step timeouts.
  before(async function (this: Mocha.Context) {
    // Under coverage on a loaded two-core machine the WASM start has taken over 30 s.
    this.timeout(90_000);
    await getBackend('default').ready;
  });
  after(() => worker.stop());
  afterEach(() => worker.resetHandlers());
  useMockBackend({ startWorker: false });
}

/**
 * What the scenario's Exact Online simulator hands out from now on: authorization codes, and
 * every secret (codes, access and refresh tokens), so a test can prove none leaks. The login the
 * world was seeded with is left out: it was issued before the test.
 */
export async function recordIssuedCodes(scenario: ScenarioName = 'default') {
  const backend = getBackend(scenario);
  await backend.ready;
  const simulator = backend.simulator;
  const issued = () => simulator.issuedTokens();
  const before = new Set(Object.values(issued()).flat());
  const fresh = (values: string[]) => values.filter((value) => !before.has(value));
  return {
    get codes(): string[] {
      return fresh(issued().codes);
    },
    get secrets(): string[] {
      const { codes, accessTokens, refreshTokens } = issued();
      return fresh([...codes, ...accessTokens, ...refreshTokens]);
    },
    restore: () => undefined,
  };
}

/** The `grant` scenario's login that stays usable (its id is made when the world is seeded). */
export async function existingGrantId(scenario: ScenarioName = 'grant'): Promise<string> {
  const grant = (await getBackend(scenario).authorizations()).find((authorization) => authorization.status === 'authorized');
  if (!grant) throw new Error(`No authorized grant in ${scenario}`);
  return String(grant.id);
}

/**
 * The authorization a login window's URL is for: its `state` is opaque, the backend keeps only
 * its hash. Undefined when no authorization of the scenario has that state.
 */
export async function authorizationOfLogin(authorizeUrl: string, scenario: ScenarioName = 'default'): Promise<{ id: string; status: string } | undefined> {
  const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
  const [row] = await getBackend(scenario).query<{ id: string; status: string }>('SELECT id, status FROM authorizations WHERE state_hash = $1', [await sha256(state)]);
  return row;
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
  // The module script runs on load; once it shows the outcome (body.ok / body.no), its
  // BroadcastChannel message is on its way.
  await waitFor(() => Boolean(frame.contentDocument?.body?.className), { message: 'the callback page ran' });
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

export const waitForAlert = (element: ConnectElement, message: string, timeout = 4000) =>
  waitFor(() => alertText(element) === message, { timeout, message: `alert "${message}" (now "${alertText(element)}")` });
