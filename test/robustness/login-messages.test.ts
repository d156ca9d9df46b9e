/**
 * 1. Forged login messages are ignored. Only a well-formed report for the element's own
 * authorization, from the callback page's origin (or the same-origin BroadcastChannel), counts,
 * and only as a reason to ask the backend: one it does not confirm changes nothing.
 */
import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';

const nl = messages();
import { LOGIN_CHANNEL } from '../../src/popup/login-message.js';
import {
  authorizationOfLogin,
  completeExactLogin,
  findButton,
  mount,
  afterItsTurn,
  press,
  recordFetches,
  reportLogin,
  stubWindowOpen,
  toLoginReady,
  useRobustBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  type ConnectElement,
} from './support.js';

const report = (authorizationId: unknown, status: unknown = 'authorized') => ({ type: 'autopilot-connect:login', authorizationId, status });
const fromOrigin = (data: unknown, origin: string) => window.dispatchEvent(new MessageEvent('message', { data, origin }));
const big = 'x'.repeat(10 * 1024);

describe('robustness 1: forged login messages are ignored', () => {
  useRobustBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  let fetches: ReturnType<typeof recordFetches> | null = null;
  afterEach(() => {
    popup?.restore();
    fetches?.restore();
    popup = fetches = null;
  });

  /** The element waits on its open login window; the login itself is done (authorized in the backend). */
  async function waitingForReport(element: ConnectElement): Promise<string> {
    await toLoginReady(element);
    popup = stubWindowOpen();
    await press(element, 'Open');
    const authorizationId = await completeExactLogin(popup.calls[0]!.url);
    await waitForText(element, nl.loginWaiting);
    fetches = recordFetches();
    return authorizationId;
  }

  const confirmations = (authorizationId: string) =>
    fetches!.count('GET', new RegExp(`/api/authorizations/${authorizationId}$`));

  /**
   * Still waiting, nothing confirmed, no request made on the forged report's behalf (a report the
   * element took would have sent its question in the task it arrived in). Each test then shows
   * the genuine report counting, seen by the same checks.
   */
  async function expectStillWaiting(element: ConnectElement, authorizationId: string): Promise<void> {
    await afterItsTurn(element);
    expect(visibleText(element), 'still on the waiting view').to.include(nl.loginWaiting);
    expect(findButton(element, 'Ga door'), 'no way on').to.equal(null);
    expect(confirmations(authorizationId), 'the backend was not asked').to.equal(0);
    expect(fetches!.requests.filter((request) => request.path.includes('/api/')), 'no API call at all').to.have.length(0);
  }

  /** The genuine report still works afterwards: the element kept listening. */
  async function expectGenuineReportWorks(element: ConnectElement, authorizationId: string): Promise<void> {
    reportLogin(authorizationId);
    await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door after the genuine report' });
    expect(confirmations(authorizationId)).to.equal(1);
  }

  it('ignores a report from another origin (MessageEvent with origin https://evil.example)', async () => {
    const element = mount();
    const authorizationId = await waitingForReport(element);
    fromOrigin(report(authorizationId), 'https://evil.example');
    fromOrigin(report(authorizationId), 'null');
    fromOrigin(report(authorizationId), '');
    fromOrigin(report(authorizationId), window.location.origin.replace('http:', 'https:'));
    fromOrigin(report(authorizationId), `${window.location.origin}.evil.example`);
    await expectStillWaiting(element, authorizationId);
    // The same data from the expected origin is accepted: it was the origin that was refused.
    fromOrigin(report(authorizationId), window.location.origin);
    await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door from the expected origin' });
  });

  it('ignores a report carrying another authorizationId (postMessage and BroadcastChannel)', async () => {
    const element = mount();
    const authorizationId = await waitingForReport(element);
    const channel = new BroadcastChannel(LOGIN_CHANNEL);
    try {
      for (const other of ['auth_someone_else', authorizationId.slice(0, -1), `${authorizationId}x`, authorizationId.toUpperCase(), ` ${authorizationId}`, 'auth_grant_lien']) {
        window.postMessage(report(other), window.location.origin);
        channel.postMessage(report(other));
      }
      await expectStillWaiting(element, authorizationId);
    } finally {
      channel.close();
    }
    await expectGenuineReportWorks(element, authorizationId);
  });

  it('ignores malformed data: strings, null, missing fields, wrong types and values, 10 kB strings', async () => {
    const element = mount();
    const authorizationId = await waitingForReport(element);
    const malformed: unknown[] = [
      `autopilot-connect:login ${authorizationId}`,
      JSON.stringify(report(authorizationId)),
      null,
      undefined,
      0,
      true,
      [],
      [report(authorizationId)],
      {},
      { type: 'autopilot-connect:login' },
      { type: 'autopilot-connect:login', authorizationId },
      { type: 'autopilot-connect:login', status: 'authorized' },
      { authorizationId, status: 'authorized' },
      { type: 'something-else', authorizationId, status: 'authorized' },
      { type: 'AUTOPILOT-CONNECT:LOGIN', authorizationId, status: 'authorized' },
      { type: ['autopilot-connect:login'], authorizationId, status: 'authorized' },
      report(authorizationId, 'granted'),
      report(authorizationId, 'Authorized'),
      report(authorizationId, true),
      report(authorizationId, null),
      report(authorizationId, { status: 'authorized' }),
      report([authorizationId]),
      report({ toString: () => authorizationId }),
      report(42),
      report(''),
      report(null),
      { type: big, authorizationId, status: 'authorized' },
      report(big),
      report(`${authorizationId}${big}`),
      report(authorizationId, big),
      big,
      { type: 'autopilot-connect:login', authorizationId: { id: authorizationId }, status: 'authorized', extra: big },
    ];
    const channel = new BroadcastChannel(LOGIN_CHANNEL);
    try {
      for (const data of malformed) {
        // Also dispatched directly, so values that cannot be cloned (a function) reach the listener as they are.
        fromOrigin(data, window.location.origin);
        try {
          window.postMessage(data, window.location.origin);
          channel.postMessage(data);
        } catch (error) {
          expect((error as Error).name).to.equal('DataCloneError');
        }
      }
      await expectStillWaiting(element, authorizationId);
    } finally {
      channel.close();
    }
    await expectGenuineReportWorks(element, authorizationId);
  });

  it('a well-formed report the backend does not confirm (login still pending) changes nothing; the genuine one still counts', async () => {
    const element = mount();
    await toLoginReady(element);
    popup = stubWindowOpen();
    await press(element, 'Open');
    await waitForText(element, nl.loginWaiting);
    fetches = recordFetches();
    // The window's `state` is opaque: the login it is for, from the backend.
    const authorizationId = (await authorizationOfLogin(popup.calls[0]!.url))!.id;
    // What another page gets by opening callback.html?authorization=<id>&status=authorized.
    const channel = new BroadcastChannel(LOGIN_CHANNEL);
    try {
      channel.postMessage(report(authorizationId));
      await waitFor(() => confirmations(authorizationId) === 1, { message: 'the backend was asked' });
      await waitFor(() => fetches!.requests.every((request) => request.answered), { message: 'the backend answered' });
      await afterItsTurn(element);
      expect(visibleText(element), 'still waiting, not "closed"').to.include(nl.loginWaiting);
      expect(findButton(element, 'Ga door')).to.equal(null);
      await completeExactLogin(popup.calls[0]!.url);
      const before = confirmations(authorizationId); // completeExactLogin asks too
      reportLogin(authorizationId);
      await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door after the genuine report', timeout: 5000 });
      expect(confirmations(authorizationId) - before, 'the genuine report was checked').to.equal(1);
    } finally {
      channel.close();
    }
  });

  it('a report arriving twice (postMessage twice, and the BroadcastChannel too) is confirmed once', async () => {
    const element = mount();
    const authorizationId = await waitingForReport(element);
    const channel = new BroadcastChannel(LOGIN_CHANNEL);
    try {
      // All in one task: the second and third arrive while the first is being confirmed.
      reportLogin(authorizationId);
      reportLogin(authorizationId);
      channel.postMessage(report(authorizationId));
      await waitFor(() => findButton(element, 'Ga door'), { message: 'Ga door' });
      reportLogin(authorizationId);
      channel.postMessage(report(authorizationId));
      await afterItsTurn(element);
    } finally {
      channel.close();
    }
    expect(confirmations(authorizationId), 'one GET /authorizations/{id}').to.equal(1);
    expect(visibleText(element)).to.include('Je bent ingelogd bij Exact Online als Lien de Vries.');
    await press(element, 'Ga door');
    await waitForHeading(element, 'Selecteer afdeling');
    await afterItsTurn(element);
    expect(confirmations(authorizationId), 'still one after continuing').to.equal(1);
  });
});
