import { expect } from '@esm-bundle/chai';
import {
  apiError,
  connection,
  administration,
  failures,
  organisation,
  page,
  SEARCH_DEBOUNCE_MS,
  toAdministration,
  toAuthorized,
} from './fakes.js';
import { plainLogins, type Harness } from './fakes.js';
import { ApiError } from '../../src/api/api-error.js';

const connectedEvents = (h: Harness) => h.emitted.filter((event) => event.type === 'connected');

/** Selects administration 101 and finishes with a createConnection that fails once. */
async function toFinishFailed(error = apiError('createConnection', 409)) {
  const h = await toAdministration((fakes) => fakes.createConnection.fails(error));
  h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
  h.actor.send({ type: 'user.finish' });
  await h.reach({ flow: { administration: 'finishFailed' } });
  return h;
}

describe('connect machine: administration step', () => {
  it('has the administrations of the authorization (fetched when the login was confirmed) and is ready', async () => {
    const first = page([administration(101), administration(102)], 'c-2', 7);
    const h = await toAuthorized((fakes) => fakes.listDivisions.returns(first));
    h.actor.send({ type: 'user.continue' });
    const ready = await h.reach({ flow: { administration: 'ready' } });
    expect(ready.context.administrations).to.deep.equal({ query: '', ...first, suggested: [], suggestedFor: 'org-1' });
    expect(h.fakes.listDivisions.last.input).to.deep.equal({ authorizationId: 'auth-1', organisationId: 'org-1', query: '' });
  });

  it('goes to failed when the administrations cannot be loaded, emitting "failed"; retry loads again', async () => {
    const error = apiError('listDivisions');
    const h = await toAuthorized((fakes) => fakes.listDivisions.fails(error));
    h.actor.send({ type: 'user.continue' });
    const failed = await h.reach({ flow: { administration: 'failed' } });
    expect(failed.context.error).to.equal(error);
    expect(failures(h).map((event) => event.error)).to.deep.equal([error]);

    h.fakes.listDivisions.returns(page([administration(201)]));
    h.actor.send({ type: 'user.retry' });
    expect(h.matches({ flow: { administration: 'loading' } })).to.equal(true);
    expect(h.actor.getSnapshot().context.error).to.equal(null);
    const ready = await h.reach({ flow: { administration: 'ready' } });
    expect(ready.context.administrations.items.map((d) => d.code)).to.deep.equal([201]);
  });

  it('turns a non-ApiError administrations failure into a contract ApiError', async () => {
    const h = await toAuthorized((fakes) => fakes.listDivisions.fails({ weird: true }));
    h.actor.send({ type: 'user.continue' });
    const failed = await h.reach({ flow: { administration: 'failed' } });
    expect(failed.context.error?.kind).to.equal('contract');
    expect(failed.context.error?.operation).to.equal('listDivisions');
  });

  describe('search', () => {
    it('makes ONE request with the last query for two quick searches', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.searchAdministrations', query: 'bv' });
      expect(h.matches({ flow: { administration: 'debouncing' } })).to.equal(true);
      h.clock.increment(100);
      h.actor.send({ type: 'user.searchAdministrations', query: 'bv acme' });
      h.clock.increment(SEARCH_DEBOUNCE_MS - 1);
      expect(h.fakes.listDivisions.calls).to.have.length(1);
      h.clock.increment(1);
      expect(h.fakes.listDivisions.calls).to.have.length(2);
      expect(h.fakes.listDivisions.last.input).to.deep.equal({ authorizationId: 'auth-1', organisationId: 'org-1', query: 'bv acme' });
      h.clock.increment(10 * SEARCH_DEBOUNCE_MS);
      expect(h.fakes.listDivisions.calls).to.have.length(2);
    });

    it('aborts the request in flight when a new search starts, and shows only the newer answer', async () => {
      const h = await toAdministration();
      h.fakes.listDivisions.hold();
      h.actor.send({ type: 'user.searchAdministrations', query: 'a' });
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      const inFlight = h.fakes.listDivisions.last;
      h.actor.send({ type: 'user.searchAdministrations', query: 'ab' });
      expect(inFlight.signal.aborted).to.equal(true);
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      inFlight.resolve(page([administration(1)]));
      h.fakes.listDivisions.last.resolve(page([administration(2)], null, 1));
      const ready = await h.reach({ flow: { administration: 'ready' } });
      expect(ready.context.administrations).to.deep.equal({ query: 'ab', ...page([administration(2)], null, 1), suggested: [], suggestedFor: 'org-1' });
    });
  });

  describe('load more', () => {
    it('appends the next page, asking with the cursor and keeping the query', async () => {
      const h = await toAdministration();
      h.fakes.listDivisions.returns(page([administration(1)], 'cur-2', 2));
      h.actor.send({ type: 'user.searchAdministrations', query: 'x' });
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      await h.reach({ flow: { administration: 'ready' } });

      h.fakes.listDivisions.returns(page([administration(2)], null, 2));
      h.actor.send({ type: 'user.loadMoreAdministrations' });
      expect(h.matches({ flow: { administration: 'loadingMore' } })).to.equal(true);
      expect(h.fakes.listDivisions.last.input).to.deep.equal({ authorizationId: 'auth-1', organisationId: 'org-1', query: 'x', cursor: 'cur-2' });
      const ready = await h.reach({ flow: { administration: 'ready' } });
      expect(ready.context.administrations).to.deep.equal({ query: 'x', items: [administration(1), administration(2)], total: 2, nextCursor: null, suggested: [], suggestedFor: 'org-1' });
    });

    it('does nothing when there is no next page', async () => {
      const h = await toAdministration((fakes) => fakes.listDivisions.returns(page([administration(1)], null)));
      h.actor.send({ type: 'user.loadMoreAdministrations' });
      expect(h.matches({ flow: { administration: 'ready' } })).to.equal(true);
      expect(h.fakes.listDivisions.calls).to.have.length(1);
    });

    it('goes to failed when the next page fails, emitting "failed"', async () => {
      const h = await toAdministration((fakes) => fakes.listDivisions.returns(page([administration(1)], 'c')));
      const error = apiError('listDivisions');
      h.fakes.listDivisions.fails(error);
      h.actor.send({ type: 'user.loadMoreAdministrations' });
      const failed = await h.reach({ flow: { administration: 'failed' } });
      expect(failed.context.error).to.equal(error);
      expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
    });
  });

  describe('suggestions', () => {
    const suggested = [{ match: 'kvk' as const, division: administration(901) }];

    it('keeps the first page\'s suggestions through the next page, drops them for a search, and never chooses one', async () => {
      const h = await toAdministration((fakes) => fakes.listDivisions.returns(Object.assign(page([administration(1)], 'cur-2', 2), { suggested })));
      expect(h.actor.getSnapshot().context.administrations.suggested).to.deep.equal(suggested);
      expect(h.actor.getSnapshot().context.administration, 'a suggestion is not a choice').to.equal(null);
      h.fakes.listDivisions.returns(page([administration(2)], null, 2));
      h.actor.send({ type: 'user.loadMoreAdministrations' });
      await h.reach({ flow: { administration: 'ready' } });
      expect(h.actor.getSnapshot().context.administrations.suggested, 'a next page keeps them').to.deep.equal(suggested);
      h.fakes.listDivisions.returns(page([administration(2)], null, 1));
      h.actor.send({ type: 'user.searchAdministrations', query: 'x' });
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      await h.reach({ flow: { administration: 'ready' } });
      expect(h.actor.getSnapshot().context.administrations.suggested, 'a search answers without them').to.deep.equal([]);
    });

    it('a suggested administration not on a loaded page can be chosen and finished', async () => {
      const h = await toAdministration((fakes) => fakes.listDivisions.returns(Object.assign(page([administration(1)], 'cur-2', 2), { suggested })));
      h.actor.send({ type: 'user.selectAdministration', administration: administration(901) });
      h.fakes.createConnection.returns(connection('con-1'));
      h.actor.send({ type: 'user.finish' });
      expect(h.fakes.createConnection.last.input).to.include({ divisionCode: 901 });
      await h.reach('done');
    });
  });

  describe('selection', () => {
    it('selects a selectable administration; the booking flow defaults to simple', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(102) });
      expect(h.actor.getSnapshot().context.administration?.code).to.equal(102);
      expect(h.actor.getSnapshot().context.bookingFlow).to.equal('simple');
    });

    it('refuses a blocked administration', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(5, { blockedReason: 'blocked' }) });
      expect(h.actor.getSnapshot().context.administration).to.equal(null);
    });

    it('refuses an administration already connected to another organisation', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({
        type: 'user.selectAdministration',
        administration: administration(6, { connectedOrganisation: { id: 'org-x', name: 'X' } }),
      });
      expect(h.actor.getSnapshot().context.administration?.code).to.equal(101);
    });
  });

  describe('finish', () => {
    it('is refused without an administration', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.finish' });
      expect(h.matches({ flow: { administration: 'ready' } })).to.equal(true);
      expect(h.fakes.createConnection.calls).to.have.length(0);
    });

    it('is refused with the advanced booking flow, and allowed again after switching back to simple', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.selectBookingFlow', bookingFlow: 'advanced' });
      expect(h.actor.getSnapshot().context.bookingFlow).to.equal('advanced');
      h.actor.send({ type: 'user.finish' });
      expect(h.matches({ flow: { administration: 'ready' } })).to.equal(true);
      expect(h.fakes.createConnection.calls).to.have.length(0);

      h.actor.send({ type: 'user.selectBookingFlow', bookingFlow: 'simple' });
      h.actor.send({ type: 'user.finish' });
      expect(h.matches({ flow: { administration: 'finishing' } })).to.equal(true);
    });

    it('creates the connection, goes to done and emits "connected" with it', async () => {
      const created = connection('con-42');
      const h = await toAdministration((fakes) => fakes.createConnection.returns(created));
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.finish' });
      expect(h.matches({ flow: { administration: 'finishing' } })).to.equal(true);
      expect(h.fakes.createConnection.last.input).to.deep.equal({
        organisationId: 'org-1',
        authorizationId: 'auth-1',
        divisionCode: 101,
        bookingFlow: 'simple',
        idempotencyKey: 'key-1',
      });
      const done = await h.reach('done');
      expect(done.context.connection).to.deep.equal(created);
      expect(connectedEvents(h)).to.deep.equal([{ type: 'connected', connection: created }]);
    });

    it('makes ONE createConnection call for a double Afronden', async () => {
      const h = await toAdministration((fakes) => fakes.createConnection.hold());
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.finish' });
      h.actor.send({ type: 'user.finish' });
      expect(h.fakes.createConnection.calls).to.have.length(1);
      expect(h.ids).to.deep.equal(['key-1']);
      h.fakes.createConnection.last.resolve(connection('con-1'));
      await h.reach('done');
      expect(h.fakes.createConnection.calls).to.have.length(1);
      expect(connectedEvents(h)).to.have.length(1);
    });

    it('goes to finishFailed when creating fails, emitting "failed" and keeping the choices', async () => {
      const error = apiError('createConnection', 409);
      const h = await toFinishFailed(error);
      const snapshot = h.actor.getSnapshot();
      expect(snapshot.context.error).to.equal(error);
      expect(snapshot.context.administration?.code).to.equal(101);
      expect(snapshot.context.idempotencyKey).to.equal('key-1');
      expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
      expect(connectedEvents(h)).to.have.length(0);
    });

    it('turns a non-ApiError create failure into a contract ApiError', async () => {
      const h = await toAdministration((fakes) => fakes.createConnection.fails(new Error('oops')));
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.finish' });
      const failed = await h.reach({ flow: { administration: 'finishFailed' } });
      expect(failed.context.error?.kind).to.equal('contract');
      expect(failed.context.error?.operation).to.equal('createConnection');
      expect(failures(h)[0]?.error).to.equal(failed.context.error);
    });

    it('retries with the SAME idempotency key', async () => {
      const h = await toFinishFailed();
      h.fakes.createConnection.returns(connection('con-1'));
      h.actor.send({ type: 'user.retry' });
      expect(h.matches({ flow: { administration: 'finishing' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.error).to.equal(null);
      expect(h.fakes.createConnection.calls.map((call) => call.input.idempotencyKey)).to.deep.equal(['key-1', 'key-1']);
      await h.reach('done');
      expect(h.ids).to.deep.equal(['key-1']);
    });

    it('selecting another administration after a failure returns to ready, and the next finish uses a NEW key', async () => {
      const h = await toFinishFailed();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(102) });
      expect(h.matches({ flow: { administration: 'ready' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.error).to.equal(null);
      expect(h.actor.getSnapshot().context.idempotencyKey).to.equal(null);
      h.fakes.createConnection.returns(connection('con-1'));
      h.actor.send({ type: 'user.finish' });
      expect(h.fakes.createConnection.last.input).to.include({ divisionCode: 102, idempotencyKey: 'key-2' });
      await h.reach('done');
    });

    it('refuses a blocked administration after a failure and stays in finishFailed', async () => {
      const h = await toFinishFailed();
      h.actor.send({ type: 'user.selectAdministration', administration: administration(7, { blockedReason: 'blocked' }) });
      expect(h.matches({ flow: { administration: 'finishFailed' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.administration?.code).to.equal(101);
      expect(h.actor.getSnapshot().context.idempotencyKey).to.equal('key-1');
    });

    it('changing the booking flow after a failure returns to ready with a fresh key to come', async () => {
      const h = await toFinishFailed();
      h.actor.send({ type: 'user.selectBookingFlow', bookingFlow: 'advanced' });
      expect(h.matches({ flow: { administration: 'ready' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.idempotencyKey).to.equal(null);
      expect(h.actor.getSnapshot().context.error).to.equal(null);
      h.actor.send({ type: 'user.selectBookingFlow', bookingFlow: 'simple' });
      h.actor.send({ type: 'user.finish' });
      expect(h.fakes.createConnection.last.input.idempotencyKey).to.equal('key-2');
    });

    it('keeps the key for the same choices: a search after a failure, then Afronden, reuses it', async () => {
      const h = await toFinishFailed();
      h.actor.send({ type: 'user.searchAdministrations', query: '10' });
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      await h.reach({ flow: { administration: 'ready' } });
      expect(h.actor.getSnapshot().context.administration?.code).to.equal(101);
      h.fakes.createConnection.returns(connection('con-1'));
      h.actor.send({ type: 'user.finish' });
      expect(h.fakes.createConnection.calls.map((call) => call.input.idempotencyKey)).to.deep.equal(['key-1', 'key-1']);
      expect(h.ids).to.deep.equal(['key-1']);
    });

    for (const [name, wait] of [['debouncing', 0], ['loading', SEARCH_DEBOUNCE_MS]] as const) {
      it(`Afronden during a search (${name}) finishes with the chosen administration; the search is dropped`, async () => {
        const h = await toAdministration((fakes) => fakes.createConnection.hold());
        h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
        h.fakes.listDivisions.hold();
        h.actor.send({ type: 'user.searchAdministrations', query: 'late' });
        h.clock.increment(wait);
        expect(h.matches({ flow: { administration: name } })).to.equal(true);
        const searches = h.fakes.listDivisions.calls.length;
        h.actor.send({ type: 'user.finish' });
        expect(h.matches({ flow: { administration: 'finishing' } })).to.equal(true);
        expect(h.fakes.createConnection.last.input).to.include({ divisionCode: 101, idempotencyKey: 'key-1' });
        h.clock.increment(SEARCH_DEBOUNCE_MS);
        expect(h.fakes.listDivisions.calls, 'no search after Afronden').to.have.length(searches);
        if (name === 'loading') expect(h.fakes.listDivisions.last.signal.aborted, 'the search in flight is aborted').to.equal(true);
      });
    }

    it('Afronden during a search is refused without an administration, as from the list', async () => {
      const h = await toAdministration();
      h.actor.send({ type: 'user.searchAdministrations', query: 'x' });
      h.actor.send({ type: 'user.finish' });
      expect(h.matches({ flow: { administration: 'debouncing' } })).to.equal(true);
      expect(h.fakes.createConnection.calls).to.have.length(0);
    });

    it('a refusal that stays (mailbox_forbidden) is not tried again: Afronden and retry wait for another choice', async () => {
      const refusal = new ApiError('problem', 'createConnection', 403, 'mailbox_forbidden', null, 'no rights');
      const h = await toFinishFailed(refusal);
      expect(h.actor.getSnapshot().can({ type: 'user.finish' }), 'Afronden offers nothing').to.equal(false);
      h.actor.send({ type: 'user.finish' });
      expect(h.matches({ flow: { administration: 'finishFailed' } })).to.equal(true);
      expect(h.fakes.createConnection.calls).to.have.length(1);
      // Chosen again (fixed in Exact Online) or another one: Afronden is a new attempt.
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.fakes.createConnection.returns(connection('con-1'));
      expect(h.actor.getSnapshot().can({ type: 'user.finish' })).to.equal(true);
      h.actor.send({ type: 'user.finish' });
      await h.reach('done');
      expect(h.fakes.createConnection.calls).to.have.length(2);
    });

    it('a passing failure (503) keeps Afronden as a retry of the same attempt', async () => {
      const h = await toFinishFailed(apiError('createConnection', 503));
      expect(h.actor.getSnapshot().can({ type: 'user.finish' })).to.equal(true);
    });

    // `Afronden` is handled by the step itself (issue 11): after a failure it is a retry of the
    // same attempt, never a second connection under a new key.
    it('Afronden again in finishFailed tries the same attempt once more, with the SAME key', async () => {
      const h = await toFinishFailed();
      h.fakes.createConnection.hold();
      h.actor.send({ type: 'user.finish' });
      h.actor.send({ type: 'user.finish' });
      expect(h.matches({ flow: { administration: 'finishing' } })).to.equal(true);
      expect(h.fakes.createConnection.calls.map((call) => call.input.idempotencyKey)).to.deep.equal(['key-1', 'key-1']);
      expect(h.ids, 'no new key made').to.deep.equal(['key-1']);
      expect(h.actor.getSnapshot().context.error).to.equal(null);
      h.fakes.createConnection.last.resolve(connection('con-1'));
      await h.reach('done');
      expect(connectedEvents(h)).to.have.length(1);
    });

    // One key per attempt at one (organisation, administration, flow): a new organisation and login
    // must never replay the earlier attempt's key.
    it('finishing for another organisation after a failed finish uses a new idempotency key', async () => {
      const h = await toFinishFailed();
      h.actor.send({ type: 'user.back' }); // → login.authorized
      h.actor.send({ type: 'user.back' }); // → system
      h.actor.send({ type: 'user.back' }); // → organisation
      await h.reach({ flow: { organisation: 'ready' } });
      h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-2') });
      h.actor.send({ type: 'user.confirmOrganisation' });
      h.actor.send({ type: 'user.chooseExact' });
      await h.reach({ flow: { login: 'ready' } });
      h.actor.send({ type: 'user.openLogin' });
      h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
      await h.reach({ flow: { login: 'authorized' } });
      h.actor.send({ type: 'user.continue' });
      await h.reach({ flow: { administration: 'ready' } });
      h.fakes.createConnection.returns(connection('con-2'));
      // The new login voids the earlier choice: nothing is selected, `Afronden` waits for one.
      expect(h.actor.getSnapshot().context.administration).to.equal(null);
      h.actor.send({ type: 'user.finish' });
      expect(h.fakes.createConnection.calls).to.have.length(1);
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.finish' });
      expect(h.fakes.createConnection.calls).to.have.length(2);
      const input = h.fakes.createConnection.last.input;
      expect(input.organisationId).to.equal('org-2');
      expect(input.idempotencyKey).to.not.equal('key-1');
    });

    // Leaving `finishing` would abort a request whose connection the backend may already have made.
    it('an administration search while finishing does not abandon the createConnection request', async () => {
      const h = await toAdministration((fakes) => fakes.createConnection.hold());
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.finish' });
      const request = h.fakes.createConnection.last;
      h.actor.send({ type: 'user.searchAdministrations', query: 'late typing' });
      expect(request.signal.aborted).to.equal(false);
      expect(h.matches({ flow: { administration: 'finishing' } })).to.equal(true);
    });

    it('`Opnieuw inloggen` while finishing waits too: the request and its key stay; after a failure it goes', async () => {
      const h = await toAdministration((fakes) => fakes.createConnection.hold());
      h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
      h.actor.send({ type: 'user.finish' });
      const request = h.fakes.createConnection.last;
      h.actor.send({ type: 'user.loginAgain' });
      expect(request.signal.aborted, 'the request goes on').to.equal(false);
      expect(h.matches({ flow: { administration: 'finishing' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.idempotencyKey).to.equal('key-1');
      // Positive control: once the request failed, the same event leaves for a new login (opened at once).
      request.reject(apiError('createConnection', 500));
      await h.reach({ flow: { administration: 'finishFailed' } });
      h.actor.send({ type: 'user.loginAgain' });
      expect(h.signIn()?.matches('open'), 'the login window is open').to.equal(true);
      expect(h.fakes.loginWindow.starts.at(-1)?.authorizationId).to.equal('auth-ahead-1');
    });
  });

  it('goes back to the authorized login, keeping the authorization', async () => {
    const h = await toAdministration();
    h.actor.send({ type: 'user.back' });
    expect(h.matches({ flow: { login: 'authorized' } })).to.equal(true);
    expect(h.actor.getSnapshot().context.authorization?.id).to.equal('auth-1');
    expect(plainLogins(h.fakes), 'no second login').to.have.length(1);
  });
});
