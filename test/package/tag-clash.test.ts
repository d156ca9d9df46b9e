/**
 * define.js on a page where `autopilot-connect` is already taken (another copy of the package,
 * loaded first): one console error that names the tag and the version that loaded first, and
 * nothing else — the first definition stays, the picker is not registered by this copy.
 */
import { expect } from '@esm-bundle/chai';

describe('autopilot-connect/define.js when the tag is taken', () => {
  it('says which version loaded first and leaves the page as it was', async () => {
    class FirstCopy extends HTMLElement {
      static version = '0.0.9';
    }
    customElements.define('autopilot-connect', FirstCopy);
    const logged: unknown[][] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const { AutopilotConnect } = await import('../../src/define.js');
      expect(logged).to.have.length(1);
      const message = String(logged[0]![0]);
      expect(message).to.include('<autopilot-connect> is already defined');
      expect(message).to.include('autopilot-connect 0.0.9 loaded first');
      expect(message).to.include(`autopilot-connect ${AutopilotConnect.version} did not register it`);
      expect(customElements.get('autopilot-connect')).to.equal(FirstCopy);
      expect(customElements.get('autopilot-connect-listbox')).to.equal(undefined);
    } finally {
      console.error = consoleError;
    }
  });
});
