/**
 * What contract v2 asks of the element, seen as a user sees it: an unknown problem code, a key
 * still in flight, the login's organisation and force_login, the administrations' reasons and
 * numbers, a total the backend does not know, a connection's health, an organisation without
 * KvK, a revoked grant, and a redelivery retried with its key.
 */
import { expect } from '@esm-bundle/chai';
import { http, HttpResponse } from 'msw';
import type { DivisionPage } from '../../src/api/types.js';
import { organisationIds } from '../../src/mocks/index.js';
import { frames } from '../helpers/time.js';
import {
  alertText,
  authorizationOfLogin,
  backend,
  existingGrantId,
  button,
  findButton,
  isDisabled,
  listbox,
  mount,
  nl,
  option,
  pointerClick,
  press,
  stubWindowOpen,
  toAdministration,
  toConnections,
  toOrganisation,
  toSystem,
  useRobustBackend,
  visibleText,
  waitFor,
  waitForAlert,
  waitForHeading,
  worker,
  type ConnectElement,
} from './support.js';

/** The bodies and keys of the element's POSTs to one path, as MSW saw them. */
function recordPosts(path: RegExp) {
  const posts: Array<{ body: Record<string, unknown>; key: string | null; answered: boolean }> = [];
  const byRequest = new Map<string, (typeof posts)[number]>();
  worker.events.on('request:start', async ({ request, requestId }) => {
    if (request.method !== 'POST' || !path.test(new URL(request.url).pathname)) return;
    const post = { body: {} as Record<string, unknown>, key: request.headers.get('Idempotency-Key'), answered: false };
    posts.push(post);
    byRequest.set(requestId, post);
    post.body = (await request.clone().json()) as Record<string, unknown>;
  });
  worker.events.on('response:mocked', ({ requestId }) => {
    const post = byRequest.get(requestId);
    if (post) post.answered = true;
  });
  return posts;
}

const optionText = (element: ConnectElement, label: string) => option(element, label).textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('contract v2 in the element', () => {
  useRobustBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  afterEach(() => {
    popup?.restore();
    popup = null;
    worker.events.removeAllListeners('request:start');
  });

  it('an unknown problem code shows its title, cleaned, with a way on, and the retry works', async () => {
    let first = true;
    worker.use(
      http.get(/\/mock\/default\/api\/organisations$/, () => {
        if (!first) return undefined;
        first = false;
        const title = 'Abonnement\u202E verlopen\u0007\n  op het platform';
        return HttpResponse.json(
          { type: 'about:blank', title, status: 409, code: 'subscription_lapsed', detail: 'x' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
    const element = mount();
    await toConnections(element);
    await press(element, 'New Connection');
    // alertText reads the text as a user does, without the isolates around the title.
    const expected = nl.error_unknown('Abonnement verlopen op het platform');
    await waitForAlert(element, expected);
    expect(alertText(element)).to.not.match(/[\u0000-\u001f\u202e]/);
    await press(element, 'Opnieuw proberen');
    await waitFor(() => option(element, 'eLien test company'), { message: 'the list after the retry' });
  });

  it('409 idempotency_key_in_flight on `Afronden`: says so, waits Retry-After, retries with the same key, and connects', async function () {
    this.timeout(10_000);
    const posts = recordPosts(/\/api\/connections$/);
    let answered = 0;
    worker.use(
      http.post(/\/mock\/default\/api\/connections$/, () => {
        answered += 1;
        if (answered > 1) return undefined;
        return HttpResponse.json(
          { type: 'about:blank', title: 'Conflict', status: 409, code: 'idempotency_key_in_flight', detail: 'still running' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } },
        );
      }),
    );
    const element = mount();
    await toAdministration(element);
    pointerClick(option(element, 'eLien test company'));
    const finish = button(element, 'Afronden');
    await waitFor(() => !isDisabled(finish), { message: 'Afronden enabled' });
    pointerClick(finish);
    await waitForAlert(element, nl.error_idempotency_key_in_flight(1));
    await waitForHeading(element, 'Koppeling gemaakt', 4000);
    expect(posts.map((post) => post.key)).to.have.length(2);
    expect(posts[1]!.key, 'the same key').to.equal(posts[0]!.key);
  });

  it('the login names the organisation; `Inloggen als andere Exact-gebruiker` asks Exact who logs in (force_login)', async () => {
    const posts = recordPosts(/\/api\/authorizations$/);
    const element = mount('grant');
    await toSystem(element);
    popup = stubWindowOpen();
    await press(element, 'Exact Online');
    await waitFor(() => findButton(element, 'Doorgaan als Lien de Vries'), { message: 'the grant offered' });
    await press(element, 'Inloggen als andere Exact-gebruiker');
    expect(popup.calls, 'a login window').to.have.length(1);
    const url = new URL(popup.calls[0]!.url);
    expect(url.searchParams.get('force_login')).to.equal('1');
    // `state` is opaque: the login the window is for is a fresh one, not the grant.
    const login = await authorizationOfLogin(url.href, 'grant');
    expect(login?.status, 'a pending login').to.equal('pending');
    expect(login?.id, 'not the grant').to.not.equal(await existingGrantId());
    expect(posts.map((post) => [post.body.organisationId, post.body.forceLogin])).to.deep.equal([
      [organisationIds.elien, false],
      [organisationIds.elien, true],
    ]);
  });

  it('`Opnieuw inloggen` on the administration step logs in again without force_login, its window opened in the click', async () => {
    const element = mount();
    const posts = recordPosts(/\/api\/authorizations$/);
    await toAdministration(element);
    // The login's two URLs, then the one the administration step fetches ahead for `Opnieuw inloggen`.
    await waitFor(() => posts.length === 3 && posts[2]!.answered, { message: 'the URL fetched ahead, answered' });
    // The answer reaches the element a few tasks after the worker sent it.
    await frames(3);
    popup = stubWindowOpen();
    await press(element, nl.loginAgain);
    expect(popup.calls, 'opened in the click').to.have.length(1);
    expect(new URL(popup.calls[0]!.url).searchParams.get('force_login')).to.equal(null);
    expect(posts.slice(0, 2).map((post) => post.body.forceLogin).sort()).to.deep.equal([false, true]);
    expect(posts[2]!.body.forceLogin, 'the URL fetched ahead').to.equal(false);
  });

  it('a grant on another Exact host names it', async () => {
    // The grant was given on exactonline.be, by another Exact user.
    await backend('grant').query("UPDATE authorizations SET region = 'be', exact_user_id = 'f00d', exact_user_name = 'Luc Peeters', exact_user_email = NULL WHERE id = $1", [await existingGrantId()]);
    const element = mount('grant');
    await toSystem(element);
    popup = stubWindowOpen();
    await press(element, 'Exact Online');
    await waitFor(() => findButton(element, 'Doorgaan als Luc Peeters'), { message: 'the Belgian grant offered' });
    expect(visibleText(element)).to.include(nl.grantIntroRegion('Luc Peeters', 'exactonline.be'));
  });

  it('administrations: each reason its own text, the number from Exact and the customer, and "more than" without a total', async () => {
    const division = (code: number, name: string, extra: Partial<DivisionPage['items'][number]>) => ({
      code, name, hid: null, customerName: null, kvk: '12345678', vatNumber: null, country: 'NL', status: 'active', blockedReason: null, connectedOrganisation: null, ...extra,
    });
    const page: DivisionPage = {
      items: [
        division(1, 'Open B.V.', { hid: '17', customerName: 'Jansen Holding' }),
        division(2, 'Geblokkeerd B.V.', { blockedReason: 'blocked' }),
        division(3, 'Slapend B.V.', { status: 'inactive', blockedReason: 'inactive' }),
        division(4, 'Oud B.V.', { status: 'archived', blockedReason: 'archived' }),
        division(5, 'Zonder KvK B.V.', { kvk: null, blockedReason: 'no_kvk' }),
      ] as DivisionPage['items'],
      nextCursor: 'more',
    };
    worker.use(http.get(/\/mock\/default\/api\/authorizations\/[^/]+\/divisions$/, () => HttpResponse.json(page)));
    const element = mount();
    await toAdministration(element);
    expect(optionText(element, 'Open B.V.')).to.include('17 · Jansen Holding · KvK 12345678');
    expect(optionText(element, 'Geblokkeerd B.V.')).to.include(nl.divisionBlocked);
    expect(optionText(element, 'Slapend B.V.')).to.include(nl.divisionInactive);
    expect(optionText(element, 'Oud B.V.')).to.include(nl.divisionArchived);
    expect(optionText(element, 'Zonder KvK B.V.')).to.include(nl.divisionNoKvk);
    for (const name of ['Geblokkeerd B.V.', 'Slapend B.V.', 'Oud B.V.', 'Zonder KvK B.V.']) {
      expect(option(element, name).getAttribute('aria-disabled'), name).to.equal('true');
    }
    expect(visibleText(element)).to.include('Meer dan 5 administraties');
    expect(listbox(element).textContent).to.not.include('undefined');
  });

  it('organisations: without a total and without more pages the count is what was loaded', async () => {
    worker.use(
      http.get(/\/mock\/default\/api\/organisations$/, () =>
        HttpResponse.json({ items: [{ id: 'org_x', name: 'Enige B.V.', kvk: '12345678', connectionId: null, blockers: [] }], nextCursor: null }),
      ),
    );
    const element = mount();
    await toOrganisation(element);
    await waitFor(() => option(element, 'Enige B.V.'), { message: 'listed' });
    expect(visibleText(element)).to.include('1 organisatie');
  });

  it('an organisation without KvK number says why it cannot be chosen', async () => {
    const element = mount();
    await toOrganisation(element);
    expect(optionText(element, 'Kapsalon Knip & Krul')).to.include(nl.blocker_no_kvk);
    expect(option(element, 'Kapsalon Knip & Krul').getAttribute('aria-disabled')).to.equal('true');
  });

  it('the overview shows a connection that needs a login as such', async () => {
    // The default world's connection needs a login: the grant it was made with has lapsed.
    const [connection] = await backend().connections();
    expect(connection!.status, 'the world as seeded').to.equal('needs_login');
    const element = mount();
    await toConnections(element);
    const card = element.shadowRoot!.querySelector('[part~="connection"]')!;
    expect(card.textContent).to.include(nl.connectionStatus_needs_login);
  });

  it('an active connection shows no health label', async () => {
    const [connection] = await backend().connections();
    await backend().setConnectionStatus(String(connection!.id), 'active');
    const element = mount();
    await toConnections(element);
    const card = element.shadowRoot!.querySelector('[part~="connection"]')!;
    expect(card.querySelector('.card-status')).to.equal(null);
  });

  it('a same-tab login that came back revoked says so, with a fresh login one click away', async () => {
    worker.use(
      http.get(/\/mock\/default\/api\/authorizations\/auth_revoked$/, () =>
        HttpResponse.json({ id: 'auth_revoked', status: 'revoked', region: 'nl', expiresAt: '2030-01-01T00:00:00Z' }),
      ),
    );
    sessionStorage.setItem(
      'autopilot-connect:resume:/mock/default/api',
      JSON.stringify({
        organisation: { id: organisationIds.elien, name: 'eLien test company', kvk: '12345678', connectionId: null, blockers: [] },
        authorizationId: 'auth_revoked',
        administration: null,
        bookingFlow: 'simple',
        idempotencyKey: null,
      }),
    );
    const element = mount();
    await waitForHeading(element, nl.loginHeading);
    await waitFor(() => visibleText(element).includes(nl.loginProblem_revoked), { message: 'the revoked message' });
    expect(findButton(element, nl.loginAgain) ?? findButton(element, 'Open'), 'a fresh login').to.not.equal(null);
  });

  it('a redelivery whose answer was lost is retried with its key, and offered once', async () => {
    const posts = recordPosts(/\/redeliveries$/);
    backend().injectFailure({ operation: 'createRedelivery', kind: 'after-commit-network' });
    const element = mount();
    await toConnections(element);
    await press(element, 'API-download opnieuw aanbieden');
    await waitForHeading(element, 'API-download opnieuw aanbieden');
    // The date starts at the day of the connection.
    await press(element, nl.redeliverySubmit);
    await press(element, nl.redeliveryConfirm);
    await waitFor(() => visibleText(element).includes(nl.error_network), { message: 'the lost answer explained' });
    // The same date again: counted and confirmed again, sent with the same key.
    await press(element, nl.redeliverySubmit);
    await press(element, nl.redeliveryConfirm);
    await waitFor(() => findButton(element, nl.toOverview), { message: 'offered' });
    expect(posts).to.have.length(2);
    expect(posts[1]!.key, 'the same key').to.equal(posts[0]!.key);
    expect(await backend().redeliveries()).to.have.length(1);
  });
});
