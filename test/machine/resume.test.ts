import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import type { ResumeRecord } from '../../src/machine/types.js';
import {
  administration,
  apiError,
  authorization,
  connection,
  organisation,
  started,
  startMachine,
  status,
  toAdministration,
  toAuthorized,
  toLoginReady,
  toOrganisation,
} from './fakes.js';
import type { Harness } from './fakes.js';

/**
 * The resume record (what the element keeps in sessionStorage to continue after a reload or the
 * same-tab login) is the machine's to save and clear, as the element's `remember()` did before:
 * kept on the administration step and once the login is confirmed, written before the page
 * leaves for a same-tab login, and dropped everywhere else in the flow.
 */

const recordAfterLogin: ResumeRecord = {
  organisation: organisation('org-1'),
  authorizationId: 'auth-1',
  administration: null,
  bookingFlow: 'simple',
  idempotencyKey: null,
};

/** The same-tab login: the popup was blocked, the user chose to log in in this tab. */
async function toLeftForLogin(): Promise<Harness> {
  const h = await toLoginReady();
  h.actor.send({ type: 'user.openLogin' });
  h.fakes.loginWindow.block();
  h.actor.send({ type: 'user.loginSameTab' });
  await h.reach({ flow: { login: 'leftForLogin' } });
  return h;
}

describe('connect machine: the resume record', () => {
  describe('saved', () => {
    it('once the login is confirmed: the organisation and the grant', async () => {
      const h = await toLoginReady();
      expect(h.resume.stored, 'nothing before the login').to.equal(null);
      h.actor.send({ type: 'user.openLogin' });
      h.fakes.loginWindow.report('auth-1');
      await h.reach({ flow: { login: 'authorized' } });
      expect(h.resume.stored).to.deep.equal(recordAfterLogin);
    });

    it('on the administration step, with each choice as it is made, and the key once Afronden made one', async () => {
      const h = await toAdministration((fakes) => fakes.createConnection.fails(apiError('createConnection', 503)));
      expect(h.resume.stored).to.deep.equal(recordAfterLogin);
      h.actor.send({ type: 'user.selectAdministration', administration: administration(102) });
      expect(h.resume.stored).to.deep.equal({ ...recordAfterLogin, administration: administration(102) });
      h.actor.send({ type: 'user.selectBookingFlow', bookingFlow: 'advanced' });
      expect(h.resume.stored?.bookingFlow).to.equal('advanced');
      h.actor.send({ type: 'user.selectBookingFlow', bookingFlow: 'simple' });
      h.actor.send({ type: 'user.finish' });
      expect(h.resume.stored).to.deep.equal({ ...recordAfterLogin, administration: administration(102), idempotencyKey: 'key-1' });
      // A failed Afronden keeps the record: after a reload the retry reuses the key.
      await h.reach({ flow: { administration: 'finishFailed' } });
      expect(h.resume.stored?.idempotencyKey).to.equal('key-1');
    });

    it('a refused choice changes nothing in the record', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.selectAdministration', administration: administration(7, { blockedReason: 'blocked' }) });
      expect(h.resume.stored?.administration).to.deep.equal(administration(101));
    });

    it('back from the administration step to the confirmed login keeps it, with the choice', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.back' });
      expect(h.matches({ flow: { login: 'authorized' } })).to.equal(true);
      expect(h.resume.stored).to.deep.equal({ ...recordAfterLogin, administration: administration(101) });
    });

    it('before the page leaves for a same-tab login: the login being made, no choices yet', async () => {
      const h = await toLeftForLogin();
      expect(h.resume.stored).to.deep.equal({ ...recordAfterLogin, authorizationId: started('auth-1').id });
      expect(h.navigations).to.deep.equal([started('auth-1').authorizeUrl]);
      const save = h.effects.lastIndexOf('saveResume');
      expect(save, 'saved').to.be.at.least(0);
      expect(save, 'saved before the navigation').to.be.lessThan(h.effects.indexOf('navigateToLogin'));
      expect(h.effects.slice(save + 1), 'and not cleared after it').to.not.include('clearResume');
    });
  });

  describe('cleared', () => {
    it('by a new login (from the confirmed login, back to the system step, and Exact again)', async () => {
      const h = await toAuthorized();
      h.actor.send({ type: 'user.back' });
      expect(h.matches({ flow: 'system' })).to.equal(true);
      expect(h.resume.stored, 'the system step').to.equal(null);
      h.actor.send({ type: 'user.chooseExact' });
      expect(h.resume.stored, 'a new login').to.equal(null);
    });

    it('by "log in again" from the administration step', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.loginAgain' });
      await h.reach({ flow: { login: 'ready' } });
      expect(h.resume.stored).to.equal(null);
    });

    for (const [name, walk] of [
      ['the confirmed login', toAuthorized],
      ['the administration step', toAdministration],
      ['the same-tab login', toLeftForLogin],
    ] as const) {
      it(`by Annuleren from ${name}`, async () => {
        const h = await walk();
        expect(h.resume.stored).to.not.equal(null);
        h.actor.send({ type: 'user.cancel' });
        expect(h.matches('connections')).to.equal(true);
        expect(h.resume.stored).to.equal(null);
      });
    }

    it('once connected (done), and it stays cleared through the redelivery', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.finish' });
      await h.reach('done');
      expect(h.resume.stored).to.equal(null);
      h.actor.send({ type: 'user.redeliver', connection: connection('con-new') });
      expect(h.resume.stored).to.equal(null);
    });

    it('on the connections, the organisation step and "not installed"', async () => {
      const h = await toOrganisation();
      expect(h.resume.calls, 'the overview clears any record left over').to.include('clear');
      expect(h.resume.stored).to.equal(null);
      const notInstalled = startMachine((fakes) => fakes.getStatus.returns(status(false)));
      await notInstalled.reach('notInstalled');
      expect(notInstalled.resume.calls).to.deep.equal(['clear']);
    });
  });

  describe('resuming from a record', () => {
    const record: ResumeRecord = {
      organisation: organisation('org-7', { name: 'eLien test company' }),
      authorizationId: 'auth-9',
      administration: administration(102),
      bookingFlow: 'simple',
      idempotencyKey: 'key-kept',
    };

    it('keeps the record until the backend confirmed the grant, then saves it again on the administration step', async () => {
      const h = startMachine((fakes) => fakes.getAuthorization.hold(), { resume: record });
      await h.reach('resuming');
      expect(h.resume.calls, 'nothing dropped while checking').to.deep.equal([]);
      h.fakes.getAuthorization.last.resolve(authorization('auth-9', 'authorized'));
      await h.reach({ flow: { administration: 'ready' } });
      expect(h.resume.stored).to.deep.equal(record);
    });

    it('keeps it through a failed check (a retry may still resume); Annuleren drops it', async () => {
      const h = startMachine((fakes) => fakes.getAuthorization.fails(new ApiError('network', 'getAuthorization')), { resume: record });
      await h.reach('resumeFailed');
      expect(h.resume.calls).to.deep.equal([]);
      h.actor.send({ type: 'user.cancel' });
      expect(h.resume.stored).to.equal(null);
      expect(h.resume.calls).to.include('clear');
    });

    it('drops it when the backend no longer knows the grant', async () => {
      const h = startMachine((fakes) => fakes.getAuthorization.fails(apiError('getAuthorization', 404)), { resume: record });
      await h.reach({ connections: 'list' });
      expect(h.resume.calls).to.include('clear');
      expect(h.resume.stored).to.equal(null);
    });

    it('drops it when the login was refused while the page was away (the login step starts afresh)', async () => {
      const h = startMachine((fakes) => fakes.getAuthorization.returns(authorization('auth-9', 'denied')), { resume: record });
      await h.reach({ flow: { login: 'problem' } });
      expect(h.resume.calls).to.include('clear');
      expect(h.resume.stored).to.equal(null);
    });
  });
});
