import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { authorization, flushAnswers, started, toAdministration, toSystem } from './fakes.js';

/**
 * Contract v2's `forceLogin`: a login URL that makes Exact ask who logs in instead of reusing its
 * session — `Inloggen als andere Exact-gebruiker`, the help article's second migration option.
 * Wherever a login starts both URLs are fetched first, so either button opens its window inside
 * the click. Each URL is asked for the organisation chosen: the backend derives the Exact region from it.
 */

const holdingGrant = () => toSystem((fakes) => fakes.listAuthorizations.returns([authorization('grant-1', 'authorized')]));

describe('connect machine: logging in as another Exact user', () => {
  it('every login prepares two URLs for the chosen organisation: Exact\'s session deciding, and force_login', async () => {
    const h = await toSystem();
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'ready' } });
    expect(h.fakes.startAuthorization.calls.map((call) => call.input)).to.deep.equal([
      { organisationId: 'org-1', forceLogin: false },
      { organisationId: 'org-1', forceLogin: true },
    ]);
  });

  it('from `Open`\'s step: `Inloggen als andere Exact-gebruiker` opens the force_login URL inside the click', async () => {
    const h = await toSystem();
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'ready' } });
    h.actor.send({ type: 'user.loginAsOther' });
    expect(h.fakes.loginWindow.starts).to.deep.equal([{ url: started('auth-other-1').authorizeUrl, authorizationId: 'auth-other-1' }]);
    // The login it waits for is that one: the backend is asked about auth-other-1.
    expect(h.signIn()?.context.started?.id).to.equal('auth-other-1');
  });

  it('with a grant offered: only the force_login URL opens for another user', async () => {
    const h = await holdingGrant();
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'choosingGrant' } });
    h.actor.send({ type: 'user.loginAsOther' });
    expect(h.fakes.loginWindow.starts).to.deep.equal([{ url: started('auth-other-1').authorizeUrl, authorizationId: 'auth-other-1' }]);
  });

  it('the offer opens no window with the first URL (the same user would revoke the grant offered)', async () => {
    const h = await holdingGrant();
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'choosingGrant' } });
    h.actor.send({ type: 'user.openLogin' });
    expect(h.fakes.loginWindow.starts).to.deep.equal([]);
    expect(h.matches({ flow: { login: 'choosingGrant' } })).to.equal(true);
  });

  it('while either URL is on its way the login is busy: no button opens a window without its URL', async () => {
    const h = await holdingGrant();
    h.fakes.startAuthorization.hold();
    h.actor.send({ type: 'user.chooseExact' });
    expect(h.fakes.startAuthorization.calls).to.have.length(2);
    h.fakes.startAuthorization.calls[0]!.resolve(started('auth-1'));
    await h.reach({ flow: { login: 'preparing' } });
    expect(h.signIn()?.hasTag('busy')).to.equal(true);
    h.actor.send({ type: 'user.loginAsOther' });
    expect(h.fakes.loginWindow.starts, 'no window without its URL').to.deep.equal([]);
    h.fakes.startAuthorization.calls[1]!.resolve(started('auth-other'));
    await h.reach({ flow: { login: 'choosingGrant' } });
    h.actor.send({ type: 'user.loginAsOther' });
    expect(h.fakes.loginWindow.starts).to.deep.equal([{ url: started('auth-other').authorizeUrl, authorizationId: 'auth-other' }]);
  });

  it('a second URL that cannot be had is a failed login with a way on, not a window', async () => {
    const error = new ApiError('http', 'startAuthorization', 503);
    const h = await holdingGrant();
    h.fakes.startAuthorization.returns((input) => {
      if (input.forceLogin) throw error;
      return started('auth-1');
    });
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'failed' } });
    expect(h.signIn()?.context.error).to.equal(error);
    expect(h.fakes.loginWindow.starts).to.deep.equal([]);
  });

  it('"log in again" from the administration step is no other user: its URL, fetched ahead, has no forceLogin and opens at once', async () => {
    const h = await toAdministration();
    h.fakes.listAuthorizations.returns([authorization('grant-1', 'authorized')]);
    expect(h.fakes.prepareLogin.calls.map((call) => call.input)).to.deep.equal([{ organisationId: 'org-1', forceLogin: false }]);
    await flushAnswers();
    h.actor.send({ type: 'user.loginAgain' });
    expect(h.fakes.loginWindow.starts.at(-1)).to.deep.equal({ url: started('auth-ahead-1').authorizeUrl, authorizationId: 'auth-ahead-1' });
    expect(h.signIn()?.matches('open'), 'the login window is open').to.equal(true);
    // No offer of the grant in between, and no URL asked for in the click.
    expect(h.fakes.startAuthorization.calls.map((call) => call.input.forceLogin)).to.deep.equal([false, true]);
  });
});
