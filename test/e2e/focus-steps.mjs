/**
 * Keyboard-only steps for the end-to-end tests: press a key until focus is where the test wants
 * it, or wait for focus to get there by itself; `defaults` bound how many presses and how long. `focused(page)` is the test's own reading of what
 * has focus (each test reads what it needs: roles, labels, rows).
 */
export function focusSteps(focused, defaults = { max: 60, timeout: 8000 }) {
  /** Presses `key` (Tab by default) until `matches(focus)` holds; fails with the way focus went. */
  async function tabUntil(page, matches, { key = 'Tab', max = defaults.max, what = 'the target' } = {}) {
    const seen = [];
    for (let i = 0; i < max; i++) {
      const focus = await focused(page);
      if (matches(focus)) return focus;
      seen.push(`${focus.tag}${focus.role ? `[${focus.role}]` : ''} "${(focus.label || focus.text).slice(0, 30)}"`);
      await page.keyboard.press(key);
    }
    throw new Error(`${key} never reached ${what}; focus went: ${seen.join(' → ')}`);
  }

  /** Waits until `matches(focus)` holds (focus moved by the element itself). */
  async function waitForFocus(page, matches, what, timeout = defaults.timeout) {
    const start = Date.now();
    let focus;
    while (Date.now() - start < timeout) {
      focus = await focused(page);
      if (matches(focus)) return focus;
      await page.waitForTimeout(50);
    }
    throw new Error(`focus never on ${what}; it is on ${JSON.stringify(focus)}`);
  }

  return { tabUntil, waitForFocus };
}
