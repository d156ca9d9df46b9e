/**
 * Real time for the tests themselves. The page's timers are captured when this module loads,
 * before any test can put a fake clock in their place (see fake-clock.ts): so waiting for
 * something the element shows still polls in real time while the element's own timers are
 * driven by the fake clock.
 */
export const realTimers = {
  setTimeout: window.setTimeout.bind(window),
  clearTimeout: window.clearTimeout.bind(window),
  setInterval: window.setInterval.bind(window),
  clearInterval: window.clearInterval.bind(window),
  Date: window.Date,
  dateNow: window.Date.now.bind(window.Date),
};

/** Waits `ms` of real time (a frame or two at most in component tests: prefer the fake clock). */
export const pause = (ms: number) => new Promise<void>((resolve) => realTimers.setTimeout(resolve, ms));

/**
 * The next task: what was queued before it (messages, resolved fetches) has run, and every
 * microtask (Lit's renders) before that. A message rather than a timer of 0 ms, which Chromium
 * stretches to 4 ms once timers nest: the fake clock takes one after each timer it runs.
 */
export function nextTask(): Promise<void> {
  const channel = new MessageChannel();
  return new Promise<void>((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A frame, or 50 ms in a page the runner keeps in the background (no frames there). */
export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await Promise.race([new Promise((resolve) => requestAnimationFrame(resolve)), pause(50)]);
}
