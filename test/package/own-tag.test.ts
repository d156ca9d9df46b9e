/**
 * A host that imports only the class (the side-effect-free `autopilot-connect` entry) and
 * registers the tag itself still gets a working element: its picker registers itself on connect.
 */
import { expect } from '@esm-bundle/chai';
import { AutopilotConnect } from '../../src/index.js';
import { getBackend, resetBackends, startMockWorker } from '../../src/mocks/index.js';
import { findButton, option, waitFor } from '../helpers/dom.js';

describe('the class registered by the host', () => {
  before(async function () {
    // The mock backend's PGlite opens once per page (about 3 s).
    this.timeout(30_000);
    await startMockWorker();
    await resetBackends();
    await getBackend('default').ready;
  });

  it('registers nothing by itself, and works once the host defines the tag', async function () {
    this.timeout(10000);
    expect(customElements.get('autopilot-connect')).to.equal(undefined);
    expect(customElements.get('autopilot-connect-listbox')).to.equal(undefined);
    customElements.define('autopilot-connect', AutopilotConnect);
    const element = document.createElement('autopilot-connect');
    element.setAttribute('api-base', '/mock/default/api');
    document.body.append(element);
    try {
      const newConnection = await waitFor(() => findButton(element, 'New Connection'), { timeout: 5000, message: 'New Connection' });
      newConnection.click();
      // The organisation picker: options only show when the listbox element is registered.
      await waitFor(() => option(element, 'eLien test company'), { timeout: 5000, message: 'the organisation eLien test company in the picker' });
    } finally {
      element.remove();
      sessionStorage.clear();
    }
  });
});
