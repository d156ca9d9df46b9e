/**
 * One scenario as it runs: the reference backend (src/backend, on a schema of the shared
 * in-memory PGlite) and the Exact Online simulator (src/exact-simulator) behind one fetch
 * handler, at `${basePath}/api` and `${basePath}/exact`. The same code answers MSW in the browser
 * (tests, Storybook) and real HTTP in the dev server (the login window's pages are navigations).
 * In front of the backend sit only what a network adds: injected failures, latency, an older
 * backend's status, a policy header on Exact's pages. Every contract answer is checked.
 */
import type { ConnectionStatus } from '../api/types.js';
import { createBackend } from '../backend/backend.js';
import { SESSION_COOKIE } from '../backend/session.js';
import { ExactBrowser } from '../conformance/exact-browser.js';
import { createExactSimulator, type ExactSimulator } from '../exact-simulator/simulator.js';
import { failureResponse, parseInjection, type FailureInjection, type PendingFailure } from './failures.js';
import { operationOf, type RouteOperation } from './operations.js';
import { contractBreach, problemResponse } from './responses.js';
import { scopedDb, type ScopedDb } from './shared-db.js';
import type { World } from './worlds.js';

export interface ScenarioBackendInit {
  world: World;
  /** Where it lives on the origin, e.g. `/mock/default`. */
  basePath: string;
  /** The page's origin: the backend's allow-list, its redirect URI and the callback page are there. */
  origin: string;
  /** Where the host serves the callback page (default `/callback.html`). */
  callbackPath?: string;
}

/** A row of the backend's tables, as a test reads it. */
export type TableRow = Record<string, unknown>;

/**
 * The same origin on the other loopback name: `127.0.0.1` ↔ `localhost`, scheme and port kept.
 * Any other host is returned unchanged.
 */
export function swapLoopbackHost(origin: string): string {
  const url = new URL(origin);
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  else if (url.hostname === 'localhost') url.hostname = '127.0.0.1';
  return url.origin;
}

const CLIENT_ID = 'autopilot-connect-mock';
const CLIENT_SECRET = 'mock-client-secret';
/** A fixed key: this database lives in memory and holds only the simulator's tokens. */
const TOKEN_KEY = 'bW9jay10b2tlbi1rZXktYXV0b3BpbG90LWNvbm5lY3Q=';

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A Request that carries headers a browser's Request refuses (`Cookie`): the backend reads the
 * platform session from it, and a page's own Request could never hold one.
 */
class WithHeaders extends Request {
  readonly #headers: Headers;
  constructor(url: string, init: RequestInit, headers: Headers) {
    super(url, init);
    this.#headers = headers;
  }
  override get headers(): Headers {
    return this.#headers;
  }
}

const randomId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');

export class ScenarioBackend {
  readonly world: World;
  readonly basePath: string;
  readonly origin: string;
  readonly simulator: ExactSimulator;
  /** Resolves once the backend runs and the world's connections exist. */
  readonly ready: Promise<void>;
  /** When false, the status answer leaves the connections out, as a backend older than v2.1 does. */
  statusCarriesConnections = true;
  private injected: PendingFailure[] = [];
  private readonly failedOnce = new Set<RouteOperation>();
  private app: { fetch: (request: Request) => Response | Promise<Response> } | undefined;
  private db: ScopedDb | undefined;
  private sessionId = '';

  constructor({ world, basePath, origin, callbackPath = '/callback.html' }: ScenarioBackendInit) {
    this.world = world;
    this.basePath = basePath.replace(/\/+$/, '');
    this.origin = origin;
    if (!callbackPath.endsWith('/callback.html')) throw new Error(`The reference backend redirects to <publicUrl>/callback.html; ${callbackPath} is not such a path`);
    const redirectUri = `${origin}${this.basePath}/api/oauth/callback`;
    this.simulator = createExactSimulator({
      apps: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [redirectUri], name: 'eConnect Autopilot' }],
      seed: () => structuredClone(world.exact),
      basePath: `${this.basePath}/exact`,
      faults: world.faults,
      ...(world.limits ? { limits: world.limits } : {}),
    });
    this.ready = this.start(redirectUri, new URL(callbackPath, origin).href.replace(/\/callback\.html$/, ''));
  }

  /** Where the simulator is reached: this origin, or the other loopback name (`crossOriginExact`). */
  get exactBase(): string {
    return `${this.world.harness.crossOriginExact ? swapLoopbackHost(this.origin) : this.origin}${this.basePath}/exact`;
  }

  private async start(redirectUri: string, publicUrl: string): Promise<void> {
    this.db = await scopedDb();
    const { app } = await createBackend(
      {
        exactBaseUrl: this.exactBase,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri,
        publicUrl,
        allowedOrigins: [this.origin, swapLoopbackHost(this.origin)],
        tokenKey: TOKEN_KEY,
        platformSeed: this.world.platform,
        // The backend's calls to Exact go straight to the simulator, not round through MSW.
        fetch: (input, init) => this.simulator.handle(new Request(input, init)),
        log: () => undefined,
      },
      this.db,
      `${this.origin}${this.basePath}`,
    );
    this.app = app;
    this.sessionId = randomId();
    const user = this.world.platform.users[0];
    if (user) await this.db.query('INSERT INTO sessions (id, user_id, created_at) VALUES ($1, $2, $3)', [this.sessionId, user.id, Date.now()]);
    await this.seedConnections();
  }

  /** The world's connections, made as a user makes them: a login through Exact's pages, then POST connections. */
  private async seedConnections(): Promise<void> {
    const { connections, platform, keepGrant, login } = this.world;
    if (connections.length === 0) return;
    const account = platform.accounts[0]!;
    const installed = account.autopilotInstalled;
    account.autopilotInstalled = true;
    try {
      const started = (await this.call('POST', '/authorizations', { returnOrigin: this.origin, organisationId: connections[0]!.organisationId })) as { id: string; authorizeUrl: string };
      const walk = await this.exactBrowser().walk(started.authorizeUrl, login, 'allow');
      await this.backendFetch(new Request(walk.redirect));
      for (const connection of connections) {
        await this.call('POST', '/connections', { organisationId: connection.organisationId, divisionCode: connection.divisionCode, bookingFlow: connection.bookingFlow, authorizationId: started.id }, { 'Idempotency-Key': `seed-${connection.organisationId}` });
        await this.sql('UPDATE connections SET created_at = $1 WHERE organisation_id = $2', [connection.createdAt, connection.organisationId]);
      }
      if (!keepGrant) {
        // Unused for 30 days, as the refresh token of an old login is: nothing to reuse, the connections need a new login.
        await this.sql("UPDATE authorizations SET status = 'expired', access_token = NULL, refresh_token = NULL WHERE id = $1", [started.id]);
        await this.sql("UPDATE connections SET status = 'needs_login' WHERE authorization_id = $1", [started.id]);
      }
    } finally {
      account.autopilotInstalled = installed;
    }
  }

  private async call(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<unknown> {
    const response = await this.backendFetch(
      new Request(`${this.origin}${this.basePath}/api${path}`, { method, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    );
    const answer: unknown = await response.json();
    if (!response.ok) throw new Error(`Seeding ${method} ${path} failed: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  }

  /**
   * The backend itself (mounted at the root: the scenario's base path is taken off), signed in as
   * the world's platform user unless the request names a session.
   */
  private async backendFetch(request: Request): Promise<Response> {
    if (!this.app) throw new Error('The reference backend did not start');
    const url = new URL(request.url);
    if (url.pathname.startsWith(`${this.basePath}/`)) url.pathname = url.pathname.slice(this.basePath.length);
    const headers = new Headers(request.headers);
    if (!new RegExp(`(^|;\\s*)${SESSION_COOKIE}=`).test(headers.get('cookie') ?? '')) {
      headers.set('cookie', [headers.get('cookie'), `${SESSION_COOKIE}=${this.sessionId}`].filter(Boolean).join('; '));
    }
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    return this.app.fetch(new WithHeaders(url.href, { method: request.method, ...(body ? { body } : {}) }, headers));
  }

  /** A browser on the simulator's pages (its own cookies), for a test that logs in as the popup would. */
  exactBrowser(): ExactBrowser {
    return new ExactBrowser((request) => this.simulator.handle(request));
  }

  /** Answers a request for this scenario, or null when it is not for it. */
  async handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${this.basePath}/`)) return null;
    const rest = url.pathname.slice(this.basePath.length);
    if (rest.startsWith('/exact/')) return this.exactPage(request);
    if (rest === '/api' || rest.startsWith('/api/')) return this.api(request, rest.slice('/api'.length));
    return null;
  }

  private async exactPage(request: Request): Promise<Response> {
    const response = await this.simulator.handle(request);
    const policy = this.world.harness.exactOpenerPolicy;
    if (!policy || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
    const html = await response.text();
    const headers = new Headers(response.headers);
    if (!this.world.harness.exactOpenerPolicyFromConsent || html.includes('name="consent_token"')) headers.set('Cross-Origin-Opener-Policy', policy);
    return new Response(html, { status: response.status, headers });
  }

  private async api(request: Request, path: string): Promise<Response> {
    await this.ready;
    const { latencyMs, failFirstAttempt } = this.world.harness;
    if (latencyMs) await delay(latencyMs);
    const operation = operationOf(request.method, path);
    const failure = operation ? this.takeFailure(operation) : null;
    if (failure && operation) {
      const { kind } = failure;
      if (typeof kind === 'object' && 'delayMs' in kind) await delay(kind.delayMs);
      else if (kind !== 'after-commit-network') return failureResponse(kind, operation);
    }
    // The login window cannot retry, so the callback is never the one that fails.
    if (failFirstAttempt && operation && operation !== 'oauthCallback' && !this.failedOnce.has(operation)) {
      this.failedOnce.add(operation);
      return problemResponse({ status: 500, code: 'internal_error', detail: `Simulated failure of ${operation}; try again.` });
    }
    let response = await this.backendFetch(request);
    if (operation && operation !== 'oauthCallback') response = await this.checked(operation, response);
    // The work is done and kept (a connection, its idempotency record); only the answer is lost.
    if (failure?.kind === 'after-commit-network' && operation) return failureResponse(failure.kind, operation);
    return response;
  }

  /** The answer, held to the contract (a breach throws: it is the backend's bug, not the element's). */
  private async checked(operation: Exclude<RouteOperation, 'oauthCallback'>, response: Response): Promise<Response> {
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      throw new Error(`The reference backend answered ${operation} with no JSON: ${text.slice(0, 200)}`);
    }
    const breach = contractBreach(operation, response.status, body);
    if (breach) throw new Error(`The reference backend broke the contract: ${breach}`);
    if (operation === 'getStatus' && !this.statusCarriesConnections && body && typeof body === 'object') {
      const { connections: _left, ...older } = body as Record<string, unknown>;
      return new Response(JSON.stringify(older), { status: response.status, headers: response.headers });
    }
    return new Response(text || null, { status: response.status, headers: response.headers });
  }

  private takeFailure(operation: RouteOperation): PendingFailure | null {
    const found = this.injected.find((failure) => failure.operation === operation || failure.operation === '*');
    if (!found) return null;
    found.remaining -= 1;
    if (found.remaining <= 0) this.injected = this.injected.filter((failure) => failure !== found);
    return found;
  }

  /**
   * The next `times` calls of `operation` fail as `kind` says (see {@link FailureInjection}).
   * Injections queue up: each call takes the oldest one that matches it. Throws a TypeError
   * for an injection that makes no sense.
   */
  injectFailure(injection: FailureInjection): void {
    this.injected.push(parseInjection(injection));
  }

  clearFailures(): void {
    this.injected = [];
  }

  pendingFailures(): PendingFailure[] {
    return this.injected.map((failure) => ({ ...failure }));
  }

  // --- what a test reads and changes in the backend's tables ---------------------------------

  async query<T extends TableRow = TableRow>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    await this.ready;
    return this.sql<T>(text, params);
  }

  /** A statement on the scenario's schema, without waiting for `ready` (the start itself uses it). */
  private sql<T extends TableRow = TableRow>(text: string, params: readonly unknown[] = []): Promise<T[]> {
    if (!this.db) throw new Error('The scenario database is not open yet');
    return this.db.query<T>(text, params);
  }

  connections(): Promise<TableRow[]> {
    return this.query('SELECT * FROM connections ORDER BY created_at');
  }

  redeliveries(): Promise<TableRow[]> {
    return this.query('SELECT * FROM redeliveries ORDER BY created_at');
  }

  authorizations(): Promise<TableRow[]> {
    return this.query('SELECT id, status, region, exact_user_id, exact_user_name, expires_at FROM authorizations ORDER BY created_at');
  }

  /** The connection's health changes, as when Exact drops its grant, mailbox or administration. */
  async setConnectionStatus(connectionId: string, status: ConnectionStatus): Promise<void> {
    await this.query('UPDATE connections SET status = $2 WHERE id = $1', [connectionId, status]);
  }

  /** The login's time runs out before it is finished. */
  async expireAuthorization(authorizationId: string): Promise<void> {
    await this.query('UPDATE authorizations SET expires_at = $2 WHERE id = $1', [authorizationId, Date.now() - 1]);
  }

  /** The account adds (or removes) the Autopilot app. */
  setAutopilotInstalled(installed: boolean): void {
    for (const account of this.world.platform.accounts) account.autopilotInstalled = installed;
  }

  async dispose(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.db?.drop();
  }
}
