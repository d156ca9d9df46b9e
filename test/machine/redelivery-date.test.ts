import { expect } from '@esm-bundle/chai';
import { apiError, connection, startMachine } from './fakes.js';
import type { Fakes, Harness } from './fakes.js';

/**
 * `API-download opnieuw aanbieden` offers the documents received since a date again: a day that
 * has been (YYYY-MM-DD, not after today). The machine's guard `isRedeliveryDateAllowed` decides;
 * the view asks it through `snapshot.can`.
 */

/** Not the real today, so a machine reading the system clock instead would show. */
const TODAY = '2025-06-15';
const chosen = connection('con-5', { organisation: { id: 'org-5', name: 'Five' } });

/** `today: null` leaves the machine its own today. */
async function toRedelivery(configure?: (fakes: Fakes) => void, today: (() => string) | null = () => TODAY): Promise<Harness> {
  const h = startMachine(configure, today ? { today } : {});
  await h.reach({ connections: 'list' });
  h.actor.send({ type: 'user.redeliver', connection: chosen });
  return h;
}

const canSubmit = (h: Harness, from: string) => h.actor.getSnapshot().can({ type: 'user.submitRedelivery', from });

describe('connect machine: the redelivery date', () => {
  for (const from of [TODAY, '2025-06-14', '2020-02-29']) {
    it(`accepts ${from} (today or earlier) and asks the backend with it`, async () => {
      const h = await toRedelivery((fakes) => fakes.createRedelivery.hold());
      expect(canSubmit(h, from)).to.equal(true);
      h.actor.send({ type: 'user.submitRedelivery', from });
      // First the preview of that date, then (confirmed) the redelivery itself.
      expect(h.matches({ redelivery: 'previewing' })).to.equal(true);
      expect(h.fakes.previewRedelivery.last.input).to.deep.equal({ organisationId: 'org-5', from });
      await h.reach({ redelivery: 'confirming' });
      h.actor.send({ type: 'user.confirmRedelivery' });
      expect(h.matches({ redelivery: 'submitting' })).to.equal(true);
      expect(h.fakes.createRedelivery.last.input).to.deep.equal({ organisationId: 'org-5', from, idempotencyKey: 'key-1' });
    });
  }

  for (const [name, from] of [
    ['tomorrow', '2025-06-16'],
    ['next year', '2026-01-01'],
    ['empty', ''],
    ['a Dutch-style date', '15-06-2025'],
    ['a day without its leading zero', '2025-06-1'],
    ['a date with a time', '2025-06-14T10:00'],
    ['a date with a space before it', ' 2025-06-14'],
    ['a month that does not exist', '2025-13-05'],
    ['a day that does not exist', '2025-02-30'],
  ] as const) {
    it(`refuses ${name} ("${from}"): no request, still editing; a valid date then goes`, async () => {
      const h = await toRedelivery();
      expect(canSubmit(h, from)).to.equal(false);
      h.actor.send({ type: 'user.submitRedelivery', from });
      expect(h.matches({ redelivery: 'editing' })).to.equal(true);
      expect(h.fakes.previewRedelivery.calls, 'not even a preview').to.have.length(0);
      expect(h.fakes.createRedelivery.calls).to.have.length(0);
      // Positive control: the same state takes a date that has been.
      h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-14' });
      expect(h.fakes.previewRedelivery.calls).to.have.length(1);
      expect(h.fakes.previewRedelivery.last.input.from).to.equal('2025-06-14');
    });
  }

  it('refuses a future date after a failed submission too, and takes a valid one from there', async () => {
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(apiError('createRedelivery', 503)));
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    await h.reach({ redelivery: 'confirming' });
    h.actor.send({ type: 'user.confirmRedelivery' });
    await h.reach({ redelivery: 'failed' });
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-16' });
    expect(h.matches({ redelivery: 'failed' })).to.equal(true);
    expect(h.fakes.previewRedelivery.calls).to.have.length(1);
    expect(h.fakes.createRedelivery.calls).to.have.length(1);
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-02' });
    expect(h.matches({ redelivery: 'previewing' })).to.equal(true);
    expect(h.fakes.previewRedelivery.last.input.from).to.equal('2025-06-02');
  });

  it('reads today from its input (the day moves on: tomorrow is allowed once it has come)', async () => {
    let today = TODAY;
    const h = await toRedelivery(undefined, () => today);
    expect(canSubmit(h, '2025-06-16')).to.equal(false);
    today = '2025-06-16';
    expect(canSubmit(h, '2025-06-16')).to.equal(true);
  });

  it('without a today of its own, takes today in UTC from the system clock', async () => {
    const h = await toRedelivery(undefined, null);
    const now = Date.now();
    const utcToday = new Date(now).toISOString().slice(0, 10);
    const utcTomorrow = new Date(now + 24 * 3600_000).toISOString().slice(0, 10);
    expect(canSubmit(h, utcToday)).to.equal(true);
    expect(canSubmit(h, utcTomorrow)).to.equal(false);
  });
});
