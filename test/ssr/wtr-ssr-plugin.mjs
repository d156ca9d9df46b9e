/**
 * web-test-runner plugin: `GET /__ssr/autopilot-connect?api-base=…` answers the element's
 * server-rendered HTML, rendered in this Node process from src/ (Vite's SSR loader compiles it
 * and leaves lit & co. to Node, as a server host would), so the hydration test in the browser
 * always hydrates what the current source renders on a server.
 */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
let loaded = null;

/** The element defined on the server once, by a Vite server that serves nothing. */
function loadDefinition() {
  loaded ??= (async () => {
    const { createServer } = await import('vite');
    const vite = await createServer({
      root,
      configFile: `${root}vite.config.ts`,
      logLevel: 'error',
      appType: 'custom',
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    });
    await vite.ssrLoadModule('/src/define.ts');
    const { renderConnect } = await import('./render.mjs');
    return { vite, renderConnect };
  })();
  return loaded;
}

export const ssrPlugin = {
  name: 'autopilot-ssr',
  async serve(context) {
    if (context.path !== '/__ssr/autopilot-connect') return undefined;
    const { renderConnect } = await loadDefinition();
    const body = await renderConnect({ apiBase: context.query['api-base'], locale: context.query.locale });
    return { body, type: 'html' };
  },
  async serverStop() {
    if (loaded) await (await loaded).vite.close();
  },
};
