/**
 * Reads from the source what the manifest must document: every `var(--autopilot-connect-…)`
 * (with its fallback), the event classes an element dispatches, every part name in a template (`part="…"`, the string literals of a
 * `part=${…}` binding, `exportparts="inner:outer, …"` with the element it sits on), the
 * elements a template renders, and the runtime imports that tie files to an element.
 * Comments are blanked first (line numbers kept), so prose that mentions a tag or a part is not
 * taken for a use.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

const SOURCE = /\.(ts|js|mjs|css|html)$/;
const PUBLIC_VAR = '--autopilot-connect-';

export function* sourceFiles(dir) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(full);
    else if (SOURCE.test(name) && !name.endsWith('.d.ts')) yield full;
  }
}

/** The text with its comments replaced by spaces, newlines kept. */
export function blankComments(text) {
  const blank = (match) => match.replace(/[^\n]/g, ' ');
  // A line comment starts a line or follows whitespace, so `https://` in a string stays.
  return text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/(^|[ \t])\/\/[^\n]*/gm, (match, lead) => lead + blank(match.slice(lead.length)));
}

const lineAt = (text, index) => text.slice(0, index).split('\n').length;

/** The text from `open` (an opening bracket) to its matching close, or null. */
function balanced(text, open, [opening, closing]) {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === opening) depth++;
    else if (text[index] === closing && --depth === 0) return text.slice(open + 1, index);
  }
  return null;
}

const names = (list) => list.split(/\s+/).filter(Boolean);

/**
 * @returns {{
 *   vars: Array<{ name: string, fallback: string | null, line: number }>,
 *   parts: Array<{ name: string, line: number }>,
 *   exportparts: Array<{ tag: string | null, pairs: Array<{ inner: string, outer: string }>, line: number }>,
 *   unreadable: Array<{ what: string, line: number }>,
 *   tags: Set<string>,
 *   imports: string[],
 *   dispatched: Array<{ name: string, line: number }>,
 * }}
 */
export function scanFile(path) {
  const text = blankComments(readFileSync(path, 'utf8'));
  const found = { vars: [], parts: [], exportparts: [], unreadable: [], tags: new Set(), imports: [], dispatched: [] };

  for (const match of text.matchAll(/var\(\s*(--[\w-]+)/g)) {
    if (!match[1].startsWith(PUBLIC_VAR)) continue;
    const inside = balanced(text, match.index + 3, ['(', ')']) ?? '';
    const comma = inside.indexOf(',');
    found.vars.push({ name: match[1], fallback: comma >= 0 ? inside.slice(comma + 1).trim().replace(/\s+/g, ' ') : null, line: lineAt(text, match.index) });
  }

  for (const match of text.matchAll(/(?<![\w-])(part|exportparts)=(?:"([^"]*)"|'([^']*)'|\$\{)/g)) {
    const [, attribute, double, single] = match;
    const line = lineAt(text, match.index);
    const value = double ?? single;
    if (attribute === 'part') {
      if (value !== undefined) for (const name of names(value)) found.parts.push({ name, line });
      else {
        // A bound part: its names are the string literals of the expression.
        const expression = balanced(text, match.index + match[0].length - 1, ['{', '}']) ?? '';
        const literals = [...expression.matchAll(/'([^']*)'|"([^"]*)"/g)].flatMap((literal) => names(literal[1] ?? literal[2]));
        if (literals.length === 0) found.unreadable.push({ what: 'a `part=${…}` binding with no string literal naming its parts', line });
        for (const name of literals) found.parts.push({ name, line });
      }
      continue;
    }
    if (value === undefined) {
      found.unreadable.push({ what: 'an `exportparts=${…}` binding (write the list literally)', line });
      continue;
    }
    const before = text.slice(0, match.index);
    const tag = [...before.matchAll(/<([a-z][a-z0-9]*-[a-z0-9-]*)/g)].at(-1)?.[1] ?? null;
    const pairs = value
      .split(',')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const [inner, outer = inner] = pair.split(':').map((name) => name.trim());
        return { inner, outer };
      });
    found.exportparts.push({ tag, pairs, line });
  }

  for (const match of text.matchAll(/\.part\s*\.\s*(add|toggle|replace)\s*\(|setAttribute\(\s*['"](export)?parts?['"]/g)) {
    found.unreadable.push({ what: 'a part set from script (set it in the template, where this check reads it)', line: lineAt(text, match.index) });
  }

  for (const match of text.matchAll(/\bdispatchEvent\(\s*new\s+([A-Za-z_$][\w$]*)/g)) found.dispatched.push({ name: match[1], line: lineAt(text, match.index) });

  for (const match of text.matchAll(/<([a-z][a-z0-9]*-[a-z0-9-]*)[\s/>]/g)) found.tags.add(match[1]);

  const specifiers = [
    ...text.matchAll(/\bimport\s+(?!type\b)[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*['"](\.[^'"]+)['"]/g),
    ...text.matchAll(/\bexport\s+(?!type\b)[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]/g),
    ...text.matchAll(/\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]);
  found.imports = [...new Set(specifiers.map((specifier) => resolveImport(path, specifier)).filter(Boolean))];
  return found;
}

/** `./x.js` from a TypeScript file means `./x.ts`. */
function resolveImport(from, specifier) {
  const target = resolve(dirname(from), specifier.split('?')[0]);
  const candidates = extname(target) === '.js' ? [target.replace(/\.js$/, '.ts'), target] : [target, `${target}.ts`, join(target, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}
