import { userEvent, waitFor } from 'storybook/test';

/**
 * Finding things in `<autopilot-connect>` the way a user does, by visible text, through its
 * shadow root and the pickers' shadow roots inside it. Every finder waits, because each step
 * renders after a (mock) request.
 */

const TIMEOUT_MS = 8_000;

/** Every element under `root`, descending into open shadow roots. */
function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** The text a reader hears: without direction isolates around names, and without what is `aria-hidden` (the Exact Online card's description). */
const spoken = (node: Node): string =>
  node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '') : (node as Element).getAttribute?.('aria-hidden') === 'true' ? '' : Array.from(node.childNodes, spoken).join('');
const textOf = (element: Element): string => spoken(element).replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

/** The `<autopilot-connect>` a story rendered. */
export function connectElement(canvasElement: HTMLElement): HTMLElement {
  const element = canvasElement.querySelector<HTMLElement>('autopilot-connect');
  if (!element) throw new Error('The story rendered no <autopilot-connect>.');
  return element;
}

function describe(root: Element): string {
  return textOf(root.shadowRoot?.querySelector('.body') ?? root).slice(0, 300);
}

/** The enabled button (or link) whose visible name is `name`, once it is there. */
export function findButton(root: Element, name: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      for (const element of deepElements(root.shadowRoot ?? root)) {
        if ((element.tagName === 'BUTTON' || element.tagName === 'A') && textOf(element) === name) {
          if (element.getAttribute('aria-disabled') === 'true' || (element as HTMLButtonElement).disabled) continue;
          return element as HTMLElement;
        }
      }
      throw new Error(`No enabled button "${name}". The step shows: ${describe(root)}`);
    },
    { timeout: TIMEOUT_MS },
  );
}

/** The listbox option whose label is `label`, once it is there. */
export function findOption(root: Element, label: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      for (const element of deepElements(root.shadowRoot ?? root)) {
        if (element.getAttribute('role') === 'option' && textOf(element.querySelector('.label') ?? element) === label) {
          return element as HTMLElement;
        }
      }
      throw new Error(`No option "${label}". The step shows: ${describe(root)}`);
    },
    { timeout: TIMEOUT_MS },
  );
}

/**
 * Waits until the step's heading (the one focus moves to) reads `text`, and its content is there:
 * the first wait shows the overview's heading over the shape of its cards.
 */
export function findHeading(root: Element, text: string, { timeout = TIMEOUT_MS } = {}): Promise<HTMLElement> {
  return waitFor(
    () => {
      const heading = root.shadowRoot?.querySelector<HTMLElement>('[data-step-heading]');
      if (!heading || textOf(heading) !== text) throw new Error(`No heading "${text}". The step shows: ${describe(root)}`);
      if (root.shadowRoot?.querySelector('[data-skeleton="cards"]')) throw new Error(`"${text}" is still loading.`);
      return heading;
    },
    { timeout },
  );
}

/** Waits until the element shows `text` somewhere (shadow roots included), e.g. an error message. */
export function findText(root: Element, text: string, { timeout = TIMEOUT_MS } = {}): Promise<void> {
  return waitFor(
    () => {
      for (const element of deepElements(root.shadowRoot ?? root)) {
        if (textOf(element).includes(text)) return;
      }
      throw new Error(`No text "${text}". The step shows: ${describe(root)}`);
    },
    { timeout },
  );
}

export async function clickButton(root: Element, name: string): Promise<void> {
  await userEvent.click(await findButton(root, name));
}

export async function clickOption(root: Element, label: string): Promise<void> {
  await userEvent.click(await findOption(root, label));
}
