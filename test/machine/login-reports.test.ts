import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { advance, authorization, CHECK_GAP_MS, flushAnswers, POPUP_CLOSED_GRACE_MS, startMachine, toLoginOpen, toLoginReady } from './fakes.js';
import type { Harness } from './fakes.js';
import { apiError, plainLogins } from './fakes.js';

/**
 * A report from the callback page is only a hint to ask the backend (anyone can open that page),
 * and a window that reads closed is not a closed login: only the backend settles it.
 */

const loginId = (h: Harness) => h.signIn()!.context.started!.id;
const pending = () => authorization('auth-1', 'pending');
const watching = { flow: { login: { open: { window: 'watching' } } } } as const;
const unseen = { flow: { login: { open: { window: 'unseen' } } } } as const;

/** Past the first seconds, with the window open and a login the backend calls pending. */
async function openAndPending(): Promise<Harness> {
  return toLoginOpen((fakes) => fakes.getAuthorization.returns(pending()));
}

/** The simulated times at which the backend was asked about the login. */
function recordCheckTimes(h: Harness, answer: () => ReturnType<typeof pending> = pending): number[] {
  const times: number[] = [];
  h.fakes.getAuthorization.returns(() => {
    times.push(h.clock.now());
    return answer();
  });
  return times;
}

describe('connect machine: a report is only a hint to ask the backend', () => {
  it('a report the backend does not confirm changes nothing: back to watching, still listening, the genuine one counts', async () => {
    const h = await openAndPending();
    h.fakes.loginWindow.report(loginId(h));
    expect(h.fakes.getAuthorization.calls).to.have.length(1);
    await flushAnswers();
    expect(h.matches(watching), 'still watching the window').to.equal(true);
    expect(h.signIn()?.context.loginProblem, 'no problem shown').to.equal(null);
    expect(h.fakes.loginWindow.open, 'the window actor still listens').to.equal(true);

    h.fakes.getAuthorization.returns(authorization('auth-1', 'authorized'));
    await advance(h, CHECK_GAP_MS);
    h.fakes.loginWindow.report(loginId(h));
    await h.reach({ flow: { login: 'authorized' } });
    expect(h.fakes.getAuthorization.calls).to.have.length(2);
  });

  for (const [name, error] of [
    ['503', apiError('getAuthorization', 503)],
    ['429 with Retry-After 5', new ApiError('problem', 'getAuthorization', 429, 'rate_limited', 5)],
  ] as const) {
    it(`a report whose check fails (${name}) changes nothing: no error, no second login, the genuine report counts`, async () => {
      const h = await openAndPending();
      h.fakes.getAuthorization.fails(error);
      h.fakes.loginWindow.report(loginId(h));
      await advance(h, 10_000);
      expect(h.matches(watching), 'still watching the open window').to.equal(true);
      expect(h.emitted, 'nothing to tell the host').to.deep.equal([]);
      expect(h.signIn()?.context.error).to.equal(null);
      expect(h.actor.getSnapshot().context.error).to.equal(null);
      expect(plainLogins(h.fakes), 'no second login behind the real window').to.have.length(1);
      expect(h.fakes.loginWindow.stops, 'the window actor still listens').to.equal(0);

      h.fakes.getAuthorization.returns(authorization('auth-1', 'authorized'));
      h.fakes.loginWindow.report(loginId(h));
      await h.reach({ flow: { login: 'authorized' } });
    });
  }

  it('a report in the first seconds whose check fails changes nothing either', async () => {
    const h = await toLoginReady((fakes) => fakes.getAuthorization.fails(apiError('getAuthorization', 503)));
    h.actor.send({ type: 'user.openLogin' });
    h.fakes.loginWindow.report(loginId(h));
    await advance(h, 1000);
    expect(h.matches({ flow: { login: { open: { window: 'opening' } } } })).to.equal(true);
    expect(h.emitted).to.deep.equal([]);
  });

  it('a report during the first seconds does not change how a later close is read', async () => {
    const h = startMachine((fakes) => fakes.getAuthorization.returns(pending()));
    await h.reach({ connections: 'list' });
    h.actor.send({ type: 'user.newConnection' });
    await h.reach({ flow: { organisation: 'ready' } });
    h.actor.send({ type: 'user.selectOrganisation', organisation: h.actor.getSnapshot().context.organisations.items[0]! });
    h.actor.send({ type: 'user.confirmOrganisation' });
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'ready' } });
    h.actor.send({ type: 'user.openLogin' });
    h.fakes.loginWindow.report('auth-1');
    await flushAnswers();
    expect(h.matches({ flow: { login: { open: { window: 'opening' } } } })).to.equal(true);
    await advance(h, 3000);
    expect(h.matches(watching)).to.equal(true);
  });

  it('one check at a time: reports while it runs make exactly one more, after the gap', async () => {
    const h = await openAndPending();
    h.fakes.getAuthorization.hold();
    h.fakes.loginWindow.report(loginId(h));
    for (let i = 0; i < 50; i += 1) h.fakes.loginWindow.report(loginId(h));
    expect(h.fakes.getAuthorization.calls, 'one in flight').to.have.length(1);
    h.fakes.getAuthorization.last.resolve(pending());
    await flushAnswers();
    for (let i = 0; i < 50; i += 1) h.fakes.loginWindow.report(loginId(h));
    await advance(h, CHECK_GAP_MS - 100);
    expect(h.fakes.getAuthorization.calls, 'none during the gap').to.have.length(1);
    await advance(h, 100);
    expect(h.fakes.getAuthorization.calls, 'the queued reports: one check').to.have.length(2);
    h.fakes.getAuthorization.last.resolve(pending());
    await advance(h, CHECK_GAP_MS * 3);
    expect(h.fakes.getAuthorization.calls, 'nothing queued: no more').to.have.length(2);
    expect(h.matches(watching)).to.equal(true);
  });

  it('a flood of forged reports over 50 simulated seconds is at most one request per gap', async () => {
    const h = await openAndPending();
    const times = recordCheckTimes(h);
    let reports = 0;
    // Inside the tests' login timeout of 60 s (3 s of which toLoginOpen spent).
    for (let passed = 0; passed < 50_000; passed += 100) {
      for (let i = 0; i < 10; i += 1, reports += 1) h.fakes.loginWindow.report(loginId(h));
      await advance(h, 100);
    }
    expect(reports).to.equal(5000);
    expect(times.length, `${times.length} requests for ${reports} reports`).to.be.at.most(50_000 / CHECK_GAP_MS + 1);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(Math.min(...gaps), 'never closer than the gap').to.be.at.least(CHECK_GAP_MS);
    expect(h.matches(watching), 'the login goes on').to.equal(true);
    expect(h.signIn()?.context.loginProblem).to.equal(null);
  });
});

describe('connect machine: a window that reads closed while the login is pending', () => {
  it('says it can no longer see the window, and asks the backend at 2, 4, 8, 15, 15 s … until the login timeout', async () => {
    const h = await openAndPending();
    const times = recordCheckTimes(h);
    h.fakes.loginWindow.close();
    await advance(h, POPUP_CLOSED_GRACE_MS);
    expect(h.matches(unseen)).to.equal(true);
    expect(h.signIn()?.context.loginProblem).to.equal('unseen');
    await advance(h, 44_000);
    const intervals = times.slice(1).map((time, index) => time - times[index]!);
    expect(intervals).to.deep.equal([2000, 4000, 8000, 15000, 15000]);
    expect(h.matches(unseen), 'still asking, not "closed"').to.equal(true);
    // toLoginOpen spent 3 s; the login timeout (60 s in the tests) ends it.
    await advance(h, 60_000 - 3000 - POPUP_CLOSED_GRACE_MS - 44_000);
    expect(h.matches({ flow: { login: 'problem' } })).to.equal(true);
    expect(h.signIn()?.context.loginProblem).to.equal('timedOut');
  });

  it('continues as soon as the backend says authorized (a window severed late, the login finished)', async () => {
    const h = await openAndPending();
    h.fakes.loginWindow.close();
    await advance(h, POPUP_CLOSED_GRACE_MS);
    expect(h.matches(unseen)).to.equal(true);
    h.fakes.getAuthorization.returns(authorization('auth-1', 'authorized'));
    await advance(h, 2000);
    expect(h.matches({ flow: { login: 'authorized' } })).to.equal(true);
  });

  for (const outcome of ['denied', 'expired', 'revoked', 'failed'] as const) {
    it(`shows the "${outcome}" problem when the backend settles it so while the window is out of sight`, async () => {
      const h = await openAndPending();
      h.fakes.loginWindow.close();
      await advance(h, POPUP_CLOSED_GRACE_MS);
      h.fakes.getAuthorization.returns(authorization('auth-1', outcome));
      await advance(h, 2000);
      expect(h.matches({ flow: { login: 'problem' } })).to.equal(true);
      expect(h.signIn()?.context.loginProblem).to.equal(outcome);
    });
  }

  it('a passing network fault while out of sight does not end the login: it asks again', async () => {
    const h = await openAndPending();
    h.fakes.loginWindow.close();
    await advance(h, POPUP_CLOSED_GRACE_MS);
    h.fakes.getAuthorization.fails(apiError('getAuthorization', 503));
    await advance(h, 2000);
    expect(h.matches(unseen)).to.equal(true);
    expect(h.emitted, 'nothing to tell the host').to.deep.equal([]);
    h.fakes.getAuthorization.returns(authorization('auth-1', 'authorized'));
    await advance(h, 4000);
    expect(h.matches({ flow: { login: 'authorized' } })).to.equal(true);
  });

  it('the genuine report still counts while out of sight', async () => {
    const h = await openAndPending();
    h.fakes.loginWindow.close();
    await advance(h, POPUP_CLOSED_GRACE_MS + CHECK_GAP_MS - 500);
    h.fakes.getAuthorization.returns(authorization('auth-1', 'authorized'));
    h.fakes.loginWindow.report(loginId(h));
    await advance(h, 500);
    expect(h.matches({ flow: { login: 'authorized' } })).to.equal(true);
  });
});
