/**
 * A small backend of contract v2 against the Exact simulator, just enough for the conformance kit:
 * in memory, one file, written for the kit's own tests (it is not the reference backend). `flaws`
 * break it on purpose: `newConnectionOnReplay` (a replay makes a second connection) and
 * `leakAccessToken` (the Exact access token in a header of GET /connections/{id}) and `refreshEachCall`
 * (every call that meets an expired token refreshes it itself: no single flight), `stateIsId` (the
 * OAuth state is the authorization id), `exact401As401` (Exact's 401 answered as the platform's) and
 * `keepFailures` (a request Exact refused is kept under its key: the same key answers that refusal
 * for ever, so a batch's failed row cannot be retried with it), `prerequisiteWithoutBlocker` (the status says an old connection holds an organisation back and blocks
 * New Connection, while no organisation shows that blocker and some are free).
 */
import { randomBytes, randomUUID } from 'node:crypto';

const json = (status, body, headers = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const problem = (status, code, title, headers = {}) => new Response(JSON.stringify({ status, code, title }), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
const opaque = () => randomBytes(18).toString('base64url');
const encodeCursor = (query, offset) => Buffer.from(JSON.stringify({ query, offset })).toString('base64url');
const decodeCursor = (cursor) => {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    return null;
  }
};

const users = [
  { id: 'u1', name: 'Eva Econnect', accountId: 'acc-1' },
  { id: 'u2', name: 'Erik Econnect', accountId: 'acc-1' },
  { id: 'u3', name: 'Other Account', accountId: 'acc-2' },
];

const seedOrganisations = [
  // Its address 12345678@facturen.econnect.eu is the simulator's mailbox of another administration.
  { id: 'org-0', name: 'Bakkerij De Korenschoof', kvk: '12345678', country: 'NL' },
  { id: 'org-1', name: 'Conformance Eén B.V.', kvk: '87654321', country: 'NL' },
  { id: 'org-2', name: 'Conformance Twee B.V.', kvk: '76543210', country: 'NL' },
  { id: 'org-3', name: 'Conformance Drie B.V.', kvk: '65432109', country: 'NL' },
  { id: 'org-4', name: 'Zonder KvK', kvk: null, country: 'NL' },
  // For the batch check, after the idempotency checks took two.
  { id: 'org-5', name: 'Conformance Vier B.V.', kvk: '54321098', country: 'NL' },
  { id: 'org-6', name: 'Conformance Vijf B.V.', kvk: '43210987', country: 'NL' },
];

/** One page of `items` for `query`, with a cursor bound to the query. */
function page(items, url) {
  const query = url.searchParams.get('query') ?? '';
  const limit = Number(url.searchParams.get('limit') ?? 50);
  const cursor = url.searchParams.get('cursor');
  let offset = 0;
  if (cursor) {
    const decoded = decodeCursor(cursor);
    if (!decoded || decoded.query !== query) return problem(400, 'cursor_invalid', 'The cursor belongs to another query');
    offset = decoded.offset;
  }
  const matching = items.filter((item) => JSON.stringify(item).toLowerCase().includes(query.toLowerCase()));
  const slice = matching.slice(offset, offset + limit);
  return json(200, { items: slice, nextCursor: offset + limit < matching.length ? encodeCursor(query, offset + limit) : null });
}

export function createFakeBackend({ allowedOrigins, clientId, clientSecret, flaws = {} }) {
  const config = { publicUrl: '', exact: '' };
  const sessions = new Map();
  const logins = new Map(); // id → login
  const byState = new Map();
  const chains = new Map();
  const divisionCache = new Map();
  const connections = new Map();
  const keys = new Map();
  const organisations = seedOrganisations.map((organisation) => ({ ...organisation }));

  const cors = (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowedOrigins.includes(origin)) return {};
    return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
  };

  const exactBase = (region) => `${config.exact}/${region}`;
  const redirectUri = () => `${config.publicUrl}/api/oauth/callback`;

  async function tokenCall(region, fields) {
    const response = await fetch(`${exactBase(region)}/api/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({ ...fields, client_id: clientId, client_secret: clientSecret }),
    });
    const body = await response.json().catch(() => ({}));
    return { ok: response.ok, body };
  }

  /** One refresh at a time per chain; a 401 with a token already replaced just retries. */
  function refresh(chain) {
    if (flaws.refreshEachCall) chain.refreshing = undefined;
    chain.refreshing ??= tokenCall(chain.region, { grant_type: 'refresh_token', refresh_token: chain.refreshToken })
      .then(({ ok, body }) => {
        if (ok) {
          chain.accessToken = body.access_token;
          chain.refreshToken = body.refresh_token;
          return 'refreshed';
        }
        if (body.error === 'unauthorized_client' || body.error === 'invalid_grant') chain.broken = true;
        return body.error === 'access_denied' ? 'too_early' : 'failed';
      })
      .finally(() => {
        chain.refreshing = undefined;
      });
    return chain.refreshing;
  }

  /** A REST call with the chain's token, refreshing once on Exact's 401. */
  async function rest(chain, path, init = {}) {
    const call = () => fetch(`${exactBase(chain.region)}/api/v1/${path}`, { ...init, headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${chain.accessToken}` } });
    const used = chain.accessToken;
    let response = await call();
    if (response.status !== 401 || flaws.exact401As401) return response;
    if (chain.accessToken === used) {
      const outcome = await refresh(chain);
      if (chain.broken) return null;
      if (outcome === 'failed') return response;
    }
    response = await call();
    return response;
  }

  /** Exact's failures as the contract's problems, or null when the answer is fine. */
  function exactProblem(response) {
    if (response === null) return null;
    if (response.status === 429) {
      const reset = Number(response.headers.get('x-ratelimit-minutely-reset'));
      const seconds = reset ? Math.max(1, Math.ceil((reset - Date.now()) / 1000)) : 60;
      return problem(429, 'rate_limited', 'Exact Online asks to slow down', { 'Retry-After': String(Math.min(seconds, 60)) });
    }
    if (response.status === 401 || response.status >= 500) return problem(503, 'exact_unavailable', 'Exact Online answered with an error');
    return null;
  }

  const toDivision = (row) => ({
    code: row.Code,
    name: row.Description,
    hid: row.Hid === null ? null : String(row.Hid),
    customerName: row.CustomerName,
    kvk: row.ChamberOfCommerceNumber,
    vatNumber: row.VATNumber,
    country: row.Country,
    status: ['inactive', 'active', 'archived'][row.Status],
    blockedReason: row.BlockingStatus ? 'blocked' : row.Status === 0 ? 'inactive' : row.Status === 2 ? 'archived' : row.ChamberOfCommerceNumber ? null : 'no_kvk',
    connectedOrganisation: (() => {
      const connection = [...connections.values()].find((candidate) => candidate.division.code === row.Code);
      return connection ? connection.organisation : null;
    })(),
  });

  async function divisionsOf(login) {
    if (!divisionCache.has(login.id)) {
      const chain = chains.get(login.chainId);
      const rows = [];
      let next = `${chain.currentDivision}/system/Divisions`;
      while (next) {
        const response = await rest(chain, next);
        const failed = exactProblem(response);
        if (failed || !response?.ok) return failed ?? problem(503, 'exact_unavailable', 'Exact Online did not list the divisions');
        const body = await response.json();
        rows.push(...body.d.results);
        next = body.d.__next ? body.d.__next.slice(body.d.__next.indexOf('/api/v1/') + '/api/v1/'.length) : null;
      }
      divisionCache.set(login.id, rows);
    }
    return divisionCache.get(login.id).map(toDivision);
  }

  const publicLogin = (login) => ({
    id: login.id,
    status: login.status,
    region: login.region,
    expiresAt: new Date(login.expiresAt).toISOString(),
    ...(login.exactUser ? { exactUser: login.exactUser } : {}),
  });

  async function callback(url) {
    const login = byState.get(url.searchParams.get('state') ?? '');
    if (!login || login.status !== 'pending') return problem(400, 'invalid_request', 'No login waits for this state');
    if (url.searchParams.get('error')) {
      login.status = url.searchParams.get('error') === 'access_denied' ? 'denied' : 'failed';
    } else {
      const { ok, body } = await tokenCall(login.region, { grant_type: 'authorization_code', code: url.searchParams.get('code') ?? '', redirect_uri: redirectUri() });
      if (!ok) login.status = 'failed';
      else {
        const chain = { id: randomUUID(), region: login.region, accessToken: body.access_token, refreshToken: body.refresh_token };
        const me = await rest(chain, 'current/Me');
        const row = (await me.json()).d.results[0];
        chain.currentDivision = row.CurrentDivision;
        chains.set(chain.id, chain);
        Object.assign(login, { status: 'authorized', chainId: chain.id, exactUser: { id: row.UserID, name: row.FullName, email: row.Email } });
      }
    }
    return new Response(null, { status: 302, headers: { Location: `${config.publicUrl}/callback.html?authorization=${login.id}&status=${login.status}` } });
  }

  async function createConnection(request, user) {
    const key = request.headers.get('idempotency-key') ?? '';
    if (key.length < 8) return problem(400, 'invalid_request', 'Idempotency-Key is required');
    const text = await request.text();
    const body = JSON.parse(text);
    const seen = keys.get(key);
    if (seen && !flaws.newConnectionOnReplay) {
      if (seen.body !== text) return problem(422, 'idempotency_key_reused', 'This key was used with another body');
      if (seen.failure) return seen.failure.clone();
      if (!seen.answer) return problem(409, 'idempotency_key_in_flight', 'The first request with this key is still running', { 'Retry-After': '1' });
      return json(200, seen.answer);
    }
    const entry = { body: text, answer: null };
    keys.set(key, entry);
    const login = logins.get(body.authorizationId);
    const organisation = organisations.find((candidate) => candidate.id === body.organisationId);
    if (!login || login.status !== 'authorized' || !organisation) {
      keys.delete(key);
      return problem(404, 'not_found', 'No such organisation or authorization');
    }
    const taken = [...connections.values()].find((connection) => connection.accountId === user.accountId && (connection.organisation.id === organisation.id || connection.division.code === body.divisionCode));
    // A backend that makes a second connection for a replay checks nothing of the kind either.
    if (taken && !flaws.newConnectionOnReplay) {
      keys.delete(key);
      return taken.organisation.id === organisation.id
        ? problem(422, 'organisation_already_connected', 'The organisation already has a connection')
        : problem(422, 'division_already_connected', 'The administration is connected to another organisation');
    }
    const chain = chains.get(login.chainId);
    const address = `${organisation.kvk}@facturen.econnect.eu`;
    const posted = await rest(chain, `${body.divisionCode}/mailbox/Mailboxes`, { method: 'POST', body: JSON.stringify({ Mailbox: address, ForDivision: body.divisionCode }) });
    const failed = exactProblem(posted);
    const adopted = posted?.status === 400 && (await posted.clone().text()).includes('Bestaat reeds: Digitale brievenbus"');
    if (failed || (!posted?.ok && !adopted)) {
      keys.delete(key);
      if (failed) return failed;
      const refused = posted?.status === 403 ? problem(422, 'mailbox_forbidden', 'No mailbox rights in Exact') : problem(422, 'mailbox_linked_elsewhere', 'Exact refused the mailbox');
      if (flaws.keepFailures) keys.set(key, { body: text, failure: refused.clone() });
      return refused;
    }
    const division = (await divisionsOf(login)).find((candidate) => candidate.code === body.divisionCode);
    const connection = {
      id: randomUUID(),
      organisation: { id: organisation.id, name: organisation.name },
      division: { code: body.divisionCode, name: division?.name ?? String(body.divisionCode) },
      bookingFlow: body.bookingFlow,
      exactUser: login.exactUser,
      createdAt: new Date().toISOString(),
      status: 'active',
      region: login.region,
      authorizationId: login.id,
      mailbox: address,
      accountId: user.accountId,
    };
    connections.set(connection.id, connection);
    organisation.connectionId = connection.id;
    entry.answer = publicConnection(connection);
    return json(201, entry.answer);
  }

  const publicConnection = ({ accountId, ...connection }) => connection;

  async function health(connection) {
    const chain = chains.get(logins.get(connection.authorizationId).chainId);
    if (chain.broken) connection.status = 'needs_login';
    else {
      const response = await rest(chain, `${connection.division.code}/system/Divisions`);
      if (flaws.exact401As401 && response?.status === 401) return problem(401, 'unauthenticated', 'Exact said 401');
      const failed = exactProblem(response);
      if (failed) return failed;
      connection.status = chain.broken ? 'needs_login' : response.status === 403 ? 'division_unavailable' : 'active';
    }
    const headers = flaws.leakAccessToken ? { 'X-Exact-Token': chain.accessToken } : {};
    return json(200, publicConnection(connection), headers);
  }

  async function api(request, url, path, user) {
    const route = `${request.method} ${path.replace(/\/[^/]*[0-9-][^/]*(?=\/|$)/g, '/:id')}`;
    const id = path.split('/')[2];
    const mine = [...connections.values()].filter((connection) => connection.accountId === user.accountId).map(publicConnection);
    switch (route) {
      case 'GET /status': {
        // No organisation here has a prerequisite's blocker: every one the platform can tell is met.
        const legacy = flaws.prerequisiteWithoutBlocker
          ? { code: 'legacy_connections_broken', state: 'not_met', blocks: true, organisationCount: 1, organisationNames: ['Conformance Eén B.V.'] }
          : { code: 'legacy_connections_broken', state: 'met', blocks: false };
        const prerequisites = [{ code: 'postvak_in_only', state: 'met', blocks: false }, legacy, { code: 'organisation_access', state: 'met', blocks: false }, { code: 'administration_access', state: 'unknown', blocks: false }];
        const connectableOrganisations = organisations.filter((organisation) => organisation.kvk && !organisation.connectionId).length;
        return json(200, { autopilotInstalled: true, user: { id: user.id, name: user.name }, connections: { items: mine }, prerequisites, legacyConnections: { count: flaws.prerequisiteWithoutBlocker ? 1 : 0 }, connectableOrganisations });
      }
      case 'GET /organisations':
        return page(organisations.map(({ id: orgId, name, kvk, country, connectionId = null }) => ({ id: orgId, name, kvk, country, connectionId, blockers: kvk ? [] : [{ code: 'no_kvk' }] })), url);
      case 'POST /authorizations': {
        const body = JSON.parse(await request.text());
        if (!allowedOrigins.includes(body.returnOrigin)) return problem(400, 'return_origin_not_allowed', 'returnOrigin is not on the allow-list');
        const loginId = randomUUID();
        const login = { id: loginId, state: flaws.stateIsId ? loginId : opaque(), status: 'pending', region: body.region ?? 'nl', expiresAt: Date.now() + 600_000, accountId: user.accountId };
        logins.set(login.id, login);
        byState.set(login.state, login);
        const authorize = new URL(`${exactBase(login.region)}/api/oauth2/auth`);
        authorize.search = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri(), response_type: 'code', state: login.state, ...(body.forceLogin ? { force_login: '1' } : {}) }).toString();
        return json(201, { id: login.id, authorizeUrl: authorize.href, expiresAt: new Date(login.expiresAt).toISOString(), region: login.region });
      }
      case 'GET /authorizations':
        return json(200, { items: [...logins.values()].filter((login) => login.accountId === user.accountId && login.status === 'authorized').map(publicLogin) });
      case 'GET /authorizations/:id':
        return logins.has(id) ? json(200, publicLogin(logins.get(id))) : problem(404, 'not_found', 'No such authorization');
      case 'GET /authorizations/:id/divisions': {
        const login = logins.get(id);
        if (!login || login.status !== 'authorized') return problem(404, 'not_found', 'No such grant');
        const divisions = await divisionsOf(login);
        return divisions instanceof Response ? divisions : page(divisions, url);
      }
      case 'POST /connections':
        return createConnection(request, user);
      case 'GET /connections':
        return json(200, { items: mine });
      case 'GET /connections/:id': {
        const connection = connections.get(id);
        return connection && connection.accountId === user.accountId ? health(connection) : problem(404, 'not_found', 'No such connection');
      }
      default:
        return problem(404, 'not_found', `No route ${route}`);
    }
  }

  async function handle(request) {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api/, '');
    if (request.method === 'OPTIONS') {
      const headers = cors(request);
      if (headers['Access-Control-Allow-Origin']) Object.assign(headers, { 'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE', 'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key' });
      return new Response(null, { status: 204, headers });
    }
    let response;
    if (path === '/_dev/users') response = json(200, users);
    else if (path === '/_dev/session') {
      const { userId } = JSON.parse(await request.text());
      const token = opaque();
      sessions.set(token, users.find((user) => user.id === userId));
      response = new Response(null, { status: 204, headers: { 'Set-Cookie': `econnect_session=${token}; Path=/; HttpOnly; SameSite=Lax` } });
    } else if (path === '/oauth/callback') response = await callback(url);
    else {
      const token = /(?:^|;\s*)econnect_session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      const user = sessions.get(token ?? '');
      response = user ? await api(request, url, path, user) : problem(401, 'unauthenticated', 'No platform session');
    }
    for (const [name, value] of Object.entries(cors(request))) response.headers.set(name, value);
    return response;
  }

  return { handle, config };
}
