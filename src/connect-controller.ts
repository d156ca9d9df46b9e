import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { ConnectMachine } from './machine/connect-machine.js';
import type { ConnectEmitted, ConnectEvent, ConnectInput } from './machine/types.js';

/**
 * Runs the connect machine for a Lit host: starts it before the host's first render, re-renders on
 * every snapshot, forwards emitted events, and stops it when the host disconnects.
 */
export class ConnectController implements ReactiveController {
  private actor: Actor<ConnectMachine> | null = null;
  private snapshotValue: SnapshotFrom<ConnectMachine> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly create: () => { machine: ConnectMachine; input: ConnectInput },
    private readonly onEmitted: (event: ConnectEmitted) => void,
    private readonly onSnapshot: (snapshot: SnapshotFrom<ConnectMachine>) => void = () => {},
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
   *  the element was created or upgraded (api-base!) are in place. */
  hostUpdate(): void {
    if (!this.actor) this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Starts afresh, e.g. when the element is pointed at another backend. */
  restart(): void {
    this.stop();
    this.start();
  }

  private start(): void {
    const { machine, input } = this.create();
    const actor = createActor(machine, { input });
    actor.on('*', (event) => this.onEmitted(event));
    actor.subscribe({
      next: (snapshot) => {
        this.snapshotValue = snapshot;
        this.onSnapshot(snapshot);
        this.host.requestUpdate();
      },
      // A bug in an action must not blank the element: the error snapshot renders a way on.
      error: () => this.host.requestUpdate(),
    });
    this.actor = actor;
    this.snapshotValue = actor.getSnapshot();
    actor.start();
  }

  private stop(): void {
    this.actor?.stop();
    this.actor = null;
  }
}
