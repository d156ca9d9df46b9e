import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installed } from './support/host-folder.mjs';
import { run } from './support/run.mjs';
import { typescriptHost } from './support/workspace.mjs';

/** Where Node resolves each specifier from the host folder (file paths), as a bundler or tool would ask. */
async function resolveFrom(hostDir, specifiers) {
  const code = `for (const s of ${JSON.stringify(specifiers)}) console.log(import.meta.resolve(s));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], { cwd: hostDir });
  return Object.fromEntries(stdout.trim().split('\n').map((url, index) => [specifiers[index], fileURLToPath(url)]));
}

const publicSpecifiers = [
  'autopilot-connect',
  'autopilot-connect/define.js',
  'autopilot-connect/react',
  'autopilot-connect/mocks',
  'autopilot-connect/standalone',
  'autopilot-connect/callback',
  'autopilot-connect/callback/callback.js',
  'autopilot-connect/openapi.json',
  'autopilot-connect/custom-elements.json',
  'autopilot-connect/package.json',
];

describe("the package's files as a host's tools find them", () => {
  let host;
  before(async () => {
    host = await typescriptHost();
  });

  it('every public specifier resolves from the host to a file the package ships', async () => {
    const resolved = await resolveFrom(host, publicSpecifiers);
    const missing = Object.entries(resolved).filter(([, path]) => !existsSync(path));
    assert.deepEqual(missing, []);
  });

  it('autopilot-connect/custom-elements.json resolves, is the customElements of package.json, and lists the attributes, the three events, retry(), the custom properties and parts', async () => {
    const { 'autopilot-connect/custom-elements.json': path } = await resolveFrom(host, ['autopilot-connect/custom-elements.json']);
    const packageJson = JSON.parse(readFileSync(installed(host, 'package.json'), 'utf8'));
    assert.equal(installed(host, packageJson.customElements), path);

    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    const element = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .find((declaration) => declaration.customElement && declaration.tagName === 'autopilot-connect');
    assert.ok(element, 'a declaration with tagName autopilot-connect');
    const names = (list) => (list ?? []).map((item) => item.name);
    for (const attribute of ['api-base', 'locale', 'request-timeout', 'login-timeout', 'contact-url']) assert.ok(names(element.attributes).includes(attribute), `attribute ${attribute}`);
    for (const event of ['autopilot-connected', 'autopilot-cancelled', 'autopilot-error']) assert.ok(names(element.events).includes(event), `event ${event}`);
    assert.ok(names(element.members).includes('retry'), 'the method retry()');
    // The custom properties issue 9 found documented nowhere, and a part a host styles.
    const undocumented = ['border-strong', 'error-background', 'success-background', 'warning-text', 'notice-background', 'active-background', 'selected-background', 'font-size'];
    for (const property of undocumented) assert.ok(names(element.cssProperties).includes(`--autopilot-connect-${property}`), `custom property --autopilot-connect-${property}`);
    assert.ok(names(element.cssParts).includes('base'), 'the part base');
  });
});
