import { before, describe, it } from 'node:test';
import { run } from './support/run.mjs';
import { reactHost, typescriptHost } from './support/workspace.mjs';

/**
 * Server-rendered hosts and test runners import the package in Node, where there is no DOM.
 * Each import runs in the host folder exactly as a host would try it; a rejected import exits 1.
 * autopilot-connect/react is tried in the React host, the one that has React.
 */
describe('importing the entries in Node, in the host folders', () => {
  let hosts;
  before(async () => {
    hosts = { typescript: await typescriptHost(), react: await reactHost() };
  });

  const cases = [
    ['autopilot-connect', 'typescript'],
    ['autopilot-connect/define.js', 'typescript'],
    ['autopilot-connect/mocks', 'typescript'],
    ['autopilot-connect/standalone', 'typescript'],
    ['autopilot-connect/react', 'react'],
  ];
  for (const [specifier, host] of cases) {
    it(`node -e "import('${specifier}')" exits 0 in the ${host} host`, async () => {
      await run(process.execPath, ['-e', `import('${specifier}')`], { cwd: hosts[host] });
    });
  }
});
