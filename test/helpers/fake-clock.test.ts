/**
 * The fake clock the component, a11y and robustness tests drive time with: if it ran timers
 * out of order, at the wrong time or not at all, those tests would pass or fail for the wrong
 * reason.
 */
import { expect } from '@esm-bundle/chai';
import { installFakeClock, uninstallFakeClock } from './fake-clock.js';
import { pause, realTimers } from './time.js';

describe('test support: the fake clock', () => {
  afterEach(() => uninstallFakeClock());

  it('runs each timer at its time, in order, and not before', () => {
    const clock = installFakeClock({ now: Date.parse('2026-12-01T12:00:00Z') });
    const ran: string[] = [];
    setTimeout(() => ran.push(`b@${Date.now() - clock.now}`), 20);
    setTimeout(() => ran.push('a'), 10);
    setTimeout(() => ran.push('c'), 20);
    expect(clock.nextIn).to.equal(10);
    clock.tick(9);
    expect(ran).to.deep.equal([]);
    expect(clock.nextIn).to.equal(1);
    clock.tick(1);
    expect(ran).to.deep.equal(['a']);
    clock.tick(10);
    expect(ran).to.deep.equal(['a', 'b@0', 'c']);
    expect(new Date().toISOString()).to.equal('2026-12-01T12:00:00.020Z');
  });

  it('a timer set by a timer runs in the same tick when it falls due within it; intervals repeat; cleared ones do not run', () => {
    const clock = installFakeClock();
    const start = clock.now;
    const at: number[] = [];
    setTimeout(() => setTimeout(() => at.push(Date.now() - start), 5), 5);
    const interval = setInterval(() => at.push(-(Date.now() - start)), 4);
    const cleared = setTimeout(() => at.push(999), 1);
    clearTimeout(cleared);
    clock.tick(12);
    clearInterval(interval);
    clock.tick(100);
    expect(at).to.deep.equal([-4, -8, 10, -12]);
    expect(clock.pending).to.equal(0);
  });

  it('a delay past the 32-bit limit wraps as in the browser (30 days fires at once), a negative one is 0', () => {
    const clock = installFakeClock();
    const ran: string[] = [];
    setTimeout(() => ran.push('30 days'), 30 * 86_400_000);
    setTimeout(() => ran.push('negative'), -5);
    setTimeout(() => ran.push('24 days'), 24 * 86_400_000);
    clock.tick(0);
    expect(ran).to.deep.equal(['30 days', 'negative']);
    clock.tick(24 * 86_400_000);
    expect(ran).to.deep.equal(['30 days', 'negative', '24 days']);
  });

  it('tickAsync lets promises and renders settle between timers', async () => {
    const clock = installFakeClock();
    const seen: string[] = [];
    setTimeout(() => Promise.resolve().then(() => seen.push('after the first')), 10);
    setTimeout(() => seen.push('second'), 10);
    await clock.tickAsync(10);
    expect(seen).to.deep.equal(['after the first', 'second']);
  });

  it('uninstall puts the real timers and Date back and drops what was pending', async () => {
    const clock = installFakeClock({ now: 0 });
    let ran = false;
    setTimeout(() => (ran = true), 1);
    clock.uninstall();
    expect(window.setTimeout).to.not.equal(undefined);
    expect(Date.now()).to.be.closeTo(realTimers.dateNow(), 1000);
    await pause(10);
    expect(ran, 'a timer of the simulated time does not run in real time').to.equal(false);
    await new Promise((resolve) => setTimeout(resolve, 1));
  });
});
