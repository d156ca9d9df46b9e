import { describeAnswer, expect, Skip, type Kit, type Login } from '../kit.js';
import type { Check } from './check.js';

const statusOf = async (kit: Kit, login: Login) => {
  const answer = await kit.authorization(login.id);
  expect(answer.status === 200, `GET /authorizations/${login.id} answered ${describeAnswer(answer)}`);
  return (answer.json as { status: string }).status;
};

/** The callback page the backend redirected to must carry the id and the outcome, and nothing of Exact's. */
function expectCallbackRedirect(login: Login, outcome: string): void {
  const callback = login.callback!;
  expect(callback.status === 302, `the backend's callback answered ${describeAnswer(callback)} to Exact's redirect, not a 302 to the callback page`);
  const location = new URL(callback.headers.get('location') ?? '', login.walk!.redirect);
  expect(location.searchParams.get('authorization') === login.id, `the callback redirected to ${location.pathname}?${location.searchParams} without authorization=${login.id}`);
  expect(location.searchParams.get('status') === outcome, `the callback redirected with status=${location.searchParams.get('status')}, expected ${outcome}`);
  expect(!location.searchParams.has('code') && !location.searchParams.has('state'), 'the callback redirect passes Exact\'s code or state on to the page');
}

/** Exact's redirect back, with another query: the backend's callback URL. */
const callbackWith = (login: Login, params: Record<string, string>) => {
  const url = new URL(login.walk!.redirect);
  url.search = new URLSearchParams(params).toString();
  return url.href;
};

const stateOf = (login: Login) => login.authorizeUrl.searchParams.get('state') ?? '';

export const loginChecks: Check[] = [
  {
    name: 'login: a returnOrigin outside the allow-list answers 400 return_origin_not_allowed',
    async run(kit) {
      const { answer } = await kit.startLogin({ returnOrigin: 'https://not-allowed.conformance.invalid' });
      expect(answer.status === 400 && answer.code === 'return_origin_not_allowed', `POST /authorizations with a foreign returnOrigin answered ${describeAnswer(answer)}`);
    },
  },
  {
    name: 'login: over the simulator\'s forms to the backend\'s callback, then GET /authorizations/{id} authorized',
    async run(kit) {
      const { answer, login } = await kit.startLogin({});
      expect(login, `POST /authorizations answered ${describeAnswer(answer)}, not 201 (is --origin ${kit.origin} on the backend's allow-list?)`);
      const url = login.authorizeUrl;
      expect(url.href.startsWith(`${kit.options.exact.replace(/\/$/, '')}/nl/api/oauth2/auth`), `the authorize URL ${url.origin}${url.pathname} is not the simulator's nl host (${kit.options.exact}/nl/api/oauth2/auth)`);
      const state = stateOf(login);
      expect(state, 'the authorize URL has no state');
      await kit.finishLogin(login, 'allow');
      expectCallbackRedirect(login, 'authorized');
      const answer2 = await kit.authorization(login.id);
      expect(answer2.status === 200, `GET /authorizations/${login.id} answered ${describeAnswer(answer2)}`);
      const authorization = answer2.json as { status: string; exactUser?: { id: string; name: string } };
      expect(authorization.status === 'authorized', `after Exact's consent the authorization is ${authorization.status}, not authorized`);
      expect(authorization.exactUser?.name === kit.user!.fullName, `the authorization's exactUser is ${JSON.stringify(authorization.exactUser)}, not ${kit.user!.fullName}`);
      // The grant is good for the later checks even when the URL below is not.
      kit.grant = login;
      expect(state !== login.id && !state.includes(login.id), `the OAuth state ${state} is (or contains) the authorization id ${login.id}; the contract wants an opaque value`);
      expect(url.searchParams.get('force_login') !== '1', 'the authorize URL has force_login=1 though forceLogin was not asked');
      return `authorization ${login.id} for ${kit.user!.fullName}`;
    },
  },
  {
    name: 'login: forceLogin puts force_login=1 in the authorize URL and Exact asks who logs in',
    async run(kit) {
      kit.needGrant();
      const { answer, login } = await kit.startLogin({ forceLogin: true });
      expect(login, `POST /authorizations with forceLogin answered ${describeAnswer(answer)}`);
      expect(login.authorizeUrl.searchParams.get('force_login') === '1', `the authorize URL for forceLogin has no force_login=1: ${login.authorizeUrl.search}`);
      // Denied, so the grant of the first login stays the user's one chain.
      await kit.finishLogin(login, 'deny');
      expect(login.walk!.sawLoginForm, 'Exact reused its session instead of showing the login form: force_login=1 did not reach it');
      kit.forced = login;
    },
  },
  {
    name: 'login: a denied consent settles the login as denied',
    async run(kit) {
      const login = kit.forced;
      if (!login) throw new Skip('no denied login (the forceLogin check failed)');
      expect(new URL(login.walk!.redirect).searchParams.get('error') === 'access_denied', 'Exact did not answer access_denied (simulator?)');
      expectCallbackRedirect(login, 'denied');
      const status = await statusOf(kit, login);
      expect(status === 'denied', `after error=access_denied the authorization is ${status}, not denied`);
    },
  },
  {
    name: 'grants: the grant is visible to another platform user of the account',
    async run(kit) {
      const grant = kit.needGrant();
      if (!kit.session2) throw new Skip('no second session of the account (give --cookie2, or a dev seed with two users of one account)');
      const answer = await kit.backend.call('listAuthorizations', { session: kit.session2 });
      expect(answer.status === 200, `GET /authorizations for the second user answered ${describeAnswer(answer)}`);
      const ids = (answer.json as { items: { id: string }[] }).items.map((item) => item.id);
      expect(ids.includes(grant.id), `the second user of the account does not see grant ${grant.id} in GET /authorizations (sees ${ids.join(', ') || 'none'})`);
    },
  },
  {
    name: 'login: an unknown state at the callback answers 400 and changes no login',
    async run(kit) {
      const grant = kit.needGrant();
      const { answer, login } = await kit.startLogin({});
      expect(login, `POST /authorizations answered ${describeAnswer(answer)}`);
      kit.pending = login;
      login.walk = { sawLoginForm: false, redirect: grant.walk!.redirect };
      const wrong = await kit.backend.callback(callbackWith(login, { code: 'not-a-code', state: `${stateOf(login)}x` }), kit.session);
      expect(wrong.status === 400, `the callback with an unknown state answered ${describeAnswer(wrong)}, not 400`);
      const status = await statusOf(kit, login);
      expect(status === 'pending', `an unknown state changed login ${login.id} to ${status}`);
      const still = await statusOf(kit, grant);
      expect(still === 'authorized', `an unknown state changed the grant ${grant.id} to ${still}`);
    },
  },
  {
    name: 'login: a replayed code settles the login as failed',
    async run(kit) {
      const grant = kit.needGrant();
      const pending = kit.pending;
      if (!pending) throw new Skip('no pending login (the unknown-state check failed)');
      const usedCode = new URL(grant.walk!.redirect).searchParams.get('code');
      expect(usedCode, 'the first login\'s redirect had no code');
      const replay = await kit.backend.callback(callbackWith(pending, { code: usedCode, state: stateOf(pending) }), kit.session);
      expect(replay.status === 302 || replay.status === 400, `the callback with a replayed code answered ${describeAnswer(replay)}`);
      if (replay.status === 302) {
        const location = new URL(replay.headers.get('location') ?? '', pending.walk!.redirect);
        expect(location.searchParams.get('status') === 'failed', `the callback with a replayed code redirected with status=${location.searchParams.get('status')}, not failed`);
      }
      const status = await statusOf(kit, pending);
      expect(status === 'failed', `after a replayed code the login is ${status}, not failed`);
    },
  },
];
