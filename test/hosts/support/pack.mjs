import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run.mjs';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * `npm run build`, then `npm pack` into `destination`: the tarball a host team would get.
 * Scripts are skipped at pack time because the build just ran (a prepack build would only
 * double the wait). Returns the tarball's path and the list of files it ships.
 * AUTOPILOT_CONNECT_TARBALL=<path> tries that tarball instead (e.g. one about to be published).
 */
export async function buildAndPack(destination) {
  const given = process.env.AUTOPILOT_CONNECT_TARBALL;
  if (given) {
    const { stdout } = await run('tar', ['-tzf', given], { cwd: repo });
    return { path: given, files: stdout.trim().split('\n').map((path) => path.replace(/^package\//, '')) };
  }
  await run('npm', ['run', 'build'], { cwd: repo });
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: repo });
  const [packed] = JSON.parse(stdout);
  return { path: join(destination, packed.filename), files: packed.files.map((file) => file.path) };
}
