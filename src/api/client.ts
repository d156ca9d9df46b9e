import { ApiError } from './api-error.js';
import { parseRetryAfter } from './retry-after.js';
import { checkProblem, successResponses } from './guards.generated.js';
import type {
  Authorization,
  AuthorizationList,
  Connection,
  ConnectionList,
  CreateConnectionRequest,
  DivisionPage,
  OrganisationPage,
  PageRequest,
  Problem,
  Redelivery,
  RedeliveryPreview,
  StartAuthorizationRequest,
  StartedAuthorization,
  Status,
} from './types.js';

type OperationId = keyof typeof successResponses;

export interface ApiClientOptions {
  /** Where the contract lives, e.g. `/api` or `https://platform.example/api/autopilot`. */
  baseUrl: string;
  /** Milliseconds before a call counts as timed out (read at each call, so it may change). */
  timeout?: number | (() => number);
  fetch?: typeof fetch;
}

/**
 * The validating client for the backend contract. Every method resolves with a body that
 * conforms to the contract or rejects with an {@link ApiError}; nothing else escapes.
 */
export class ApiClient {
  private readonly baseUrl: string;
  private readonly timeout: () => number;
  private readonly fetcher: typeof fetch;

  constructor({ baseUrl, timeout = 20_000, fetch: fetcher }: ApiClientOptions) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeout = typeof timeout === 'number' ? () => timeout : timeout;
    this.fetcher = fetcher ?? ((input, init) => globalThis.fetch(input, init));
  }

  getStatus(signal?: AbortSignal): Promise<Status> {
    return this.call('getStatus', 'GET', '/status', { signal });
  }

  listOrganisations(page: PageRequest, signal?: AbortSignal): Promise<OrganisationPage> {
    return this.call('listOrganisations', 'GET', `/organisations${pageQuery(page)}`, { signal });
  }

  listConnections(signal?: AbortSignal): Promise<ConnectionList> {
    return this.call('listConnections', 'GET', '/connections', { signal });
  }

  createConnection(body: CreateConnectionRequest, idempotencyKey: string, signal?: AbortSignal): Promise<Connection> {
    return this.call('createConnection', 'POST', '/connections', {
      body,
      signal,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  /** The connection's health as Exact Online answers it now (the list answers the stored one). */
  getConnection(connectionId: string, signal?: AbortSignal): Promise<Connection> {
    return this.call('getConnection', 'GET', `/connections/${encodeURIComponent(connectionId)}`, { signal });
  }

  /** Points the connection at another grant, in place. */
  reauthorizeConnection(connectionId: string, authorizationId: string, signal?: AbortSignal): Promise<Connection> {
    const path = `/connections/${encodeURIComponent(connectionId)}/authorization`;
    return this.call('reauthorizeConnection', 'PUT', path, { body: { authorizationId }, signal });
  }

  deleteConnection(connectionId: string, signal?: AbortSignal): Promise<void> {
    return this.call('deleteConnection', 'DELETE', `/connections/${encodeURIComponent(connectionId)}`, { signal });
  }

  listAuthorizations(signal?: AbortSignal): Promise<AuthorizationList> {
    return this.call('listAuthorizations', 'GET', '/authorizations', { signal });
  }

  startAuthorization(body: StartAuthorizationRequest, signal?: AbortSignal): Promise<StartedAuthorization> {
    return this.call('startAuthorization', 'POST', '/authorizations', { body, signal });
  }

  getAuthorization(authorizationId: string, signal?: AbortSignal): Promise<Authorization> {
    return this.call('getAuthorization', 'GET', `/authorizations/${encodeURIComponent(authorizationId)}`, { signal });
  }

  listDivisions(authorizationId: string, page: PageRequest, signal?: AbortSignal): Promise<DivisionPage> {
    const path = `/authorizations/${encodeURIComponent(authorizationId)}/divisions${pageQuery(page)}`;
    return this.call('listDivisions', 'GET', path, { signal });
  }

  /** Idempotent per key: a retry with the same key (after a lost answer) never offers the documents twice. */
  createRedelivery(organisationId: string, from: string, idempotencyKey: string, signal?: AbortSignal): Promise<Redelivery> {
    const path = `/organisations/${encodeURIComponent(organisationId)}/redeliveries`;
    return this.call('createRedelivery', 'POST', path, { body: { from }, signal, headers: { 'Idempotency-Key': idempotencyKey } });
  }

  /** How many documents a redelivery from `from` would offer again, before anything is sent. */
  previewRedelivery(organisationId: string, from: string, signal?: AbortSignal): Promise<RedeliveryPreview> {
    const path = `/organisations/${encodeURIComponent(organisationId)}/redeliveries/preview?${new URLSearchParams({ from })}`;
    return this.call('previewRedelivery', 'GET', path, { signal });
  }

  private async call<T>(
    operation: OperationId,
    method: string,
    path: string,
    init: { body?: unknown; signal?: AbortSignal | undefined; headers?: Record<string, string> },
  ): Promise<T> {
    // A timer we clear when the call is over: AbortSignal.timeout() would keep every finished
    // call's signal (and what it references) alive until its timeout ran out.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException('timed out', 'TimeoutError')), this.timeout());
    try {
      return await this.send<T>(operation, method, path, init, timeout.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  private async send<T>(
    operation: OperationId,
    method: string,
    path: string,
    init: { body?: unknown; signal?: AbortSignal | undefined; headers?: Record<string, string> },
    timeoutSignal: AbortSignal,
  ): Promise<T> {
    const signal = init.signal ? AbortSignal.any([init.signal, timeoutSignal]) : timeoutSignal;
    let response: Response;
    try {
      response = await this.fetcher(`${this.baseUrl}${path}`, {
        method,
        signal,
        credentials: 'include',
        headers: {
          Accept: 'application/json, application/problem+json',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch (cause) {
      // A caller's abort is not an error to show; rethrow it untouched so actors can ignore it.
      if (init.signal?.aborted) throw init.signal.reason;
      throw new ApiError(timeoutSignal.aborted ? 'timeout' : 'network', operation, null, null, null, String(cause));
    }
    // Every success status the contract lists for the operation (a replay's 200 as well as a 201).
    const expected = successResponses[operation];
    if (!(expected.statuses as readonly number[]).includes(response.status)) throw await problemFrom(operation, response);
    if (expected.check === null) return undefined as T;
    const body = await readJson(operation, response);
    const error = expected.check(body);
    if (error) throw new ApiError('contract', operation, response.status, null, null, error);
    return body as T;
  }
}

function pageQuery({ query, cursor, limit, organisationId }: PageRequest): string {
  const params = new URLSearchParams();
  if (organisationId) params.set('organisationId', organisationId);
  if (query) params.set('query', query);
  if (cursor) params.set('cursor', cursor);
  if (limit) params.set('limit', String(limit));
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readJson(operation: string, response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    throw new ApiError('malformed', operation, response.status, null, null, String(cause));
  }
}

async function problemFrom(operation: string, response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  const status = response.status;
  if (status < 400) return new ApiError('contract', operation, status, null, null, `unexpected status ${status}`);
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // An error page or an empty body: the status alone must do.
  }
  if (checkProblem(body) === null) {
    const problem = body as Problem;
    return new ApiError('problem', operation, status, problem.code, retryAfter, problem.detail ?? problem.title, problem.title);
  }
  return new ApiError('http', operation, status, null, retryAfter);
}
