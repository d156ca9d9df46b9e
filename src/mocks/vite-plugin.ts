import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { handleMockRequest, matchMockPath, type MockServeOptions } from './handlers.js';

// Framing headers describe Node's connection, not the request the backend sees.
const hopByHop = new Set(['connection', 'content-length', 'transfer-encoding', 'keep-alive', 'upgrade']);

/** Node's request as a WHATWG Request, so the fetch-style backend can answer it. */
export async function toRequest(req: IncomingMessage): Promise<Request> {
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  const url = new URL(req.url ?? '/', `${protocol}://${req.headers.host ?? 'localhost'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (hopByHop.has(name)) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of req) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array));
    body = new Uint8Array(Buffer.concat(chunks));
  }
  return new Request(url, { method, headers, ...(body ? { body } : {}) });
}

export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  // An injected network failure: no answer, the connection just drops.
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

const middleware =
  (serve: MockServeOptions): Connect.NextHandleFunction =>
  (req, res, next) => {
    // Connect strips nothing here (the middleware is mounted at the root), so req.url is the full path.
    if (!matchMockPath((req.url ?? '').split('?')[0] ?? '')) return next();
    toRequest(req)
      .then((request) => handleMockRequest(request, serve))
      .then((response) => (response ? writeResponse(response, res) : next()))
      .catch((error: unknown) => next(error));
  };

/**
 * Serves the mock backends as real HTTP on the dev and preview servers: the login window's
 * simulated Exact pages are navigations, which only a real server (not MSW) can answer.
 * `callbackPath`: where the host serves the callback page (default `/callback.html`); the mock's
 * OAuth redirect ends there.
 */
export function mockBackendPlugin(serve: MockServeOptions = {}): Plugin {
  const handle = middleware(serve);
  return {
    name: 'autopilot-mock-backend',
    configureServer(server) {
      server.middlewares.use(handle);
    },
    configurePreviewServer(server) {
      server.middlewares.use(handle);
    },
  };
}
