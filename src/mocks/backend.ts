import { matchRoute, type Route, type RouteOperation } from './api-routes.js';
import { handleExactPage } from './exact-pages.js';
import { failureResponse, parseInjection, type FailureInjection, type PendingFailure } from './failures.js';
import type { MockPlatform } from './model.js';
import { PagingError } from './paging.js';
import { MockProblem } from './problem.js';
import { problemResponse } from './responses.js';

export interface BackendOptions {
  /** Milliseconds every contract call waits before answering. */
  latencyMs?: number;
  /** The first call of each operation fails with a 500, later ones succeed (retry paths). */
  failFirstAttempt?: boolean;
  /** Where the OAuth callback redirects to, relative to the origin (or absolute). */
  callbackPath?: string;
  /** Cross-Origin-Opener-Policy for the simulated Exact pages, e.g. `same-origin`. */
  exactOpenerPolicy?: string;
  /**
   * Send that policy only from the consent page on, not on the login page: the popup is then
   * severed late, when the user has been logging in for a while (`coop-late`).
   */
  exactOpenerPolicyFromConsent?: boolean;
  /**
   * Serves the simulated Exact Online on the other loopback host (127.0.0.1 ↔ localhost, same
   * scheme and port): authorizeUrl points there, while the OAuth redirect_uri stays at the
   * request's origin, so the login runs cross-origin and the callback page is the element's own.
   */
  crossOriginExact?: boolean;
}

export interface MockBackendInit {
  platform: MockPlatform;
  options?: BackendOptions;
  /** Where this backend lives, e.g. `/mock/default`: the contract at `${basePath}/api`. */
  basePath: string;
}

export interface MockBackend {
  /** Answers a request for this backend, or null when the request is not for it. */
  handle(request: Request): Promise<Response | null>;
  readonly platform: MockPlatform;
  readonly basePath: string;
  /**
   * The next `times` calls of `operation` fail as `kind` says (see {@link FailureInjection}).
   * Injections queue up: each call takes the oldest one that matches it. Throws a TypeError
   * for an injection that makes no sense.
   */
  injectFailure(injection: FailureInjection): void;
  /** Drops every injected failure not yet used. */
  clearFailures(): void;
  /** The injected failures still waiting, oldest first (a copy). */
  pendingFailures(): PendingFailure[];
}

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

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls that answer even when the Autopilot app is missing: the status says so, the login finishes. */
const availableWithoutApp: ReadonlySet<RouteOperation> = new Set(['getStatus', 'oauthCallback']);

/**
 * The mock platform behind a fetch-style handler, so the same code serves MSW in the browser
 * and real HTTP (the login window needs real pages) in the Vite dev server.
 */
export function createMockBackend({ platform, options = {}, basePath }: MockBackendInit): MockBackend {
  const base = basePath.replace(/\/+$/, '');
  const failedOnce = new Set<RouteOperation>();
  let injected: PendingFailure[] = [];

  /** The injected failure this call of `operation` meets, if any (counted as used). */
  function takeFailure(operation: RouteOperation): PendingFailure | null {
    const found = injected.find((failure) => failure.operation === operation || failure.operation === '*');
    if (!found) return null;
    found.remaining -= 1;
    if (found.remaining <= 0) injected = injected.filter((failure) => failure !== found);
    return found;
  }

  async function handleApi(request: Request, url: URL, path: string): Promise<Response> {
    if (options.latencyMs) await delay(options.latencyMs);
    const match = matchRoute(request.method, path);
    if (!match.route) {
      return match.methodMismatch
        ? problemResponse({ status: 405, code: 'invalid_request', detail: `${request.method} is not allowed here.` })
        : problemResponse({ status: 404, code: 'not_found', detail: `No route ${request.method} ${path}.` });
    }
    const { route, params } = match;
    const failure = takeFailure(route.operation);
    if (failure) {
      const { kind } = failure;
      if (typeof kind === 'object' && 'delayMs' in kind) await delay(kind.delayMs);
      else if (kind !== 'after-commit-network') return failureResponse(kind, route.operation);
    }
    const response = await answer(request, url, route, params);
    // The work is done and kept (a connection, its idempotency record); only the answer is lost.
    if (failure?.kind === 'after-commit-network') return failureResponse(failure.kind, route.operation);
    return response;
  }

  async function answer(request: Request, url: URL, route: Route, params: string[]): Promise<Response> {
    // The login window cannot retry, so the callback is never the one that fails.
    if (options.failFirstAttempt && route.operation !== 'oauthCallback' && !failedOnce.has(route.operation)) {
      failedOnce.add(route.operation);
      return problemResponse({ status: 500, code: 'internal_error', detail: `Simulated failure of ${route.operation}; try again.` });
    }
    if (!platform.autopilotInstalled && !availableWithoutApp.has(route.operation)) {
      return problemResponse({ status: 403, code: 'autopilot_not_installed', detail: 'Add the Autopilot app from the App Winkel first.' });
    }
    try {
      return await route.run({
        request,
        url,
        params,
        platform,
        basePath: base,
        callbackPath: options.callbackPath ?? '/callback.html',
        ...(options.crossOriginExact ? { exactOrigin: swapLoopbackHost(url.origin) } : {}),
      });
    } catch (error) {
      if (error instanceof MockProblem) return problemResponse(error);
      if (error instanceof PagingError) return problemResponse({ status: 400, code: 'invalid_request', detail: error.message });
      throw error;
    }
  }

  async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${base}/`)) return null;
    const rest = url.pathname.slice(base.length);
    if (rest === '/api' || rest.startsWith('/api/')) return handleApi(request, url, rest.slice('/api'.length));
    if (rest.startsWith('/exact/')) {
      return handleExactPage({
        request,
        url,
        path: rest.slice('/exact'.length),
        platform,
        basePath: base,
        openerPolicy: options.exactOpenerPolicy,
        openerPolicyFromConsent: options.exactOpenerPolicyFromConsent ?? false,
        ...(options.crossOriginExact ? { clientOrigin: swapLoopbackHost(url.origin) } : {}),
      });
    }
    return null;
  }

  return {
    handle,
    platform,
    basePath: base,
    injectFailure(injection) {
      injected.push(parseInjection(injection));
    },
    clearFailures() {
      injected = [];
    },
    pendingFailures() {
      return injected.map((failure) => ({ ...failure }));
    },
  };
}
