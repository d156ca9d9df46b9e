/**
 * An analyzer plugin that turns the manifest of src/ into the manifest of the package: the
 * package ships dist/, not src/, so each element is documented in the shipped module that
 * contains it, and its tags are defined by the module that registers them (define.js).
 *
 * What a host reads is kept: public attributes, properties, methods, events, slots, parts and
 * custom properties. Private and protected members and every declaration that is not an
 * element are left out: the TypeScript declarations describe the rest.
 *
 * A problem (an element with no shipped module or no `@tagname`) throws, so the build stops
 * with a message saying what to add.
 */

export const PROBLEM = 'autopilot-connect manifest:';

const fail = (message) => {
  throw new Error(`${PROBLEM} ${message}`);
};

const isPublic = (member) => member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#');

/** The class declaration a host reads: its public API, with "no slots" said explicitly. */
function publicElement(declaration) {
  // The analyzer lists `this.dispatchEvent(new SomeEvent(…))` as a nameless event when the name
  // is not a literal; the `@fires` tags name them (scripts/check-manifest.mjs checks each has one).
  const { events = [], members = [], slots = [], ...rest } = declaration;
  return { ...rest, members: members.filter(isPublic), events: events.filter((event) => event.name), slots };
}

/**
 * @param {{ elementModules: Record<string, string>, defineModule: string }} options
 *   elementModules: the source module of each element → the shipped module that contains it.
 *   defineModule: the shipped module that registers every tag.
 */
export function publicModulesPlugin({ elementModules, defineModule }) {
  return {
    name: 'autopilot-connect: public modules',
    packageLinkPhase({ customElementsManifest }) {
      const shipped = new Map();
      const definitions = [];
      const exported = new Set(
        customElementsManifest.modules.filter((module) => module.path === 'src/index.ts').flatMap((module) => (module.exports ?? []).map((entry) => entry.name)),
      );
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          const target = elementModules[module.path];
          if (!target) fail(`${declaration.name} in ${module.path} is a custom element, but elementModules in custom-elements-manifest.config.mjs does not name the shipped module that contains it.`);
          if (!declaration.tagName) fail(`${declaration.name} in ${module.path} has no \`@tagname\` in its class comment.`);
          const entry = shipped.get(target) ?? { kind: 'javascript-module', path: target, declarations: [], exports: [] };
          entry.declarations.push(publicElement(declaration));
          if (exported.has(declaration.name)) entry.exports.push({ kind: 'js', name: declaration.name, declaration: { name: declaration.name, module: target } });
          shipped.set(target, entry);
          definitions.push({ kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: target } });
        }
      }
      for (const source of Object.keys(elementModules)) {
        if (!customElementsManifest.modules.some((module) => module.path === source && module.declarations?.some((declaration) => declaration.customElement))) {
          fail(`elementModules in custom-elements-manifest.config.mjs names ${source}, but no element is declared there.`);
        }
      }
      customElementsManifest.modules = [...shipped.values(), { kind: 'javascript-module', path: defineModule, declarations: [], exports: definitions }];
    },
  };
}
