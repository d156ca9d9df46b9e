#!/usr/bin/env node
/**
 * `npm run exact-simulator -- --client-id … --client-secret … --redirect-uri …`: the Exact Online
 * simulator from the source (vite's ssrLoadModule), on 127.0.0.1, until Ctrl-C; the package ships
 * the same as the bin `autopilot-exact-simulator`. Point a backend and `npm run conformance` at it.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vite = await createServer({ root, configFile: false, appType: 'custom', logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false, watch: null } });
const { serveFromArguments } = await vite.ssrLoadModule('/src/exact-simulator/cli.ts');
const served = await serveFromArguments(process.argv.slice(2));
if (!served) {
  process.exitCode = 2;
  await vite.close();
} else {
  // Ctrl-C or a kill: stop serving, then end (vite's module runner would keep the process alive).
  const stop = async () => {
    await served.close();
    await vite.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
