import { contractError, operationSpec, type Answer, type OperationId } from './contract.js';
import { CookieJar } from './cookie-jar.js';
import type { Recorder } from './recorder.js';

export interface Call {
  /** Path parameters, e.g. `{ connectionId }`. */
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** The platform session to send; null sends none. */
  session: CookieJar | null;
}

export interface BackendAnswer extends Answer {
  /** The problem's `code`, when the answer is a problem. */
  code: string | undefined;
}

async function read(response: Response): Promise<{ text: string; json: unknown }> {
  const text = await response.text();
  try {
    return { text, json: text ? JSON.parse(text) : undefined };
  } catch {
    return { text, json: undefined };
  }
}

/**
 * The backend as the element meets it: contract paths below `--api`, the session cookie, no
 * redirects followed. Every answer is checked against the contract (its violations collected for
 * the check that made the call) and recorded for the leak check.
 */
export class Backend {
  readonly violations: string[] = [];

  constructor(
    readonly api: string,
    private readonly recorder: Recorder,
  ) {}

  url(path: string, query: Record<string, string | undefined> = {}): string {
    const url = new URL(`${this.api.replace(/\/$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    return url.href;
  }

  async call(id: OperationId, call: Call): Promise<BackendAnswer> {
    const spec = operationSpec(id);
    const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? `{${name}}`));
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method: spec.method, headers };
    if (call.body !== undefined) init.body = JSON.stringify(call.body);
    const answer = await this.fetch(this.url(path, call.query), init, call.session);
    const violation = contractError(id, answer);
    if (violation) this.violations.push(violation);
    return answer;
  }

  /** Any request to the backend (a callback URL, a preflight, the dev endpoints): recorded, not checked. */
  async fetch(url: string, init: RequestInit, session: CookieJar | null): Promise<BackendAnswer> {
    const headers = new Headers(init.headers);
    const cookie = session?.header(url);
    if (cookie) headers.set('Cookie', cookie);
    const method = init.method ?? 'GET';
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers, redirect: 'manual' });
    } catch (error) {
      throw new Error(`the backend did not answer ${method} ${url}: ${(error as Error).cause ?? (error as Error).message}`);
    }
    session?.store(response);
    const { text, json } = await read(response);
    this.recorder.add(`${method} ${url}`, response, text);
    const code = response.status >= 400 ? (json as { code?: unknown } | undefined)?.code : undefined;
    return { status: response.status, headers: response.headers, text, json, code: typeof code === 'string' ? code : undefined };
  }

  /** The OAuth callback URL Exact redirected to, fetched as the login window would: checked against the contract. */
  async callback(url: string, session: CookieJar | null): Promise<BackendAnswer> {
    const answer = await this.fetch(url, {}, session);
    const violation = contractError('oauthCallback', answer);
    if (violation) this.violations.push(violation);
    return answer;
  }

  /** The contract violations seen since the last call of this (one check's share). */
  takeViolations(): string[] {
    return this.violations.splice(0);
  }
}
