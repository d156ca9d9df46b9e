/**
 * Generates the Custom Elements Manifest in memory with the analyzer and the package's config
 * (custom-elements-manifest.config.mjs). Shared by the build (which writes it), the manifest
 * check and the README's theming table, so all three read the same manifest.
 *
 * The analyzer adds a `customElements` field to package.json unless told not to. The config tells
 * it not to; this guard makes sure of it: package.json is compared before and after, and if it
 * changed it is put back and generating fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { PROBLEM } from './public-modules-plugin.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const configPath = join(root, 'custom-elements-manifest.config.mjs');

export async function generateManifest() {
  // The analyzer writes to package.json in the process's directory, not in the one it analyses.
  const guarded = [...new Set([join(root, 'package.json'), join(process.cwd(), 'package.json')])].map((path) => {
    try {
      return { path, text: readFileSync(path, 'utf8') };
    } catch {
      return null;
    }
  }).filter(Boolean);
  let manifest;
  try {
    manifest = await cli({ argv: ['analyze', '--config', configPath], cwd: root, noWrite: true });
  } catch (error) {
    // The analyzer wraps a plugin's error in a plea to report it upstream; ours is for this repo.
    const ours = String(error?.message ?? error).split('\n').find((line) => line.includes(PROBLEM));
    throw ours ? new Error(ours.trim().replace(/^Error: /, '')) : error;
  } finally {
    for (const { path, text } of guarded) {
      if (readFileSync(path, 'utf8') !== text) {
        writeFileSync(path, text);
        throw new Error(`The manifest analyzer changed ${path}; it was put back. Set \`packagejson: false\` in custom-elements-manifest.config.mjs.`);
      }
    }
  }
  if (!manifest) throw new Error(`The analyzer made no manifest: is ${configPath} readable?`);
  return manifest;
}

/** The elements of a manifest, by tag name. */
export const elementsOf = (manifest) =>
  new Map(manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement).map((declaration) => [declaration.tagName, declaration]));
