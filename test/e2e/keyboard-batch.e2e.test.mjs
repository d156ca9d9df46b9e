import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { exactLogin } from './steps.mjs';
import { focusSteps } from './focus-steps.mjs';

/**
 * `Meerdere administraties koppelen` with the keyboard alone (issue 14): Tab, Shift+Tab, Space,
 * Enter, Escape, arrow keys and typing, the Exact Online login popup included; and Tab through a
 * windowed table of 190 rows, further than the rows it renders at once.
 */

/** What has focus, through shadow roots: tag, type, its text, and a checkbox's label. */
const focused = (page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const clean = (text) => (text ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
    const row = active?.closest?.('tr[data-index]');
    return {
      tag: active?.tagName.toLowerCase() ?? null,
      type: active?.getAttribute('type') ?? null,
      role: active?.getAttribute('role') ?? null,
      text: clean(active?.textContent),
      label: clean(active?.labels?.[0]?.textContent),
      row: row ? Number(row.getAttribute('data-index')) : null,
      renderedRows: row ? row.parentElement.querySelectorAll('tr[data-index]').length : null,
    };
  });

const { tabUntil, waitForFocus } = focusSteps(focused);

const isButton = (name) => (focus) => focus.tag === 'button' && (typeof name === 'string' ? focus.text === name : name.test(focus.text));
const isCheckbox = (name) => (focus) => focus.tag === 'input' && focus.type === 'checkbox' && (typeof name === 'string' ? focus.label === name : name.test(focus.label));

/** From the overview to the table, the login popup done with keys too. */
async function toTableByKeys(page, scenario) {
  await page.goto(`${page.harnessOrigin}/?scenario=${scenario}`);
  await page.locator('autopilot-connect').getByRole('button', { name: 'Meerdere administraties koppelen' }).waitFor();
  await tabUntil(page, isButton('Meerdere administraties koppelen'), { what: 'Meerdere administraties koppelen' });
  await page.keyboard.press('Enter');
  await waitForFocus(page, (f) => f.tag === 'h2' && f.text === 'Meerdere administraties koppelen', 'the heading');
  await page.locator('autopilot-connect').getByRole('button', { name: 'Open', exact: true }).waitFor();
  await tabUntil(page, isButton('Open'), { what: 'Open' });
  const popupOpened = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const popup = await popupOpened;
  await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
  await tabUntil(popup, (f) => f.tag === 'input' && f.type === 'text', { what: 'the user name field' });
  await popup.keyboard.type(exactLogin.username);
  await popup.keyboard.press('Tab');
  await popup.keyboard.type(exactLogin.password);
  await popup.keyboard.press('Enter');
  await popup.getByRole('button', { name: 'Toestaan' }).waitFor();
  // The consent page lists every administration (2,000 in batch-200): Toestaan is reached from the end.
  await tabUntil(popup, (f) => f.tag === 'button' && f.text === 'Toestaan', { what: 'Toestaan', key: 'Shift+Tab' });
  const closed = popup.waitForEvent('close');
  await popup.keyboard.press('Enter');
  await closed;
  await page.bringToFront();
  await page.locator('autopilot-connect').getByRole('table').waitFor({ timeout: 20_000 });
}

describe('many administrations at once with the keyboard alone', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => {
    await harness.reset('batch');
    await harness.reset('batch-200');
  });

  it('login, tick all, change a row in the picker (and Escape), Alles koppelen, the end and the overview, by keys only', async () => {
    const page = await harness.browser.newPage();
    page.harnessOrigin = harness.origin;
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await toTableByKeys(page, 'batch');

    // After the login, focus is in the step (its heading), not lost on the page.
    const afterLogin = await waitForFocus(page, (f) => f.tag === 'h2', 'the heading after the login');
    assert.equal(afterLogin.text, 'Meerdere administraties koppelen');
    await tabUntil(page, isCheckbox('Alle voorstellen aanvinken'), { what: 'Alle voorstellen aanvinken' });
    await page.keyboard.press('Space');
    await page.locator('autopilot-connect').getByRole('button', { name: 'Alles koppelen (35)' }).waitFor();

    // The first row's checkbox, then its Wijzigen.
    await page.keyboard.press('Tab');
    const firstRow = await focused(page);
    assert.equal(firstRow.row, 0);
    assert.equal(firstRow.tag, 'input');
    await page.keyboard.press('Tab');
    const change = await focused(page);
    assert.match(change.text, new RegExp(`^Wijzigen ${firstRow.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await page.keyboard.press('Enter');
    // Straight into the picker's search; type, arrow down into the list, Enter chooses.
    await waitForFocus(page, (f) => f.tag === 'input' && f.type === 'search', "the picker's search field");
    await page.keyboard.type('Yoga', { delay: 20 });
    await page.waitForTimeout(100);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('100050', { delay: 20 });
    await page.keyboard.press('ArrowDown');
    await waitForFocus(page, (f) => f.role === 'listbox', 'the listbox');
    await page.keyboard.press('Enter');
    // Back on that row, its administration changed and marked as chosen.
    const back = await waitForFocus(page, (f) => f.row === 0 && f.tag === 'input', 'the first row again');
    assert.equal(back.label, firstRow.label);
    const rowText = await page.locator('autopilot-connect').locator('tr[data-index="0"]').innerText();
    assert.match(rowText, /100050/);
    assert.match(rowText, /Zelf gekozen/);

    // Wijzigen again, and Escape: closed without a change, focus back on the row.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForFocus(page, (f) => f.tag === 'input' && f.type === 'search', "the picker's search field");
    await page.keyboard.press('Escape');
    await waitForFocus(page, (f) => f.row === 0 && f.tag === 'input', 'the first row after Escape');
    assert.equal(await page.locator('autopilot-connect').locator('.batch-picker').count(), 0);

    // Alles koppelen with Enter; at the end, focus is on what the run came to.
    await tabUntil(page, isButton('Alles koppelen (35)'), { what: 'Alles koppelen (35)', max: 120 });
    await page.keyboard.press('Enter');
    const end = await waitForFocus(page, (f) => /gekoppeld, \d+ mislukt/.test(f.text), 'the summary sentence', 60_000);
    assert.match(end.text, /^35 gekoppeld, 0 mislukt, 0 overgeslagen\.$/);
    await tabUntil(page, isButton('Naar het overzicht'), { what: 'Naar het overzicht' });
    await page.keyboard.press('Enter');
    await waitForFocus(page, (f) => f.text === '35 nieuwe koppelingen gemaakt.', 'the note on the overview');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('Tab walks a windowed table of 190 rows past what it renders at once, and Shift+Tab back', async () => {
    const page = await harness.browser.newPage();
    page.harnessOrigin = harness.origin;
    await toTableByKeys(page, 'batch-200');
    await tabUntil(page, isCheckbox('Alle voorstellen aanvinken'), { what: 'Alle voorstellen aanvinken' });
    await page.keyboard.press('Tab');
    let focus = await focused(page);
    assert.equal(focus.row, 0);
    const rendered = focus.renderedRows;
    assert.ok(rendered < 60, `only a window of the 190 rows is rendered (${rendered})`);
    // Two stops a row (its checkbox, its Wijzigen): 140 Tabs reach row 70, far past the first window.
    for (let i = 0; i < 140; i++) await page.keyboard.press('Tab');
    focus = await focused(page);
    assert.equal(focus.row, 70, `Tab reached row 70 (focus: ${JSON.stringify(focus)})`);
    assert.equal(focus.tag, 'input');
    assert.ok(focus.renderedRows < 60, `still windowed (${focus.renderedRows} rows rendered)`);
    for (let i = 0; i < 20; i++) await page.keyboard.press('Shift+Tab');
    focus = await focused(page);
    assert.equal(focus.row, 60, 'Shift+Tab walks back');
    await page.close();
  });
});
