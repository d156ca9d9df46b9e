import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { apiError, connection, redelivery, submitAndConfirm, toRedeliveryOf } from './fakes.js';
import type { Fakes, Harness } from './fakes.js';

/**
 * A redelivery is a POST with an idempotency key (contract v2): a retry of the same date reuses
 * the key, so a first request that did reach the backend is not offered twice; another date is
 * another request with a key of its own, and so is a new redelivery the user starts later.
 */

const TODAY = '2025-06-15';
const chosen = connection('con-5', { organisation: { id: 'org-5', name: 'Five' } });

const toRedelivery = (configure?: (fakes: Fakes) => void): Promise<Harness> => toRedeliveryOf(chosen, TODAY, configure);


const sent = (h: Harness) => h.fakes.createRedelivery.calls.map((call) => [call.input.from, call.input.idempotencyKey]);

describe('connect machine: the redelivery\'s idempotency key', () => {
  it('a retry of the same date, from the error, reuses its key', async () => {
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(apiError('createRedelivery', 503)));
    await submitAndConfirm(h, '2025-06-01');
    await h.reach({ redelivery: 'failed' });
    h.fakes.createRedelivery.returns(redelivery('2025-06-01'));
    await submitAndConfirm(h, '2025-06-01');
    await h.reach({ redelivery: 'submitted' });
    expect(sent(h)).to.deep.equal([['2025-06-01', 'key-1'], ['2025-06-01', 'key-1']]);
  });

  it('a retry of the same date after Opnieuw (back to editing) reuses its key too', async () => {
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(apiError('createRedelivery', 503)));
    await submitAndConfirm(h, '2025-06-01');
    await h.reach({ redelivery: 'failed' });
    h.actor.send({ type: 'user.retry' });
    await submitAndConfirm(h, '2025-06-01');
    expect(sent(h)).to.deep.equal([['2025-06-01', 'key-1'], ['2025-06-01', 'key-1']]);
  });

  it('a key in flight (409), submitted again with the same date, keeps the key', async () => {
    const inFlight = new ApiError('problem', 'createRedelivery', 409, 'idempotency_key_in_flight', 120);
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(inFlight));
    await submitAndConfirm(h, '2025-06-01');
    await h.reach({ redelivery: 'failed' });
    await submitAndConfirm(h, '2025-06-01');
    expect(sent(h)).to.deep.equal([['2025-06-01', 'key-1'], ['2025-06-01', 'key-1']]);
  });

  it('a key in flight (409) without a date typed again: after the wait the element sends the same attempt by itself', async () => {
    const inFlight = new ApiError('problem', 'createRedelivery', 409, 'idempotency_key_in_flight', null);
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(inFlight));
    await submitAndConfirm(h, '2025-06-01');
    await h.reach({ redelivery: 'failed' });
    h.fakes.createRedelivery.returns(redelivery('2025-06-01'));
    h.clock.increment(1_999);
    expect(sent(h), 'not before the wait').to.have.length(1);
    h.clock.increment(1);
    await h.reach({ redelivery: 'submitted' });
    expect(sent(h)).to.deep.equal([['2025-06-01', 'key-1'], ['2025-06-01', 'key-1']]);
    expect(h.fakes.previewRedelivery.calls, 'confirmed already: sent again, not previewed again').to.have.length(1);
  });

  it('another date after an error is another request: a new key', async () => {
    const h = await toRedelivery((fakes) => fakes.createRedelivery.fails(apiError('createRedelivery', 503)));
    await submitAndConfirm(h, '2025-06-01');
    await h.reach({ redelivery: 'failed' });
    await submitAndConfirm(h, '2025-05-01');
    expect(sent(h)).to.deep.equal([['2025-06-01', 'key-1'], ['2025-05-01', 'key-2']]);
  });

  it('a date changed at the confirmation and then chosen again keeps its key; another date gets a new one', async () => {
    const h = await toRedelivery();
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    await h.reach({ redelivery: 'confirming' });
    h.actor.send({ type: 'user.changeRedeliveryDate' });
    expect(sent(h), 'nothing sent before a confirmation').to.deep.equal([]);
    await submitAndConfirm(h, '2025-06-01');
    await h.reach({ redelivery: 'submitted' });
    expect(sent(h)).to.deep.equal([['2025-06-01', 'key-1']]);

    const other = await toRedelivery();
    other.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    await other.reach({ redelivery: 'confirming' });
    other.actor.send({ type: 'user.changeRedeliveryDate' });
    await submitAndConfirm(other, '2025-05-01');
    expect(sent(other)).to.deep.equal([['2025-05-01', 'key-2']]);
  });

    it('a new redelivery later, even of the same date, gets a new key (it is meant, not a retry)', async () => {
    const h = await toRedelivery();
    await submitAndConfirm(h, '2025-06-01');
    await h.reach({ redelivery: 'submitted' });
    h.actor.send({ type: 'user.back' });
    await h.reach({ connections: 'list' });
    h.actor.send({ type: 'user.redeliver', connection: chosen });
    await submitAndConfirm(h, '2025-06-01');
    expect(sent(h)).to.deep.equal([['2025-06-01', 'key-1'], ['2025-06-01', 'key-2']]);
  });
});
