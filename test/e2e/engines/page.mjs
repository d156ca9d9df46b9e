import { describeQuery, findInPage, serializeQuery } from './find.mjs';

/**
 * One page (or popup) in any engine, as the login tests use it. An adapter (chromium.mjs,
 * firefox.mjs, webkit.mjs) supplies a few primitives — run an expression, get an element, click
 * it, press a key, wait for a popup — and everything else is written once here, so each test
 * reads the same in every browser.
 */
export class Page {
  /** @param driver an adapter's page: goto, url, run, handle, click, press, type, waitForPopup, isClosed, close */
  constructor(driver, origin) {
    this.driver = driver;
    this.origin = origin;
  }

  /** `path` on the demo server, e.g. `/?scenario=default`. */
  goto(path) {
    return this.driver.goto(new URL(path, this.origin).href);
  }

  url() {
    return this.driver.url();
  }

  /** Runs `fn(arg)` in the page (`fn` must not close over anything); resolves to its JSON value. */
  evaluate(fn, arg) {
    return this.driver.run(`(${fn})(${JSON.stringify(arg ?? null)})`);
  }

  count(query) {
    return this.driver.run(`(${findInPage})(${JSON.stringify(serializeQuery(query))}).length`);
  }

  /** Waits until `query` matches a visible element (polling; a wait-for, never a fixed sleep). */
  async waitFor(query, { timeout = 15_000 } = {}) {
    await this.until(async () => (await this.count(query)) > 0, timeout, () => `never showed ${describeQuery(query)}`);
  }

  /** Waits for `query`, then clicks it as a user does (the engine's native click, a user gesture). */
  async click(query, { timeout = 15_000 } = {}) {
    const find = `(() => { const found = (${findInPage})(${JSON.stringify(serializeQuery(query))})
      .filter((element) => !element.disabled && element.getAttribute('aria-disabled') !== 'true'); return found[0] ?? null; })()`;
    await this.until(
      async () => {
        // Lit may re-render between finding and clicking: then this throws, and it is found again.
        const element = await this.driver.handle(find);
        if (!element) return false;
        await this.driver.click(element);
        return true;
      },
      timeout,
      () => `could not click ${describeQuery(query)}`,
    );
  }

  press(key) {
    return this.driver.press(key);
  }

  type(text) {
    return this.driver.type(text);
  }

  /** Runs `action` (a click or key press) and resolves to the popup window it opened. */
  async waitForPopup(action) {
    return new Page(await this.driver.waitForPopup(action), this.origin);
  }

  /** Waits until this window is gone (the callback page closes the login popup itself). */
  async waitForClose({ timeout = 15_000 } = {}) {
    await this.until(() => this.driver.isClosed(), timeout, () => 'the window did not close');
  }

  close() {
    return this.driver.close();
  }

  /** What has focus, through shadow roots: tag, role, text, type, and the listbox's active option. */
  focused() {
    return this.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const optionId = active?.getAttribute('aria-activedescendant');
      const option = optionId ? active.getRootNode().getElementById(optionId) : null;
      return {
        tag: active?.localName ?? null,
        role: active?.getAttribute('role') ?? null,
        // What a reader hears: the Exact Online card's aria-hidden description is not its name.
        text: ((node) => { const said = (n) => (n.nodeType === 3 ? n.data : n.getAttribute?.('aria-hidden') === 'true' ? '' : [...n.childNodes].map(said).join('')); return node ? said(node) : ''; })(active).replace(/\s+/g, ' ').trim(),
        type: active?.getAttribute('type') ?? null,
        option: option?.querySelector('.label')?.textContent?.trim() ?? null,
        optionSelected: option?.getAttribute('aria-selected') ?? null,
      };
    });
  }

  /** Presses `key` until `matches(focus)`; fails naming the way focus went. */
  async pressUntil(matches, { key = 'Tab', max = 40, what = 'the target' } = {}) {
    const seen = [];
    for (let i = 0; i < max; i++) {
      const focus = await this.focused();
      if (matches(focus)) return focus;
      seen.push(`${focus.tag}${focus.role ? `[${focus.role}]` : ''} "${focus.text.slice(0, 30)}"`);
      await this.press(key);
    }
    throw new Error(`${key} never reached ${what}; focus went: ${seen.join(' → ')}`);
  }

  /** Waits until focus `matches`. */
  async waitForFocus(matches, what, { timeout = 15_000 } = {}) {
    let focus;
    await this.until(
      async () => matches((focus = await this.focused())),
      timeout,
      () => `focus never on ${what}; it is on ${JSON.stringify(focus)}`,
    );
    return focus;
  }

  /**
   * Polls `condition` every 100 ms until it holds or `timeout` ms have passed. A page that is
   * navigating throws while it has no document; that is a "not yet", and the last such error is
   * named if the time runs out.
   */
  async until(condition, timeout, message) {
    const deadline = Date.now() + timeout;
    let lastError;
    for (;;) {
      try {
        if (await condition()) return;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > deadline) throw new Error(`${message()}${lastError ? ` (last error: ${lastError.message})` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
