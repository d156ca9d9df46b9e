import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';
import {
  alertText,
  backend,
  completeExactLogin,
  mount,
  press,
  reportLogin,
  stubWindowOpen,
  toConnections,
  toLoginReady,
  toOrganisation,
  useMockBackend,
  waitFor,
  waitForHeading,
  type ConnectElement,
} from './support.js';

const nl = messages();

/** What the polite live region says: a screen reader speaks each change of it. */
const liveRegion = (element: ConnectElement) => {
  const region = element.shadowRoot!.querySelector('[role="status"][aria-live="polite"]');
  expect(region, 'a polite live region').to.not.equal(null);
  return region!.textContent?.replace(/[\u2066-\u2069]/g, '').trim() ?? '';
};
const waitForAnnouncement = (element: ConnectElement, text: string) =>
  waitFor(() => liveRegion(element).includes(text), { message: `"${text}" announced (now "${liveRegion(element)}")` });

describe('<autopilot-connect> announcements', () => {
  useMockBackend();

  it('announces the number of connections, then the step and the number of organisations', async () => {
    const element = mount('default');
    await toConnections(element);
    await waitForAnnouncement(element, nl.connectionsCount(1));
    await toOrganisation(element);
    await waitForAnnouncement(element, `${nl.stepCount(1, 5)}. ${nl.organisationsFound(12)}`);
  });

  it('announces the login outcome, then the number of administrations', async () => {
    const element = mount('default');
    const popup = stubWindowOpen();
    try {
      await toLoginReady(element);
      (element.shadowRoot!.querySelector('[data-next-action]') as HTMLElement).click();
      reportLogin(await completeExactLogin(popup.calls[0]!.url));
      await waitForAnnouncement(element, nl.loginAuthorizedAs('Lien de Vries'));
    } finally {
      popup.restore();
    }
    (element.shadowRoot!.querySelector('[data-next-action]') as HTMLElement).click();
    await waitForAnnouncement(element, nl.divisionsFound(6));
  });

  it('announces a failed request with its message', async () => {
    backend('default').injectFailure({ operation: 'listOrganisations', kind: { status: 500 } });
    const element = mount('default');
    await toConnections(element);
    await press(element, 'New Connection');
    await waitForHeading(element, 'Kies de organisatie');
    await waitForAnnouncement(element, nl.error_server);
    expect(alertText(element), 'the same message shown').to.equal(nl.error_server);
  });

  it('announces a blocked login window', async () => {
    const element = mount('default');
    const popup = stubWindowOpen(() => null);
    try {
      await toLoginReady(element);
      (element.shadowRoot!.querySelector('[data-next-action]') as HTMLElement).click();
      await waitForAnnouncement(element, nl.loginProblem_blocked);
    } finally {
      popup.restore();
    }
  });
});
