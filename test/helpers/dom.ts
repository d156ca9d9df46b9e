/**
 * Test helpers that look at the element the way a user does: by visible text and role,
 * through shadow roots.
 */
import { pause } from './time.js';

/** Every element under `root`, descending into open shadow roots. */
export function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

const visible = (element: Element) => {
  const box = (element as HTMLElement).getBoundingClientRect?.();
  return !box || box.width > 0 || box.height > 0;
};

/** Direction isolates (U+2066–2069) around names are invisible: a reader never sees them. */
const withoutIsolates = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

/** The visible text a user reads, shadow DOM included. */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const element = node as Element;
    if (element.nodeType === Node.ELEMENT_NODE) {
      if (element.tagName === 'STYLE' || element.tagName === 'SCRIPT') return;
      if (getComputedStyle(element).display === 'none') return;
    }
    if (element.shadowRoot) element.shadowRoot.childNodes.forEach(walk);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return withoutIsolates(parts.join(' ')).replace(/\s+/g, ' ').trim();
}

/** The button (or link) whose visible name is exactly `name`. */
export function button(root: Element, name: string): HTMLElement {
  const found = findButton(root, name);
  if (!found) throw new Error(`No button named "${name}". Visible: ${visibleText(root)}`);
  return found;
}

/**
 * A button's or link's name as a screen reader hears it: its `aria-labelledby`, else its text
 * without what is `aria-hidden` (the system step's card: its description and marks are not in
 * its name).
 */
export function accessibleName(element: Element): string {
  const ids = element.getAttribute('aria-labelledby');
  const root = element.getRootNode() as ShadowRoot | Document;
  const spoken = (node: Node): string =>
    node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : (node as Element).getAttribute?.('aria-hidden') === 'true' ? '' : [...node.childNodes].map(spoken).join('');
  const text = ids ? ids.split(/\s+/).map((id) => root.getElementById(id)?.textContent ?? '').join(' ') : spoken(element);
  return withoutIsolates(text).replace(/\s+/g, ' ').trim();
}

export function findButton(root: Element, name: string): HTMLElement | null {
  for (const element of deepElements(root.shadowRoot ?? root)) {
    if ((element.tagName === 'BUTTON' || element.tagName === 'A') && accessibleName(element) === name && visible(element)) {
      return element as HTMLElement;
    }
  }
  return null;
}

/** The option in a listbox whose label is `label`. */
export function option(root: Element, label: string): HTMLElement {
  for (const element of deepElements(root.shadowRoot ?? root)) {
    if (element.getAttribute('role') === 'option' && element.querySelector('.label')?.textContent?.trim() === label) {
      return element as HTMLElement;
    }
  }
  throw new Error(`No option "${label}". Visible: ${visibleText(root)}`);
}

export function heading(root: Element): string {
  for (const element of deepElements(root.shadowRoot ?? root)) {
    if (element.hasAttribute('data-step-heading')) return element.textContent?.trim() ?? '';
  }
  return '';
}

/**
 * A pause longer than this between two checks is the page frozen, not time the element had: the
 * page's own mock backend (PGlite in this page) has held the main thread 5.5 s in one task under
 * coverage (a PerformanceObserver long task, inside its GET /status), and a wait that counted it
 * gave up without looking again.
 */
const FROZEN_STEP_MS = 500;

/**
 * Waits until `check` returns a truthy value (or stops throwing), then returns it. `timeout` is
 * time the page could run: each step between two checks counts at most FROZEN_STEP_MS, and the
 * last check comes after the last pause.
 */
export async function waitFor<T>(check: () => T, { timeout = 4000, message = '' } = {}): Promise<NonNullable<T>> {
  let waited = 0;
  let lastError: unknown;
  for (;;) {
    try {
      const value = check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (waited >= timeout) break;
    const before = performance.now();
    // Real time, also while a fake clock drives the element's timers.
    await pause(20);
    waited += Math.min(performance.now() - before, FROZEN_STEP_MS);
  }
  throw new Error(`Timed out waiting${message ? ` for ${message}` : ''}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** Waits until the element shows `text` somewhere. */
export const waitForText = (root: Element, text: string, timeout = 4000) =>
  waitFor(() => visibleText(root).includes(text), { timeout, message: `"${text}" (visible: ${visibleText(root).slice(0, 300)})` });
