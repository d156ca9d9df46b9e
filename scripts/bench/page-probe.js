/**
 * Injected into every benchmark page before its own scripts (page.addInitScript): a fetch
 * recorder and a way to wait, inside the page, for a DOM condition without polling.
 *
 * - Every fetch is recorded with its start, when the headers arrived, and when the body
 *   resolved (`end`: the wrapper stamps it when response.json()/text() resolves, before the
 *   caller's continuation runs). Page responses (`{ items, total }`) also keep `total` and the
 *   first item's name, so a wait can recognise the list that answers a given search.
 * - `until(predicate)` checks the predicate after every DOM mutation in the element's shadow
 *   roots (nested ones included, observed as they appear) and returns `commit` (the first
 *   time it held) and `frame` (the next animation frame after that: the list on screen).
 */
(() => {
  const bench = (window.__bench = { fetches: [] });
  const originalFetch = window.fetch;

  window.fetch = function benchFetch(input, init) {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url, location.href);
    const record = {
      method: String(init?.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')).toUpperCase(),
      path: url.pathname,
      query: url.searchParams.get('query') ?? '',
      cursor: url.searchParams.get('cursor'),
      start: performance.now(),
      headers: null,
      end: null,
      total: null,
      first: null,
      status: null,
    };
    bench.fetches.push(record);
    return originalFetch.call(this, input, init).then(
      (response) => {
        record.headers = record.end = performance.now();
        record.status = response.status;
        for (const name of ['json', 'text', 'arrayBuffer', 'blob']) {
          const read = response[name];
          response[name] = function benchRead() {
            return read.call(this).then((value) => {
              record.end = performance.now();
              if (name === 'json') remember(record, value);
              else if (name === 'text') record.text = value;
              return value;
            });
          };
        }
        return response;
      },
      (error) => {
        record.end = performance.now();
        record.error = String(error);
        throw error;
      },
    );
  };

  function remember(record, value) {
    if (value && typeof value === 'object' && typeof value.total === 'number' && Array.isArray(value.items)) {
      record.total = value.total;
      record.first = value.items[0]?.name ?? null;
    }
  }

  /** The total and first name of a page answer (parsed late when the caller read text). */
  bench.pageOf = (record) => {
    if (record.total === null && typeof record.text === 'string') {
      try {
        remember(record, JSON.parse(record.text));
      } catch {
        /* not JSON */
      }
      delete record.text;
    }
    return record.total === null ? null : { total: record.total, first: record.first };
  };

  bench.host = () => document.querySelector('autopilot-connect, baseline-list');

  /** The shadow root that holds the search field and the listbox. */
  bench.listRoot = () => {
    const host = bench.host();
    if (!host?.shadowRoot) return null;
    if (host.localName === 'baseline-list') return host.shadowRoot;
    return host.shadowRoot.querySelector('autopilot-connect-listbox')?.shadowRoot ?? null;
  };

  /** A button in the element's own shadow root by its visible text. */
  bench.button = (text) =>
    [...(bench.host()?.shadowRoot?.querySelectorAll('button') ?? [])].find((button) => button.textContent.trim().replace(/\s+/g, ' ') === text) ?? null;

  const digits = (text) => (text ?? '').replace(/\D/g, '');

  /** The list shows `page` (a recorded answer): not busy, its total counted, its first item first. */
  bench.listShows = (page) => {
    const root = bench.listRoot();
    const list = root?.querySelector('[role="listbox"]');
    if (!list || list.getAttribute('aria-busy') === 'true') return false;
    if (digits(root.querySelector('.count')?.textContent) !== String(page.total)) return false;
    const first = list.querySelector('[role="option"] .label');
    return (first?.textContent ?? '').trim() === (page.first ?? '').trim();
  };

  /** The latest recorded search (no cursor) for `query` on the organisations endpoint, started after `after`. */
  bench.searchFor = (query, after = 0) => {
    for (let index = bench.fetches.length - 1; index >= 0; index--) {
      const record = bench.fetches[index];
      if (record.start < after) break;
      if (/\/organisations$/.test(record.path) && record.cursor === null && record.query === query) return record;
    }
    return null;
  };

  bench.until = (predicate, { timeout = 30_000, label = 'condition', frame = true } = {}) =>
    new Promise((resolve, reject) => {
      const observed = new WeakSet();
      const observers = [];
      let done = false;
      const finish = () => {
        done = true;
        for (const observer of observers) observer.disconnect();
        clearTimeout(timer);
        cancelAnimationFrame(frameLoop);
        const commit = performance.now();
        if (frame) requestAnimationFrame(() => resolve({ commit, frame: performance.now() }));
        else resolve({ commit, frame: commit });
      };
      const check = () => {
        if (done) return;
        let ok = false;
        try {
          ok = predicate();
        } catch {
          ok = false;
        }
        if (ok) finish();
      };
      const observe = (root) => {
        if (!root || observed.has(root)) return;
        observed.add(root);
        const observer = new MutationObserver((mutations) => {
          // New shadow roots come with added custom elements (the picker): observe them too.
          for (const mutation of mutations) for (const node of mutation.addedNodes) if (node.nodeType === 1) walkFrom(node);
          check();
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        observers.push(observer);
      };
      const walk = (root) => {
        for (const element of root.querySelectorAll('*')) {
          if (element.shadowRoot) {
            observe(element.shadowRoot);
            walk(element.shadowRoot);
          }
        }
      };
      const walkFrom = (element) => {
        if (element.shadowRoot) {
          observe(element.shadowRoot);
          walk(element.shadowRoot);
        }
        if (element.firstElementChild) walk(element);
      };
      observe(document.body);
      walk(document.body);
      // A safety net for changes no mutation reports (a property without DOM effect); checked once a frame.
      let frameLoop = requestAnimationFrame(function tick() {
        check();
        if (!done) frameLoop = requestAnimationFrame(tick);
      });
      const timer = setTimeout(() => {
        if (done) return;
        done = true;
        for (const observer of observers) observer.disconnect();
        cancelAnimationFrame(frameLoop);
        reject(new Error(`timed out waiting for ${label}`));
      }, timeout);
      check();
    });

  /** Inserts the element (module already loaded) and returns performance.now() just before. */
  bench.insert = (tag, attributes = {}) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    const start = performance.now();
    performance.mark('bench:insert', { startTime: start }); // the profiler's zero (profile-startup.mjs)
    document.body.append(element);
    return start;
  };

  bench.remove = () => bench.host()?.remove();
})();
