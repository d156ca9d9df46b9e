#!/usr/bin/env node
/**
 * `npm run conformance -- --api <backend>/api --exact <simulator origin> …`: the conformance kit
 * (src/conformance/) from the source, loaded through vite's ssrLoadModule as the end-to-end tests
 * load the simulator, so the kit always runs the contract of this checkout. The package ships the
 * same kit built (dist/conformance/, bin `autopilot-conformance`).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vite = await createServer({ root, configFile: false, appType: 'custom', logLevel: 'error', server: { middlewareMode: true, hmr: false, ws: false, watch: null } });
try {
  const { main } = await vite.ssrLoadModule('/src/conformance/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`conformance: ${error?.stack ?? error}`);
  process.exitCode = 1;
} finally {
  await vite.close();
}
