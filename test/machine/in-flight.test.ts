import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { administration, advance, failures, toAdministration } from './fakes.js';
import type { Harness } from './fakes.js';

/**
 * A 409 `idempotency_key_in_flight` says the first request with this key still runs: not a
 * refusal, so the element waits (Retry-After, else 2 s) and asks again by itself with the very
 * same key, as after a 429. The backend then answers the first request's result. Any other 409
 * is a refusal the user sees, and is not retried.
 */

const inFlight = (retryAfter: number | null = null) =>
  new ApiError('problem', 'createConnection', 409, 'idempotency_key_in_flight', retryAfter);

/** `Afronden` on administration 101, the backend answering the first request with `error`. */
async function finishMeeting(error: ApiError): Promise<Harness> {
  const h = await toAdministration((fakes) => fakes.createConnection.fails(error));
  h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
  h.actor.send({ type: 'user.finish' });
  await h.reach({ flow: { administration: 'finishFailed' } });
  return h;
}

const keys = (h: Harness) => h.fakes.createConnection.calls.map((call) => call.input.idempotencyKey);

describe('connect machine: a key in flight (409 idempotency_key_in_flight)', () => {
  it('without Retry-After: waits 2 s, then asks again by itself with the same key', async () => {
    const h = await finishMeeting(inFlight());
    h.fakes.createConnection.hold();
    await advance(h, 1900);
    expect(h.fakes.createConnection.calls, 'not before 2 s').to.have.length(1);
    await advance(h, 100);
    expect(h.fakes.createConnection.calls, 'retried by itself').to.have.length(2);
    expect(keys(h)).to.deep.equal(['key-1', 'key-1']);
    expect(h.ids, 'no new key made').to.deep.equal(['key-1']);
  });

  it('the retry that gets the answer connects', async () => {
    const h = await finishMeeting(inFlight());
    const first = h.fakes.createConnection.calls[0]!.input;
    h.fakes.createConnection.hold();
    await advance(h, 2000);
    expect(h.fakes.createConnection.last.input).to.deep.equal(first);
    h.fakes.createConnection.last.resolve({
      id: 'con-made',
      organisation: { id: first.organisationId, name: 'Org' },
      division: { code: first.divisionCode, name: 'Division' },
      bookingFlow: first.bookingFlow,
      createdAt: '2024-05-01T10:00:00Z',
      status: 'active',
      region: 'nl',
      authorizationId: first.authorizationId,
    });
    const done = await h.reach('done');
    expect(done.context.connection?.id).to.equal('con-made');
  });

  it('with Retry-After: 5, waits 5 s', async () => {
    const h = await finishMeeting(inFlight(5));
    h.fakes.createConnection.hold();
    await advance(h, 4900);
    expect(h.fakes.createConnection.calls).to.have.length(1);
    await advance(h, 100);
    expect(keys(h)).to.deep.equal(['key-1', 'key-1']);
  });

  it('another 409 is a refusal: shown, not retried by itself', async () => {
    const refused = new ApiError('problem', 'createConnection', 409, 'division_already_connected', null);
    const h = await finishMeeting(refused);
    await advance(h, 60_000, 1000);
    expect(h.fakes.createConnection.calls).to.have.length(1);
    expect(h.actor.getSnapshot().context.error).to.equal(refused);
    expect(failures(h).map((event) => event.error)).to.deep.equal([refused]);
  });

  it('a key that stays in flight is asked less and less often (the run backs off as for 429s)', async () => {
    const h = await finishMeeting(inFlight(0));
    await advance(h, 1000 + 2000 + 4000);
    expect(h.fakes.createConnection.calls).to.have.length(4);
    expect(new Set(keys(h))).to.deep.equal(new Set(['key-1']));
    expect(h.actor.getSnapshot().context.error?.retryAfter, 'the fourth waits 8 s').to.equal(8);
  });
});
