#!/usr/bin/env node
/**
 * `npm run build`: the package's dist/ (the layout in the README's "Embedding it in a host page"):
 * the three Vite builds of vite.config.ts (`package`, `standalone`, `callback`), the declarations
 * (tsc -p tsconfig.build.json → dist/types/) and the contract (dist/openapi.json). The Custom
 * Elements Manifest is written after this by `npm run build:manifest`.
 *
 * `buildTarget` is exported for check-size and the benchmark, which build into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One of vite.config.ts's builds (`package`, `standalone`, `callback`); returns Rolldown's output. */
export async function buildTarget(mode, { outDir, sourcemap = false, logLevel = 'warn' } = {}) {
  const { build } = await import('vite');
  const result = await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode,
    logLevel,
    build: { ...(outDir ? { outDir } : {}), sourcemap, reportCompressedSize: false },
  });
  return (Array.isArray(result) ? result : [result]).flatMap((item) => item.output);
}

async function main() {
  const dist = join(ROOT, 'dist');
  rmSync(dist, { recursive: true, force: true });
  for (const mode of ['package', 'standalone', 'callback']) await buildTarget(mode);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  mkdirSync(dist, { recursive: true });
  copyFileSync(join(ROOT, 'src/api/openapi.json'), join(dist, 'openapi.json'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
