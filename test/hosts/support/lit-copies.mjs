import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How many copies of Lit's three core modules a built bundle holds. Each copy pushes its
 * version onto a global list when it loads (`(globalThis.litHtmlVersions ??= []).push(…)`), a
 * property name no minifier renames, so one copy is one such push, in a production build as
 * in a development one.
 */
export async function litCopies(outDir) {
  const files = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.js'));
  const code = (await Promise.all(files.map((file) => readFile(join(outDir, file), 'utf8')))).join('\n');
  const pushes = (globalName) => code.match(new RegExp(`${globalName}[^;]{0,60}?\\.push\\(`, 'g'))?.length ?? 0;
  return {
    'lit-html': pushes('litHtmlVersions'),
    'lit-element': pushes('litElementVersions'),
    'reactive-element': pushes('reactiveElementVersions'),
  };
}

export const ONE_COPY_EACH = { 'lit-html': 1, 'lit-element': 1, 'reactive-element': 1 };

/** Lit's own warning, issued by its development build (the one a dev server serves) when a second copy loads. */
export const MULTIPLE_LITS = /Multiple versions of Lit loaded/;
/** Lit's development build announces itself: proof that the warning above would have been issued. */
export const LIT_DEV_MODE = /Lit is in dev mode/;
