import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { bindEffects, connectWithEffects, type EffectsEnvironment } from './effects.js';
import type { ConnectMachine } from './machine/connect-machine.js';
import type { ConnectEmitted, ConnectEvent, ConnectInput } from './machine/types.js';

/**
 * Runs the connect machine for a Lit host: starts it before the host's first render, re-renders on
 * every snapshot (its own and its login's), forwards emitted events, and stops it when the host is removed from the page.
 *
 * A move is not a removal: `otherParent.append(host)` (what frameworks do when they reorder or
 * re-parent) disconnects and reconnects the host within one task. So a disconnect only schedules
 * the stop for the next task, and a reconnect before then cancels it: the flow, the login window
 * and its listeners go on untouched. A host that stayed out longer is stopped (no request, timer or
 * listener left); put back later, it starts afresh, resuming from the record as after a reload.
 */
export class ConnectController implements ReactiveController {
  private actor: Actor<ConnectMachine> | null = null;
  private environment: EffectsEnvironment | null = null;
  private snapshotValue: SnapshotFrom<ConnectMachine> | null = null;
  private connected = false;
  private pendingStop: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** A flow's environment and input; its status request goes out first thing (earlyRequest). */
    private readonly create: () => { environment: EffectsEnvironment; input: ConnectInput },
    private readonly onEmitted: (event: ConnectEmitted) => void,
    /** After a running flow stopped: removed for good, or restarted (its next start follows). */
    private readonly onStop: () => void = () => {},
  ) {
    host.addController(this);
  }

  get snapshot(): SnapshotFrom<ConnectMachine> | null {
    return this.snapshotValue;
  }

  readonly send = (event: ConnectEvent): void => {
    this.actor?.send(event);
  };

  /** Starts before the first render rather than on connect, so attributes set right after
   *  the element was created or upgraded (api-base!) are in place. Never while removed. */
  hostUpdate(): void {
    if (!this.actor && this.connected) this.start();
  }

  hostConnected(): void {
    this.connected = true;
    if (this.pendingStop !== null) {
      clearTimeout(this.pendingStop);
      this.pendingStop = null;
    }
    // Stopped while it was out of the page (removed, or restarted there): the next update starts afresh.
    if (!this.actor && this.snapshotValue) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    if (this.pendingStop !== null) return;
    this.pendingStop = setTimeout(() => {
      this.pendingStop = null;
      this.stop();
    });
  }

  /** Starts the flow now, before the host's first update (see `AutopilotConnect.scheduleUpdate`). */
  startNow(): void {
    this.hostUpdate();
  }

  /**
   * Resolves once the running flow's snapshot satisfies `reached` (at once if it does, or if no
   * flow runs), or when `signal` aborts; the flow stopping counts as reached.
   */
  until(reached: (snapshot: SnapshotFrom<ConnectMachine>) => boolean, signal: AbortSignal): Promise<void> {
    const actor = this.actor;
    if (!actor || reached(actor.getSnapshot()) || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        subscription.unsubscribe();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const subscription = actor.subscribe({ next: (snapshot) => reached(snapshot) && done(), error: done, complete: done });
      signal.addEventListener('abort', done);
    });
  }

  /** Starts afresh, e.g. when the element is pointed at another backend. */
  restart(): void {
    this.stop();
    if (this.connected) this.start();
  }

  private start(): void {
    const { environment, input } = this.create();
    // The login is a child machine: its own changes (a timer, an answer) re-render too.
    const actor = createActor(connectWithEffects, {
      input,
      inspect: (event) => {
        if (event.type === '@xstate.snapshot' && event.actorRef !== this.actor && this.actor) this.host.requestUpdate();
      },
    });
    actor.on('*', (event) => this.onEmitted(event));
    actor.subscribe({
      next: (snapshot) => {
        this.snapshotValue = snapshot;
        this.host.requestUpdate();
      },
      // A bug in an action must not blank the element: the error snapshot renders a way on.
      error: () => this.host.requestUpdate(),
    });
    bindEffects(actor, environment);
    this.actor = actor;
    this.environment = environment;
    this.snapshotValue = actor.getSnapshot();
    actor.start();
  }

  private stop(): void {
    if (!this.actor) return;
    this.actor.stop();
    this.environment?.status.cancel();
    this.actor = null;
    this.environment = null;
    this.onStop();
  }
}
