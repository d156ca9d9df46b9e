/**
 * A server-rendered host: the element's first frame comes from the server (declarative shadow
 * DOM, rendered by @lit-labs/ssr from src/ in web-test-runner's Node process), and the browser
 * hydrates it — the server's nodes are kept, not rendered again — and then runs the flow.
 */
// Lit's hydration support has to be in place before Lit loads.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@esm-bundle/chai';
import { resetBackends, startMockWorker } from '../../src/mocks/index.js';
import { findButton, heading, visibleText, waitFor } from '../helpers/dom.js';

describe('<autopilot-connect> rendered on a server', () => {
  before(async () => {
    await startMockWorker();
  });
  beforeEach(() => {
    resetBackends();
    sessionStorage.clear();
  });

  it('arrives checking the status, then hydrates and shows the overview on the mock backend', async function () {
    this.timeout(15000);
    const response = await fetch('/__ssr/autopilot-connect?api-base=/mock/default/api');
    expect(response.ok, 'the server rendered the element').to.equal(true);
    const host = document.createElement('div');
    document.body.append(host);
    // As a page arrives: the server's HTML, declarative shadow root included, before any script.
    host.setHTMLUnsafe(await response.text());
    const element = host.querySelector('autopilot-connect')!;
    expect(customElements.get('autopilot-connect'), 'not defined yet').to.equal(undefined);
    expect(element.shadowRoot, 'a declarative shadow root from the server').to.not.equal(null);
    expect(heading(element)).to.equal('Autopilot – Exact Online');
    expect(element.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim()).to.equal('Bezig met laden…');
    const serverFrame = element.shadowRoot!.querySelector('section.base');
    expect(serverFrame).to.not.equal(null);

    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      await import('../../src/define.js');
      await waitFor(() => findButton(element, 'New Connection'), { timeout: 8000, message: `the overview (visible: ${visibleText(element)})` });
      expect(heading(element)).to.equal('Actieve verbindingen');
      // Hydrated: the frame the server sent is the one the element goes on with.
      expect(element.shadowRoot!.querySelector('section.base')).to.equal(serverFrame);
      expect(element.shadowRoot!.querySelectorAll('section.base')).to.have.length(1);
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
      host.remove();
    }
  });
});
