/**
 * Finding controls the way a user names them — by role and accessible name, or by visible text —
 * through open shadow roots, with one script that runs unchanged in every engine. The engines'
 * own locators differ (Playwright's getByRole, Puppeteer's ARIA queries, WebDriver's CSS), so the
 * three adapters share this instead, and every test asks the same question in each browser.
 *
 * A query is plain JSON, so it crosses into any page:
 *   { role: 'button', name: 'Open' }           accessible name equal to the text (spaces collapsed)
 *   { role: 'option', name: /^eLien/ }         or matching a regular expression
 *   { text: 'tegengehouden', within: ['autopilot-connect', '[part="body"]'] }
 * `within` narrows the search to the first visible match of each selector in turn (deep);
 * by default a query searches the whole document, shadow roots included.
 */

/** A query with its RegExps made JSON ({ regex, flags }). */
export function serializeQuery(query) {
  const encode = (value) => (value instanceof RegExp ? { regex: value.source, flags: value.flags } : value);
  return { ...query, name: encode(query.name), text: encode(query.text) };
}

/** Shows a query in a failure message. */
export const describeQuery = (query) =>
  [query.role && `${query.role} "${query.name}"`, query.text && `text "${query.text}"`, query.within && `in ${query.within.join(' › ')}`]
    .filter(Boolean)
    .join(' ');

/**
 * Runs in the page: the visible elements that `query` matches, in document order. Self-contained
 * (no closure), because each driver sends it to the page as source text.
 */
export function findInPage(query) {
  const normalize = (text) => (text ?? '').replace(/\s+/g, ' ').trim();
  const matches = (pattern, text) =>
    pattern && typeof pattern === 'object' ? new RegExp(pattern.regex, pattern.flags).test(text) : normalize(pattern) === text;
  const visible = (element) =>
    typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : element.getClientRects().length > 0;

  /** The elements below `root`, its own shadow tree first, then its light tree, each deep. */
  function* deep(root) {
    if (root.shadowRoot) yield* deep(root.shadowRoot);
    for (const element of root.querySelectorAll('*')) {
      yield element;
      if (element.shadowRoot) yield* deep(element.shadowRoot);
    }
  }
  /** Text as rendered: shadow trees included, hidden parts left out. */
  /** The visible text under `node`; for a name (`spokenOnly`), without what is aria-hidden, as an accessible name is. */
  function deepText(node, spokenOnly = false) {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType === Node.ELEMENT_NODE && (!visible(node) || (spokenOnly && node.getAttribute('aria-hidden') === 'true'))) return '';
    const children = node.shadowRoot ? [...node.shadowRoot.childNodes] : [...node.childNodes];
    return children.map((child) => deepText(child, spokenOnly)).join(node.nodeType === Node.ELEMENT_NODE && getComputedStyle(node).display !== 'inline' ? ' ' : '');
  }

  function roleOf(element) {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit.split(' ')[0];
    const tag = element.localName;
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'input' && ['button', 'submit', 'reset'].includes(type)) return 'button';
    if (tag === 'input' && ['radio', 'checkbox'].includes(type)) return type;
    if (tag === 'input' && type === 'search') return 'searchbox';
    if (tag === 'input' && ['text', 'email', 'tel', 'url'].includes(type)) return 'textbox';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'a' && element.hasAttribute('href')) return 'link';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    return null;
  }

  function nameOf(element) {
    const label = element.getAttribute('aria-label');
    if (label) return normalize(label);
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const root = element.getRootNode();
      return normalize(labelledBy.split(/\s+/).map((id) => root.getElementById?.(id)?.textContent ?? '').join(' '));
    }
    if (element.labels?.length) {
      // A wrapping label's own text, without the field's value.
      return normalize([...element.labels].map((l) => [...l.childNodes].filter((n) => n !== element).map((n) => n.textContent).join(' ')).join(' '));
    }
    if (['input', 'textarea', 'select'].includes(element.localName)) return normalize(element.getAttribute('placeholder') ?? '');
    return normalize(deepText(element, true));
  }

  let scope = document;
  for (const selector of query.within ?? []) {
    scope = [...deep(scope)].find((element) => element.matches(selector) && visible(element));
    if (!scope) return [];
  }
  if (query.text !== undefined) {
    const hit = (element) => {
      const text = normalize(deepText(element));
      return typeof query.text === 'object' ? matches(query.text, text) : text.includes(normalize(query.text));
    };
    // The innermost elements that hold the text, not each of their ancestors.
    const innermost = (element) => {
      const children = [...(element.shadowRoot?.children ?? []), ...element.children].filter((child) => visible(child) && hit(child));
      return children.length ? children.flatMap(innermost) : [element];
    };
    const top = scope === document ? document.documentElement : scope;
    return hit(top) ? innermost(top) : [];
  }
  return [...deep(scope)].filter((element) => visible(element) && roleOf(element) === query.role && matches(query.name, nameOf(element)));
}
