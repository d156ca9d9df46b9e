import { expect } from '@esm-bundle/chai';
import { ApiError } from '../../src/api/api-error.js';
import { advance, apiError, connection, failures, redelivery, submitAndConfirm, toRedeliveryOf } from './fakes.js';
import type { Fakes, Harness } from './fakes.js';

/**
 * Before documents are offered again the user sees how many (issue 13): a date goes to the
 * preview (`previewRedelivery`), its count to a confirmation, and only `user.confirmRedelivery`
 * sends the redelivery (`createRedelivery`, its key per date as before). With no documents there
 * is nothing to confirm; `user.changeRedeliveryDate` goes back to the date. A failed preview is
 * a failure like any other; a wait the element sits out asks the preview again, or, when the
 * user had confirmed already, sends the redelivery again.
 */

const TODAY = '2025-06-15';
const chosen = connection('con-5', { organisation: { id: 'org-5', name: 'Five' } });

const toRedelivery = (configure?: (fakes: Fakes) => void): Promise<Harness> => toRedeliveryOf(chosen, TODAY, configure);

async function toConfirming(from: string, configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toRedelivery(configure);
  h.actor.send({ type: 'user.submitRedelivery', from });
  await h.reach({ redelivery: 'confirming' });
  return h;
}

const rateLimited = (operation: string, retryAfter: number) => new ApiError('problem', operation, 429, 'rate_limited', retryAfter);
const context = (h: Harness) => h.actor.getSnapshot().context;

describe('connect machine: the redelivery preview', () => {
  it('previews the date for the connection\'s organisation, then asks for a confirmation with the count', async () => {
    const h = await toRedelivery((fakes) => fakes.previewRedelivery.hold());
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    expect(h.matches({ redelivery: 'previewing' })).to.equal(true);
    expect(h.fakes.previewRedelivery.calls).to.have.length(1);
    expect(h.fakes.previewRedelivery.last.input).to.deep.equal({ organisationId: 'org-5', from: '2025-06-01' });
    expect(h.fakes.createRedelivery.calls, 'nothing sent before the confirmation').to.have.length(0);
    h.fakes.previewRedelivery.last.resolve({ from: '2025-06-01', documentCount: 12 });
    const confirming = await h.reach({ redelivery: 'confirming' });
    expect(confirming.context.redeliveryPreview).to.deep.equal({ from: '2025-06-01', documentCount: 12 });
    expect(h.fakes.createRedelivery.calls).to.have.length(0);
  });

  it('the confirmation sends the redelivery of that date with its key, and shows the result', async () => {
    const h = await toConfirming('2025-06-01');
    expect(h.actor.getSnapshot().can({ type: 'user.confirmRedelivery' })).to.equal(true);
    h.actor.send({ type: 'user.confirmRedelivery' });
    expect(h.matches({ redelivery: 'submitting' })).to.equal(true);
    expect(h.fakes.createRedelivery.last.input).to.deep.equal({ organisationId: 'org-5', from: '2025-06-01', idempotencyKey: 'key-1' });
    const submitted = await h.reach({ redelivery: 'submitted' });
    expect(submitted.context.redelivery).to.deep.equal(redelivery('2025-06-01'));
  });

  it('with no documents to offer again, refuses user.confirmRedelivery; another date is still possible', async () => {
    const h = await toConfirming('2025-06-01', (fakes) => fakes.previewRedelivery.returns({ from: '2025-06-01', documentCount: 0 }));
    expect(context(h).redeliveryPreview).to.deep.equal({ from: '2025-06-01', documentCount: 0 });
    expect(h.actor.getSnapshot().can({ type: 'user.confirmRedelivery' })).to.equal(false);
    h.actor.send({ type: 'user.confirmRedelivery' });
    expect(h.matches({ redelivery: 'confirming' })).to.equal(true);
    expect(h.fakes.createRedelivery.calls).to.have.length(0);
    // Positive control: the way back to the date is open.
    expect(h.actor.getSnapshot().can({ type: 'user.changeRedeliveryDate' })).to.equal(true);
  });

  it('user.changeRedeliveryDate goes back to the date and clears the preview; nothing is sent', async () => {
    const h = await toConfirming('2025-06-01');
    h.actor.send({ type: 'user.changeRedeliveryDate' });
    expect(h.matches({ redelivery: 'editing' })).to.equal(true);
    expect(context(h).redeliveryPreview).to.equal(null);
    expect(h.fakes.createRedelivery.calls).to.have.length(0);
    // The date chosen then is previewed afresh.
    h.fakes.previewRedelivery.returns({ from: '2025-05-01', documentCount: 40 });
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-05-01' });
    const confirming = await h.reach({ redelivery: 'confirming' });
    expect(h.fakes.previewRedelivery.last.input).to.deep.equal({ organisationId: 'org-5', from: '2025-05-01' });
    expect(confirming.context.redeliveryPreview).to.deep.equal({ from: '2025-05-01', documentCount: 40 });
  });

  it('a confirmation is only taken while confirming: not while editing nor while the preview runs', async () => {
    const h = await toRedelivery((fakes) => fakes.previewRedelivery.hold());
    h.actor.send({ type: 'user.confirmRedelivery' });
    expect(h.matches({ redelivery: 'editing' })).to.equal(true);
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    h.actor.send({ type: 'user.confirmRedelivery' });
    h.actor.send({ type: 'user.changeRedeliveryDate' });
    expect(h.matches({ redelivery: 'previewing' })).to.equal(true);
    expect(h.fakes.createRedelivery.calls).to.have.length(0);
  });

  it('leaving the redelivery while the preview runs aborts it', async () => {
    const h = await toRedelivery((fakes) => fakes.previewRedelivery.hold());
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    const request = h.fakes.previewRedelivery.last;
    h.actor.send({ type: 'user.back' });
    expect(request.signal.aborted).to.equal(true);
    expect(h.matches({ connections: 'loading' })).to.equal(true);
  });

  it('a failed preview goes to failed with operation previewRedelivery, emitting "failed"; nothing is sent', async () => {
    const error = apiError('previewRedelivery', 503);
    const h = await toRedelivery((fakes) => fakes.previewRedelivery.fails(error));
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    const failed = await h.reach({ redelivery: 'failed' });
    expect(failed.context.error).to.equal(error);
    expect(failed.context.redeliveryPreview).to.equal(null);
    expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
    expect(h.fakes.createRedelivery.calls).to.have.length(0);
  });

  it('a non-ApiError preview failure becomes a contract ApiError of previewRedelivery', async () => {
    const h = await toRedelivery((fakes) => fakes.previewRedelivery.fails(undefined));
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    const failed = await h.reach({ redelivery: 'failed' });
    expect(failed.context.error?.kind).to.equal('contract');
    expect(failed.context.error?.operation).to.equal('previewRedelivery');
  });

  it('after a failed preview: retry goes back to the date; a date submitted again is previewed again', async () => {
    const h = await toRedelivery((fakes) => fakes.previewRedelivery.fails(apiError('previewRedelivery', 503)));
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    await h.reach({ redelivery: 'failed' });
    h.actor.send({ type: 'user.retry' });
    expect(h.matches({ redelivery: 'editing' })).to.equal(true);
    expect(context(h).error).to.equal(null);
    h.fakes.previewRedelivery.returns((input) => ({ from: input.from, documentCount: 3 }));
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    await h.reach({ redelivery: 'confirming' });
    expect(h.fakes.previewRedelivery.calls).to.have.length(2);
  });

  it('user.changeRedeliveryDate from failed goes back to the date, error and preview cleared', async () => {
    const h = await toConfirming('2025-06-01', (fakes) => fakes.createRedelivery.fails(apiError('createRedelivery', 503)));
    h.actor.send({ type: 'user.confirmRedelivery' });
    await h.reach({ redelivery: 'failed' });
    expect(context(h).redeliveryPreview).to.not.equal(null);
    h.actor.send({ type: 'user.changeRedeliveryDate' });
    expect(h.matches({ redelivery: 'editing' })).to.equal(true);
    expect(context(h).error).to.equal(null);
    expect(context(h).redeliveryPreview).to.equal(null);
  });
});

describe('connect machine: the redelivery\'s automatic retry (Retry-After)', () => {
  it('a rate-limited preview is asked again after the wait, and then waits for the confirmation', async () => {
    const h = await toRedelivery((fakes) => fakes.previewRedelivery.fails(rateLimited('previewRedelivery', 5)));
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    await h.reach({ redelivery: 'failed' });
    h.fakes.previewRedelivery.returns((input) => ({ from: input.from, documentCount: 3 }));
    await advance(h, 4900);
    expect(h.fakes.previewRedelivery.calls, 'not before the wait').to.have.length(1);
    await advance(h, 100);
    expect(h.fakes.previewRedelivery.calls, 'asked again by itself').to.have.length(2);
    expect(h.fakes.previewRedelivery.last.input).to.deep.equal({ organisationId: 'org-5', from: '2025-06-01' });
    await h.reach({ redelivery: 'confirming' });
    expect(h.fakes.createRedelivery.calls, 'never sent without a confirmation').to.have.length(0);
  });

  it('a rate-limited redelivery (confirmed already) is sent again after the wait, with its key, not previewed again', async () => {
    const h = await toConfirming('2025-06-01', (fakes) => fakes.createRedelivery.fails(rateLimited('createRedelivery', 5)));
    h.actor.send({ type: 'user.confirmRedelivery' });
    await h.reach({ redelivery: 'failed' });
    h.fakes.createRedelivery.returns(redelivery('2025-06-01'));
    await advance(h, 4900);
    expect(h.fakes.createRedelivery.calls, 'not before the wait').to.have.length(1);
    await advance(h, 100);
    await h.reach({ redelivery: 'submitted' });
    expect(h.fakes.createRedelivery.calls.map((call) => call.input.idempotencyKey)).to.deep.equal(['key-1', 'key-1']);
    expect(h.fakes.previewRedelivery.calls).to.have.length(1);
  });

  it('a new date after a failed redelivery whose preview is rate-limited is previewed again, never sent unconfirmed', async () => {
    const h = await toConfirming('2025-06-01', (fakes) => fakes.createRedelivery.fails(apiError('createRedelivery', 503)));
    h.actor.send({ type: 'user.confirmRedelivery' });
    await h.reach({ redelivery: 'failed' });
    // The user picks another date; its preview meets a 429 the element sits out.
    h.fakes.previewRedelivery.fails(rateLimited('previewRedelivery', 5));
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-05-01' });
    await h.reach({ redelivery: 'failed' });
    h.fakes.previewRedelivery.returns((input) => ({ from: input.from, documentCount: 3 }));
    h.fakes.createRedelivery.returns(redelivery('2025-05-01'));
    await advance(h, 5000);
    expect(h.fakes.createRedelivery.calls.map((call) => call.input.from), 'the new date was never confirmed').to.deep.equal(['2025-06-01']);
    expect(h.fakes.previewRedelivery.calls.map((call) => call.input.from)).to.deep.equal(['2025-06-01', '2025-05-01', '2025-05-01']);
    await h.reach({ redelivery: 'confirming' });
    expect(context(h).redeliveryPreview).to.deep.equal({ from: '2025-05-01', documentCount: 3 });
  });

  it('after Opnieuw and the same date again, a rate-limited preview is previewed again, not sent', async () => {
    const h = await toConfirming('2025-06-01', (fakes) => fakes.createRedelivery.fails(apiError('createRedelivery', 503)));
    h.actor.send({ type: 'user.confirmRedelivery' });
    await h.reach({ redelivery: 'failed' });
    h.actor.send({ type: 'user.retry' });
    h.fakes.previewRedelivery.fails(rateLimited('previewRedelivery', 5));
    h.actor.send({ type: 'user.submitRedelivery', from: '2025-06-01' });
    await h.reach({ redelivery: 'failed' });
    h.fakes.previewRedelivery.returns((input) => ({ from: input.from, documentCount: 3 }));
    await advance(h, 5000);
    expect(h.fakes.createRedelivery.calls, 'not sent again before a confirmation').to.have.length(1);
    await h.reach({ redelivery: 'confirming' });
  });
});
