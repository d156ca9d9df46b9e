import type { SnapshotFrom } from 'xstate';
import type { ConnectMachine } from './connect-machine.js';
import type { SignInMachine } from './sign-in-machine.js';

/**
 * Which view a state shows, and its number in the step indicator ("Stap 2 van 5"): the state's
 * `meta`, so the element never reads state values. A view's file, its story and its tests share
 * its name.
 */
export type View =
  | 'checkingStatus'
  | 'statusFailed'
  | 'notInstalled'
  | 'resuming'
  | 'connections'
  | 'reconnect'
  | 'batch'
  | 'batchSummary'
  | 'organisation'
  | 'system'
  | 'login'
  | 'administration'
  | 'done'
  | 'redelivery';

export interface StepMeta {
  view: View;
  /** Its place among the flow's numbered steps, 1-based; absent outside the flow. */
  step?: number;
}

/** The numbered steps: organisation, system, login, administration, done. */
export const FLOW_STEP_COUNT = 5;

export type ConnectSnapshot = SnapshotFrom<ConnectMachine>;
export type SignInSnapshot = SnapshotFrom<SignInMachine>;

export interface CurrentStep {
  view: View;
  /** "Stap `number` van `total`", or null outside the numbered flow. */
  number: number | null;
  total: number;
}

/** The view and step number of a snapshot, from the meta of its states. */
export function currentStep(snapshot: ConnectSnapshot): CurrentStep {
  const metas = Object.values(snapshot.getMeta() as Record<string, StepMeta | undefined>);
  const meta = metas.find((candidate) => candidate?.view) ?? { view: 'connections' as const };
  return { view: meta.view, number: meta.step ?? null, total: FLOW_STEP_COUNT };
}

/** The Exact login's own snapshot while it runs (step 3), else null. */
export const signInOf = (snapshot: ConnectSnapshot): SignInSnapshot | null =>
  (snapshot.children as { signIn?: { getSnapshot(): SignInSnapshot } }).signIn?.getSnapshot() ?? null;

/**
 * A string that changes whenever the flow's state does, the login's included: for the focus
 * policy, which reacts to a change within a step.
 */
export const stateKey = (snapshot: ConnectSnapshot): string =>
  // A batch's stop replaces its button by a note without a state change: it counts as a change too.
  JSON.stringify([snapshot.value, signInOf(snapshot)?.value ?? null, snapshot.context.batchRun?.stopping ?? false]);
