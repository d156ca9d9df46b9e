import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The host's own Vite (not the repo's), as its `npm run dev` would run it. */
export async function hostVite(hostDir) {
  return import(pathToFileURL(createRequire(join(hostDir, 'package.json')).resolve('vite')).href);
}

const address = (server) => `http://127.0.0.1:${server.httpServer.address().port}`;

/** The host's dev server on its own vite.config.ts (with the package's mock plugin), on a free port. */
export async function startDevServer(hostDir, overrides = {}) {
  const { createServer } = await hostVite(hostDir);
  const server = await createServer({
    root: hostDir,
    configFile: join(hostDir, 'vite.config.ts'),
    logLevel: 'error',
    ...overrides,
    server: { host: '127.0.0.1', port: 0, watch: null, hmr: false },
  });
  await server.listen();
  return { origin: address(server), close: () => server.close() };
}

/** `vite preview` of a static folder: files served as they are, plus the config's plugins. */
export async function startStaticServer(hostDir, root) {
  const { preview } = await hostVite(hostDir);
  const server = await preview({
    root,
    configFile: join(root, 'vite.config.mjs'),
    logLevel: 'error',
    preview: { host: '127.0.0.1', port: 0 },
  });
  return { origin: address(server), close: () => server.close() };
}

/** A fresh model for the scenario in the mock backend (its test control, `POST /mock/<scenario>/reset`). */
export async function resetScenario(origin, scenario) {
  const response = await fetch(`${origin}/mock/${scenario}/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`reset ${scenario}: ${response.status}`);
}

/** Queues a failure in the scenario's mock backend (its test control, `POST /mock/<scenario>/inject`). */
export async function injectFailure(origin, scenario, failure) {
  const response = await fetch(`${origin}/mock/${scenario}/inject`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(failure),
  });
  if (!response.ok) throw new Error(`inject ${scenario}: ${response.status} ${await response.text()}`);
}
