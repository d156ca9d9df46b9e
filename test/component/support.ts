/**
 * Shared set-up for the component tests: one element per test on a scenario of the mock
 * backend, and ways to reach a step the way a user does (clicking what they would click).
 */
import { expect } from '@esm-bundle/chai';
import '../../src/define.js';
import { getBackend, matchMockPath, resetBackends, startMockWorker, type ScenarioName } from '../../src/mocks/index.js';
import { button, findButton, heading, option, visibleText, waitFor, waitForText } from '../helpers/dom.js';
import { uninstallFakeClock } from '../helpers/fake-clock.js';
import { frames, pause } from '../helpers/time.js';

export type ConnectElement = HTMLElementTagNameMap['autopilot-connect'];

const mounted: HTMLElement[] = [];

/** MSW once per file, a fresh model before every test, no element left behind after it. */
export function useMockBackend(options: { startWorker?: boolean } = {}): void {
  if (options.startWorker !== false) {
    before(async () => {
      await startMockWorker();
    });
  }
  // The page's one PGlite opens once (about 3 s), here rather than inside the first test's wait.
  before(async function () {
    // Under coverage on a loaded two-core machine the WASM start has taken over 30 s.
    this.timeout(90_000);
    await getBackend('default').ready;
  });
  // Every test is a fresh tab: a fresh model, and nothing kept to resume from.
  beforeEach(async () => {
    await resetBackends();
    sessionStorage.clear();
  });
  afterEach(async () => {
    // Real time again first: a removed element's flow stops on a timer of its own.
    uninstallFakeClock();
    for (const element of mounted.splice(0)) element.remove();
    // A task later the removed elements' flows have stopped and given up their resume records.
    await pause(0);
    sessionStorage.clear();
  });
}

export function mount(scenario: ScenarioName = 'default', { locale }: { locale?: string } = {}): ConnectElement {
  const element = document.createElement('autopilot-connect');
  element.setAttribute('api-base', `/mock/${scenario}/api`);
  if (locale) element.setAttribute('locale', locale);
  document.body.append(element);
  mounted.push(element);
  return element;
}

export const backend = (scenario: ScenarioName = 'default') => getBackend(scenario);

/** Waits until the step's heading reads exactly `text`. */
/**
 * Waits until the step with that heading is there, its content too: the first wait shows the
 * overview's heading over the shape of its cards (a skeleton), which is not the overview yet.
 */
export const waitForHeading = (element: ConnectElement, text: string, timeout = 4000) =>
  waitFor(() => heading(element) === text && !element.shadowRoot?.querySelector('[data-skeleton="cards"]'), {
    timeout,
    message: `heading "${text}" (now "${heading(element)}"; visible: ${visibleText(element).slice(0, 300)})`,
  });

/** Waits for the button, then presses it as a pointer user would. */
export async function press(element: ConnectElement, name: string, timeout = 4000): Promise<HTMLElement> {
  const target = await waitFor(() => findButton(element, name), { timeout, message: `button "${name}" (visible: ${visibleText(element).slice(0, 300)})` });
  pointerClick(target);
  return target;
}

export function pointerClick(target: HTMLElement): void {
  target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
  target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
  target.click();
}

export const waitForOption = (element: ConnectElement, label: string, timeout = 4000) =>
  waitFor(() => option(element, label), { timeout, message: `option "${label}"` });

export const isDisabled = (target: HTMLElement) => target.getAttribute('aria-disabled') === 'true' || (target as HTMLButtonElement).disabled === true;

/** The picker's shadow root inside the element. */
export function listbox(element: ConnectElement): ShadowRoot {
  const picker = element.shadowRoot?.querySelector('autopilot-connect-listbox');
  if (!picker?.shadowRoot) throw new Error('No picker on this step');
  return picker.shadowRoot;
}

export const optionLabels = (element: ConnectElement) =>
  Array.from(listbox(element).querySelectorAll('[role="option"] .label')).map((label) => label.textContent?.trim() ?? '');

/** Types into the picker's search field as a user would: value, then an input event. */
export function typeSearch(element: ConnectElement, text: string): void {
  const input = listbox(element).querySelector('input');
  if (!input) throw new Error('No search field');
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text, inputType: 'insertText' }));
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

// --- reaching the steps -------------------------------------------------------------

export async function toConnections(element: ConnectElement): Promise<void> {
  await waitForHeading(element, 'Actieve koppelingen');
  await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
}

export async function toOrganisation(element: ConnectElement): Promise<void> {
  await toConnections(element);
  await press(element, 'New Connection');
  await waitForHeading(element, 'Kies de organisatie');
  await waitFor(() => element.shadowRoot?.querySelector('autopilot-connect-listbox')?.shadowRoot?.querySelector('[role="option"]'), {
    message: 'organisations listed',
  });
}

export async function toSystem(element: ConnectElement, organisation = 'eLien test company'): Promise<void> {
  await toOrganisation(element);
  pointerClick(option(element, organisation));
  const confirm = button(element, 'Bevestigen');
  await waitFor(() => !isDisabled(confirm), { message: 'Bevestigen enabled' });
  pointerClick(confirm);
  await waitForHeading(element, 'Kies het boekhoudpakket');
}

export async function toLoginReady(element: ConnectElement): Promise<void> {
  await toSystem(element);
  await press(element, 'Exact Online');
  await waitForHeading(element, 'Inloggen bij Exact Online');
  await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
}

export interface OpenCall {
  url: string;
  target: string | undefined;
  features: string | undefined;
}

/** Replaces window.open with a recorder; returns the calls and a restore function. */
export function stubWindowOpen(result: () => WindowProxy | null = () => fakePopup()) {
  const original = window.open;
  const calls: OpenCall[] = [];
  window.open = ((url?: string | URL, target?: string, features?: string) => {
    calls.push({ url: String(url), target, features });
    return result();
  }) as typeof window.open;
  return { calls, restore: () => (window.open = original) };
}

export const fakePopup = () => ({ closed: false, close() {} }) as unknown as WindowProxy;

/**
 * What the popup would do: the simulator's login form, its consent form (all administrations
 * ticked, or `divisionCodes`) and the redirect to the backend's OAuth callback. Leaves the
 * authorization authorized (or denied) in the reference backend; answers its id.
 */
export async function completeExactLogin(authorizeUrl: string, { divisionCodes, deny = false }: { divisionCodes?: number[]; deny?: boolean } = {}): Promise<string> {
  const { authorizationId, base } = await consentOverFetch(authorizeUrl, { divisionCodes, deny });
  const authorization = await (await fetch(`${base}/api/authorizations/${authorizationId}`)).json();
  expect(authorization.status, 'authorization after consent').to.equal(deny ? 'denied' : 'authorized');
  return authorizationId;
}

/**
 * The simulator's pages, driven as the popup would: a browser of their own (the scenario's
 * ExactBrowser, with its own cookies) fills in the login and consent forms; Exact's redirect to
 * the backend's OAuth callback is then followed over fetch, through MSW, which redeems the code
 * and answers 302 to the package's callback page with the authorization's id and outcome.
 */
export async function consentOverFetch(
  authorizeUrl: string,
  { divisionCodes, deny = false }: { divisionCodes?: number[] | undefined; deny?: boolean } = {},
): Promise<{ authorizationId: string; callbackUrl: string; base: string }> {
  const url = new URL(authorizeUrl);
  const match = matchMockPath(url.pathname);
  if (!match) throw new Error(`Not a scenario's Exact Online page: ${authorizeUrl}`);
  const scenario = getBackend(match.scenario);
  const walk = await scenario.exactBrowser().walk(authorizeUrl, scenario.world.login, deny ? 'deny' : 'allow', divisionCodes);
  const final = await fetch(walk.redirect);
  const callbackUrl = new URL(final.url);
  expect(callbackUrl.pathname, 'ends on the callback page').to.equal('/callback.html');
  return { authorizationId: callbackUrl.searchParams.get('authorization') ?? '', callbackUrl: final.url, base: scenario.basePath };
}

/**
 * The backend's id of the login an authorize URL belongs to. The OAuth state is opaque; the
 * backend keeps its SHA-256 (base64url), so the login the window opened is found by that.
 */
export async function loginIdOf(authorizeUrl: string, scenario: ScenarioName = 'default'): Promise<string> {
  const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(state)));
  const hash = btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const [row] = await backend(scenario).query('SELECT id FROM authorizations WHERE state_hash = $1', [hash]);
  if (!row) throw new Error(`No login of ${scenario} has the state of ${authorizeUrl}`);
  return String(row.id);
}

export const reportLogin = (authorizationId: string, status = 'authorized') =>
  window.postMessage({ type: 'autopilot-connect:login', authorizationId, status }, window.location.origin);

/** From the organisation step through a completed login to `Selecteer afdeling`. */
export async function toAdministration(element: ConnectElement, grant: { divisionCodes?: number[] } = {}): Promise<void> {
  await toLoginReady(element);
  const popup = stubWindowOpen();
  try {
    await press(element, 'Open');
    const authorizationId = await completeExactLogin(popup.calls[0]!.url, grant);
    reportLogin(authorizationId);
    await press(element, 'Ga door');
  } finally {
    popup.restore();
  }
  await waitForHeading(element, 'Selecteer afdeling');
  await waitFor(() => listbox(element).querySelector('[role="option"]'), { message: 'administrations listed' });
}

export async function toDone(element: ConnectElement): Promise<void> {
  await toAdministration(element);
  pointerClick(option(element, 'eLien test company'));
  const finish = button(element, 'Afronden');
  await waitFor(() => !isDisabled(finish), { message: 'Afronden enabled' });
  pointerClick(finish);
  await waitForHeading(element, 'Koppeling gemaakt');
}

export interface RecordedRequest {
  method: string;
  /** Path and query, relative to the origin. */
  path: string;
  headers: Headers;
  /** The answer (or the failure) has come back. */
  answered: boolean;
  /** The caller's signal, if it passed one: whether it gave the request up. */
  signal: AbortSignal | undefined;
}

/** Records every fetch the page makes (the ApiClient reads `globalThis.fetch` at call time). */
export function recordFetches() {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const recorded: RecordedRequest = { method: request.method, path: url.pathname + url.search, headers: request.headers, answered: false, signal: init?.signal ?? undefined };
    requests.push(recorded);
    const answer = original.call(window, input, init);
    // Noted before the element's own continuation runs: it reacts to the answer after this.
    answer.then(
      () => (recorded.answered = true),
      () => (recorded.answered = true),
    );
    return answer;
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

/**
 * Two frames, then the element's render: every message posted before has reached the element,
 * a request it sent for it has been recorded (the client calls fetch in the same task), and what
 * it did is in its shadow DOM. A test that then finds nothing happened also shows, in the same
 * test, that the same check sees it when it should happen.
 */
export async function afterItsTurn(element: ConnectElement): Promise<void> {
  await frames(2);
  await element.updateComplete;
}

/** The visible alert's text, or '' when none. */
export const alertText = (element: ConnectElement) =>
  (element.shadowRoot?.querySelector('[data-alert]')?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** A failed call never leaves the element blank: a heading, exactly `message` in an alert, and `Opnieuw proberen`. */
export function expectExplained(element: ConnectElement, message: string): void {
  expect(heading(element), 'a heading').to.not.equal('');
  expect(alertText(element), 'the message in an alert').to.equal(message);
  expect(findButton(element, 'Opnieuw proberen'), `a retry (visible: ${visibleText(element).slice(0, 200)})`).to.not.equal(null);
}

/** Polls an asynchronous check (a backend table, say) in real time until it holds. */
export async function waitUntil(check: () => Promise<boolean>, { timeout = 4000, message = '' } = {}): Promise<void> {
  const start = performance.now();
  while (performance.now() - start < timeout) {
    if (await check()) return;
    await pause(20);
  }
  throw new Error(`Timed out waiting for ${message}`);
}

/** The connections as the contract lists them (GET connections, through MSW). */
export async function listedConnections(scenario: ScenarioName = 'default'): Promise<Array<Record<string, unknown> & { id: string }>> {
  return (await (await fetch(`/mock/${scenario}/api/connections`)).json()).items;
}

export { button, findButton, heading, option, visibleText, waitFor, waitForText };
export { pause, nextTask, frames } from '../helpers/time.js';
export { installFakeClock, type FakeClock } from '../helpers/fake-clock.js';
