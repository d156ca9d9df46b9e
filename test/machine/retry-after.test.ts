import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { advance, failures, startMachine } from './fakes.js';
import type { Harness } from './fakes.js';

/**
 * A 429 is retried by the element once per wait, and the wait is bounded whatever Retry-After
 * says: at least 1 s (0, a date in the past), at most 120 s for an automatic retry (beyond it,
 * the user retries when told; a timer of ~25 days or more would overflow and fire at once),
 * 30 s when the header is missing or unreadable. The client turns the header into seconds
 * (src/api/retry-after.ts): 0 for a past date, null for garbage.
 */

const rateLimited = (retryAfter: number | null) => new ApiError('problem', 'listConnections', 429, 'rate_limited', retryAfter);
/** setTimeout keeps its delay in 32 bits: more than this fires at once. */
const TIMER_LIMIT_MS = 2 ** 31 - 1;

/** The backend answers every GET connections with this 429; one simulated minute passes. */
async function aMinuteOf429(retryAfter: number | null): Promise<Harness> {
  const h = startMachine((fakes) => fakes.listConnections.fails(rateLimited(retryAfter)));
  await h.reach({ connections: 'failed' });
  await advance(h, 60_000);
  return h;
}

const timers = (h: Harness) => [...(h.clock as unknown as { timeouts: Map<number, { timeout: number }> }).timeouts.values()].map((t) => t.timeout);

describe('connect machine: 429 and Retry-After, bounded', () => {
  /** When each further GET connections went out, in simulated ms; each meets a 429 with Retry-After: 0. */
  function requestTimes(h: Harness): number[] {
    const times: number[] = [];
    h.fakes.listConnections.returns(() => {
      times.push(h.clock.now());
      throw rateLimited(0);
    });
    return times;
  }

  it('Retry-After: 0 (or a date in the past) for ten minutes: the waits double, 1, 2, 4 … 120 s: 11 requests, not 600', async () => {
    const h = startMachine((fakes) => fakes.listConnections.fails(rateLimited(0)));
    await h.reach({ connections: 'failed' });
    const times = requestTimes(h);
    await advance(h, 10 * 60_000, 500);
    // The first request went out at 0.
    const gaps = times.map((time, index) => time - (index === 0 ? 0 : times[index - 1]!));
    expect(gaps).to.deep.equal([1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 120_000, 120_000, 120_000]);
    const requests = h.fakes.listConnections.calls.length;
    expect(requests).to.equal(11);
    expect(failures(h), 'one autopilot-error per request').to.have.length(requests);
    expect(h.actor.getSnapshot().context.error?.retryAfter, 'the wait it says is the wait it sits out').to.equal(120);
  });

  it('Retry-After: 3: waits 3 s while that is longer than the backoff, then the backoff', async () => {
    const h = await aMinuteOf429(3);
    // Requests at 0, 3, 6, 10, 18, 34 s; the next would be at 66 s.
    expect(h.fakes.listConnections.calls).to.have.length(6);
    expect(failures(h)).to.have.length(6);
  });

  it('an answer ends the run: after a success, the next 429 waits the floor again', async () => {
    const h = startMachine((fakes) => fakes.listConnections.fails(rateLimited(0)));
    await h.reach({ connections: 'failed' });
    await advance(h, 1000 + 2000 + 4000);
    expect(h.fakes.listConnections.calls).to.have.length(4);
    expect(h.actor.getSnapshot().context.error?.retryAfter, 'the fourth waits 8 s').to.equal(8);
    h.fakes.listConnections.returns([]);
    await advance(h, 8000);
    await h.reach({ connections: 'list' });
    h.fakes.listOrganisations.fails(new ApiError('problem', 'listOrganisations', 429, 'rate_limited', 0));
    h.actor.send({ type: 'user.newConnection' });
    await h.reach({ flow: { organisation: 'failed' } });
    expect(h.actor.getSnapshot().context.error?.retryAfter, 'a new run starts at 1 s').to.equal(0);
    await advance(h, 900);
    expect(h.fakes.listOrganisations.calls).to.have.length(1);
    await advance(h, 100);
    expect(h.fakes.listOrganisations.calls, 'retried after 1 s').to.have.length(2);
  });

  it('another failure ends the run too', async () => {
    const h = startMachine((fakes) => fakes.listConnections.fails(rateLimited(0)));
    await h.reach({ connections: 'failed' });
    await advance(h, 1000 + 2000);
    expect(h.actor.getSnapshot().context.error?.retryAfter).to.equal(4);
    h.fakes.listConnections.fails(new ApiError('http', 'listConnections', 503));
    await advance(h, 4000);
    h.fakes.listConnections.fails(rateLimited(0));
    h.actor.send({ type: 'user.retry' });
    await h.reach({ connections: 'failed' });
    expect(h.actor.getSnapshot().context.error?.retryAfter, 'back to the floor').to.equal(0);
  });

  it('an unreadable Retry-After waits the default 30 s', async () => {
    const h = await aMinuteOf429(null);
    expect(h.fakes.listConnections.calls).to.have.length(3);
    expect(failures(h)).to.have.length(3);
  });

  for (const [name, seconds] of [['3 hours', 3 * 3600], ['30 days (past the timer limit)', 30 * 86_400], ['10^12 s', 1e12]] as const) {
    it(`Retry-After of ${name}: no automatic retry and no overflowing timer; the user retries`, async () => {
      const h = await aMinuteOf429(seconds);
      expect(h.fakes.listConnections.calls).to.have.length(1);
      expect(failures(h)).to.have.length(1);
      expect(Math.max(0, ...timers(h)), 'no timer past the limit').to.be.at.most(TIMER_LIMIT_MS);
      await advance(h, 10 * 60_000, 10_000);
      expect(h.fakes.listConnections.calls, 'still none after ten minutes').to.have.length(1);
      h.fakes.listConnections.returns([]);
      h.actor.send({ type: 'user.retry' });
      await h.reach({ connections: 'list' });
      expect(h.fakes.listConnections.calls).to.have.length(2);
    });
  }

  it('a wait at the ceiling (120 s) is still retried by itself, once', async () => {
    const h = startMachine((fakes) => fakes.listConnections.fails(rateLimited(120)));
    await h.reach({ connections: 'failed' });
    await advance(h, 119_900, 1000);
    expect(h.fakes.listConnections.calls).to.have.length(1);
    h.fakes.listConnections.returns([]);
    await advance(h, 100);
    await h.reach({ connections: 'list' });
    expect(h.fakes.listConnections.calls).to.have.length(2);
  });
});
