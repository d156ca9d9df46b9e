/**
 * 8. Fuzz: randomly malformed responses (seeded) for every contract operation.
 * - The API client directly, for breadth: every operation rejects only with an ApiError, and
 *   resolves only with a body that conforms to the contract.
 * - The element, for a few hundred: a handler in front of the mock answers the targeted call
 *   with garbage; no uncaught error, never blank, each ends with an error message and a way on.
 */
import { expect } from '@esm-bundle/chai';
import { http, HttpResponse } from 'msw';
import { ApiClient } from '../../src/api/client.js';
import { ApiError, isApiError } from '../../src/api/api-error.js';
import { successResponses } from '../../src/api/guards.generated.js';
import { definitions, referenceResponses } from '../api/reference-contract.js';
import { validate } from '../api/reference-validate.js';
import {
  authorizationOfLogin,
  backend,
  button,
  completeExactLogin,
  findButton,
  heading,
  isDisabled,
  mount,
  nl,
  nlErrorMessages,
  alertText,
  option,
  pointerClick,
  press,
  recordUncaught,
  reportLogin,
  stubWindowOpen,
  toAdministration,
  toConnections,
  toSystem,
  typeSearch,
  useRobustBackend,
  visibleText,
  waitFor,
  waitForHeading,
  worker,
  type ConnectElement,
} from './support.js';

// --- seeded garbage ---------------------------------------------------------------------

/** mulberry32: small, fast, the same sequence for the same seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

// Keys the contract uses, so junk often looks almost right.
const contractKeys = [
  'id', 'name', 'email', 'items', 'total', 'nextCursor', 'status', 'code', 'title', 'detail', 'type', 'organisation', 'division',
  'blockers', 'kvk', 'vatNumber', 'connectionId', 'blocked', 'connectedOrganisation', 'authorizeUrl', 'expiresAt', 'createdAt',
  'exactUser', 'bookingFlow', 'autopilotInstalled', 'user', 'appStoreUrl', 'documentCount', 'from', 'region', '__proto__', 'constructor',
];
const strings = ['', ' ', 'authorized', 'simple', 'advanced', 'internal_error', 'rate_limited', '2025-01-01', '2025-13-45T99:99:99Z', 'null',
  '<img src=x onerror=alert(1)>', '\u202Egnp.exe', '🥐'.repeat(50), 'x'.repeat(5000), '\u0000', '{"items":[', 'https://evil.example/'];
const numbers = [0, -1, 1, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 5e-324, 0.5, 400, 599, 100002, Number.MAX_SAFE_INTEGER];

function junk(rng: Rng, depth = 0): unknown {
  const roll = rng.int(0, depth > 3 ? 4 : 7);
  switch (roll) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick(numbers);
    case 3: return rng.pick(strings);
    case 4: return rng.chance(0.5) ? rng.int(-1e6, 1e6) : `s${rng.int(0, 1e9).toString(36)}`;
    case 5: return Array.from({ length: rng.int(0, 4) }, () => junk(rng, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let index = rng.int(0, 6); index > 0; index--) object[rng.chance(0.85) ? rng.pick(contractKeys) : `k${rng.int(0, 99)}`] = junk(rng, depth + 1);
      return object;
    }
  }
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let index = 0; index < depth; index++) value = index % 2 ? { items: value } : [value];
  return value;
}

const contentTypes = ['application/json', 'application/problem+json', 'application/json; charset=utf-8', 'text/html; charset=utf-8', 'text/plain', '', 'application/octet-stream', 'application/xml'];

interface Garbage {
  status: number;
  /** null: no body at all. */
  body: string | null;
  contentType: string;
  retryAfter: string | null;
  /** No HTTP answer at all. */
  network: boolean;
  /** The body stream fails while it is read. */
  brokenStream: boolean;
}

const nullBodyStatuses = new Set([204, 205, 304]);

function garbage(rng: Rng, { retryAfter = true } = {}): Garbage {
  const status = rng.chance(0.3) ? rng.pick([200, 201, 202, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503]) : rng.int(200, 599);
  const form = rng.int(0, 11);
  let body: string | null;
  switch (form) {
    case 0: body = ''; break;
    case 1: body = null; break;
    case 2: body = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>'; break;
    case 3: body = JSON.stringify(junk(rng)).slice(0, rng.int(1, 40)); break; // truncated JSON
    case 4: body = Array.from({ length: rng.int(1, 200) }, () => String.fromCharCode(rng.int(0, 0xffff))).join(''); break;
    case 5: body = JSON.stringify(nested(rng.int(50, 400))); break;
    case 6: body = `{"total": 1e999, "items": [], "nextCursor": null, "id": ${'9'.repeat(rng.int(20, 400))}}`; break;
    case 7: body = JSON.stringify({ type: 'about:blank', title: junk(rng), status: rng.pick([status, 'x', 700, null]), code: rng.pick(['internal_error', 'nope', 42, 'rate_limited', 'division_blocked']) }); break;
    default: body = JSON.stringify(junk(rng));
  }
  return {
    status,
    body: nullBodyStatuses.has(status) ? null : body,
    contentType: rng.pick(contentTypes),
    retryAfter: retryAfter && rng.chance(0.3) ? rng.pick(['0', '1', '-5', 'soon', '99999999999', new Date(Date.now() + 2000).toUTCString(), '1.5']) : null,
    network: rng.chance(0.05),
    brokenStream: rng.chance(0.04),
  };
}

function toResponse(item: Garbage): Response {
  const headers = new Headers();
  if (item.contentType) headers.set('Content-Type', item.contentType);
  if (item.retryAfter !== null) headers.set('Retry-After', item.retryAfter);
  if (item.brokenStream && item.body !== null) {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"items": ['));
        controller.error(new Error('connection reset'));
      },
    });
    return new Response(stream, { status: item.status, headers });
  }
  return new Response(item.body, { status: item.status, headers });
}

type OperationId = keyof typeof successResponses;

/** Would the client accept this as the operation's success? Then it is not garbage. (Asked of the reference validator.) */
function acceptable(operation: OperationId, item: Garbage): boolean {
  const expected = referenceResponses[operation]!;
  if (item.network || item.brokenStream || !expected.statuses.includes(item.status)) return false;
  const schema = expected.schemas[0] ?? null;
  if (schema === null) return true;
  try {
    return validate(JSON.parse(item.body ?? ''), definitions[schema]!, definitions) === null;
  } catch {
    return false;
  }
}

// --- the API client, for breadth ---------------------------------------------------------

const calls: Record<OperationId, (api: ApiClient) => Promise<unknown>> = {
  getStatus: (api) => api.getStatus(),
  listOrganisations: (api) => api.listOrganisations({ query: 'a', cursor: 'c', limit: 5 }),
  listConnections: (api) => api.listConnections(),
  createConnection: (api) => api.createConnection({ organisationId: 'org_0001', authorizationId: 'auth_x', divisionCode: 100002, bookingFlow: 'simple' }, 'key-12345678'),
  deleteConnection: (api) => api.deleteConnection('con_1'),
  listAuthorizations: (api) => api.listAuthorizations(),
  startAuthorization: (api) => api.startAuthorization({ returnOrigin: location.origin, locale: 'nl' }),
  getAuthorization: (api) => api.getAuthorization('auth_x'),
  listDivisions: (api) => api.listDivisions('auth_x', { query: 'b' }),
  createRedelivery: (api) => api.createRedelivery('org_0001', '2025-01-01', 'key-12345678'),
  previewRedelivery: (api) => api.previewRedelivery('org_0001', '2025-01-01'),
  getConnection: (api) => api.getConnection('con_1'),
  reauthorizeConnection: (api) => api.reauthorizeConnection('con_1', 'auth_x'),
};

describe('robustness 8: fuzz', () => {
  useRobustBackend();

  it('the API client: 1500 malformed responses across all contract operations reject only with ApiError', async () => {
    const rng = prng(0xa11ce);
    const operations = Object.keys(successResponses) as OperationId[];
    expect(operations.sort()).to.deep.equal(Object.keys(calls).sort());
    const thrownValues: unknown[] = [new TypeError('Failed to fetch'), 'a string', null, undefined, { weird: true }, new DOMException('x', 'NetworkError')];
    const failures: string[] = [];
    const kinds = new Map<string, number>();
    let resolved = 0;
    for (let index = 0; index < 1500; index++) {
      const operation = operations[index % operations.length]!;
      const item = garbage(rng);
      const fetcher = async () => {
        if (item.network) throw rng.pick(thrownValues);
        return toResponse(item);
      };
      const api = new ApiClient({ baseUrl: '/fuzz/api/', fetch: fetcher as typeof fetch });
      try {
        const value = await calls[operation](api);
        resolved++;
        // It may only resolve with what the contract allows.
        if (!acceptable(operation, item)) failures.push(`#${index} ${operation} resolved with ${JSON.stringify(value)?.slice(0, 100)} for ${item.status} ${item.body?.slice(0, 80)}`);
      } catch (error) {
        if (!isApiError(error) || !(error instanceof ApiError)) failures.push(`#${index} ${operation} threw ${String(error)} for ${item.status} ${item.body?.slice(0, 80)}`);
        else {
          kinds.set(error.kind, (kinds.get(error.kind) ?? 0) + 1);
          if (error.operation !== operation) failures.push(`#${index} says operation ${error.operation}, not ${operation}`);
        }
      }
    }
    expect(failures, failures.slice(0, 5).join('\n')).to.deep.equal([]);
    // The generator reached every kind of failure.
    for (const kind of ['network', 'problem', 'http', 'malformed', 'contract']) expect(kinds.get(kind) ?? 0, kind).to.be.greaterThan(0);
    expect(resolved, 'a few bodies happen to conform (deleteConnection 204)').to.be.lessThan(1500 * 0.1);
  });

  // --- the element, for depth ----------------------------------------------------------

  interface Target {
    method: string;
    path: RegExp;
  }
  const targets: Record<string, Target> = {
    getStatus: { method: 'GET', path: /^\/status$/ },
    listConnections: { method: 'GET', path: /^\/connections$/ },
    listOrganisations: { method: 'GET', path: /^\/organisations$/ },
    startAuthorization: { method: 'POST', path: /^\/authorizations$/ },
    listAuthorizations: { method: 'GET', path: /^\/authorizations$/ },
    getAuthorization: { method: 'GET', path: /^\/authorizations\/[^/]+$/ },
    listDivisions: { method: 'GET', path: /^\/authorizations\/[^/]+\/divisions$/ },
    createConnection: { method: 'POST', path: /^\/connections$/ },
    createRedelivery: { method: 'POST', path: /^\/organisations\/[^/]+\/redeliveries$/ },
  };

  /**
   * A handler in front of the mock: the armed operation's next call gets garbage; everything else goes on to the mock.
   * Only a call the page made after arming can get it: a call of the last round still on its way
   * through the service worker (the parallel one its failure cancelled) must not take this round's garbage.
   */
  function garbageInFront(seed: number) {
    const rng = prng(seed);
    const state = { armed: null as OperationId | null, served: 0, arming: 0 };
    const pageFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      if (state.armed === null) return pageFetch(input, init);
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      headers.set('X-Fuzz-Arming', String(state.arming));
      return pageFetch(input, { ...init, headers });
    };
    restoreFetch.push(() => (globalThis.fetch = pageFetch));
    worker.use(
      http.all(/\/mock\/default\/api\/.*/, ({ request }) => {
        const path = new URL(request.url).pathname.replace(/^\/mock\/default\/api/, '');
        const armed = state.armed;
        if (!armed || request.headers.get('X-Fuzz-Arming') !== String(state.arming)) return undefined;
        if (targets[armed]!.method !== request.method || !targets[armed]!.path.test(path)) return undefined;
        let item = garbage(rng, { retryAfter: false });
        while (acceptable(armed, item)) item = garbage(rng, { retryAfter: false });
        state.armed = null;
        state.served++;
        if (item.network) return HttpResponse.error();
        return toResponse(item);
      }),
    );
    return {
      state,
      arm: (operation: OperationId) => {
        state.armed = operation;
        state.arming++;
        return state.served;
      },
    };
  }
  const restoreFetch: Array<() => void> = [];
  afterEach(() => restoreFetch.splice(0).forEach((restore) => restore()));

  /** Never blank: checked on every animation frame while the fuzz runs. */
  /**
   * Before its first render the element waits up to 100 ms for the status, so a quick answer
   * goes straight to its step instead of flashing the checking step: that wait may last a few
   * frames (12 at most, about 200 ms at 60 Hz), and from the first render on it is never blank.
   */
  function watchBlank(element: ConnectElement) {
    const blanks: string[] = [];
    let running = true;
    let framesBeforeFirstRender = 0;
    const frame = () => {
      if (!running) return;
      if (!element.hasUpdated) {
        if (++framesBeforeFirstRender === 13) blanks.push(`no first render after 12 frames, at ${performance.now().toFixed(0)}`);
      } else if (element.isConnected && (heading(element) === '' || visibleText(element) === '')) blanks.push(`blank at ${performance.now().toFixed(0)}`);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    return { blanks, stop: () => (running = false) };
  }

  const knownMessage = (text: string) => nlErrorMessages.includes(text) || text === nl.error_rateLimited(30);

  /**
   * Runs `rounds` garbage answers for `operation`: `start` makes the first call, `again` each
   * next one; each must end explained: a known message in an alert and the button `goOn`.
   */
  async function fuzzElement(
    current: () => ConnectElement,
    fuzz: ReturnType<typeof garbageInFront>,
    operation: OperationId,
    rounds: number,
    { start, again, goOn = 'Opnieuw proberen', expectAlert = true }: { start: () => Promise<unknown> | unknown; again: () => Promise<unknown> | unknown; goOn?: string; expectAlert?: boolean },
  ): Promise<number> {
    const uncaught = recordUncaught();
    let blank: ReturnType<typeof watchBlank> | null = null;
    try {
      for (let round = 0; round < rounds; round++) {
        const before = fuzz.arm(operation);
        await (round === 0 ? start() : again());
        const element = current();
        blank ??= watchBlank(element);
        await waitFor(() => fuzz.state.served > before, { message: `${operation} round ${round}: the call` });
        await waitFor(() => (!expectAlert || alertText(element) !== '') && findButton(element, goOn), {
          message: `${operation} round ${round}: explained with "${goOn}" (visible: ${visibleText(element).slice(0, 200)})`,
        });
        if (expectAlert) expect(knownMessage(alertText(element)), `round ${round}: a known message, not "${alertText(element)}"`).to.equal(true);
        expect(heading(element), 'a heading').to.not.equal('');
        expect(uncaught.errors, `round ${round}`).to.deep.equal([]);
      }
      expect(blank?.blanks, 'never blank').to.deep.equal([]);
      return rounds;
    } finally {
      uncaught.stop();
      blank?.stop();
    }
  }

  const total = { rounds: 0 };
  after(() => expect(total.rounds, 'element rounds in all').to.be.at.least(300));

  it('the element: getStatus and listConnections (80 garbage answers)', async function () {
    this.timeout(30_000);
    const fuzz = garbageInFront(1);
    let element!: ConnectElement;
    total.rounds += await fuzzElement(() => element, fuzz, 'getStatus', 40, {
      start: () => (element = mount()),
      again: () => press(element, 'Opnieuw proberen'),
    });
    fuzz.state.armed = null;
    await press(element, 'Opnieuw proberen');
    // Settled (the list loaded), so no call of this element is still on its way when the next is armed.
    await toConnections(element);
    element.remove();
    let second!: ConnectElement;
    const rounds = 40;
    // A backend whose status omits the connections: the element asks for them (listConnections).
    backend().statusCarriesConnections = false;
    total.rounds += await fuzzElement(() => second, fuzz, 'listConnections', rounds, {
      start: () => (second = mount()),
      again: () => press(second, 'Opnieuw proberen'),
    });
  });

  it('the element: listOrganisations, startAuthorization and listAuthorizations (100 garbage answers)', async function () {
    this.timeout(30_000);
    const fuzz = garbageInFront(2);
    const element = mount();
    await toConnections(element);
    total.rounds += await fuzzElement(() => element, fuzz, 'listOrganisations', 40, {
      start: () => press(element, 'New Connection'),
      again: () => press(element, 'Opnieuw proberen'),
    });
    element.remove();
    const next = mount();
    await toSystem(next);
    total.rounds += await fuzzElement(() => next, fuzz, 'startAuthorization', 40, {
      start: () => press(next, 'Exact Online'),
      again: () => press(next, 'Opnieuw proberen'),
    });
    // The grants list is a convenience: when it fails, a fresh login is offered, no error.
    await press(next, 'Terug');
    await waitForHeading(next, nl.systemHeading);
    total.rounds += await fuzzElement(() => next, fuzz, 'listAuthorizations', 20, {
      start: () => press(next, 'Exact Online'),
      again: async () => {
        await press(next, 'Terug');
        await waitForHeading(next, nl.systemHeading);
        await press(next, 'Exact Online');
      },
      goOn: 'Open',
      expectAlert: false,
    });
  });

  // A report is only a hint to ask the backend: a check that meets garbage changes nothing, the
  // window stays open and listened to, and the genuine outcome still counts.
  it('the element: getAuthorization after a login report (30 garbage answers): the login goes on', async function () {
    this.timeout(30_000);
    const fuzz = garbageInFront(3);
    const popup = stubWindowOpen();
    try {
      const element = mount();
      await toSystem(element);
      await press(element, 'Exact Online');
      await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
      const report = async () => {
        pointerClick(button(element, 'Open'));
        // The window's `state` is opaque: the login it is for, from the backend.
        const login = await authorizationOfLogin(popup.calls.at(-1)!.url);
        window.postMessage({ type: 'autopilot-connect:login', authorizationId: login!.id, status: 'authorized' }, location.origin);
      };
      total.rounds += await fuzzElement(() => element, fuzz, 'getAuthorization', 30, {
        start: report,
        again: async () => {
          expect(alertText(element), 'no error for a hint the backend could not check').to.equal('');
          expect(visibleText(element)).to.include(nl.loginWaiting);
          await report();
        },
        goOn: 'Open',
        expectAlert: false,
      });
      // The user logs in for real: the genuine report is heard and confirmed.
      pointerClick(button(element, 'Open'));
      reportLogin(await completeExactLogin(popup.calls.at(-1)!.url));
      await waitFor(() => findButton(element, nl.continue), { message: 'the genuine outcome still counts', timeout: 5000 });
    } finally {
      popup.restore();
    }
  });

  it('the element: listDivisions, createConnection and createRedelivery (110 garbage answers)', async function () {
    this.timeout(40_000);
    const fuzz = garbageInFront(4);
    const element = mount();
    await toAdministration(element);
    // The first page came with the login's confirmation; a search asks again.
    total.rounds += await fuzzElement(() => element, fuzz, 'listDivisions', 40, {
      start: () => typeSearch(element, 'e'),
      again: () => press(element, 'Opnieuw proberen'),
    });
    await press(element, 'Opnieuw proberen');
    // Options from before show while the list reloads; a choice counts once it is ready.
    await waitFor(
      () => {
        pointerClick(option(element, 'eLien test company'));
        return option(element, 'eLien test company').getAttribute('aria-selected') === 'true';
      },
      { message: 'eLien test company chosen' },
    );
    await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
    total.rounds += await fuzzElement(() => element, fuzz, 'createConnection', 40, {
      start: () => pointerClick(button(element, 'Afronden')),
      again: () => press(element, 'Opnieuw proberen'),
    });
    // After all that garbage the real answer still makes the connection.
    await press(element, 'Opnieuw proberen');
    await waitForHeading(element, nl.doneHeading);
    await press(element, nl.redeliver);
    await waitForHeading(element, nl.redeliveryHeading);
    total.rounds += await fuzzElement(() => element, fuzz, 'createRedelivery', 30, {
      // The date, its count (the preview answers truly), then the confirmation sends it. The day
      // the connection was made (today) has no documents yet: a date with some.
      start: async () => {
        const date = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="from"]')!;
        date.value = '2025-03-03';
        date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await press(element, nl.redeliverySubmit);
        await press(element, nl.redeliveryConfirm);
      },
      again: async () => {
        await press(element, nl.redeliverySubmit);
        await press(element, nl.redeliveryConfirm);
      },
      goOn: nl.redeliverySubmit,
    });
  });
});
