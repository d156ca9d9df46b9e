import { expect } from '@esm-bundle/chai';
import { createActor } from 'xstate';
import { connectMachine, DEFAULT_LOGIN_TIMEOUT_MS } from '../../src/machine/connect-machine.js';
import {
  apiError,
  authorization,
  administration,
  failures,
  LOGIN_TIMEOUT,
  page,
  POPUP_CLOSED_GRACE_MS,
  CHECK_GAP_MS,
  started,
  toAuthorized,
  toLoginOpen,
  toLoginReady,
  toSystem,
} from './fakes.js';
import { plainLogins, type Harness } from './fakes.js';

const loginId = (h: Harness) => h.signIn()!.context.started!.id;

describe('connect machine: login step', () => {
  describe('preparing', () => {
    it('fetches the authorize URL and is ready with it in context', async () => {
      const h = await toSystem();
      h.actor.send({ type: 'user.chooseExact' });
      expect(h.signIn()?.context.started).to.equal(null);
      const ready = await h.reach({ flow: { login: 'ready' } });
      expect(h.signIn()?.context.started).to.deep.equal(started('auth-1'));
    });

    it('goes to failed when the login cannot be started, emitting "failed"; retry prepares again', async () => {
      const error = apiError('startAuthorization');
      const h = await toSystem((fakes) => fakes.startAuthorization.fails(error));
      h.actor.send({ type: 'user.chooseExact' });
      await h.reach({ flow: { login: 'failed' } });
      expect(h.signIn()?.context.error).to.equal(error);
      expect(failures(h).map((event) => event.error)).to.deep.equal([error]);

      h.fakes.startAuthorization.returns(started('auth-2'));
      h.actor.send({ type: 'user.retry' });
      expect(h.matches({ flow: { login: 'preparing' } })).to.equal(true);
      expect(h.signIn()?.context.error).to.equal(null);
      const ready = await h.reach({ flow: { login: 'ready' } });
      expect(h.signIn()?.context.started?.id).to.equal('auth-2');
      expect(plainLogins(h.fakes)).to.have.length(2);
    });

    it('turns a non-ApiError start failure into a contract ApiError', async () => {
      const h = await toSystem((fakes) => fakes.startAuthorization.fails(new Error('x')));
      h.actor.send({ type: 'user.chooseExact' });
      await h.reach({ flow: { login: 'failed' } });
      expect(h.signIn()?.context.error?.kind).to.equal('contract');
      expect(h.signIn()?.context.error?.operation).to.equal('startAuthorization');
    });

    it('goes back to the system step', async () => {
      const h = await toLoginReady();
      h.actor.send({ type: 'user.back' });
      expect(h.matches({ flow: 'system' })).to.equal(true);
    });
  });

  describe('opening the window', () => {
    it('starts the login window synchronously inside the click, with the authorize URL and id', async () => {
      const h = await toLoginReady();
      expect(h.fakes.loginWindow.starts).to.have.length(0);
      h.actor.send({ type: 'user.openLogin' });
      // No await between send and this line: a popup opened later would be blocked.
      expect(h.fakes.loginWindow.starts).to.deep.equal([
        { url: started('auth-1').authorizeUrl, authorizationId: 'auth-1' },
      ]);
      expect(h.matches({ flow: { login: { open: { window: 'opening' } } } })).to.equal(true);
    });

    it('opens the window afresh on a second Open while open', async () => {
      const h = await toLoginOpen();
      h.actor.send({ type: 'user.openLogin' });
      expect(h.fakes.loginWindow.starts).to.have.length(2);
      expect(h.fakes.loginWindow.stops).to.equal(1);
      expect(h.matches({ flow: { login: { open: { window: 'opening' } } } })).to.equal(true);
    });

    it('closes the login window actor when going back', async () => {
      const h = await toLoginOpen();
      h.actor.send({ type: 'user.back' });
      expect(h.matches({ flow: 'system' })).to.equal(true);
      expect(h.fakes.loginWindow.open).to.equal(false);
    });
  });

  describe('a reported login', () => {
    it('asks the backend and is authorized when the backend says so', async () => {
      const h = await toLoginOpen();
      h.fakes.getAuthorization.hold();
      h.fakes.loginWindow.report(loginId(h));
      expect(h.matches({ flow: { login: { open: { backend: 'checking' } } } })).to.equal(true);
      expect(h.fakes.getAuthorization.last.input).to.deep.equal({ authorizationId: 'auth-1' });
      h.fakes.getAuthorization.last.resolve(authorization('auth-1', 'authorized'));
      const authorized = await h.reach({ flow: { login: 'authorized' } });
      expect(authorized.context.authorization).to.deep.equal(authorization('auth-1', 'authorized'));
      expect(h.fakes.loginWindow.open).to.equal(false);
    });

    for (const outcome of ['denied', 'expired', 'revoked', 'failed'] as const) {
      it(`shows the "${outcome}" problem when the backend says ${outcome}`, async () => {
        const h = await toLoginOpen((fakes) => fakes.getAuthorization.returns(authorization('auth-1', outcome)));
        h.fakes.loginWindow.report(loginId(h));
        const problem = await h.reach({ flow: { login: 'problem' } });
        expect(h.signIn()?.context.loginProblem).to.equal(outcome);
        expect(problem.context.authorization).to.equal(null);
        expect(h.signIn()?.context.authorization).to.equal(null);
      });
    }

    // A report is only a hint: a check that fails after one changes nothing (login-reports.test.ts).
    // A window that closed and had its grace is another matter: then the failed check is the end.
    it('goes to failed when the window closed and the backend cannot be asked, emitting "failed"', async () => {
      const error = apiError('getAuthorization');
      const h = await toLoginOpen((fakes) => fakes.getAuthorization.fails(error));
      h.fakes.loginWindow.close();
      h.clock.increment(POPUP_CLOSED_GRACE_MS);
      await h.reach({ flow: { login: 'failed' } });
      expect(h.signIn()?.context.error).to.equal(error);
      expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
    });

    it('turns a non-ApiError authorization failure into a contract ApiError', async () => {
      const h = await toLoginOpen((fakes) => fakes.getAuthorization.fails(42));
      h.fakes.loginWindow.close();
      h.clock.increment(POPUP_CLOSED_GRACE_MS);
      await h.reach({ flow: { login: 'failed' } });
      expect(h.signIn()?.context.error?.kind).to.equal('contract');
      expect(h.signIn()?.context.error?.operation).to.equal('getAuthorization');
    });

    it('prepares a fresh login on retry after the failure', async () => {
      const h = await toLoginOpen((fakes) => fakes.getAuthorization.fails(apiError('getAuthorization')));
      h.fakes.loginWindow.close();
      h.clock.increment(POPUP_CLOSED_GRACE_MS);
      await h.reach({ flow: { login: 'failed' } });
      h.actor.send({ type: 'user.retry' });
      expect(h.matches({ flow: { login: 'preparing' } })).to.equal(true);
      const ready = await h.reach({ flow: { login: 'ready' } });
      expect(h.signIn()?.context.started?.id).to.equal('auth-2');
    });
  });

  describe('a closed window', () => {
    it('waits the grace period, then asks the backend and is authorized', async () => {
      const h = await toLoginOpen();
      h.fakes.loginWindow.close();
      expect(h.matches({ flow: { login: { open: { window: 'closing' } } } })).to.equal(true);
      h.clock.increment(POPUP_CLOSED_GRACE_MS - 1);
      expect(h.fakes.getAuthorization.calls).to.have.length(0);
      h.clock.increment(1);
      expect(h.matches({ flow: { login: { open: { window: 'confirming', backend: 'checking' } } } })).to.equal(true);
      expect(h.fakes.getAuthorization.calls).to.have.length(1);
      const authorized = await h.reach({ flow: { login: 'authorized' } });
      expect(authorized.context.authorization?.id).to.equal('auth-1');
    });

    it('a report during the grace period asks the backend at once', async () => {
      const h = await toLoginOpen();
      h.fakes.loginWindow.close();
      h.fakes.loginWindow.report(loginId(h));
      expect(h.matches({ flow: { login: { open: { backend: 'checking' } } } })).to.equal(true);
      expect(h.fakes.getAuthorization.calls).to.have.length(1);
      await h.reach({ flow: { login: 'authorized' } });
    });

    it('is "unseen" (not "closed") while the backend still says pending, and a later report still confirms', async () => {
      const h = await toLoginOpen((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'pending')));
      h.fakes.loginWindow.close();
      h.clock.increment(POPUP_CLOSED_GRACE_MS);
      const unseen = await h.reach({ flow: { login: { open: { window: 'unseen', backend: 'resting' } } } });
      expect(h.signIn()?.context.loginProblem).to.equal('unseen');
      expect(h.fakes.loginWindow.open, 'still listening').to.equal(true);

      h.fakes.getAuthorization.returns(authorization('auth-1', 'authorized'));
      h.fakes.loginWindow.report(loginId(h));
      // Right after a check, the next waits out the gap; the report is kept for it.
      expect(h.fakes.getAuthorization.calls).to.have.length(1);
      h.clock.increment(CHECK_GAP_MS);
      expect(h.matches({ flow: { login: { open: { backend: 'checking' } } } })).to.equal(true);
      await h.reach({ flow: { login: 'authorized' } });
      expect(h.fakes.getAuthorization.calls).to.have.length(2);
    });

    it('Open from "unseen" opens the window again and clears the problem', async () => {
      const h = await toLoginOpen((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'pending')));
      h.fakes.loginWindow.close();
      h.clock.increment(POPUP_CLOSED_GRACE_MS);
      await h.reach({ flow: { login: { open: { window: 'unseen' } } } });
      h.actor.send({ type: 'user.openLogin' });
      expect(h.fakes.loginWindow.starts).to.have.length(2);
      expect(h.matches({ flow: { login: { open: { window: 'opening' } } } })).to.equal(true);
      expect(h.signIn()?.context.loginProblem).to.equal(null);
    });
  });

  describe('a blocked window', () => {
    it('shows the "blocked" problem, and Open from there opens the window again', async () => {
      const h = await toLoginOpen();
      h.fakes.loginWindow.block();
      expect(h.matches({ flow: { login: 'problem' } })).to.equal(true);
      expect(h.signIn()?.context.loginProblem).to.equal('blocked');
      expect(h.fakes.loginWindow.open).to.equal(false);

      h.actor.send({ type: 'user.openLogin' });
      expect(h.fakes.loginWindow.starts).to.have.length(2);
      expect(h.fakes.loginWindow.starts[1]).to.deep.equal({ url: started('auth-1').authorizeUrl, authorizationId: 'auth-1' });
      expect(h.matches({ flow: { login: { open: { window: 'opening' } } } })).to.equal(true);
      expect(h.signIn()?.context.loginProblem).to.equal(null);
      expect(plainLogins(h.fakes)).to.have.length(1);
    });

    it('Open is refused from a problem other than "blocked"', async () => {
      const h = await toLoginOpen((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'denied')));
      h.fakes.loginWindow.report(loginId(h));
      await h.reach({ flow: { login: 'problem' } });
      h.actor.send({ type: 'user.openLogin' });
      expect(h.matches({ flow: { login: 'problem' } })).to.equal(true);
      expect(h.fakes.loginWindow.starts).to.have.length(1);
    });
  });

  describe('timing out', () => {
    it('shows the "timedOut" problem when the window gives no outcome in time', async () => {
      const h = await toLoginOpen();
      // toLoginOpen already spent the first 3 s of the window's life.
      h.clock.increment(LOGIN_TIMEOUT - 3000 - 1);
      expect(h.matches({ flow: { login: 'open' } })).to.equal(true);
      h.clock.increment(1);
      expect(h.matches({ flow: { login: 'problem' } })).to.equal(true);
      expect(h.signIn()?.context.loginProblem).to.equal('timedOut');
      expect(h.fakes.loginWindow.open).to.equal(false);
    });

    it('times out while "unseen" and still pending', async () => {
      const h = await toLoginOpen((fakes) => fakes.getAuthorization.returns(authorization('auth-1', 'pending')));
      h.fakes.loginWindow.close();
      h.clock.increment(POPUP_CLOSED_GRACE_MS);
      await h.reach({ flow: { login: { open: { window: 'unseen' } } } });
      h.clock.increment(LOGIN_TIMEOUT - 3000 - POPUP_CLOSED_GRACE_MS);
      expect(h.matches({ flow: { login: 'problem' } })).to.equal(true);
      expect(h.signIn()?.context.loginProblem).to.equal('timedOut');
    });

    it('restarts the timeout when the window is opened again', async () => {
      const h = await toLoginOpen();
      h.clock.increment(LOGIN_TIMEOUT - 3000 - 10);
      h.actor.send({ type: 'user.openLogin' });
      h.clock.increment(LOGIN_TIMEOUT - 10);
      expect(h.matches({ flow: { login: 'open' } })).to.equal(true);
      h.clock.increment(10);
      expect(h.signIn()?.context.loginProblem).to.equal('timedOut');
    });

    it('uses the default timeout when none is given (a component test shows it is ten minutes)', () => {
      const actor = createActor(connectMachine, { input: { createId: () => 'k' } });
      expect(actor.getSnapshot().context.loginTimeout).to.equal(DEFAULT_LOGIN_TIMEOUT_MS);
    });
  });

  describe('problem', () => {
    it('retry prepares a new login with a new startLogin call', async () => {
      const h = await toLoginOpen();
      h.fakes.loginWindow.block();
      h.actor.send({ type: 'user.retry' });
      expect(h.matches({ flow: { login: 'preparing' } })).to.equal(true);
      expect(h.signIn()?.context.loginProblem).to.equal(null);
      expect(h.signIn()?.context.started).to.equal(null);
      const ready = await h.reach({ flow: { login: 'ready' } });
      expect(plainLogins(h.fakes)).to.have.length(2);
      expect(h.signIn()?.context.started?.id).to.equal('auth-2');
    });

    it('goes back to the system step', async () => {
      const h = await toLoginOpen();
      h.fakes.loginWindow.block();
      h.actor.send({ type: 'user.back' });
      expect(h.matches({ flow: 'system' })).to.equal(true);
    });
  });

  describe('authorized', () => {
    it('fetches the administrations as soon as the login is confirmed, so Continue shows them at once', async () => {
      const h = await toLoginOpen();
      h.fakes.listDivisions.hold();
      h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
      await h.reach({ flow: { login: { authorized: 'prefetching' } } });
      expect(h.fakes.listDivisions.calls).to.have.length(1);
      expect(h.fakes.listDivisions.last.input).to.deep.equal({ authorizationId: 'auth-1', organisationId: 'org-1', query: '' });
      h.fakes.listDivisions.last.resolve(page([administration(101)], null, 1));
      await h.reach({ flow: { login: { authorized: 'prefetched' } } });

      h.actor.send({ type: 'user.continue' });
      expect(h.matches({ flow: { administration: 'ready' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.administrations.items.map((d) => d.code)).to.deep.equal([101]);
      expect(h.fakes.listDivisions.calls).to.have.length(1);
    });

    it('Continue while the prefetch is still out waits for it (busy) instead of asking twice', async () => {
      const h = await toLoginOpen();
      h.fakes.listDivisions.hold();
      h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
      await h.reach({ flow: { login: { authorized: 'prefetching' } } });
      const prefetch = h.fakes.listDivisions.last;
      h.actor.send({ type: 'user.continue' });
      expect(h.matches({ flow: { login: { authorized: { prefetching: 'continuing' } } } })).to.equal(true);
      expect(h.actor.getSnapshot().hasTag('busy')).to.equal(true);
      expect(prefetch.signal.aborted).to.equal(false);
      h.actor.send({ type: 'user.continue' });
      prefetch.resolve(page([administration(103)], null, 1));
      const ready = await h.reach({ flow: { administration: 'ready' } });
      expect(ready.context.administrations.items.map((d) => d.code)).to.deep.equal([103]);
      expect(h.fakes.listDivisions.calls).to.have.length(1);
    });

    it('Continue while the prefetch is out, and the prefetch fails: the administration step shows the error', async () => {
      const h = await toLoginOpen();
      h.fakes.listDivisions.hold();
      h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
      await h.reach({ flow: { login: { authorized: 'prefetching' } } });
      h.actor.send({ type: 'user.continue' });
      const error = apiError('listDivisions', 503);
      h.fakes.listDivisions.last.reject(error);
      const failed = await h.reach({ flow: { administration: 'failed' } });
      expect(failed.context.error).to.equal(error);
      expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
    });

    it('a failed prefetch is shown (and emitted) on the administration step, without a second request', async () => {
      const error = apiError('listDivisions');
      const h = await toAuthorized((fakes) => fakes.listDivisions.fails(error));
      expect(failures(h), 'nothing to say on the login step').to.deep.equal([]);
      h.actor.send({ type: 'user.continue' });
      expect(h.matches({ flow: { administration: 'failed' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.error).to.equal(error);
      expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
      expect(h.fakes.listDivisions.calls).to.have.length(1);

      h.fakes.listDivisions.returns(page([administration(101)], null, 1));
      h.actor.send({ type: 'user.retry' });
      const ready = await h.reach({ flow: { administration: 'ready' } });
      expect(ready.context.administrations.items.map((d) => d.code)).to.deep.equal([101]);
    });

    it('Back to the confirmation after a failed list fetches again there, and Continue shows the list', async () => {
      const h = await toAuthorized((fakes) => fakes.listDivisions.fails(apiError('listDivisions')));
      h.actor.send({ type: 'user.continue' });
      h.fakes.listDivisions.returns(page([administration(102)], null, 1));
      h.actor.send({ type: 'user.back' });
      await h.reach({ flow: { login: { authorized: 'prefetched' } } });
      expect(h.actor.getSnapshot().context.error).to.equal(null);
      h.actor.send({ type: 'user.continue' });
      expect(h.matches({ flow: { administration: 'ready' } })).to.equal(true);
      expect(h.fakes.listDivisions.calls).to.have.length(2);
    });

    it('Back from the administration step and Continue again keeps the list and the choice, without a request', async () => {
      const h = await toAuthorized((fakes) => fakes.listDivisions.returns(page([administration(101), administration(102)], null, 2)));
      h.actor.send({ type: 'user.continue' });
      h.actor.send({ type: 'user.selectAdministration', administration: administration(102) });
      h.actor.send({ type: 'user.back' });
      expect(h.matches({ flow: { login: { authorized: 'prefetched' } } })).to.equal(true);
      h.actor.send({ type: 'user.continue' });
      expect(h.matches({ flow: { administration: 'ready' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.administration).to.deep.equal(administration(102));
      expect(h.fakes.listDivisions.calls).to.have.length(1);
    });

    it('ignores Continue before the login is authorized', async () => {
      const h = await toLoginOpen();
      h.actor.send({ type: 'user.continue' });
      expect(h.matches({ flow: { login: { open: { window: 'watching' } } } })).to.equal(true);
    });

    it('a new login from the system step forgets the earlier authorization', async () => {
      const h = await toAuthorized();
      h.actor.send({ type: 'user.back' });
      expect(h.matches({ flow: 'system' })).to.equal(true);
      h.actor.send({ type: 'user.chooseExact' });
      const snapshot = h.actor.getSnapshot();
      expect(snapshot.context.authorization).to.equal(null);
      expect(h.signIn()?.context.started).to.equal(null);
    });
  });
});
