import type { ReactiveController, ReactiveElement } from 'lit';

/** What the focus policy needs to know of the flow after each render. */
export interface FocusState {
  /** The view on screen; a new one means a new step. */
  view: string;
  /** Changes with any change of state within the step. */
  key: string;
}

/**
 * Where focus goes as the flow moves, for keyboard and screen-reader users:
 * - a new step: its heading (`[data-step-heading]`) takes focus, so they start there, unless the
 *   step names what comes first (`[data-focus-first]`: the connection just made, on the overview);
 * - within a step, when the focused control is gone (`Open`, once the login window is open),
 *   focus moves to the step's next action (`[data-next-action]`, e.g. `Ga door` after the login)
 *   when one appears, else to the heading, from which a next action may claim it later.
 * Focus follows only once the user works in the element (a pointer or key inside it): it is
 * never taken on load.
 */
export class FocusController implements ReactiveController {
  private lastView: string | null = null;
  private lastKey = '';
  /** Focus went to the heading because its control vanished: the next action may claim it. */
  private fellBack = false;
  /** A new step's heading took focus while what comes first (`[data-focus-first]`) was still loading. */
  private awaitingFirst = false;
  private interacted = false;
  private readonly noteInteraction = () => (this.interacted = true);

  constructor(
    private readonly host: ReactiveElement,
    private readonly state: () => FocusState | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.noteInteraction);
    this.host.addEventListener('keydown', this.noteInteraction);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.noteInteraction);
    this.host.removeEventListener('keydown', this.noteInteraction);
  }

  hostUpdated(): void {
    const state = this.state();
    if (!state) return;
    const { view, key } = state;
    if (this.interacted && this.lastView !== null && view !== this.lastView) {
      const first = this.query('[data-focus-first]');
      (first ?? this.query('[data-step-heading]'))?.focus();
      this.awaitingFirst = first === null;
    } else if (this.interacted && key !== this.lastKey) {
      const first = this.awaitingFirst ? this.query('[data-focus-first]') : null;
      // Still on the heading the step gave focus to: the first thing, now here, takes it.
      if (first && this.host.shadowRoot?.activeElement?.hasAttribute('data-step-heading')) {
        first.focus();
        this.awaitingFirst = false;
      } else {
        this.refocusWithinStep();
      }
    }
    if (view !== this.lastView) this.fellBack = false;
    if (key !== this.lastKey && this.host.shadowRoot?.activeElement && !this.host.shadowRoot.activeElement.hasAttribute('data-step-heading')) this.awaitingFirst = false;
    this.lastView = view;
    this.lastKey = key;
  }

  private refocusWithinStep(): void {
    const focused = this.host.shadowRoot?.activeElement;
    const dropped = document.activeElement === document.body || (this.host.matches(':focus-within') && !focused);
    const waitingOnHeading = this.fellBack && (focused?.hasAttribute('data-step-heading') ?? false);
    const next = this.query('[data-next-action]');
    if (next && (dropped || waitingOnHeading)) {
      next.focus();
      this.fellBack = false;
    } else if (dropped) {
      this.query('[data-step-heading]')?.focus();
      this.fellBack = true;
    }
  }

  private query(selector: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(selector);
  }
}
