/**
 * A server-rendered host: the element's first frame comes from the server (declarative shadow
 * DOM, rendered by @lit-labs/ssr from src/ in web-test-runner's Node process), and the browser
 * hydrates it — the server's nodes are kept, not rendered again — and then runs the flow.
 */
// Lit's hydration support has to be in place before Lit loads.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@esm-bundle/chai';
import { getBackend, organisationIds, resetBackends, startMockWorker } from '../../src/mocks/index.js';
import { saveResume } from '../../src/resume-storage.js';
import { findButton, heading, visibleText, waitFor } from '../helpers/dom.js';

/** The server's HTML in a fresh container, as a page arrives: declarative shadow root included, before any script. */
async function serverRendered(query: string, lang?: string): Promise<{ host: HTMLElement; element: HTMLElementTagNameMap['autopilot-connect'] }> {
  const response = await fetch(`/__ssr/autopilot-connect?${query}`);
  expect(response.ok, 'the server rendered the element').to.equal(true);
  const host = document.createElement('div');
  if (lang) host.lang = lang;
  document.body.append(host);
  host.setHTMLUnsafe(await response.text());
  return { host, element: host.querySelector('autopilot-connect')! };
}

/** Uncaught errors while `body` runs: a failed hydration surfaces as one. */
async function uncaught(body: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await body();
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

describe('<autopilot-connect> rendered on a server', () => {
  before(async function () {
    // The mock backend's PGlite opens once per page (about 3 s), before the first test's waits.
    this.timeout(30_000);
    await getBackend('default').ready;
    await startMockWorker();
  });
  beforeEach(async () => {
    await resetBackends();
    sessionStorage.clear();
  });

  it('arrives checking the status, then hydrates and shows the overview on the mock backend', async function () {
    this.timeout(15000);
    const { host, element } = await serverRendered('api-base=/mock/default/api');
    expect(customElements.get('autopilot-connect'), 'not defined yet').to.equal(undefined);
    expect(element.shadowRoot, 'a declarative shadow root from the server').to.not.equal(null);
    expect(heading(element)).to.equal('Actieve koppelingen');
    expect(element.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim()).to.equal('Bezig met laden…');
    const serverFrame = element.shadowRoot!.querySelector('section.base');
    expect(serverFrame).to.not.equal(null);
    try {
      const errors = await uncaught(async () => {
        await import('../../src/define.js');
        await waitFor(() => findButton(element, 'New Connection'), { timeout: 8000, message: `the overview (visible: ${visibleText(element)})` });
      });
      expect(heading(element)).to.equal('Actieve koppelingen');
      // Hydrated: the frame the server sent is the one the element goes on with.
      expect(element.shadowRoot!.querySelector('section.base')).to.equal(serverFrame);
      expect(element.shadowRoot!.querySelectorAll('section.base')).to.have.length(1);
      expect(errors).to.deep.equal([]);
    } finally {
      host.remove();
    }
  });

  it('resumes after a reload, though the server could not know (the browser starts elsewhere than the server frame)', async function () {
    this.timeout(15000);
    // A reload in the middle of the flow: this tab kept where the user was. The grant is gone
    // from the backend, so the element starts afresh on the overview.
    const organisation = { id: organisationIds.elien, name: 'eLien test company', connectionId: null, blockers: [] };
    saveResume('/mock/default/api', { organisation, authorizationId: 'auth_gone', administration: null, bookingFlow: 'simple', idempotencyKey: null });
    const { host, element } = await serverRendered('api-base=/mock/default/api&locale=nl');
    try {
      const errors = await uncaught(async () => {
        await import('../../src/define.js');
        await waitFor(() => findButton(element, 'New Connection'), { timeout: 8000, message: `the overview (visible: ${visibleText(element)})` });
      });
      expect(errors).to.deep.equal([]);
      expect(element.shadowRoot!.querySelectorAll('section.base')).to.have.length(1);
      expect(visibleText(element)).to.not.include('Bezig met laden…');
    } finally {
      host.remove();
    }
  });

  it("speaks the page's language once hydrated, though the server rendered Dutch", async function () {
    this.timeout(15000);
    const { host, element } = await serverRendered('api-base=/mock/default/api', 'en');
    expect(element.shadowRoot!.querySelector('section')?.getAttribute('lang'), 'the server knows no page').to.equal('nl');
    try {
      await import('../../src/define.js');
      await waitFor(() => findButton(element, 'New Connection') && heading(element) === 'Active connections', { timeout: 8000, message: `the overview in English (visible: ${visibleText(element)})` });
      expect(element.shadowRoot!.querySelector('section')?.getAttribute('lang')).to.equal('en');
      expect(element.shadowRoot!.querySelector('h1')?.textContent).to.equal('Autopilot – Exact Online');
    } finally {
      host.remove();
    }
  });
});
