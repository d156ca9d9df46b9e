/**
 * Accessibility checks for `<autopilot-connect>` in the browser: axe-core with the WCAG A/AA
 * rules, a visible focus indicator, target sizes, and reflow (no horizontal overflow) at
 * 320 CSS px and at 200 % zoom / text size.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
// axe-core is a UMD bundle: imported for its side effect, it sets `window.axe`.
import 'axe-core';
import type { AxeResults, Result } from 'axe-core';
import '../../src/define.js';
import { getBackend, resetBackends, type ScenarioName } from '../../src/mocks/index.js';
import { deepElements } from '../helpers/dom.js';
import { uninstallFakeClock } from '../helpers/fake-clock.js';
import { frames, pause } from '../helpers/time.js';
import { waitFor, type ConnectElement } from '../component/support.js';

type Axe = typeof import('axe-core');
const axe = (window as unknown as { axe: Axe }).axe;

/** The WCAG 2.0/2.1/2.2 level A and AA rules. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export { pause };

/** The login step's text while the Exact Online window is open. */
export const WAITING = 'Het inlogvenster van Exact Online is open.';

/** Waits until the element shows an error or problem message. */
export const alertShown = (element: ConnectElement) =>
  waitFor(() => element.shadowRoot!.querySelector('[data-alert]'), { timeout: 6000, message: 'an alert' });

/** Lets Lit render everything pending (the element and the pickers inside it). */
export async function settle(element: ConnectElement): Promise<void> {
  await element.updateComplete;
  const picker = element.shadowRoot?.querySelector('autopilot-connect-listbox') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  await picker?.updateComplete;
  await frames();
  await element.updateComplete;
  await picker?.updateComplete;
}

// --- mounting (with attributes set before the element connects) ------------------------

const mounted: HTMLElement[] = [];

/** Like support's `mount`, with extra attributes set before the element is connected (e.g. login-timeout). */
export function mountWith(scenario: ScenarioName, attributes: Record<string, string> = {}): ConnectElement {
  const element = document.createElement('autopilot-connect');
  element.setAttribute('api-base', `/mock/${scenario}/api`);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  mounted.push(element);
  return element;
}

/** Removes the elements, then waits a task: their flows stop and give up their resume records. */
export async function removeMounted(): Promise<void> {
  // Real time again first: a removed element's flow stops on a timer of its own.
  uninstallFakeClock();
  for (const element of mounted.splice(0)) element.remove();
  document.documentElement.style.removeProperty('font-size');
  await pause(0);
}

// --- real input -------------------------------------------------------------------------

/** A trusted mouse click in the middle of `target` (focus moves as with a real mouse). */
export async function realClick(target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center', inline: 'nearest' });
  await frames(1);
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
  await sendMouse({ type: 'move', position: [0, 0] });
}

// --- axe -----------------------------------------------------------------------------------

const describeViolation = (violation: Result) =>
  `${violation.id} (${violation.impact}): ${violation.help}\n` +
  violation.nodes
    .map((node) => `    at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ')}\n      ${node.html.slice(0, 200)}`)
    .join('\n');

/** axe-core's WCAG A/AA rules on the element, shadow DOM included; returns readable violations. */
export async function axeViolations(element: Element): Promise<string[]> {
  const results: AxeResults = await axe.run(element, {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  });
  return results.violations.map(describeViolation);
}

// --- focus, target size, reflow --------------------------------------------------------------

const isRendered = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
};

const nameOf = (element: Element) => {
  const text = element.textContent?.replace(/\s+/g, ' ').trim().slice(0, 40) ?? '';
  const classes = element.getAttribute('class') ? `.${element.getAttribute('class')!.trim().split(/\s+/).join('.')}` : '';
  const role = element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : '';
  return `<${element.tagName.toLowerCase()}${classes}${role}> "${text}"`;
};

/** Buttons, links, inputs, listboxes and options: every target a user operates. */
export function interactiveElements(element: ConnectElement): HTMLElement[] {
  return Array.from(deepElements(element.shadowRoot!)).filter(
    (node): node is HTMLElement =>
      node.matches('button, a[href], input:not([type="hidden"]), select, textarea, [role="option"], [role="listbox"]') && isRendered(node),
  );
}

/** Focusable controls plus the step heading (tabindex -1: the element focuses it on a step change). */
function focusTargets(element: ConnectElement): HTMLElement[] {
  return Array.from(deepElements(element.shadowRoot!)).filter(
    (node): node is HTMLElement =>
      node.matches('button, a[href], input:not([type="hidden"]), select, textarea, [role="listbox"], [data-step-heading]') && isRendered(node),
  );
}

const hasOutline = (style: CSSStyleDeclaration) =>
  style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)' && style.outlineColor !== 'transparent';

/**
 * Every focusable control (and the step heading), focused after a key press so :focus-visible
 * applies, shows an outline; in a listbox the active option shows one too. Returns the failures.
 */
export async function focusIndicatorProblems(element: ConnectElement): Promise<string[]> {
  const problems: string[] = [];
  // A key press puts Chromium in keyboard modality: programmatic focus then matches :focus-visible.
  await sendKeys({ press: 'Shift' });
  const previous = document.activeElement as HTMLElement | null;
  for (const target of focusTargets(element)) {
    target.focus();
    await settle(element);
    if (!target.matches(':focus')) {
      problems.push(`${nameOf(target)} cannot take focus`);
      continue;
    }
    if (!target.matches(':focus-visible')) {
      problems.push(`${nameOf(target)} does not match :focus-visible after keyboard focus`);
      continue;
    }
    if (!hasOutline(getComputedStyle(target))) {
      const style = getComputedStyle(target);
      problems.push(`${nameOf(target)} has no focus outline (${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor})`);
    }
    if (target.getAttribute('role') === 'listbox') {
      const active = await waitFor(() => target.querySelector('[role="option"].active') ?? target.querySelector('[aria-selected="true"]'), {
        timeout: 1000,
        message: 'an active option once the listbox has focus',
      }).catch(() => null);
      if (!active) problems.push(`${nameOf(target)}: no active option shown on focus`);
      else if (!hasOutline(getComputedStyle(active))) problems.push(`active option ${nameOf(active)} has no outline`);
    }
  }
  (deepActive() as HTMLElement | null)?.blur();
  if (previous && previous !== document.body) previous.focus();
  await settle(element);
  return problems;
}

function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * WCAG 2.5.8: every target at least 24×24 CSS px. A checkbox or radio inside its <label>
 * is measured with the label, since the whole label operates it.
 */
export function smallTargets(element: ConnectElement): string[] {
  const problems: string[] = [];
  for (const target of interactiveElements(element)) {
    const measured = target.matches('input[type="radio"], input[type="checkbox"]') && target.closest('label') ? target.closest('label')! : target;
    const box = measured.getBoundingClientRect();
    if (box.width < 24 - 0.01 || box.height < 24 - 0.01) problems.push(`${nameOf(target)} is ${box.width.toFixed(1)}×${box.height.toFixed(1)} px`);
  }
  return problems;
}

/** Elements inside the element's base part whose content is wider than their box. */
export function horizontalOverflow(element: ConnectElement): string[] {
  const base = element.shadowRoot!.querySelector<HTMLElement>('[part~="base"]');
  if (!base) return ['no base part'];
  const problems: string[] = [];
  const check = (node: Element) => {
    if (!(node instanceof HTMLElement) || !isRendered(node)) return;
    // The visually hidden live region is 1 px wide on purpose.
    if (node.classList.contains('visually-hidden') || node.clientWidth <= 1) return;
    // A <ul role=listbox> etc. report scroll sizes; inline elements report 0 for clientWidth.
    if (getComputedStyle(node).display === 'inline') return;
    if (node.scrollWidth > node.clientWidth + 1) {
      const overflowX = getComputedStyle(node).overflowX;
      const kind = node === base || overflowX === 'visible' || overflowX === 'auto' || overflowX === 'scroll' ? 'overflows' : `clipped (overflow-x ${overflowX}: text cut off)`;
      problems.push(`${nameOf(node)} ${kind}: scrollWidth ${node.scrollWidth} > clientWidth ${node.clientWidth}`);
    }
  };
  check(base);
  for (const node of deepElements(base)) check(node);
  const host = element.getBoundingClientRect();
  for (const node of deepElements(base)) {
    if (!(node instanceof HTMLElement) || !isRendered(node) || node.closest?.('.visually-hidden')) continue;
    const box = node.getBoundingClientRect();
    if (box.right > host.right + 1 || box.left < host.left - 1) problems.push(`${nameOf(node)} sticks out of the element (${box.left}–${box.right} vs ${host.left}–${host.right})`);
  }
  return [...new Set(problems)];
}

/** The overflow at a width (and optional zoom / root font size), with the styles put back after. */
export async function overflowAt(element: ConnectElement, { width, zoom, rootFontSize }: { width: number; zoom?: number; rootFontSize?: string }): Promise<string[]> {
  const before = { width: element.style.width, zoom: element.style.zoom, font: document.documentElement.style.fontSize };
  element.style.width = `${width}px`;
  if (zoom) element.style.zoom = String(zoom);
  if (rootFontSize) document.documentElement.style.fontSize = rootFontSize;
  try {
    // The picker re-measures on resize (ResizeObserver → render): give it a moment.
    await settle(element);
    await frames(2);
    await settle(element);
    return horizontalOverflow(element);
  } finally {
    element.style.width = before.width;
    element.style.zoom = before.zoom;
    document.documentElement.style.fontSize = before.font;
    await settle(element);
  }
}

export interface StateReport {
  violations: string[];
  focus: string[];
  targets: string[];
  overflow320: string[];
  overflowZoom200: string[];
  overflowText200: string[];
}

/**
 * Runs `check` with the element in its dark colour scheme, as a host's `color-scheme: dark` (or a
 * user's dark preference) shows it; then as it was.
 */
export async function inDarkScheme<T>(element: ConnectElement, check: () => Promise<T>): Promise<T> {
  const before = element.style.getPropertyValue('color-scheme');
  element.style.setProperty('color-scheme', 'dark');
  try {
    await settle(element);
    return await check();
  } finally {
    if (before) element.style.setProperty('color-scheme', before);
    else element.style.removeProperty('color-scheme');
  }
}

/** Every check of this file on the element as it is now, axe in both colour schemes. */
export async function checkState(element: ConnectElement): Promise<StateReport> {
  await settle(element);
  const violations = [...(await axeViolations(element)), ...(await inDarkScheme(element, () => axeViolations(element))).map((violation) => `[dark] ${violation}`)];
  const targets = smallTargets(element);
  const overflow320 = await overflowAt(element, { width: 320 });
  // 200 % browser zoom on a 1280 px window: 640 CSS px, everything drawn twice as large.
  const overflowZoom200 = await overflowAt(element, { width: 640, zoom: 2 });
  // 200 % text size (WCAG 1.4.4): rem-based sizes double, the width stays 640 px.
  const overflowText200 = await overflowAt(element, { width: 640, rootFontSize: '200%' });
  const focus = await focusIndicatorProblems(element);
  return { violations, focus, targets, overflow320, overflowZoom200, overflowText200 };
}

let popupStub: { restore(): void } | null = null;
let pgliteStarted = false;

/** A window.open stub for one state; restored once that state's checks are done. */
export function stubPopupForState<T extends { restore(): void }>(stub: T): T {
  popupStub = stub;
  return stub;
}

const expectNone = (problems: string[]) => expect(problems.join('\n'), 'problems found').to.equal('');

/**
 * One state: reached once (fresh mock backends, fresh tab storage), checked once, and each
 * kind of check reported as its own test.
 */
export function accessibilityState(name: string, reach: () => Promise<ConnectElement>): void {
  describe(name, () => {
    let report: StateReport;
    before(async function (this: Mocha.Context) {
      // Under coverage on a loaded two-core machine the WASM start has taken over 30 s.
      this.timeout(90_000);
      // PGlite starts once per page (a few seconds): here, not inside the steps' waits.
      if (!pgliteStarted) await getBackend('default').ready;
      pgliteStarted = true;
      await resetBackends();
      sessionStorage.clear();
      const element = await reach();
      report = await checkState(element);
    });
    after(async () => {
      popupStub?.restore();
      popupStub = null;
      await removeMounted();
      sessionStorage.clear();
    });
    it('axe: no WCAG 2.0/2.1/2.2 A/AA violations', () => expectNone(report.violations));
    it('a visible focus indicator on every control, the step heading and the active option', () => expectNone(report.focus));
    it('every target at least 24×24 px', () => expectNone(report.targets));
    it('320 px wide: no horizontal overflow, nothing clipped', () => expectNone(report.overflow320));
    it('200 % zoom (640 px, zoom: 2): no horizontal overflow, nothing clipped', () => expectNone(report.overflowZoom200));
    it('200 % text size (640 px, root font-size 200 %): no horizontal overflow, nothing clipped', () => expectNone(report.overflowText200));
  });
}
