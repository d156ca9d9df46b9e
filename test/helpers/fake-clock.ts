/**
 * A simulated clock for the test page, so a test can let minutes pass in milliseconds: it
 * replaces the page's `setTimeout`, `clearTimeout`, `setInterval`, `clearInterval` and `Date`
 * (`Date.now()` and `new Date()`) until it is uninstalled. XState's delayed transitions, the
 * login window's poll, the API client's request timeout and the mock backend's clock all read
 * these at call time, so they follow it.
 *
 * What it leaves alone: mocha (which kept its own timer references when it loaded), the test
 * helpers (they use `realTimers`, captured before), `performance.now()`, animation frames,
 * and fetch: MSW answers through its service worker in real time, so a test ticks the clock and
 * then waits for what the element shows (`waitFor` polls in real time). A mock backend with
 * latency waits on this clock, so it answers only once the clock is ticked past it.
 *
 * Install it only in the tests that need it; the support modules' afterEach uninstalls it
 * before the elements are removed (their stop is a timer of its own). Timers still pending at
 * uninstall are dropped: they were scheduled on simulated time, which no longer passes. So a
 * test that holds a mock answer on the clock ticks past it before it ends: MSW would otherwise
 * wait for that answer for ever.
 */
import { nextTask, realTimers } from './time.js';

interface Timer {
  id: number;
  at: number;
  /** Scheduling order: timers due at the same time run in the order they were set. */
  order: number;
  callback: (...args: unknown[]) => void;
  args: unknown[];
  /** An interval's period; null for a timeout. */
  every: number | null;
}

export interface FakeClock {
  /** The simulated time, in ms since the epoch. */
  readonly now: number;
  /** How many timers (and intervals) are waiting. */
  readonly pending: number;
  /** Simulated ms until the next timer is due, or null when none waits. */
  readonly nextIn: number | null;
  /** Lets `ms` pass at once: every timer due runs in order, each at its own time. */
  tick(ms: number): void;
  /**
   * Lets `ms` pass like `tick`, but lets the page settle (microtasks, Lit's renders, messages
   * and fetch answers that already arrived) before the first and after every timer.
   */
  tickAsync(ms: number): Promise<void>;
  uninstall(): void;
}

let installed: FakeClock | null = null;

/** Uninstalls the clock if one is installed (the support modules' afterEach calls this). */
export function uninstallFakeClock(): void {
  installed?.uninstall();
}

export function installFakeClock({ now: start = realTimers.dateNow() }: { now?: number } = {}): FakeClock {
  if (installed) throw new Error('A fake clock is already installed');
  const original = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    Date: window.Date,
  };
  const timers = new Map<number, Timer>();
  let now = start;
  // Far above the ids Chromium hands out, so a real timer set before install is never mistaken for one.
  let nextId = 1_000_000_000;
  let order = 0;

  const schedule = (callback: unknown, ms: unknown, args: unknown[], repeat: boolean): number => {
    if (typeof callback !== 'function') throw new TypeError('The fake clock takes function callbacks only');
    // As the browser converts it (a WebIDL long): past 2^31 − 1 ms it wraps, and a negative delay is 0.
    const delay = Math.max(0, (Number(ms) || 0) | 0);
    const id = nextId++;
    timers.set(id, { id, at: now + delay, order: order++, callback: callback as Timer['callback'], args, every: repeat ? Math.max(1, delay) : null });
    return id;
  };
  const clear = (id: unknown) => {
    if (typeof id !== 'number') return;
    if (!timers.delete(id)) realTimers.clearTimeout(id);
  };

  const due = (until: number): Timer | undefined => {
    let first: Timer | undefined;
    for (const timer of timers.values()) {
      if (timer.at > until) continue;
      if (!first || timer.at < first.at || (timer.at === first.at && timer.order < first.order)) first = timer;
    }
    return first;
  };
  const run = (timer: Timer) => {
    now = Math.max(now, timer.at);
    if (timer.every === null) timers.delete(timer.id);
    else timers.set(timer.id, { ...timer, at: timer.at + timer.every, order: order++ });
    try {
      timer.callback(...timer.args);
    } catch (error) {
      // As a real timer would: the error is uncaught (mocha fails the test), the clock goes on.
      realTimers.setTimeout(() => {
        throw error;
      });
    }
  };

  const RealDate = original.Date;
  class FakeDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now;
    }
  }

  window.setTimeout = ((callback: unknown, ms?: number, ...args: unknown[]) => schedule(callback, ms, args, false)) as typeof window.setTimeout;
  window.setInterval = ((callback: unknown, ms?: number, ...args: unknown[]) => schedule(callback, ms, args, true)) as typeof window.setInterval;
  window.clearTimeout = clear as typeof window.clearTimeout;
  window.clearInterval = clear as typeof window.clearInterval;
  window.Date = FakeDate as DateConstructor;

  const clock: FakeClock = {
    get now() {
      return now;
    },
    get pending() {
      return timers.size;
    },
    get nextIn() {
      const next = due(Infinity);
      return next ? next.at - now : null;
    },
    tick(ms: number) {
      const until = now + ms;
      for (let timer = due(until); timer; timer = due(until)) run(timer);
      now = until;
    },
    async tickAsync(ms: number) {
      const until = now + ms;
      await nextTask();
      for (let timer = due(until); timer; timer = due(until)) {
        run(timer);
        await nextTask();
      }
      now = until;
      await nextTask();
    },
    uninstall() {
      if (installed !== clock) return;
      Object.assign(window, original);
      timers.clear();
      installed = null;
    },
  };
  installed = clock;
  return clock;
}
