/**
 * Calls `onChange` when the `lang` attribute of `element` or of one of its ancestors changes:
 * what `element.closest('[lang]')` reads, and nothing else, so a `lang` set elsewhere on the page
 * leaves the element alone. Returns the function that stops watching.
 *
 * The chain is walked once. It changes only when the element (or an ancestor) is moved, and a
 * move disconnects the element and connects it again, which walks the chain anew.
 */
export function observeLang(element: Element, onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  for (let node: Element | null = element; node; node = node.parentElement) {
    observer.observe(node, { attributes: true, attributeFilter: ['lang'] });
  }
  return () => observer.disconnect();
}
