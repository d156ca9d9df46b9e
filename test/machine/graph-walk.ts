/**
 * Path coverage with `xstate/graph`: a machine is walked by its pure transitions from its first
 * state, trying every given event from every state it reaches. The graph module sends each event
 * to the machine logic without running anything: invoked actors are never started, so what they
 * would answer (`xstate.done.actor.…`, `xstate.error.actor.…`) and the timers that would fire
 * (`xstate.after.…`) are events the walk sends like any other. A child machine is not walked
 * inside its parent: its answer to the parent is its done event; it is walked on its own.
 */
import { getAdjacencyMap, getStateNodes } from 'xstate/graph';
import type { AdjacencyMap } from 'xstate/graph';
import { getInitialMicrosteps, getMicrosteps } from 'xstate';
import type { AnyActorScope, AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';

export interface Crash {
  state: string;
  event: string;
  error: string;
}

export interface Walk<S extends AnyMachineSnapshot> {
  adjacency: AdjacencyMap<S, EventObject>;
  /** Every distinct state reached (as serialized), with its snapshot. */
  states: Map<string, S>;
  /** Transitions that threw, or left the machine in an error snapshot. */
  crashes: Crash[];
  /** Every event, in order, that leads from the first state to the given one (shortest first found). */
  pathTo(key: string): string[];
}

export interface WalkOptions<S extends AnyMachineSnapshot> {
  input: unknown;
  /** The events to try in a state: all the user can do, and what its actors and timers may send. */
  events: (snapshot: S) => EventObject[];
  /** Which states count as different: the state value and the context the guards read. */
  serialize: (snapshot: S) => string;
  /** The actor scope transitions run in (the graph module's has no parent, which a child needs). */
  scope?: AnyActorScope;
}

/** An event as a test name shows it: its type and, for the done/error of an actor, what it carried. */
export function describeEvent(event: EventObject): string {
  const { type, ...rest } = event as EventObject & Record<string, unknown>;
  const payload = Object.keys(rest).length ? ` ${JSON.stringify(rest, (_, value) => (value instanceof Error ? `${value.name}(${String((value as { status?: unknown }).status)})` : value)).slice(0, 80)}` : '';
  return `${type}${payload}`;
}

/** The transitions out of one state of the adjacency map. */
const edges = <S>(transitions: object) => Object.values(transitions) as Array<{ event: EventObject; state: S }>;

export function walkMachine<S extends AnyMachineSnapshot>(machine: AnyStateMachine, options: WalkOptions<S>): Walk<S> {
  const crashes: Crash[] = [];
  // The machine as graph logic, its transition caught so a crash names its state and event
  // instead of ending the walk.
  const logic = Object.create(machine, {
    transition: {
      value: (snapshot: S, event: EventObject, walkScope: AnyActorScope) => {
        try {
          const next = machine.transition(snapshot, event, options.scope ?? walkScope) as S;
          if (next.status === 'error') crashes.push({ state: options.serialize(snapshot), event: describeEvent(event), error: String(next.error) });
          return next;
        } catch (error) {
          crashes.push({ state: options.serialize(snapshot), event: describeEvent(event), error: String(error) });
          return snapshot;
        }
      },
    },
  }) as AnyStateMachine;
  const scope = options.scope;
  const fromState = (scope ? machine.getInitialSnapshot(scope, options.input) : undefined) as S | undefined;
  const adjacency = getAdjacencyMap(logic, {
    input: options.input,
    ...(fromState ? { fromState } : {}),
    events: options.events as never,
    serializeState: options.serialize as never,
  }) as unknown as AdjacencyMap<S, EventObject>;

  const states = new Map<string, S>(Object.entries(adjacency).map(([key, value]) => [key, value.state]));

  // Shortest paths by a breadth-first search over the walk's own adjacency (one walk, not two).
  const first = Object.keys(adjacency)[0]!;
  const previous = new Map<string, { from: string; event: EventObject } | null>([[first, null]]);
  const queue = [first];
  while (queue.length) {
    const key = queue.shift()!;
    for (const { event, state } of edges<S>(adjacency[key as keyof typeof adjacency]!.transitions)) {
      const next = options.serialize(state);
      if (previous.has(next)) continue;
      previous.set(next, { from: key, event });
      queue.push(next);
    }
  }
  const pathTo = (key: string): string[] => {
    const events: string[] = [];
    for (let step = previous.get(key); step; step = previous.get(step.from)) events.unshift(describeEvent(step.event));
    return events;
  };
  return { adjacency, states, crashes, pathTo };
}

/** The states from which no path leads to a goal: the walk's dead ends. */
export function deadEnds<S extends AnyMachineSnapshot>(walk: Walk<S>, isGoal: (snapshot: S) => boolean, serialize: (snapshot: S) => string): string[] {
  const incoming = new Map<string, Set<string>>();
  for (const [key, { transitions }] of Object.entries(walk.adjacency)) {
    for (const { state } of edges<S>(transitions)) {
      const target = serialize(state);
      if (!incoming.has(target)) incoming.set(target, new Set());
      incoming.get(target)!.add(key);
    }
  }
  const leadsToGoal = new Set([...walk.states].filter(([, snapshot]) => isGoal(snapshot)).map(([key]) => key));
  const queue = [...leadsToGoal];
  while (queue.length) {
    for (const source of incoming.get(queue.shift()!) ?? []) {
      if (leadsToGoal.has(source)) continue;
      leadsToGoal.add(source);
      queue.push(source);
    }
  }
  return [...walk.states.keys()].filter((key) => !leadsToGoal.has(key));
}

const activeIds = (snapshot: AnyMachineSnapshot): string[] =>
  (snapshot as unknown as { _nodes: Array<{ id: string }> })._nodes.map((node) => node.id);

/**
 * State nodes that never rest: an unguarded `always` leaves them at once. A walk of resting
 * snapshots cannot see them, so they count as reached when a step of the walk passes through
 * them (its microsteps).
 */
const isTransient = (node: { always?: Array<{ guard?: unknown }> }): boolean => (node.always ?? []).some((transition) => !transition.guard);

/** Ids of the machine's state nodes that the walk never reached (at rest, or passing through). */
export function unreachedStateNodes<S extends AnyMachineSnapshot>(machine: AnyStateMachine, walk: Walk<S>, input: unknown): string[] {
  const active = new Set<string>();
  for (const snapshot of walk.states.values()) for (const id of activeIds(snapshot)) active.add(id);
  const missing = getStateNodes(machine.root).filter((node) => !active.has(node.id));
  const transient = new Set(missing.filter((node) => isTransient(node as never)).map((node) => node.id));
  if (transient.size) {
    const passed = new Set<string>();
    const note = (steps: Array<[AnyMachineSnapshot, unknown]>) => {
      for (const [snapshot] of steps) for (const id of activeIds(snapshot)) if (transient.has(id)) passed.add(id);
    };
    note(getInitialMicrosteps(machine, input as never) as never);
    for (const { state, transitions } of Object.values(walk.adjacency)) {
      if (passed.size === transient.size) break;
      for (const { event } of edges(transitions)) {
        try {
          note(getMicrosteps(machine, state, event) as never);
        } catch {
          // A step that needs a parent (the login's sendParent) cannot be replayed here; the walk itself took it.
        }
      }
    }
    for (const id of passed) active.add(id);
  }
  return missing.map((node) => node.id).filter((id) => !active.has(id));
}

/** Fails with the first few findings written out (chai would shorten them to `[Array(5)]`). */
export function expectNone(findings: string[], what: string): void {
  if (findings.length === 0) return;
  const shown = findings.slice(0, 5).map((finding) => `  - ${finding}`).join('\n');
  throw new Error(`${findings.length} ${what}:\n${shown}${findings.length > 5 ? '\n  …' : ''}`);
}
