import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run.mjs';

const apps = fileURLToPath(new URL('../apps/', import.meta.url));

/**
 * A fresh host app in `workspace/<template>`: the template's files (test/hosts/apps/<template>),
 * then `npm install <tarball> ...packages`, as a host team adds the package. Offline first (the
 * npm cache holds them); when that fails, once more as usual.
 */
export async function makeHost({ workspace, template, tarball, packages }) {
  const dir = join(workspace, template);
  await cp(join(apps, template), dir, { recursive: true });
  const install = ['install', '--no-audit', '--no-fund', tarball, ...packages];
  try {
    await run('npm', ['--prefer-offline', ...install], { cwd: dir });
  } catch {
    await run('npm', install, { cwd: dir });
  }
  return dir;
}

/** The package's files, as installed in a host. */
export const installed = (hostDir, ...path) => join(hostDir, 'node_modules', 'autopilot-connect', ...path);

/** What the README tells a host: copy the callback page's folder to where the backend redirects. */
export async function vendorCallbackPage(hostDir, publicDir) {
  await cp(installed(hostDir, 'dist', 'callback'), join(publicDir, 'vendor', 'autopilot'), { recursive: true });
}

/** The host's own tools (tsc, vite), from its node_modules. */
export const bin = (hostDir, name) => join(hostDir, 'node_modules', '.bin', name);
