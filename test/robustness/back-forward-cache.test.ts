/**
 * Back from a same-tab login, when the browser restores the page from its back-forward cache:
 * the page comes back exactly as it was left, the element waiting for the login it left for. It
 * must start again from its record, as after a reload, and drop its return address. A page
 * restored in any other step stays where the user was.
 */
import { expect } from '@esm-bundle/chai';
import { http, HttpResponse } from 'msw';
import { handleMockRequest } from '../../src/mocks/index.js';
import { RETURN_URL_KEY } from '../../src/popup/login-message.js';
import {
  findButton,
  heading,
  nl,
  mount,
  option,
  afterItsTurn,
  pointerClick,
  press,
  recordFetches,
  stubWindowOpen,
  toLoginReady,
  toOrganisation,
  useRobustBackend,
  waitFor,
  waitForHeading,
  worker,
} from './support.js';

/** The login's URL is this page with a fragment: leaving for it stays in the document, so the test page stays. */
function loginWithinThisPage(): void {
  worker.use(
    http.post('/mock/default/api/authorizations', async ({ request }) => {
      const answer = (await handleMockRequest(request))!;
      const authorization = (await answer.json()) as Record<string, unknown>;
      return HttpResponse.json({ ...authorization, authorizeUrl: `${location.href.split('#')[0]}#exact-login` }, { status: answer.status });
    }),
  );
}

const restoredFromCache = () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));

describe('a page restored from the back-forward cache', () => {
  useRobustBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  afterEach(() => {
    popup?.restore();
    popup = null;
    history.replaceState(null, '', location.href.split('#')[0]);
  });

  it('after a same-tab login was left with Back: starts again from the record, as a reload does, and drops the return address', async () => {
    loginWithinThisPage();
    const element = mount();
    await toLoginReady(element);
    popup = stubWindowOpen(() => null);
    await press(element, 'Open');
    await press(element, nl.loginSameTab);
    await waitFor(() => location.hash === '#exact-login' && sessionStorage.getItem(RETURN_URL_KEY), { message: 'left for the login' });

    restoredFromCache();
    await waitForHeading(element, nl.connectionsHeading);
    await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection works again' });
    expect(sessionStorage.getItem(RETURN_URL_KEY), 'the return address').to.equal(null);
    await press(element, 'New Connection');
    await waitForHeading(element, nl.organisationHeading);
  });

  it('in any other step: stays where the user was, the choice kept', async () => {
    loginWithinThisPage();
    const element = mount();
    await toOrganisation(element);
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => option(element, 'eLien test company').getAttribute('aria-selected') === 'true', { message: 'chosen' });
    const fetches = recordFetches();
    try {
      restoredFromCache();
      // Starting again would ask the backend for the status in this very task.
      await afterItsTurn(element);
      expect(fetches.requests, 'no start again').to.have.length(0);
      expect(heading(element)).to.equal(nl.organisationHeading);
      expect(option(element, 'eLien test company').getAttribute('aria-selected')).to.equal('true');

      // The control: the same event, once the element has left for a same-tab login, starts it again.
      await press(element, 'Bevestigen');
      await press(element, 'Exact Online');
      popup = stubWindowOpen(() => null);
      await press(element, 'Open');
      await press(element, nl.loginSameTab);
      await waitFor(() => location.hash === '#exact-login', { message: 'left for the login' });
      const before = fetches.requests.length;
      restoredFromCache();
      await afterItsTurn(element);
      expect(fetches.requests.length, 'started again: the backend asked').to.be.above(before);
      await waitForHeading(element, nl.connectionsHeading);
    } finally {
      fetches.restore();
    }
  });
});
