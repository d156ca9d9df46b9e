import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { authorization, started, toAdministration, toSystem } from './fakes.js';

/**
 * Contract v2's `forceLogin`: a login URL that makes Exact ask who logs in instead of reusing its
 * session. Asked for only to log in as another user while a grant is offered (the same user
 * logging in again would revoke that grant); every other login lets Exact's session decide.
 * Each URL is asked for the organisation chosen: the backend derives the Exact region from it.
 */

const holdingGrant = () => toSystem((fakes) => fakes.listAuthorizations.returns([authorization('grant-1', 'authorized')]));

describe('connect machine: logging in as another Exact user', () => {
  it('without a grant to offer: one URL, for the chosen organisation, Exact\'s session deciding', async () => {
    const h = await toSystem();
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'ready' } });
    expect(h.fakes.startAuthorization.calls.map((call) => call.input)).to.deep.equal([{ organisationId: 'org-1', forceLogin: false }]);
  });

  it('with a grant offered: a second URL, with forceLogin, and only that one opens for another user', async () => {
    const h = await holdingGrant();
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: { choosingGrant: 'ready' } } });
    expect(h.fakes.startAuthorization.calls.map((call) => call.input)).to.deep.equal([
      { organisationId: 'org-1', forceLogin: false },
      { organisationId: 'org-1', forceLogin: true },
    ]);
    h.actor.send({ type: 'user.loginAsOther' });
    expect(h.fakes.loginWindow.starts).to.deep.equal([{ url: started('auth-2').authorizeUrl, authorizationId: 'auth-2' }]);
  });

  it('the offer opens no window with the first URL (the same user would revoke the grant offered)', async () => {
    const h = await holdingGrant();
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: { choosingGrant: 'ready' } } });
    h.actor.send({ type: 'user.openLogin' });
    expect(h.fakes.loginWindow.starts).to.deep.equal([]);
    expect(h.matches({ flow: { login: { choosingGrant: 'ready' } } })).to.equal(true);
  });

  it('while the second URL is fetched the offer is busy: another user waits for it, then opens it', async () => {
    const h = await holdingGrant();
    h.fakes.startAuthorization.hold();
    h.actor.send({ type: 'user.chooseExact' });
    h.fakes.startAuthorization.last.resolve(started('auth-1'));
    await h.reach({ flow: { login: { choosingGrant: 'preparingOther' } } });
    expect(h.fakes.startAuthorization.calls).to.have.length(2);
    expect(h.signIn()?.hasTag('busy')).to.equal(true);
    h.actor.send({ type: 'user.loginAsOther' });
    expect(h.fakes.loginWindow.starts, 'no window without its URL').to.deep.equal([]);
    h.fakes.startAuthorization.last.resolve(started('auth-other'));
    await h.reach({ flow: { login: { choosingGrant: 'ready' } } });
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

  it('"log in again" from the administration step is no other user: no forceLogin', async () => {
    const h = await toAdministration();
    h.fakes.listAuthorizations.returns([authorization('grant-1', 'authorized')]);
    h.actor.send({ type: 'user.loginAgain' });
    await h.reach({ flow: { login: 'ready' } });
    expect(h.fakes.startAuthorization.calls.map((call) => call.input.forceLogin)).to.deep.equal([false, false]);
  });
});
