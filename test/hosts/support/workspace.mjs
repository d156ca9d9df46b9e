import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from '../../../scripts/find-chromium.mjs';
import { makeHost } from './host-folder.mjs';
import { buildAndPack } from './pack.mjs';

/**
 * What the host suites share in one run: the tarball (built and packed once), each host app
 * (installed once), one Chromium. All made on first use, in one temporary folder removed at the end.
 */
export const workspace = mkdtempSync(join(tmpdir(), 'autopilot-hosts-'));

const once = (make) => {
  let made;
  return () => (made ??= make());
};

export const tarball = once(() => buildAndPack(workspace));

// The newest release of each major a host team installs today (TypeScript 7 is what
// `npm install typescript` gives; the suites check against 5.9 as well). Both hosts run the
// package's mock backend in their dev server (autopilot-connect/mocks): its optional peers, the
// reference backend's hono, oauth4webapi and @electric-sql/pglite, are installed as well.
const mockPeers = ['hono@4', 'oauth4webapi@3', '@electric-sql/pglite@0.5'];
export const typescriptHost = once(async () =>
  makeHost({ workspace, template: 'typescript', tarball: (await tarball()).path, packages: ['lit@3', 'vite@8', 'typescript@7', '@types/node@20', ...mockPeers] }),
);

export const reactHost = once(async () =>
  makeHost({
    workspace,
    template: 'react',
    tarball: (await tarball()).path,
    packages: ['react@19', 'react-dom@19', '@types/react@19', '@types/react-dom@19', 'vite@8', 'typescript@7', '@types/node@20', ...mockPeers],
  }),
);

let launched;
export const browser = () =>
  (launched ??= chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  }));

/** Starts both installs side by side; each suite still awaits (and reports) its own. */
export function prepareInBackground() {
  for (const prepare of [typescriptHost, reactHost]) prepare().catch(() => {});
}

export async function disposeWorkspace() {
  await (await launched?.catch(() => null))?.close();
  await rm(workspace, { recursive: true, force: true });
}
