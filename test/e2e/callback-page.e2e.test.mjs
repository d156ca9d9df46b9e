import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { startHarness } from './harness.mjs';

/**
 * What a user sees on the callback page a login ends on (callback.html): the outcome in a
 * heading, a check or a cross, the next step — in light and dark, under the strict policy the
 * harness serves it with, and with no axe-core violation (WCAG 2.0/2.1/2.2 A and AA).
 */
const root = resolve(new URL('../..', import.meta.url).pathname);
const AXE = join(root, 'node_modules/axe-core/axe.min.js');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const words = {
  nl: { ok: 'Ingelogd bij Exact Online', no: 'Inloggen is niet gelukt', close: 'Sluit dit venster als het open blijft.', retry: 'Probeer het opnieuw op het platform.', back: 'Terug naar het platform' },
  en: { ok: 'Logged in to Exact Online', no: 'Logging in did not work', close: 'Close this window if it stays open.', retry: 'Try again on the platform.', back: 'Back to the platform' },
};
const outcomes = { ok: 'authorized', no: 'denied' };

/** What the page shows: the heading, which sign (if any), the next step and the back link. */
async function seen(page) {
  const visible = (selector) => page.locator(selector).isVisible();
  return {
    lang: await page.locator('html').getAttribute('lang'),
    heading: (await page.getByRole('heading', { level: 1 }).textContent()).trim(),
    inStatus: (await page.getByRole('status').getByRole('heading', { level: 1 }).count()) === 1,
    sign: (await visible('svg')) ? ((await visible('#ok')) ? 'check' : (await visible('#no')) ? 'cross' : 'ring') : 'none',
    signHidden: await page.locator('svg').getAttribute('aria-hidden'),
    next: (await page.locator('main p').textContent()).trim(),
    back: (await visible('#back')) ? (await page.locator('#back').textContent()).trim() : null,
  };
}

/** Relative luminance of a computed `rgb(…)` colour. */
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((value) => {
    const channel = Number(value) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('the callback page', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());

  /** A page in a context that keeps it open (window.close does nothing) and records CSP violations. */
  async function open({ colorScheme = 'light', bypassCSP = false } = {}) {
    const context = await harness.browser.newContext({ colorScheme, bypassCSP });
    const violations = [];
    await context.exposeFunction('reportViolation', (text) => violations.push(text));
    await context.addInitScript(() => {
      window.close = () => {};
      document.addEventListener('securitypolicyviolation', (event) => window.reportViolation(`${event.violatedDirective} ${event.blockedURI}`));
    });
    return { context, page: await context.newPage(), violations };
  }
  const url = (outcome, lang) =>
    `${harness.origin}/callback.html?authorization=auth_seen&status=${outcomes[outcome]}${lang === 'nl' ? '' : `&lang=${lang}`}`;

  for (const lang of ['nl', 'en']) {
    for (const outcome of ['ok', 'no']) {
      it(`${lang}, ${outcome === 'ok' ? 'success' : 'failure'}, in a tab without opener: heading, ${outcome === 'ok' ? 'check' : 'cross'}, next step and the way back`, async () => {
        const { context, page, violations } = await open();
        await page.goto(url(outcome, lang));
        await page.locator(`body.${outcome}`).waitFor();
        assert.deepEqual(await seen(page), {
          lang,
          heading: words[lang][outcome],
          inStatus: true,
          sign: outcome === 'ok' ? 'check' : 'cross',
          signHidden: 'true',
          next: outcome === 'ok' ? '' : words[lang].retry,
          back: words[lang].back,
        });
        assert.deepEqual(violations, [], 'the strict Content-Security-Policy holds');
        await context.close();
      });

      it(`${lang}, ${outcome === 'ok' ? 'success' : 'failure'}, in a popup: says to close the window if it stays open, no way back`, async () => {
        const { context, page, violations } = await open();
        await page.goto(`${harness.origin}/callback.html`);
        const popupOpened = page.waitForEvent('popup');
        await page.evaluate((address) => window.open(address, 'login', 'popup,width=600,height=600'), url(outcome, lang));
        const popup = await popupOpened;
        await popup.locator(`body.${outcome}`).waitFor();
        const shown = await seen(popup);
        assert.equal(shown.heading, words[lang][outcome]);
        assert.equal(shown.sign, outcome === 'ok' ? 'check' : 'cross');
        assert.equal(shown.next, outcome === 'ok' ? words[lang].close : `${words[lang].retry} ${words[lang].close}`);
        assert.equal(shown.back, null);
        assert.deepEqual(violations, []);
        await context.close();
      });
    }
  }

  it('without a report (no or invalid parameters) claims neither success nor failure', async () => {
    const { context, page, violations } = await open();
    for (const query of ['', '?status=authorized', '?authorization=auth_x&status=yes&lang=en']) {
      await page.goto(`${harness.origin}/callback.html${query}`);
      await page.locator('#back').waitFor(); // the script ran
      const shown = await seen(page);
      assert.equal(shown.heading, 'Exact Online', query);
      assert.equal(shown.sign, 'none', query);
      assert.equal(shown.next, '', query);
      assert.equal(await page.locator('body').getAttribute('class'), null, query);
    }
    assert.deepEqual(violations, []);
    await context.close();
  });

  it('follows a dark colour scheme: dark background, light text', async () => {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page } = await open({ colorScheme });
      await page.goto(url('no', 'nl'));
      await page.locator('body.no').waitFor();
      const background = luminance(await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor));
      const text = luminance(await page.locator('h1').evaluate((h1) => getComputedStyle(h1).color));
      if (colorScheme === 'dark') assert.ok(background < 0.05 && text > 0.8, `dark: background ${background}, text ${text}`);
      else assert.ok(background > 0.9 && text < 0.05, `light: background ${background}, text ${text}`);
      await context.close();
    }
  });

  it('keeps the sign in forced colours: its ring (a border) and its mark (currentColor) stay', async () => {
    const context = await harness.browser.newContext({ forcedColors: 'active' });
    const page = await context.newPage();
    await page.addInitScript(() => (window.close = () => {}));
    await page.goto(url('ok', 'nl'));
    await page.locator('body.ok').waitFor();
    assert.equal(await page.locator('#ok').isVisible(), true);
    const ring = await page.locator('svg').evaluate((svg) => {
      const style = getComputedStyle(svg);
      return { width: style.borderTopWidth, style: style.borderTopStyle, stroke: style.stroke, color: style.color };
    });
    assert.equal(ring.style, 'solid');
    assert.notEqual(ring.width, '0px');
    assert.equal(ring.stroke, ring.color, 'the mark is drawn in the (forced) text colour');
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    for (const outcome of ['ok', 'no']) {
      it(`has no axe violations: ${outcome === 'ok' ? 'success' : 'failure'}, ${colorScheme}`, async () => {
        // axe is injected as an inline script, which the page's own policy forbids.
        const { context, page } = await open({ colorScheme, bypassCSP: true });
        await page.goto(url(outcome, 'nl'));
        await page.locator(`body.${outcome}`).waitFor();
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async (tags) => {
          const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return result.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
        }, WCAG_TAGS);
        assert.equal(violations.join('\n'), '');
        await context.close();
      });
    }
  }
});
