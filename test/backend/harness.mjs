/**
 * What the backend's tests share: the simulator and the reference backend over real HTTP (vite
 * loads their TypeScript, as in test/e2e/exact-simulator.e2e.test.mjs), a browser-like cookie jar
 * for Exact's forms, a client that keeps every answer (to check it against the contract and for
 * leaked tokens), and the whole login as a user makes it.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'vite';

/** Every token and code the simulator issues starts with its host stamp (see makeSecrets). */
export const SIMULATOR_SECRET = /stamp(?:nl|be|de|uk|com|es|fr)01\./;

let vite;
export async function loadModules() {
  vite ??= await createServer({ configFile: false, appType: 'custom', logLevel: 'error', server: { middlewareMode: true, hmr: false, watch: null } });
  const [backend, simulator, checks, platform] = await Promise.all([
    vite.ssrLoadModule('/src/backend/node-server.ts'),
    vite.ssrLoadModule('/src/exact-simulator/node-server.ts'),
    vite.ssrLoadModule('/src/api/schema-checks.generated.ts'),
    vite.ssrLoadModule('/src/backend/platform-seed.ts'),
  ]);
  return {
    startBackend: backend.startBackend,
    serveExactSimulator: simulator.serveExactSimulator,
    schemaChecks: checks.schemaChecks,
    defaultPlatformSeed: platform.defaultPlatformSeed,
    /** Any other module of the repository, through the same server. */
    load: (path) => vite.ssrLoadModule(path),
  };
}
export async function closeModules() {
  const closing = vite;
  vite = undefined;
  await closing?.close();
}

export const tokenKey = randomBytes(32).toString('base64');
export const pageOrigin = 'http://127.0.0.1:9';

/** A simulator and a backend wired to each other; `clock.advance(ms)` moves both clocks. */
export async function startWorld(modules, databaseOptions = {}, { exact, app: registered, simulator = {} } = {}) {
  const app = registered ?? { clientId: 'autopilot-backend-test', clientSecret: 'backend-test-secret', redirectUris: [], name: 'eConnect Autopilot' };
  const served = exact ?? (await modules.serveExactSimulator({ apps: [app], ...simulator }));
  const logs = [];
  let offset = 0;
  const backend = await modules.startBackend({
    exactBaseUrl: served.origin,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    allowedOrigins: [pageOrigin],
    tokenKey,
    devSessions: true,
    now: () => Date.now() + offset,
    log: (line) => logs.push(line),
    ...databaseOptions,
  });
  // The app centre learns the redirect URI once the backend's port is known.
  app.redirectUris.push(`${backend.url}/api/oauth/callback`);
  return {
    app,
    exact: served,
    backend,
    logs,
    clock: {
      /** Moves the simulator's clock and (unless `backendToo: false`) this backend's; `simulatorToo: false` only the backend's. */
      advance: async (ms, { backendToo = true, simulatorToo = true } = {}) => {
        if (backendToo) offset += ms;
        if (!simulatorToo) return;
        const answer = await fetch(`${served.origin}/_simulator/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
        assert.equal(answer.status, 200);
      },
    },
    counters: async () => (await fetch(`${served.origin}/_simulator/counters`)).json(),
    fault: async (fault) => assert.equal((await fetch(`${served.origin}/_simulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) })).status, 200),
    close: async () => {
      await backend.close();
      if (!exact) await served.close();
    },
  };
}

/** A browser's cookies for the simulator's pages (the simulator scopes them by path; one jar per person is enough here). */
export class CookieJar {
  cookies = new Map();
  store(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      this.cookies.set(name, value.join('='));
    }
  }
  async fetch(url, init = {}) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });
    this.store(response);
    return response;
  }
  submit(url, fields) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) body.append(name, item);
    return this.fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  }
}

/**
 * The platform user's client of the backend: signs in through the dev session, sends the cookie,
 * and records every answer (status, headers, body) in `answers` for the leak check.
 */
export class ApiClient {
  constructor(world, userId, answers) {
    this.world = world;
    this.userId = userId;
    this.answers = answers;
  }
  async signIn() {
    const response = await fetch(`${this.world.backend.url}/_dev/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: this.userId }) });
    assert.equal(response.status, 200);
    this.cookie = response.headers.getSetCookie()[0].split(';')[0];
    return this;
  }
  async call(method, path, { body, key, headers = {} } = {}) {
    const response = await fetch(`${this.world.backend.url}${path}`, {
      method,
      redirect: 'manual',
      headers: { Cookie: this.cookie ?? '', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(key ? { 'Idempotency-Key': key } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    this.answers.push({ method, path, status: response.status, headers: [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n'), text });
    let json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, body: json, text };
  }
}

/** Asserts the answer is the contract's: `schema` for a success, a Problem with `code` otherwise. */
export function assertContract(schemaChecks, answer, status, schemaOrCode) {
  assert.equal(answer.status, status, `expected ${status}, got ${answer.status}: ${answer.text}`);
  if (status === 204) {
    assert.equal(answer.text, '');
  } else if (status < 300) {
    assert.equal(schemaChecks[schemaOrCode](answer.body), null, `${schemaOrCode}: ${schemaChecks[schemaOrCode](answer.body)}`);
  } else {
    assert.equal(answer.headers.get('content-type'), 'application/problem+json');
    assert.equal(schemaChecks.Problem(answer.body), null);
    assert.equal(answer.body.code, schemaOrCode, answer.text);
    assert.equal(answer.body.status, status);
  }
  return answer.body;
}

/**
 * The whole login as a user makes it: start it at the backend, open the authorize URL in the
 * browser (jar), log in on Exact's form unless its session is reused, allow the consent (with
 * the ticks given, or all), follow Exact's redirect to the backend's callback. Answers the
 * authorization id and the callback page's URL.
 */
export async function logIn(client, jar, { username, password, forceLogin, region, ticks, deny } = {}) {
  const started = await client.call('POST', '/api/authorizations', { body: { returnOrigin: pageOrigin, ...(region ? { region } : {}), ...(forceLogin ? { forceLogin: true } : {}) } });
  assert.equal(started.status, 201, started.text);
  const authorizeUrl = started.body.authorizeUrl;
  let page = await jar.fetch(authorizeUrl);
  let html = await page.text();
  if (html.includes('name="password"')) {
    const posted = await jar.submit(authorizeUrl, { step: 'login', username, password });
    assert.equal(posted.status, 303, 'the login form takes the password');
    page = await jar.fetch(posted.headers.get('location'));
    html = await page.text();
  }
  const offered = [...html.matchAll(/name="division" value="(\d+)" checked/g)].map((match) => match[1]);
  const consentToken = html.match(/name="consent_token" value="([^"]*)"/)?.[1];
  assert.ok(consentToken, `a consent page: ${html.slice(0, 300)}`);
  const decided = await jar.submit(authorizeUrl, { step: 'consent', consent_token: consentToken, decision: deny ? 'deny' : 'allow', division: ticks?.map(String) ?? offered });
  assert.equal(decided.status, 302);
  const exactRedirect = new URL(decided.headers.get('location'));
  const callback = await fetch(decided.headers.get('location'), { redirect: 'manual' });
  client.answers.push({ method: 'GET', path: 'callback', status: callback.status, headers: [...callback.headers].map(([name, value]) => `${name}: ${value}`).join('\n'), text: await callback.text() });
  return { id: started.body.id, started: started.body, callback, exactRedirect };
}
