#!/usr/bin/env node
/**
 * Fails when the Custom Elements Manifest (generated from the class comments, as the build does)
 * does not document what the source uses, so a host's theming table cannot miss anything:
 *
 * - every `var(--autopilot-connect-…)` in a style under src/ must be a custom property of each
 *   element that shows that style (an element shows its own files and, since custom properties
 *   inherit, those of the elements it renders), documented with the style's fallback as default;
 * - every name in a `part` of a template must be a part of the element whose shadow root
 *   renders that template (its module and what that imports, up to another element's module);
 * - every `exportparts` must pass on each part of the element it sits on, under a name the
 *   outer element documents;
 * - every event class an element's module dispatches must be a documented event (`@fires {Type} name`);
 * - nothing may be documented that no style or template uses any more.
 *
 * Each problem is printed as `file:line: …` (the file where the name is used); the exit code is then 1.
 *
 * Usage: node scripts/check-manifest.mjs
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { elementModules } from '../custom-elements-manifest.config.mjs';
import { elementsOf, generateManifest, root } from './manifest/generate.mjs';
import { scanFile, sourceFiles } from './manifest/source-names.mjs';

const srcDir = join(root, 'src');
const show = (path) => relative(root, path);

let manifest;
try {
  manifest = await generateManifest();
} catch (error) {
  console.error(`check-manifest: ${error.message}`);
  process.exit(1);
}
const elements = elementsOf(manifest);
const scans = new Map([...sourceFiles(srcDir)].map((path) => [path, scanFile(path)]));
const problems = [];
const problem = (path, line, message) => problems.push(`${show(path)}:${line}: ${message}`);

// Each element's module: the config lists the modules, the manifest names the class in each.
const moduleOf = new Map();
for (const [tag, element] of elements) {
  const source = Object.keys(elementModules)
    .map((path) => resolve(root, path))
    .find((path) => new RegExp(`\\bclass\\s+${element.name}\\b`).test(readFileSync(path, 'utf8')));
  if (source) moduleOf.set(tag, source);
  else problems.push(`custom-elements-manifest.config.mjs: no module in elementModules declares ${element.name} <${tag}>`);
}
const elementModuleFiles = new Set(moduleOf.values());

/** The files an element's shadow root renders: its module and its imports, up to another element's module. */
const ownFiles = new Map();
for (const [tag, start] of moduleOf) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const next of scans.get(queue.shift())?.imports ?? []) {
      if (seen.has(next) || elementModuleFiles.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  ownFiles.set(tag, seen);
}

/** The elements each element renders in its templates. */
const rendered = new Map([...ownFiles].map(([tag, files]) => [tag, new Set([...files].flatMap((file) => [...(scans.get(file)?.tags ?? [])]).filter((name) => name !== tag && elements.has(name)))]));

/** The files whose styles reach an element: its own and, custom properties being inherited, those of what it renders. */
function styleFiles(tag, seen = new Set()) {
  if (seen.has(tag)) return new Set();
  seen.add(tag);
  return new Set([...ownFiles.get(tag), ...[...rendered.get(tag)].flatMap((inner) => [...styleFiles(inner, seen)])]);
}

const cssPropertiesOf = (tag) => new Map((elements.get(tag).cssProperties ?? []).map((property) => [property.name, property]));
const partsOf = (tag) => new Set((elements.get(tag).cssParts ?? []).map((part) => part.name));
const ownersOf = (file, filesOf) => [...moduleOf.keys()].filter((tag) => filesOf(tag).has(file));
const describe = (tags) => tags.map((tag) => `<${tag}>`).join(' and ');
const anyElementDocuments = (kind, name) => [...elements.values()].some((element) => (element[kind] ?? []).some((entry) => entry.name === name));

const usedProperties = new Map([...moduleOf.keys()].map((tag) => [tag, new Set()]));
const usedParts = new Map([...moduleOf.keys()].map((tag) => [tag, new Set()]));

for (const [file, scan] of scans) {
  const styleOwners = ownersOf(file, (tag) => styleFiles(tag));
  for (const use of scan.vars) {
    if (styleOwners.length === 0) {
      if (!anyElementDocuments('cssProperties', use.name)) problem(file, use.line, `${use.name} is used here but documented by no element: add \`@cssprop [${use.name}=…] - …\` to the class comment of the element that shows it.`);
      continue;
    }
    for (const tag of styleOwners) {
      usedProperties.get(tag).add(use.name);
      const documented = cssPropertiesOf(tag).get(use.name);
      if (!documented) problem(file, use.line, `${use.name} is used here but missing from the manifest of <${tag}>: add \`@cssprop [${use.name}${use.fallback ? `=${use.fallback}` : ''}] - what it colours\` to its class comment.`);
      else if (use.fallback !== null && (documented.default ?? '').replace(/\s+/g, ' ') !== use.fallback) {
        problem(file, use.line, `${use.name} falls back to \`${use.fallback}\` here, but <${tag}> documents its default as \`${documented.default ?? '(none)'}\`.`);
      }
    }
  }

  const partOwners = ownersOf(file, (tag) => ownFiles.get(tag));
  const checkPart = (name, line, how) => {
    if (partOwners.length === 0) {
      if (!anyElementDocuments('cssParts', name)) problem(file, line, `part "${name}"${how} is used here but documented by no element.`);
      return;
    }
    for (const tag of partOwners) {
      usedParts.get(tag).add(name);
      if (!partsOf(tag).has(name)) problem(file, line, `part "${name}"${how} is used here but missing from the manifest of ${describe([tag])}: add \`@csspart ${name} - …\` to its class comment.`);
    }
  };
  for (const part of scan.parts) checkPart(part.name, part.line, '');
  for (const { tag: inner, pairs, line } of scan.exportparts) {
    if (!inner || !elements.has(inner)) {
      problem(file, line, `exportparts on ${inner ? `<${inner}>` : 'an element'} that is not in the manifest.`);
      continue;
    }
    const innerParts = partsOf(inner);
    for (const { inner: name, outer } of pairs) {
      if (!innerParts.has(name)) problem(file, line, `exportparts passes on "${name}", which <${inner}> does not document as a part.`);
      checkPart(outer, line, ` (exported from <${inner}>)`);
    }
    const passed = new Set(pairs.map((pair) => pair.inner));
    for (const name of innerParts) if (!passed.has(name)) problem(file, line, `exportparts on <${inner}> does not pass on its part "${name}".`);
  }
  for (const { what, line } of scan.unreadable) problem(file, line, `${what}: this check cannot tell which names it uses.`);
}

for (const [tag, file] of moduleOf) {
  const documented = new Set((elements.get(tag).events ?? []).map((event) => event.type?.text));
  for (const { name, line } of scans.get(file)?.dispatched ?? []) {
    if (!documented.has(name)) problem(file, line, `<${tag}> dispatches ${name}, but its manifest has no event of that type: add \`@fires {${name}} event-name - …\` to its class comment.`);
  }
}

for (const [tag, used] of usedProperties) {
  for (const name of cssPropertiesOf(tag).keys()) if (!used.has(name)) problems.push(`${show(moduleOf.get(tag))}: <${tag}> documents ${name}, but no style it shows uses it: drop the @cssprop.`);
}
for (const [tag, used] of usedParts) {
  for (const name of partsOf(tag)) if (!used.has(name)) problems.push(`${show(moduleOf.get(tag))}: <${tag}> documents part "${name}", but no template of it has that part: drop the @csspart.`);
}

if (problems.length) {
  console.error(`check-manifest: the Custom Elements Manifest misses what src/ uses (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
const summary = [...elements].map(([tag, element]) => `<${tag}> ${(element.cssParts ?? []).length} parts, ${(element.cssProperties ?? []).length} custom properties`).join('; ');
console.log(`check-manifest: every custom property, part and event used in src/ is in the manifest (${summary}).`);
