import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import type { ResumeRecord } from '../../src/machine/types.js';
import {
  authorization,
  administration,
  organisation,
  started,
  startMachine,
  advance,
  toAdministration,
  toLoginReady,
  toSystem,
  POPUP_CLOSED_GRACE_MS,
  plainLogins,
} from './fakes.js';

const SEVERED_WINDOW_MS = 3000;
/** The first question to the backend about a window out of sight. */
const UNSEEN_POLL_FIRST_MS = 2000;

describe('connect machine: a login that never loses its result', () => {
  describe('a window severed by Cross-Origin-Opener-Policy', () => {
    it('does not call a window that reads closed right after opening "closed": it is out of sight, no problem yet', async () => {
      const h = await toLoginReady((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'pending')));
      h.actor.send({ type: 'user.openLogin' });
      h.fakes.loginWindow.close();
      h.clock.increment(POPUP_CLOSED_GRACE_MS + 100);
      expect(h.matches({ flow: { login: { open: { window: 'unseen' } } } })).to.equal(true);
      expect(h.signIn()?.context.loginProblem).to.equal(null);
    });

    it('asks the backend after 2 s, and once it says pending, says it can no longer see the window', async () => {
      const h = await toLoginReady((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'pending')));
      h.actor.send({ type: 'user.openLogin' });
      h.fakes.loginWindow.close();
      h.clock.increment(UNSEEN_POLL_FIRST_MS - 1);
      expect(h.fakes.getAuthorization.calls).to.have.length(0);
      h.clock.increment(1);
      expect(h.fakes.getAuthorization.calls).to.have.length(1);
      await h.reach({ flow: { login: { open: { window: 'unseen', backend: 'resting' } } } });
      expect(h.signIn()?.context.loginProblem).to.equal('unseen');
      expect(h.fakes.loginWindow.open, 'still listening').to.equal(true);
    });

    it('is one out-of-sight state with one backoff: about 40 questions in ten minutes, not one every 2.5 s', async () => {
      const h = startMachine((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'pending')), { loginTimeout: 10 * 60_000 });
      await h.reach({ connections: 'list' });
      h.actor.send({ type: 'user.newConnection' });
      await h.reach({ flow: { organisation: 'ready' } });
      h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-1') });
      h.actor.send({ type: 'user.confirmOrganisation' });
      h.actor.send({ type: 'user.chooseExact' });
      await h.reach({ flow: { login: 'ready' } });
      h.actor.send({ type: 'user.openLogin' });
      h.fakes.loginWindow.close();
      await advance(h, 10 * 60_000 - 100, 500);
      const requests = h.fakes.getAuthorization.calls.length;
      // 2, 4, 8, then every 15 s: 3 + (600 - 14) / 15.
      expect(requests, `${requests} requests`).to.equal(42);
      expect(h.matches({ flow: { login: { open: { window: 'unseen' } } } })).to.equal(true);
      await advance(h, 100);
      expect(h.signIn()?.context.loginProblem).to.equal('timedOut');
    });

    it('continues when the backend says authorized while severed', async () => {
      const h = await toLoginReady((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'authorized')));
      h.actor.send({ type: 'user.openLogin' });
      h.fakes.loginWindow.close();
      h.clock.increment(UNSEEN_POLL_FIRST_MS);
      await h.reach({ flow: { login: 'authorized' } });
    });

    it('still takes the BroadcastChannel report while severed', async () => {
      const h = await toLoginReady();
      h.actor.send({ type: 'user.openLogin' });
      h.fakes.loginWindow.close();
      h.fakes.loginWindow.report('auth-1');
      await h.reach({ flow: { login: 'authorized' } });
    });

    it('a window closed after the first seconds is one a person closed: grace, then the backend decides', async () => {
      const h = await toLoginReady((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'pending')));
      h.actor.send({ type: 'user.openLogin' });
      h.clock.increment(SEVERED_WINDOW_MS);
      h.fakes.loginWindow.close();
      expect(h.matches({ flow: { login: { open: { window: 'closing' } } } })).to.equal(true);
      h.clock.increment(POPUP_CLOSED_GRACE_MS);
      await h.reach({ flow: { login: { open: { window: 'unseen' } } } });
      expect(h.signIn()?.context.loginProblem).to.equal('unseen');
    });
  });

  describe('reusing a grant the platform holds', () => {
    it('offers the grant instead of a second login, and continues with it', async () => {
      const grant = { ...authorization('grant-1', 'authorized'), exactUser: { id: 'exu-lien', name: 'Lien de Vries' } };
      const h = await toSystem((fakes) => fakes.listAuthorizations.returns([grant]));
      h.actor.send({ type: 'user.chooseExact' });
      await h.reach({ flow: { login: 'choosingGrant' } });
      expect(h.signIn()?.context.started?.id).to.equal('auth-1');
      h.actor.send({ type: 'user.reuseGrant', authorization: grant });
      expect(h.matches({ flow: { login: 'authorized' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.authorization?.id).to.equal('grant-1');
      expect(h.fakes.loginWindow.starts).to.have.length(0);
    });

    it('logs in as another user from the offer, opening the window inside the click', async () => {
      const h = await toSystem((fakes) => fakes.listAuthorizations.returns([authorization('grant-1', 'authorized')]));
      h.actor.send({ type: 'user.chooseExact' });
      // The offer waits for the second URL, one that makes Exact ask who logs in.
      await h.reach({ flow: { login: 'choosingGrant' } });
      h.actor.send({ type: 'user.loginAsOther' });
      expect(h.fakes.loginWindow.starts).to.deep.equal([{ url: started('auth-other-1').authorizeUrl, authorizationId: 'auth-other-1' }]);
    });

    it('goes straight to Open when the grant list fails or holds nothing authorized', async () => {
      const h = await toSystem((fakes) => fakes.listAuthorizations.fails(new ApiError('network', 'listAuthorizations')));
      h.actor.send({ type: 'user.chooseExact' });
      await h.reach({ flow: { login: 'ready' } });
    });

    it('"log in again" from the administration step skips the offer, for a fresh consent', async () => {
      const h = await toAdministration((fakes) => fakes.prepareLogin.hold());
      h.fakes.listAuthorizations.returns([authorization('grant-1', 'authorized')]);
      // Without the URL fetched ahead (still on its way), the login step prepares a fresh one.
      h.actor.send({ type: 'user.loginAgain' });
      await h.reach({ flow: { login: 'ready' } });
      expect(plainLogins(h.fakes)).to.have.length(2);
    });
  });

  describe('a blocked popup', () => {
    it('offers the same-tab login, which hands the authorize URL to the page', async () => {
      const h = await toLoginReady();
      h.actor.send({ type: 'user.openLogin' });
      h.fakes.loginWindow.block();
      h.actor.send({ type: 'user.loginSameTab' });
      expect(h.matches({ flow: { login: 'leftForLogin' } })).to.equal(true);
      expect(h.navigations).to.deep.equal([started('auth-1').authorizeUrl]);
    });

    it('refuses the same-tab login when the window was not blocked', async () => {
      const h = await toLoginReady();
      h.actor.send({ type: 'user.loginSameTab' });
      expect(h.navigations).to.deep.equal([]);
    });
  });

  describe('resuming after a reload or the same-tab login', () => {
    const record: ResumeRecord = {
      organisation: organisation('org-7', { name: 'eLien test company' }),
      authorizationId: 'auth-9',
      administration: administration(102),
      bookingFlow: 'simple',
      idempotencyKey: 'key-kept',
    };

    it('continues at the administration step with every choice, once the backend confirms the grant', async () => {
      const h = startMachine(() => {}, { resume: record });
      await h.reach({ flow: { administration: 'ready' } });
      const context = h.actor.getSnapshot().context;
      expect(h.fakes.getAuthorization.last.input).to.deep.equal({ authorizationId: 'auth-9' });
      expect(context.organisation?.name).to.equal('eLien test company');
      expect(context.administration?.code).to.equal(102);
      h.actor.send({ type: 'user.finish' });
      expect(h.fakes.createConnection.last.input.idempotencyKey).to.equal('key-kept');
    });

    it('starts at the connections when the login never finished (still pending: the user came back without it)', async () => {
      const h = startMachine((fakes) => fakes.getAuthorization.returns(authorization('auth-9', 'pending')), { resume: record });
      await h.reach({ connections: 'list' });
    });

    for (const outcome of ['denied', 'expired', 'revoked', 'failed'] as const) {
      it(`says the login was ${outcome} (same-tab login refused, or lapsed) on the login step, organisation kept, a fresh login one click away`, async () => {
        const h = startMachine((fakes) => fakes.getAuthorization.returns(authorization('auth-9', outcome)), { resume: record });
        const problem = await h.reach({ flow: { login: 'problem' } });
        expect(h.signIn()?.context.loginProblem).to.equal(outcome);
        expect(problem.context.organisation?.name).to.equal('eLien test company');
        expect(problem.context.resume, 'the record is used up').to.equal(null);
        h.actor.send({ type: 'user.retry' });
        const ready = await h.reach({ flow: { login: 'ready' } });
        expect(plainLogins(h.fakes), 'a fresh login').to.have.length(1);
        expect(h.signIn()?.context.started?.id).to.equal('auth-1');
        expect(ready.context.organisation?.name).to.equal('eLien test company');
      });
    }

    it('keeps the record through a failure: retry resumes, cancel starts over', async () => {
      const h = startMachine((fakes) => fakes.getAuthorization.fails(new ApiError('network', 'getAuthorization')), { resume: record });
      await h.reach('resumeFailed');
      h.fakes.getAuthorization.returns(authorization('auth-9', 'authorized'));
      h.actor.send({ type: 'user.retry' });
      await h.reach({ flow: 'administration' });
    });
  });

  describe('429 with Retry-After', () => {
    it('retries by itself after the given seconds', async () => {
      const rateLimited = new ApiError('problem', 'listConnections', 429, 'rate_limited', 3);
      const h = startMachine((fakes) => fakes.listConnections.fails(rateLimited));
      await h.reach({ connections: 'failed' });
      h.fakes.listConnections.returns([]);
      h.clock.increment(2999);
      expect(h.matches({ connections: 'failed' })).to.equal(true);
      h.clock.increment(1);
      await h.reach({ connections: 'list' });
    });

    it('does not retry by itself for other failures', async () => {
      const h = startMachine((fakes) => fakes.listConnections.fails(new ApiError('problem', 'listConnections', 500, 'internal_error')));
      await h.reach({ connections: 'failed' });
      h.clock.increment(60_000);
      expect(h.matches({ connections: 'failed' })).to.equal(true);
    });
  });
});
