/**
 * Fake effects for the connect machine: every actor the machine and its Exact login (the child
 * machine `signIn`) name, replaced by a recorder whose answers the test decides. Requests answer
 * at once by default; `hold()` keeps them pending until the test settles them by hand. Time is a
 * SimulatedClock, moved by the test. The resume record goes to an in-memory store.
 */
import { createActor, fromCallback, fromPromise, matchesState, SimulatedClock } from 'xstate';
import type { Actor, SnapshotFrom } from 'xstate';
import { ApiError } from '../../src/api/api-error.js';
import type {
  Authorization,
  Connection,
  Division,
  Organisation,
  Page,
  Redelivery,
  RedeliveryPreview,
  StartedAuthorization,
  Status,
} from '../../src/api/types.js';
import { connectMachine } from '../../src/machine/connect-machine.js';
import { signInMachine } from '../../src/machine/sign-in-machine.js';
import { signInOf } from '../../src/machine/steps.js';
import type { BatchCandidates, BatchRecord } from '../../src/machine/batch-types.js';
import type { SignInSnapshot } from '../../src/machine/steps.js';
import type {
  AdministrationPageRequest,
  ConnectEmitted,
  ConnectInput,
  CreateConnectionInput,
  LoginWindowEvent,
  PageRequest,
  ResumeRecord,
  StartAuthorizationInput,
} from '../../src/machine/types.js';

// ---------------------------------------------------------------------------------------------
// Fixtures

/** `connections`: the overview the status answer carries (contract v2); without them the machine asks. */
export const status = (autopilotInstalled = true, connections?: Connection[]): Status => ({
  autopilotInstalled,
  user: { id: 'usr_1', name: 'Lien de Vries' },
  ...(connections && { connections: { items: connections } }),
});

export const organisation = (id: string, overrides: Partial<Organisation> = {}): Organisation => ({
  id,
  name: `Organisation ${id}`,
  connectionId: null,
  blockers: [],
  ...overrides,
});

/** An Exact Online administration (the contract's Division). */
export const administration = (code: number, overrides: Partial<Division> = {}): Division => ({
  code,
  name: `Division ${code}`,
  status: 'active',
  blockedReason: null,
  connectedOrganisation: null,
  ...overrides,
});

export const connection = (id: string, overrides: Partial<Connection> = {}): Connection => ({
  id,
  organisation: { id: `org-of-${id}`, name: `Organisation of ${id}` },
  division: { code: 1, name: 'Division 1' },
  bookingFlow: 'simple',
  createdAt: '2024-05-01T10:00:00Z',
  status: 'active',
  region: 'nl',
  authorizationId: 'auth-0',
  ...overrides,
});

export const started = (id = 'auth-1'): StartedAuthorization => ({
  id,
  authorizeUrl: `https://start.exactonline.nl/api/oauth2/auth?state=${id}`,
  expiresAt: '2030-01-01T00:00:00Z',
  region: 'nl',
});

export const authorization = (id = 'auth-1', status: Authorization['status'] = 'authorized'): Authorization => ({
  id,
  status,
  exactUser: { id: 'exu-1', name: 'Exact User' },
  region: 'nl',
  expiresAt: '2030-01-01T00:00:00Z',
});

export const page = <T>(items: T[], nextCursor: string | null = null, total = items.length): Page<T> => ({
  items,
  nextCursor,
  total,
});

export const redelivery = (from = '2024-01-01'): Redelivery => ({ id: 'red-1', from, documentCount: 3 });

export const apiError = (operation = 'op', status = 500) =>
  new ApiError('http', operation, status, null, null, 'fake failure');

// ---------------------------------------------------------------------------------------------
// Recorders

export interface RecordedCall<I, O> {
  input: I;
  signal: AbortSignal;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/** A request actor: records each call (input and abort signal) and answers as told. */
export class FakeRequest<I, O> {
  readonly calls: RecordedCall<I, O>[] = [];
  /** Answers each call; `null` leaves calls pending for the test to settle. */
  private answer: ((input: I, index: number) => O | Promise<O>) | null;

  constructor(answer: (input: I, index: number) => O | Promise<O>) {
    this.answer = answer;
  }

  /** Answer every next call with this output. */
  returns(output: O | ((input: I, index: number) => O)): this {
    this.answer = typeof output === 'function' ? (output as (input: I, index: number) => O) : () => output;
    return this;
  }

  /** Reject every next call with this error. */
  fails(error: unknown): this {
    this.answer = () => Promise.reject(error);
    return this;
  }

  /** Keep every next call pending until the test resolves or rejects it. */
  hold(): this {
    this.answer = null;
    return this;
  }

  get last(): RecordedCall<I, O> {
    const call = this.calls[this.calls.length - 1];
    if (!call) throw new Error('The fake was never called.');
    return call;
  }

  actor() {
    return fromPromise<O, I>(
      ({ input, signal }) =>
        new Promise<O>((resolve, reject) => {
          const index = this.calls.length;
          this.calls.push({ input, signal, resolve, reject });
          const answer = this.answer;
          if (answer) Promise.resolve().then(() => answer(input, index)).then(resolve, reject);
        }),
    );
  }
}

type LoginWindowInput = { url: string; authorizationId: string };

/** The login window: records each opening and lets the test report what the window did. */
export class FakeLoginWindow {
  readonly starts: LoginWindowInput[] = [];
  stops = 0;
  private sendBack: ((event: LoginWindowEvent) => void) | null = null;

  get open(): boolean {
    return this.sendBack !== null;
  }

  private send(event: LoginWindowEvent) {
    if (!this.sendBack) throw new Error('No login window is open.');
    this.sendBack(event);
  }

  report(authorizationId: string) {
    this.send({ type: 'login.reported', authorizationId });
  }
  close() {
    this.send({ type: 'popup.closed' });
  }
  block() {
    this.send({ type: 'popup.blocked' });
  }

  actor() {
    return fromCallback<LoginWindowEvent, LoginWindowInput>(({ sendBack, input }) => {
      this.starts.push(input);
      this.sendBack = sendBack;
      return () => {
        this.stops += 1;
        this.sendBack = null;
      };
    });
  }
}

export function createFakes() {
  return {
    getStatus: new FakeRequest<unknown, Status>(() => status(true)),
    listConnections: new FakeRequest<unknown, Connection[]>(() => [connection('con-1')]),
    listOrganisations: new FakeRequest<PageRequest, Page<Organisation>>(() =>
      page([organisation('org-1'), organisation('org-2')]),
    ),
    /** The login's URLs: `auth-N` for the Nth plain one, `auth-other-N` for the Nth with forceLogin. */
    startAuthorization: (() => {
      let plain = 0;
      let other = 0;
      return new FakeRequest<StartAuthorizationInput, StartedAuthorization>((input) =>
        input.forceLogin ? started(`auth-other-${++other}`) : started(`auth-${++plain}`),
      );
    })(),
    /** The URL the administration step fetches ahead for `Opnieuw inloggen` (the connect machine's own). */
    prepareLogin: new FakeRequest<StartAuthorizationInput, StartedAuthorization>((_, index) => started(`auth-ahead-${index + 1}`)),
    reauthorizeConnection: new FakeRequest<{ connectionId: string; authorizationId: string }, Connection>((input) =>
      connection(input.connectionId, { authorizationId: input.authorizationId }),
    ),
    listAuthorizations: new FakeRequest<unknown, Authorization[]>(() => []),
    loginWindow: new FakeLoginWindow(),
    /** Both machines ask it (resuming, and the login's checks), as the real effects share one. */
    getAuthorization: new FakeRequest<{ authorizationId: string }, Authorization>((input) =>
      authorization(input.authorizationId, 'authorized'),
    ),
    listDivisions: new FakeRequest<AdministrationPageRequest, Page<Division>>(() => page([administration(101), administration(102)])),
    createConnection: new FakeRequest<CreateConnectionInput, Connection>((input) =>
      connection('con-new', {
        organisation: { id: input.organisationId, name: 'Created' },
        division: { code: input.divisionCode, name: 'Created' },
        bookingFlow: input.bookingFlow,
      }),
    ),
    previewRedelivery: new FakeRequest<{ organisationId: string; from: string }, RedeliveryPreview>((input) => ({ from: input.from, documentCount: 3 })),
    createRedelivery: new FakeRequest<{ organisationId: string; from: string; idempotencyKey: string }, Redelivery>((input) =>
      redelivery(input.from),
    ),
    deleteConnection: new FakeRequest<{ connectionId: string }, void>(() => undefined),
    /** The batch's candidates: every organisation and administration (all pages, the effects' job). */
    loadBatchCandidates: new FakeRequest<{ authorizationId: string }, BatchCandidates>(() => ({ organisations: [], divisions: [] })),
    previewRedeliveries: new FakeRequest<{ organisationIds: string[]; from: string }, RedeliveryPreview>((input) => ({ from: input.from, documentCount: 3 * input.organisationIds.length })),
    createRedeliveries: new FakeRequest<{ requests: Array<{ organisationId: string; idempotencyKey: string }>; from: string }, Redelivery>((input) => ({
      ...redelivery(input.from),
      documentCount: 3 * input.requests.length,
    })),
  };
}
export type Fakes = ReturnType<typeof createFakes>;

/** The logins the user could open with `Open` (not the force_login URLs fetched beside them). */
export const plainLogins = (fakes: Fakes) => fakes.startAuthorization.calls.filter((call) => !call.input.forceLogin);

// ---------------------------------------------------------------------------------------------
// The machine under test

/** The timings the design asks for, written out so a changed constant in the machine shows. */
export const SEARCH_DEBOUNCE_MS = 250;
export const POPUP_CLOSED_GRACE_MS = 1500;
/** The least time between two questions to the backend about one login. */
export const CHECK_GAP_MS = 2000;

/** Longer than the popup-closed grace and a few checks of an unseen window, so those can run first. */
export const LOGIN_TIMEOUT = 60_000;

export type ConnectActor = Actor<typeof connectMachine>;
export type ConnectSnapshot = SnapshotFrom<typeof connectMachine>;
type ConnectStateValue = Parameters<ConnectSnapshot['matches']>[0];
type SignInStateValue = Parameters<SignInSnapshot['matches']>[0];
/**
 * A state of the flow. The login step's own states (ready, open, problem …) are the child
 * machine's: `{ flow: { login: 'ready' } }` means the connect machine signs in and its login is
 * ready, as the user sees it.
 */
export type FlowState = ConnectStateValue | { flow: { login: SignInStateValue } };

/**
 * The flow's state value with the running login's states in place of `signingIn`. A login that
 * is done (its final `authorized`) is not shown: the connect machine is about to take its grant
 * into its own `authorized`, and only that one counts as the step's.
 */
function flowValue(snapshot: ConnectSnapshot) {
  const signIn = signInOf(snapshot);
  return signIn?.status === 'active' && snapshot.matches({ flow: { login: 'signingIn' } })
    ? { flow: { login: signIn.value } }
    : snapshot.value;
}

/** In `state`, by the connect machine's own value or by the running login's. */
const inState = (snapshot: ConnectSnapshot, state: FlowState) =>
  snapshot.matches(state as ConnectStateValue) || matchesState(state, flowValue(snapshot));

/** The resume record as the element's storage would hold it after the machine's saves and clears. */
export class FakeResumeStore {
  /** Every save (its record) and clear, in order. */
  readonly calls: Array<ResumeRecord | 'clear'> = [];

  get stored(): ResumeRecord | null {
    const last = this.calls[this.calls.length - 1];
    return last === undefined || last === 'clear' ? null : last;
  }
}

export interface Harness {
  actor: ConnectActor;
  fakes: Fakes;
  clock: SimulatedClock;
  /** Everything the machine emitted, in order. */
  emitted: ConnectEmitted[];
  /** The ids the machine asked for, in order. */
  ids: string[];
  /** URLs the machine asked the page to go to (same-tab login). */
  navigations: string[];
  /** What the machine saved and cleared for resuming. */
  resume: FakeResumeStore;
  /** Every batch record the machine kept (null: cleared), in order; errors kept as status and code. */
  batch: Array<BatchRecord | null>;
  /** The provided actions the machine ran (saveResume, clearResume, navigateToLogin), in order. */
  effects: string[];
  /**
   * Resolves when the flow is in `state` (the login's states included); rejects after a short
   * while otherwise. It watches every actor of the system: a change in the login alone does not
   * reach the connect machine's subscribers.
   */
  reach(state: FlowState): Promise<ConnectSnapshot>;
  matches(state: FlowState): boolean;
  /** The Exact login's snapshot while one runs (the connect machine is in `flow.login.signingIn`), else null. */
  signIn(): SignInSnapshot | null;
}

/**
 * Starts the machine with fake effects. `configure` may change the fakes before the start
 * (e.g. make getStatus fail) so the very first request is already answered as wanted.
 */
export function startMachine(configure: (fakes: Fakes) => void = () => {}, input: Partial<ConnectInput> = {}): Harness {
  const fakes = createFakes();
  configure(fakes);
  /** URLs the machine asked the page to go to (same-tab login). */
  const navigations: string[] = [];
  const resume = new FakeResumeStore();
  const batch: Array<BatchRecord | null> = [];
  const effects: string[] = [];
  const clock = new SimulatedClock();
  const ids: string[] = [];
  let n = 0;
  const machine = connectMachine.provide({
    actors: {
      getStatus: fakes.getStatus.actor(),
      listConnections: fakes.listConnections.actor(),
      listOrganisations: fakes.listOrganisations.actor(),
      getAuthorization: fakes.getAuthorization.actor(),
      listDivisions: fakes.listDivisions.actor(),
      createConnection: fakes.createConnection.actor(),
      previewRedelivery: fakes.previewRedelivery.actor(),
      createRedelivery: fakes.createRedelivery.actor(),
      deleteConnection: fakes.deleteConnection.actor(),
      startAuthorization: fakes.prepareLogin.actor(),
      reauthorizeConnection: fakes.reauthorizeConnection.actor(),
      loadBatchCandidates: fakes.loadBatchCandidates.actor(),
      previewRedeliveries: fakes.previewRedeliveries.actor(),
      createRedeliveries: fakes.createRedeliveries.actor(),
      signIn: signInMachine.provide({
        actors: {
          startAuthorization: fakes.startAuthorization.actor(),
          listAuthorizations: fakes.listAuthorizations.actor(),
          loginWindow: fakes.loginWindow.actor(),
          getAuthorization: fakes.getAuthorization.actor(),
        },
      }),
    },
    actions: {
      navigateToLogin: (_, { url }) => {
        effects.push('navigateToLogin');
        navigations.push(url);
      },
      saveResume: (_, record) => {
        effects.push('saveResume');
        resume.calls.push(record);
      },
      clearResume: () => {
        effects.push('clearResume');
        resume.calls.push('clear');
      },
      saveBatch: (_, record) => {
        batch.push(structuredClone({ ...record, rows: record.rows.map((row) => ({ ...row, error: row.error ? { status: row.error.status, code: row.error.code } : null })) }) as BatchRecord);
      },
      clearBatch: () => {
        batch.push(null);
      },
    },
  });
  /** Called after any actor of the system took a new snapshot. */
  const watchers = new Set<() => void>();
  const actor = createActor(machine, {
    clock,
    input: {
      createId: () => {
        const id = `key-${++n}`;
        ids.push(id);
        return id;
      },
      loginTimeout: LOGIN_TIMEOUT,
      ...input,
    },
    inspect: (event) => {
      if (event.type === '@xstate.snapshot') for (const watcher of [...watchers]) watcher();
    },
  });
  const emitted: ConnectEmitted[] = [];
  actor.on('connected', (event) => emitted.push(event));
  actor.on('cancelled', (event) => emitted.push(event));
  actor.on('failed', (event) => emitted.push(event));
  actor.on('disconnected', (event) => emitted.push(event));
  actor.on('reconnected', (event) => emitted.push(event));
  actor.subscribe({ error: () => {} });
  actor.start();

  const reach = (state: FlowState) =>
    new Promise<ConnectSnapshot>((resolve, reject) => {
      const check = () => {
        const snapshot = actor.getSnapshot();
        if (!inState(snapshot, state)) return;
        done();
        resolve(snapshot);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Not in ${JSON.stringify(state)} within 1 s; in ${JSON.stringify(flowValue(actor.getSnapshot()))}.`));
      }, 1000);
      const done = () => {
        clearTimeout(timer);
        watchers.delete(check);
      };
      watchers.add(check);
      check();
    });

  return {
    actor,
    fakes,
    clock,
    emitted,
    ids,
    navigations,
    resume,
    batch,
    effects,
    matches: (state) => inState(actor.getSnapshot(), state),
    reach,
    signIn: () => signInOf(actor.getSnapshot()),
  };
}

/** Lets pending promise answers land. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Lets the fakes' immediate answers land, without giving real time a turn. */
export async function flushAnswers(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/**
 * Moves the simulated clock on by `ms` in steps, letting answers land after each, as time
 * passes for a running element (one big increment would skip the timers that are set on the way).
 */
export async function advance(h: Harness, ms: number, step = 100): Promise<void> {
  for (let passed = 0; passed < ms; passed += step) {
    h.clock.increment(Math.min(step, ms - passed));
    await flushAnswers();
  }
}

// ---------------------------------------------------------------------------------------------
// Walking to a step

export async function toConnections(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = startMachine(configure);
  await h.reach({ connections: 'list' });
  return h;
}

export async function toOrganisation(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toConnections(configure);
  h.actor.send({ type: 'user.newConnection' });
  await h.reach({ flow: { organisation: 'ready' } });
  return h;
}

export async function toSystem(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toOrganisation(configure);
  h.actor.send({ type: 'user.selectOrganisation', organisation: organisation('org-1') });
  h.actor.send({ type: 'user.confirmOrganisation' });
  await h.reach({ flow: 'system' });
  return h;
}

export async function toLoginReady(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toSystem(configure);
  h.actor.send({ type: 'user.chooseExact' });
  await h.reach({ flow: { login: 'ready' } });
  return h;
}

export async function toLoginOpen(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toLoginReady(configure);
  h.actor.send({ type: 'user.openLogin' });
  await h.reach({ flow: { login: { open: { window: 'opening' } } } });
  // Past the first seconds, a closed window is one a person closed (not a severed opener).
  h.clock.increment(3000);
  await h.reach({ flow: { login: { open: { window: 'watching' } } } });
  return h;
}

export async function toAuthorized(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toLoginOpen(configure);
  h.fakes.loginWindow.report(h.signIn()!.context.started!.id);
  // Confirmed, and the first page of administrations fetched ahead of `Ga door`.
  await h.reach({ flow: { login: { authorized: 'prefetched' } } });
  return h;
}

export async function toAdministration(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toAuthorized(configure);
  h.actor.send({ type: 'user.continue' });
  await h.reach({ flow: { administration: 'ready' } });
  return h;
}

export async function toDone(configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = await toAdministration(configure);
  h.actor.send({ type: 'user.selectAdministration', administration: administration(101) });
  h.actor.send({ type: 'user.finish' });
  await h.reach('done');
  return h;
}

/** The 'failed' events emitted so far. */
export const failures = (h: Harness) =>
  h.emitted.filter((event): event is Extract<ConnectEmitted, { type: 'failed' }> => event.type === 'failed');

/** The date, its preview, and the user's confirmation: what sends a redelivery since the preview. */
export async function submitAndConfirm(h: Harness, from: string): Promise<void> {
  h.actor.send({ type: 'user.submitRedelivery', from });
  await h.reach({ redelivery: 'confirming' });
  h.actor.send({ type: 'user.confirmRedelivery' });
}

/** A machine on `today`, on the redelivery of `chosen` from the overview. */
export async function toRedeliveryOf(chosen: Connection, today: string, configure?: (fakes: Fakes) => void): Promise<Harness> {
  const h = startMachine(configure, { today: () => today });
  await h.reach({ connections: 'list' });
  h.actor.send({ type: 'user.redeliver', connection: chosen });
  return h;
}
