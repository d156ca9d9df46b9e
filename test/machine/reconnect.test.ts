import { expect } from '@esm-bundle/chai';
import type { Authorization } from '../../src/api/types.js';
import { apiError, authorization, connection, failures, flushAnswers, started, toConnections } from './fakes.js';
import type { Fakes, Harness } from './fakes.js';

/**
 * `Opnieuw verbinden` (issue 13): a connection whose login lapsed, was replaced or left its
 * administration out gets one login (the `signIn` child, on the connection's Exact host, no grant
 * offered). The backend moves every connection of the Exact user who logged in onto that grant
 * (`repointed`); when the asked one is not among them (another Exact user takes over), the
 * element asks the backend to point it there (`reauthorizeConnection`). Back on the overview it
 * says what was repaired, what else came back, and what still needs attention.
 */

const lien = { id: 'user-lien', name: 'Lien' };
const lapsed = connection('con-1', { status: 'needs_login', region: 'be', exactUser: lien, organisation: { id: 'org-1', name: 'Bakkerij' } });
const alsoLapsed = connection('con-2', { status: 'needs_login', exactUser: lien, organisation: { id: 'org-2', name: 'Slagerij' }, division: { code: 2, name: 'Two' } });
const leftOut = connection('con-3', { status: 'needs_login', exactUser: lien, organisation: { id: 'org-3', name: 'Visboer' }, division: { code: 3, name: 'Three' } });

const context = (h: Harness) => h.actor.getSnapshot().context;
const grant = (id: string, repointed: Authorization['repointed']): Authorization => ({ ...authorization(id, 'authorized'), repointed });

/** The overview with three connections of one Exact user, the first being reconnected: at `Open`. */
async function toReconnectReady(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toConnections((fakes) => {
    fakes.listConnections.returns([lapsed, alsoLapsed, leftOut]);
    // A grant the platform holds is no repair here: it must not be offered.
    fakes.listAuthorizations.returns([authorization('grant-other', 'authorized')]);
    configure?.(fakes);
  });
  h.actor.send({ type: 'user.reconnect', connection: lapsed });
  await h.reach({ reconnect: 'signingIn' });
  await flushAnswers();
  expect(h.signIn()?.matches('ready'), 'Open is offered').to.equal(true);
  return h;
}

/** The login window reports, and the backend says the login is this grant. */
async function logIn(h: Harness, output: Authorization) {
  h.fakes.getAuthorization.returns(output);
  h.actor.send({ type: 'user.openLogin' });
  h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
  await flushAnswers();
}

describe('connect machine: reconnect', () => {
  it('user.reconnect starts a login on the connection\'s host, for its organisation, both URLs, no grant offered', async () => {
    const h = await toReconnectReady();
    expect(context(h).reconnecting).to.deep.equal(lapsed);
    expect(h.fakes.startAuthorization.calls.map((call) => call.input)).to.deep.equal([
      { organisationId: 'org-1', region: 'be', forceLogin: false },
      { organisationId: 'org-1', region: 'be', forceLogin: true },
    ]);
    expect(h.signIn()?.context.reusable).to.equal(null);
  });

  it('a login that repaired it (repointed active): back on the overview, the others named, those left out too, no reauthorize', async () => {
    const h = await toReconnectReady();
    h.fakes.listConnections.hold();
    await logIn(h, grant('auth-1', [
      { connectionId: 'con-1', status: 'active' },
      { connectionId: 'con-2', status: 'active' },
      { connectionId: 'con-3', status: 'division_unavailable' },
    ]));
    await h.reach({ connections: 'loading' });
    const { reconnected, connections } = context(h);
    expect(reconnected?.connection.id).to.equal('con-1');
    expect(reconnected?.connection.status).to.equal('active');
    expect(reconnected?.others.map((c) => c.id)).to.deep.equal(['con-2']);
    expect(reconnected?.attention.map((c) => [c.id, c.status])).to.deep.equal([['con-3', 'division_unavailable']]);
    // The list shows the new health at once, before the reload confirms it.
    expect(connections.map((c) => c.status)).to.deep.equal(['active', 'active', 'division_unavailable']);
    expect(h.fakes.reauthorizeConnection.calls).to.have.length(0);
    expect(h.emitted.filter((event) => event.type === 'reconnected').map((event) => (event as { connections: { id: string }[] }).connections.map((c) => c.id)))
      .to.deep.equal([['con-1', 'con-2']]);
    h.fakes.listConnections.last.resolve([{ ...lapsed, status: 'active' }, { ...alsoLapsed, status: 'active' }, { ...leftOut, status: 'division_unavailable' }]);
    await h.reach({ connections: 'list' });
    expect(context(h).reconnected?.connection.id, 'still said after the reload').to.equal('con-1');
    expect(context(h).reconnecting).to.equal(null);
  });

  it('another Exact user\'s login (not repointed): the connection is pointed at it in place, and the backend\'s answer is shown', async () => {
    const h = await toReconnectReady((fakes) => fakes.reauthorizeConnection.hold());
    await logIn(h, grant('auth-bram', []));
    await h.reach({ reconnect: 'reauthorizing' });
    expect(h.fakes.reauthorizeConnection.last.input).to.deep.equal({ connectionId: 'con-1', authorizationId: 'auth-bram' });
    h.fakes.reauthorizeConnection.last.resolve({ ...lapsed, status: 'active', authorizationId: 'auth-bram', exactUser: { id: 'user-bram', name: 'Bram' } });
    await h.reach({ connections: 'list' });
    expect(context(h).reconnected?.connection.exactUser?.name).to.equal('Bram');
    expect(context(h).reconnected?.others).to.deep.equal([]);
  });

  it('a refused reauthorize (422) is shown with the way on: log in again (new URLs) or retry the same grant', async () => {
    const refusal = apiError('reauthorizeConnection', 422);
    const h = await toReconnectReady((fakes) => fakes.reauthorizeConnection.fails(refusal));
    await logIn(h, grant('auth-bram', []));
    await h.reach({ reconnect: 'failed' });
    expect(context(h).error).to.equal(refusal);
    expect(failures(h).map((event) => event.error)).to.deep.equal([refusal]);
    h.fakes.reauthorizeConnection.returns(connection('con-1'));
    h.actor.send({ type: 'user.retry' });
    await h.reach({ connections: 'list' });
    expect(h.fakes.reauthorizeConnection.calls).to.have.length(2);
    expect(h.fakes.reauthorizeConnection.calls.map((call) => call.input.authorizationId)).to.deep.equal(['auth-bram', 'auth-bram']);
  });

  it('after a refusal, `Opnieuw inloggen` starts a fresh login for the same connection', async () => {
    const h = await toReconnectReady((fakes) => fakes.reauthorizeConnection.fails(apiError('reauthorizeConnection', 422)));
    await logIn(h, grant('auth-bram', []));
    await h.reach({ reconnect: 'failed' });
    h.actor.send({ type: 'user.loginAgain' });
    await h.reach({ reconnect: 'signingIn' });
    await flushAnswers();
    expect(context(h).error).to.equal(null);
    expect(context(h).reconnecting?.id).to.equal('con-1');
    expect(h.fakes.startAuthorization.calls).to.have.length(4);
  });

  it('`Annuleren` goes back to the overview with nothing changed', async () => {
    const h = await toReconnectReady();
    h.actor.send({ type: 'user.cancel' });
    await h.reach({ connections: 'list' });
    expect(context(h).reconnecting).to.equal(null);
    expect(context(h).reconnected).to.equal(null);
    expect(h.fakes.reauthorizeConnection.calls).to.have.length(0);
  });

  it('a blocked popup has no same-tab login here (nothing could resume a reconnect): Open again is the way on', async () => {
    const h = await toReconnectReady();
    h.actor.send({ type: 'user.openLogin' });
    h.fakes.loginWindow.block();
    expect(h.signIn()?.matches('problem')).to.equal(true);
    expect(h.signIn()?.can({ type: 'user.loginSameTab' })).to.equal(false);
    h.actor.send({ type: 'user.loginSameTab' });
    expect(h.matches('reconnect')).to.equal(true);
    h.actor.send({ type: 'user.openLogin' });
    expect(h.fakes.loginWindow.starts).to.have.length(2);
  });

  it('`Inloggen als andere Exact-gebruiker` opens the force_login URL on the connection\'s host', async () => {
    const h = await toReconnectReady();
    h.actor.send({ type: 'user.loginAsOther' });
    expect(h.fakes.loginWindow.starts).to.deep.equal([{ url: started('auth-other-1').authorizeUrl, authorizationId: 'auth-other-1' }]);
  });

  it('the overview\'s note of a reconnect ends with the next action there', async () => {
    const h = await toReconnectReady();
    await logIn(h, grant('auth-1', [{ connectionId: 'con-1', status: 'active' }]));
    await h.reach({ connections: 'list' });
    expect(context(h).reconnected).to.not.equal(null);
    h.actor.send({ type: 'user.disconnect', connection: alsoLapsed });
    expect(context(h).reconnected).to.equal(null);
  });
});
