/**
 * The built package in Node, as a server-rendered host (Next.js, Astro, Lit SSR) meets it:
 * every entry imports without throwing, the class entry registers nothing, and @lit-labs/ssr
 * (and React's server renderer, through the wrapper) render the element's first frame.
 * Run by `npm run test:ssr`, which builds dist/ first; entries are imported by the package's
 * own name, so the exports map is what resolves them.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../../', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
if (!existsSync(new URL('dist/index.js', root))) throw new Error('No dist/: run `npm run build` first (npm run test:ssr does).');

/** Runs a module in a fresh Node process (nothing loaded before it), from the package root. */
const runFresh = (source) => execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the package in Node', () => {
  for (const entry of ['autopilot-connect', 'autopilot-connect/define.js', 'autopilot-connect/react', 'autopilot-connect/mocks', 'autopilot-connect/standalone']) {
    it(`imports ${entry} without throwing`, () => {
      assert.doesNotThrow(() => runFresh(`await import(${JSON.stringify(entry)});`));
    });
  }

  it('registers nothing when only the class entry is imported; define.js registers the tag (the picker comes with the later steps, in the browser)', () => {
    const registered = (entry) =>
      runFresh(
        `await import(${JSON.stringify(entry)});` +
          `console.log(JSON.stringify(['autopilot-connect', 'autopilot-connect-listbox'].map((tag) => Boolean(globalThis.customElements?.get(tag)))));`,
      ).trim();
    assert.equal(registered('autopilot-connect'), '[false,false]');
    assert.equal(registered('autopilot-connect/define.js'), '[true,false]');
  });

  it("exports the class with package.json's version, the events and ApiError", async () => {
    const api = await import('autopilot-connect');
    assert.equal(api.AutopilotConnect.version, version);
    for (const name of ['AutopilotConnectedEvent', 'AutopilotCancelledEvent', 'AutopilotErrorEvent', 'ApiError']) assert.equal(typeof api[name], 'function', name);
  });
});

describe("the mock backend in a host's dev server", () => {
  const hiddenFields = (page) => new URLSearchParams([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(([, name, value]) => [name, value.replaceAll('&amp;', '&')]));

  it('ends the login on the callback page where the host serves it (mockBackendPlugin({ callbackPath }))', async () => {
    const [{ createServer }, { mockBackendPlugin }] = await Promise.all([import('vite'), import('autopilot-connect/mocks')]);
    const server = await createServer({
      configFile: false,
      root: new URL('.', import.meta.url).pathname,
      logLevel: 'silent',
      plugins: [mockBackendPlugin({ callbackPath: '/vendor/autopilot/callback.html' })],
      server: { host: '127.0.0.1', port: 0, hmr: false, ws: false, watch: null },
    });
    await server.listen();
    try {
      const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
      const base = `${origin}/mock/default`;
      // The simulator's pages keep the login in a cookie, as Exact's do; this is the browser's jar of one.
      let cookie = '';
      const send = async (url, form) => {
        const response = await fetch(new URL(url, origin), { redirect: 'manual', headers: cookie ? { cookie } : {}, ...(form ? { method: 'POST', body: form } : {}) });
        const set = response.headers.get('set-cookie');
        if (set) cookie = set.split(';')[0];
        return response;
      };
      const started = await (await fetch(`${base}/api/authorizations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ returnOrigin: origin }) })).json();
      // The simulator's forms post back to the authorize URL itself.
      const login = hiddenFields(await (await send(started.authorizeUrl)).text());
      login.set('username', 'lien@elien.nl');
      login.set('password', 'secret');
      const consentPage = await (await send((await send(started.authorizeUrl, login)).headers.get('Location'))).text();
      const consent = hiddenFields(consentPage);
      consent.set('decision', 'allow');
      for (const [, code] of consentPage.matchAll(/name="division" value="(\d+)" checked/g)) consent.append('division', code);
      const toBackend = (await send(started.authorizeUrl, consent)).headers.get('Location');
      const toCallbackPage = new URL((await send(toBackend)).headers.get('Location'), origin);
      assert.equal(toCallbackPage.pathname, '/vendor/autopilot/callback.html');
      // No lang: this login asked for no locale, and the page speaks Dutch without one (README, the callback page).
      assert.deepEqual(Object.fromEntries(toCallbackPage.searchParams), { authorization: started.id, status: 'authorized' });
    } finally {
      await server.close();
    }
  });
});

describe('server rendering', () => {
  it('renders the first frame, checking the status, into a declarative shadow root', async () => {
    await import('autopilot-connect/define.js');
    const { renderConnect } = await import('./render.mjs');
    const page = await renderConnect({ apiBase: '/api/autopilot' });
    assert.match(page, /<autopilot-connect[^>]*api-base="\/api\/autopilot"[^>]*><template shadowroot="open" shadowrootmode="open">/);
    const shadow = page.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<!--[^>]*-->/g, '');
    assert.match(shadow, /<h1 id="title">Autopilot – Exact Online<\/h1>/);
    // The overview's heading and the shape of its cards, with the progress sentence for a screen reader.
    assert.match(shadow, /<h2 class="heading" tabindex="-1" data-step-heading>Actieve koppelingen<\/h2>/);
    assert.match(shadow, /<div class="skeleton" data-skeleton="cards"><span class="visually-hidden" role="status">Bezig met laden…<\/span>/);
  });

  // @lit/react sets the properties in the browser, after hydration: the server sends the bare tag.
  it('renders through the React wrapper with react-dom/server', async () => {
    const [{ createElement }, { renderToString }, { AutopilotConnect }] = await Promise.all([import('react'), import('react-dom/server'), import('autopilot-connect/react')]);
    const page = renderToString(createElement(AutopilotConnect, { apiBase: '/api/autopilot', locale: 'en' }));
    assert.match(page, /^<autopilot-connect[^>]*><\/autopilot-connect>$/);
  });
});
