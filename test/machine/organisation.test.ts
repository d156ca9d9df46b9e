import { expect } from '@esm-bundle/chai';
import {
  apiError,
  failures,
  organisation,
  page,
  SEARCH_DEBOUNCE_MS,
  toConnections,
  toOrganisation,
  toSystem,
} from './fakes.js';

describe('connect machine: organisation step', () => {
  it('loads the first page of organisations and is ready', async () => {
    const first = page([organisation('org-1'), organisation('org-2')], 'c-2', 5);
    const h = await toConnections((fakes) => fakes.listOrganisations.returns(first));
    h.actor.send({ type: 'user.newConnection' });
    expect(h.actor.getSnapshot().hasTag('busy')).to.equal(true);
    const snapshot = await h.reach({ flow: { organisation: 'ready' } });
    expect(snapshot.hasTag('busy')).to.equal(false);
    expect(snapshot.context.organisations).to.deep.equal({ query: '', ...first });
  });

  it('goes to failed when the organisations cannot be loaded, emitting "failed"; retry loads again', async () => {
    const error = apiError('listOrganisations');
    const h = await toConnections((fakes) => fakes.listOrganisations.fails(error));
    h.actor.send({ type: 'user.newConnection' });
    const failed = await h.reach({ flow: { organisation: 'failed' } });
    expect(failed.context.error).to.equal(error);
    expect(failures(h).map((event) => event.error)).to.deep.equal([error]);

    h.fakes.listOrganisations.returns(page([organisation('org-3')]));
    h.actor.send({ type: 'user.retry' });
    expect(h.matches({ flow: { organisation: 'loading' } })).to.equal(true);
    expect(h.actor.getSnapshot().context.error).to.equal(null);
    const ready = await h.reach({ flow: { organisation: 'ready' } });
    expect(ready.context.organisations.items.map((o) => o.id)).to.deep.equal(['org-3']);
    expect(h.fakes.listOrganisations.calls).to.have.length(2);
  });

  it('turns a non-ApiError organisations failure into a contract ApiError', async () => {
    const h = await toConnections((fakes) => fakes.listOrganisations.fails(new Error('bad page')));
    h.actor.send({ type: 'user.newConnection' });
    const failed = await h.reach({ flow: { organisation: 'failed' } });
    expect(failed.context.error?.kind).to.equal('contract');
    expect(failed.context.error?.operation).to.equal('listOrganisations');
    expect(failures(h)[0]?.error).to.equal(failed.context.error);
  });

  describe('search', () => {
    it('waits for the debounce before asking, then asks with the query', async () => {
      const h = await toOrganisation();
      h.actor.send({ type: 'user.searchOrganisations', query: 'acme' });
      expect(h.matches({ flow: { organisation: 'debouncing' } })).to.equal(true);
      expect(h.actor.getSnapshot().context.organisations.query).to.equal('acme');
      h.clock.increment(SEARCH_DEBOUNCE_MS - 1);
      expect(h.fakes.listOrganisations.calls).to.have.length(1);
      h.clock.increment(1);
      expect(h.matches({ flow: { organisation: 'loading' } })).to.equal(true);
      expect(h.fakes.listOrganisations.calls).to.have.length(2);
      expect(h.fakes.listOrganisations.last.input).to.deep.equal({ query: 'acme' });
    });

    it('makes ONE request with the last query for two quick searches', async () => {
      const h = await toOrganisation();
      h.actor.send({ type: 'user.searchOrganisations', query: 'ac' });
      h.clock.increment(100);
      h.actor.send({ type: 'user.searchOrganisations', query: 'acme' });
      h.clock.increment(SEARCH_DEBOUNCE_MS - 1);
      expect(h.fakes.listOrganisations.calls).to.have.length(1);
      h.clock.increment(1);
      expect(h.fakes.listOrganisations.calls).to.have.length(2);
      expect(h.fakes.listOrganisations.last.input).to.deep.equal({ query: 'acme' });
      h.clock.increment(10 * SEARCH_DEBOUNCE_MS);
      expect(h.fakes.listOrganisations.calls).to.have.length(2);
    });

    it('replaces the list with the search result, keeping the query', async () => {
      const h = await toOrganisation();
      const result = page([organisation('org-acme')], null, 1);
      h.fakes.listOrganisations.returns(result);
      h.actor.send({ type: 'user.searchOrganisations', query: 'acme' });
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      const ready = await h.reach({ flow: { organisation: 'ready' } });
      expect(ready.context.organisations).to.deep.equal({ query: 'acme', ...result });
    });

    it('aborts the request in flight when a new search starts', async () => {
      const h = await toOrganisation();
      h.fakes.listOrganisations.hold();
      h.actor.send({ type: 'user.searchOrganisations', query: 'a' });
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      const inFlight = h.fakes.listOrganisations.last;
      expect(inFlight.input).to.deep.equal({ query: 'a' });
      expect(inFlight.signal.aborted).to.equal(false);

      h.actor.send({ type: 'user.searchOrganisations', query: 'ab' });
      expect(inFlight.signal.aborted).to.equal(true);
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      const second = h.fakes.listOrganisations.last;
      expect(second.input).to.deep.equal({ query: 'ab' });

      // The stale answer arrives late and must not land.
      inFlight.resolve(page([organisation('stale')]));
      second.resolve(page([organisation('fresh')]));
      const ready = await h.reach({ flow: { organisation: 'ready' } });
      expect(ready.context.organisations.items.map((o) => o.id)).to.deep.equal(['fresh']);
      expect(ready.context.organisations.query).to.equal('ab');
    });
  });

  describe('load more', () => {
    it('appends the next page, asking with the cursor and keeping the query', async () => {
      const h = await toOrganisation();
      h.fakes.listOrganisations.returns(page([organisation('org-a1')], 'cursor-2', 3));
      h.actor.send({ type: 'user.searchOrganisations', query: 'a' });
      h.clock.increment(SEARCH_DEBOUNCE_MS);
      await h.reach({ flow: { organisation: 'ready' } });

      h.fakes.listOrganisations.returns(page([organisation('org-a2'), organisation('org-a3')], null, 3));
      h.actor.send({ type: 'user.loadMoreOrganisations' });
      expect(h.matches({ flow: { organisation: 'loadingMore' } })).to.equal(true);
      expect(h.fakes.listOrganisations.last.input).to.deep.equal({ query: 'a', cursor: 'cursor-2' });
      const ready = await h.reach({ flow: { organisation: 'ready' } });
      expect(ready.context.organisations).to.deep.equal({
        query: 'a',
        items: [organisation('org-a1'), organisation('org-a2'), organisation('org-a3')],
        total: 3,
        nextCursor: null,
      });
    });

    it('does nothing when there is no next page', async () => {
      const h = await toOrganisation((fakes) => fakes.listOrganisations.returns(page([organisation('org-1')], null)));
      h.actor.send({ type: 'user.loadMoreOrganisations' });
      expect(h.matches({ flow: { organisation: 'ready' } })).to.equal(true);
      expect(h.fakes.listOrganisations.calls).to.have.length(1);
    });

    it('goes to failed when the next page fails, emitting "failed"', async () => {
      const h = await toOrganisation((fakes) => fakes.listOrganisations.returns(page([organisation('org-1')], 'c')));
      const error = apiError('listOrganisations');
      h.fakes.listOrganisations.fails(error);
      h.actor.send({ type: 'user.loadMoreOrganisations' });
      const failed = await h.reach({ flow: { organisation: 'failed' } });
      expect(failed.context.error).to.equal(error);
      expect(failures(h).map((event) => event.error)).to.deep.equal([error]);
    });
  });

  describe('selection', () => {
    it('selects a selectable organisation', async () => {
      const h = await toOrganisation();
      h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-2') });
      expect(h.actor.getSnapshot().context.organisation?.id).to.equal('org-2');
      expect(h.matches({ flow: { organisation: 'ready' } })).to.equal(true);
    });

    it('refuses an organisation with a blocker', async () => {
      const h = await toOrganisation();
      const blocked = organisation('org-b', { blockers: [{ code: 'legacy_connection_active' }] });
      h.actor.send({ type: 'user.selectOrganisation', organisation: blocked });
      expect(h.actor.getSnapshot().context.organisation).to.equal(null);
    });

    it('refuses an organisation that is already connected', async () => {
      const h = await toOrganisation();
      h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-1') });
      h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-c', { connectionId: 'con-1' }) });
      expect(h.actor.getSnapshot().context.organisation?.id).to.equal('org-1');
    });

    it('refuses to confirm without a selection', async () => {
      const h = await toOrganisation();
      h.actor.send({ type: 'user.confirmOrganisation' });
      expect(h.matches({ flow: { organisation: 'ready' } })).to.equal(true);
    });

    it('confirms the selection and goes to the system step', async () => {
      const h = await toOrganisation();
      h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-1') });
      h.actor.send({ type: 'user.confirmOrganisation' });
      expect(h.matches({ flow: 'system' })).to.equal(true);
      expect(h.actor.getSnapshot().context.organisation?.id).to.equal('org-1');
    });
  });

  it('goes back to the connections and reloads them', async () => {
    const h = await toOrganisation();
    h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-1') });
    h.actor.send({ type: 'user.back' });
    expect(h.matches({ connections: 'loading' })).to.equal(true);
    expect(h.actor.getSnapshot().context.organisation).to.equal(null);
    await h.reach({ connections: 'list' });
    expect(h.fakes.listConnections.calls).to.have.length(2);
    expect(h.emitted.filter((e) => e.type === 'cancelled')).to.have.length(0);
  });
});

describe('connect machine: system step', () => {
  it('choosing Exact Online prepares the login', async () => {
    const h = await toSystem();
    h.actor.send({ type: 'user.chooseExact' });
    expect(h.matches({ flow: { login: 'preparing' } })).to.equal(true);
    // Both URLs at once: `Open`, and `Inloggen als andere Exact-gebruiker` (force_login).
    expect(h.fakes.startAuthorization.calls.map((call) => call.input.forceLogin)).to.deep.equal([false, true]);
  });

  it('goes back to the organisation step, keeping the selection', async () => {
    const h = await toSystem();
    h.actor.send({ type: 'user.back' });
    expect(h.matches({ flow: { organisation: 'loading' } })).to.equal(true);
    await h.reach({ flow: { organisation: 'ready' } });
    expect(h.actor.getSnapshot().context.organisation?.id).to.equal('org-1');
  });
});
