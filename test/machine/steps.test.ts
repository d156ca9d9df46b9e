import { expect } from '@esm-bundle/chai';
import { currentStep, FLOW_STEP_COUNT } from '../../src/machine/steps.js';
import type { CurrentStep } from '../../src/machine/steps.js';
import type { ResumeRecord } from '../../src/machine/types.js';
import {
  administration,
  apiError,
  connection,
  organisation,
  startMachine,
  status,
  toAdministration,
  toAuthorized,
  toConnections,
  toDone,
  toLoginOpen,
  toLoginReady,
  toOrganisation,
  toSystem,
} from './fakes.js';
import type { FlowState, Harness } from './fakes.js';

/**
 * Each state says which view it shows and its number in "Stap n van 5" (its meta), so the
 * element never reads state values: the numbers the user sees on each step.
 */

const record: ResumeRecord = {
  organisation: organisation('org-7'),
  authorizationId: 'auth-9',
  administration: null,
  bookingFlow: 'simple',
  idempotencyKey: null,
};

const step = (view: CurrentStep['view'], number: number | null): CurrentStep => ({ view, number, total: FLOW_STEP_COUNT });

const cases: Array<[string, () => Promise<Harness>, FlowState, CurrentStep]> = [
  ['checking the status', async () => startMachine((fakes) => fakes.getStatus.hold()), 'checkingStatus', step('checkingStatus', null)],
  ['a failed status check', async () => startMachine((fakes) => fakes.getStatus.fails(apiError('getStatus'))), 'statusFailed', step('statusFailed', null)],
  ['the missing app', async () => startMachine((fakes) => fakes.getStatus.returns(status(false))), 'notInstalled', step('notInstalled', null)],
  ['resuming', async () => startMachine((fakes) => fakes.getAuthorization.hold(), { resume: record }), 'resuming', step('resuming', null)],
  ['a failed resume', async () => startMachine((fakes) => fakes.getAuthorization.fails(apiError('getAuthorization')), { resume: record }), 'resumeFailed', step('resuming', null)],
  ['the connections loading', async () => startMachine((fakes) => fakes.listConnections.hold()), { connections: 'loading' }, step('connections', null)],
  ['the connections', toConnections, { connections: 'list' }, step('connections', null)],
  ['connections that failed', async () => startMachine((fakes) => fakes.listConnections.fails(apiError('listConnections'))), { connections: 'failed' }, step('connections', null)],
  ['the organisation step', toOrganisation, { flow: { organisation: 'ready' } }, step('organisation', 1)],
  ['the system step', toSystem, { flow: 'system' }, step('system', 2)],
  ['the login, preparing', async () => {
    const h = await toSystem((fakes) => fakes.startAuthorization.hold());
    h.actor.send({ type: 'user.chooseExact' });
    return h;
  }, { flow: { login: 'preparing' } }, step('login', 3)],
  ['the login, ready', toLoginReady, { flow: { login: 'ready' } }, step('login', 3)],
  ['the login window open', toLoginOpen, { flow: { login: 'open' } }, step('login', 3)],
  ['a login problem', async () => {
    const h = await toLoginOpen();
    h.fakes.loginWindow.block();
    return h;
  }, { flow: { login: 'problem' } }, step('login', 3)],
  ['the confirmed login', toAuthorized, { flow: { login: 'authorized' } }, step('login', 3)],
  ['the same-tab login', async () => {
    const h = await toLoginOpen();
    h.fakes.loginWindow.block();
    h.actor.send({ type: 'user.loginSameTab' });
    return h;
  }, { flow: { login: 'leftForLogin' } }, step('login', 3)],
  ['the administration step', toAdministration, { flow: { administration: 'ready' } }, step('administration', 4)],
  ['Afronden', async () => {
    const h = await toAdministration((fakes) => fakes.createConnection.hold());
    h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
    h.actor.send({ type: 'user.finish' });
    return h;
  }, { flow: { administration: 'finishing' } }, step('administration', 4)],
  ['done', toDone, 'done', step('done', 5)],
  ['the redelivery', async () => {
    const h = await toConnections();
    h.actor.send({ type: 'user.redeliver', connection: connection('con-1') });
    return h;
  }, { redelivery: 'editing' }, step('redelivery', null)],
];

describe('connect machine: the step each state shows', () => {
  for (const [name, walk, state, expected] of cases) {
    it(`${name}: ${expected.view}${expected.number ? `, step ${expected.number} of ${FLOW_STEP_COUNT}` : ', no step number'}`, async () => {
      const h = await walk();
      const snapshot = await h.reach(state);
      expect(currentStep(snapshot)).to.deep.equal(expected);
    });
  }

  it('the numbers follow the flow: organisation, system, login, administration, done', async () => {
    const h = await toConnections();
    const seen: number[] = [];
    const note = () => {
      const number = currentStep(h.actor.getSnapshot()).number;
      if (number !== null && seen[seen.length - 1] !== number) seen.push(number);
    };
    h.actor.subscribe(note);
    h.actor.send({ type: 'user.newConnection' });
    await h.reach({ flow: { organisation: 'ready' } });
    h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-1') });
    h.actor.send({ type: 'user.confirmOrganisation' });
    h.actor.send({ type: 'user.chooseExact' });
    await h.reach({ flow: { login: 'ready' } });
    h.actor.send({ type: 'user.openLogin' });
    h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
    await h.reach({ flow: { login: { authorized: 'prefetched' } } });
    h.actor.send({ type: 'user.continue' });
    h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
    h.actor.send({ type: 'user.finish' });
    await h.reach('done');
    expect(seen).to.deep.equal([1, 2, 3, 4, 5]);
  });
});
