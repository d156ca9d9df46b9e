import { expect } from '@esm-bundle/chai';
import { describe, it } from './mocha.js';
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
  it('Retry-After: 0 (or a date in the past): one retry per second at most, not a storm', async () => {
    const h = await aMinuteOf429(0);
    const requests = h.fakes.listConnections.calls.length;
    expect(requests, `${requests} requests in a minute`).to.be.at.most(61);
    expect(requests).to.be.at.least(50);
    expect(failures(h), 'one autopilot-error per request').to.have.length(requests);
  });

  it('Retry-After: 3: waits 3 s before each retry, again after a retry that meets 429 again', async () => {
    const h = await aMinuteOf429(3);
    expect(h.fakes.listConnections.calls).to.have.length(21);
    expect(failures(h)).to.have.length(21);
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
