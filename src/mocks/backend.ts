import { matchRoute, type RouteOperation } from './api-routes.js';
import { handleExactPage } from './exact-pages.js';
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

  async function handleApi(request: Request, url: URL, path: string): Promise<Response> {
    if (options.latencyMs) await delay(options.latencyMs);
    const match = matchRoute(request.method, path);
    if (!match.route) {
      return match.methodMismatch
        ? problemResponse({ status: 405, code: 'invalid_request', detail: `${request.method} is not allowed here.` })
        : problemResponse({ status: 404, code: 'not_found', detail: `No route ${request.method} ${path}.` });
    }
    const { route, params } = match;
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
      });
    }
    return null;
  }

  return { handle, platform, basePath: base };
}
