import { expect } from '@esm-bundle/chai';
import { createActor, setup } from 'xstate';
import type { AnyActorScope, EventObject } from 'xstate';
import { getStateNodes } from 'xstate/graph';
import { ApiError } from '../../src/api/api-error.js';
import { connectMachine } from '../../src/machine/connect-machine.js';
import { signInMachine } from '../../src/machine/sign-in-machine.js';
import type { SignInSnapshot } from '../../src/machine/steps.js';
import type { SignInEvent, SignInInput } from '../../src/machine/types.js';
import { deadEnds, expectNone, unreachedStateNodes, walkMachine } from './graph-walk.js';
import { authorization, started } from './fakes.js';

/**
 * Path coverage of the Exact login (the child machine `signIn`), walked on its own: the graph
 * module does not run a child inside its parent, so the parent sees only the child's output
 * (paths.test.ts sends it as the child's done event) and what the child sends it. How the two
 * talk at run time (forwarded user events, `signIn.failed`, `signIn.leave`, the output) is
 * covered by the hand-driven tests with a SimulatedClock (login*.test.ts, robustness.test.ts,
 * resume.test.ts); below, a check that each side answers every event the other sends.
 */

const failure = (operation: string, status: number, retryAfter: number | null = null) =>
  new ApiError(status === 429 ? 'problem' : 'http', operation, status, null, retryAfter, 'walk');

/** What the user, the login window and the login's own regions can send. */
const sentEvents: SignInEvent[] = [
  { type: 'user.openLogin' },
  { type: 'user.reuseGrant', authorization: authorization('grant-1') },
  { type: 'user.loginAsOther' },
  { type: 'user.loginSameTab' },
  { type: 'user.retry' },
  { type: 'login.reported', authorizationId: 'auth-1' },
  { type: 'popup.blocked' },
  { type: 'popup.closed' },
  { type: 'login.check' },
  { type: 'authorization.pending' },
  { type: 'authorization.unknown', error: failure('getAuthorization', 503) },
];

/** What each actor may answer. The login window is a callback actor: its events are above. */
const answers: Record<string, { outputs: unknown[]; errors: unknown[] }> = {
  startAuthorization: { outputs: [started('auth-1')], errors: [failure('startAuthorization', 503), failure('startAuthorization', 429, 5)] },
  listAuthorizations: { outputs: [[], [authorization('grant-1')]], errors: [failure('listAuthorizations', 503)] },
  getAuthorization: {
    outputs: (['authorized', 'pending', 'denied', 'expired', 'revoked', 'failed'] as const).map((outcome) => authorization('auth-1', outcome)),
    errors: [failure('getAuthorization', 503), failure('getAuthorization', 429, 5)],
  },
  loginWindow: { outputs: [], errors: [] },
};

function events(snapshot: SignInSnapshot): EventObject[] {
  const found: EventObject[] = [...sentEvents];
  for (const [id, child] of Object.entries(snapshot.children as Record<string, { src: unknown } | undefined>)) {
    const answer = answers[String(child?.src)];
    if (!answer) throw new Error(`The walk has no answers for the actor "${String(child?.src)}" (${id}).`);
    for (const output of answer.outputs) found.push({ type: `xstate.done.actor.${id}`, output } as EventObject);
    for (const error of answer.errors) found.push({ type: `xstate.error.actor.${id}`, error } as EventObject);
  }
  const own = (snapshot as unknown as { _nodes: Array<{ ownEvents: string[] }> })._nodes.flatMap((node) => node.ownEvents);
  for (const type of new Set(own)) if (type.startsWith('xstate.after.')) found.push({ type });
  return found;
}

/** A state: its value and what the guards and `!`s read (the polls only up to the longest interval). */
const serialize = (snapshot: SignInSnapshot): string => {
  const c = snapshot.context;
  return JSON.stringify({
    value: snapshot.value,
    status: snapshot.status,
    started: c.started !== null,
    authorization: c.authorization !== null,
    reusable: c.reusable !== null,
    forceNewLogin: c.forceNewLogin,
    loginProblem: c.loginProblem,
    error: c.error ? (c.error.status === 429 && (c.error.retryAfter ?? 0) <= 120 ? 'waits' : 'shown') : null,
    checkQueued: c.checkQueued,
    unseenPolls: Math.min(c.unseenPolls, 3),
  });
};

/**
 * The login sends to its parent (`sendParent`), which needs a parent to resolve; the graph
 * module's own scope has none. The events go nowhere: the walk only needs them resolvable.
 */
function scopeWithParent(input: SignInInput): AnyActorScope {
  const parent = createActor(setup({}).createMachine({}));
  const self = createActor(signInMachine, { input, parent } as never);
  return {
    self,
    id: 'signIn',
    sessionId: 'walk',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: () => {},
    system: self.system,
  } as unknown as AnyActorScope;
}

const inputs: SignInInput[] = [
  { loginTimeout: 60_000, forceNewLogin: false, organisationId: 'org-1', problem: null },
  // "Log in again" from the administration step: no grant offered.
  { loginTimeout: 60_000, forceNewLogin: true, organisationId: 'org-1', problem: null },
  // Back from a same-tab login the backend refused while the page was away.
  { loginTimeout: 60_000, forceNewLogin: false, organisationId: 'org-1', problem: 'denied' },
];

type Walked = { input: SignInInput; walk: ReturnType<typeof walkMachine<SignInSnapshot>> };
let walked: Walked[] | null = null;
const walks = (): Walked[] =>
  (walked ??= inputs.map((input) => ({ input, walk: walkMachine<SignInSnapshot>(signInMachine, { input, events, serialize, scope: scopeWithParent(input) }) })));

const userEventsOf = (nodes: Array<{ ownEvents: string[] }>) => new Set(nodes.flatMap((node) => node.ownEvents).filter((type) => type.startsWith('user.')));

describe('sign-in machine: every path (xstate/graph)', () => {
  it('the walk is a real one: many states, every event tried in each', () => {
    for (const { walk } of walks()) {
      expect(walk.states.size, 'distinct states reached').to.be.greaterThan(30);
      for (const [key, { transitions }] of Object.entries(walk.adjacency)) {
        const tried = new Set(Object.values(transitions as object).map(({ event }: { event: EventObject }) => event.type));
        expectNone(sentEvents.map((event) => event.type).filter((type) => !tried.has(type)), `events not tried in ${key}`);
      }
    }
  });

  it('reaches every state of the login', () => {
    const unreached = walks().map(({ input, walk }) => new Set(unreachedStateNodes(signInMachine, walk, input)));
    expectNone([...unreached[0]!].filter((id) => unreached.every((ids) => ids.has(id))), 'states no path reaches');
  });

  it('no event crashes it in any state: no throw, no error snapshot', () => {
    expectNone(walks().flatMap(({ walk }) => walk.crashes.map((crash) => `${crash.event} in ${crash.state}: ${crash.error}`)), 'crashes (event in state: error)');
  });

  it('has no dead end: from every state a path leads to a grant (the parent can always leave it)', () => {
    const stuck = walks().flatMap(({ walk }) =>
      deadEnds(walk, (snapshot) => snapshot.status === 'done', serialize).map((key) => `${key}\n  reached by: ${walk.pathTo(key).join(' → ')}`),
    );
    expectNone(stuck, 'dead ends');
  });

  it('ends with its grant as output: every final state has the authorization', () => {
    const empty = walks().flatMap(({ walk }) =>
      [...walk.states].filter(([, snapshot]) => snapshot.status === 'done' && snapshot.output?.status !== 'authorized').map(([key]) => key),
    );
    expect(walks().some(({ walk }) => [...walk.states.values()].some((snapshot) => snapshot.status === 'done')), 'a grant is reached').to.equal(true);
    expectNone(empty, 'final states without an authorized grant');
  });

  it('the connect machine passes on every user event the login handles, and handles what the login sends it', () => {
    const signingIn = connectMachine.getStateNodeById('connect.flow.login.signingIn');
    const passedOn = userEventsOf([signingIn as never]);
    const handled = userEventsOf(getStateNodes(signInMachine.root) as never);
    expectNone([...handled].filter((type) => !passedOn.has(type)), 'user events the login handles but never gets');
    expectNone(['signIn.failed', 'signIn.leave'].filter((type) => !(signingIn.ownEvents as string[]).includes(type)), 'events from the login the connect machine ignores');
  });
});
