import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { exactLogin } from './steps.mjs';
import { focusSteps } from './focus-steps.mjs';

/**
 * The whole flow with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys, Home/End,
 * type-ahead) on the demo page, the Exact Online login popup included. No mouse, no clicks.
 */

/** What has focus, looking through shadow roots: tag, role, text, and whether it is in the element. */
const focused = (page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const connect = document.querySelector('autopilot-connect');
    const activeOption = active?.getAttribute('aria-activedescendant')
      ? active.getRootNode().getElementById(active.getAttribute('aria-activedescendant'))
      : null;
    return {
      tag: active?.tagName.toLowerCase() ?? null,
      role: active?.getAttribute('role') ?? null,
      // What a reader hears: the Exact Online card's aria-hidden description is not its name.
        text: ((node) => { const said = (n) => (n.nodeType === 3 ? n.data : n.getAttribute?.('aria-hidden') === 'true' ? '' : [...n.childNodes].map(said).join('')); return node ? said(node) : ''; })(active).replace(/\s+/g, ' ').trim(),
      label: active?.getAttribute('aria-label') ?? null,
      type: active?.getAttribute('type') ?? null,
      value: active?.value ?? null,
      inElement: Boolean(connect?.shadowRoot?.activeElement),
      isBody: document.activeElement === document.body,
      option: activeOption?.querySelector('.label')?.textContent?.trim() ?? null,
      optionSelected: activeOption?.getAttribute('aria-selected') ?? null,
    };
  });

/** The text of the element's own focused node (its shadowRoot.activeElement). */
const shadowActiveText = (page) =>
  page.evaluate(() => document.querySelector('autopilot-connect')?.shadowRoot?.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? null);

const { tabUntil, waitForFocus } = focusSteps(focused, { max: 40, timeout: 5000 });

const isButton = (name) => (focus) => (focus.tag === 'button' || focus.tag === 'a') && focus.text === name;

const headingFocused = (text) => (focus) => focus.tag === 'h2' && focus.text === text;

describe('the connect flow with the keyboard alone', () => {
  let harness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => harness?.close());
  beforeEach(async () => harness.reset('default'));

  it('goes from New Connection through the login popup to a new connection, by keys only', async () => {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(`${harness.origin}/?scenario=default`);
    const element = page.locator('autopilot-connect');
    await element.getByRole('button', { name: 'New Connection' }).waitFor();

    // From the top of the page, Tab into the element to `New Connection`; Enter.
    await tabUntil(page, isButton('New Connection'), { what: 'New Connection' });
    await page.keyboard.press('Enter');
    await waitForFocus(page, headingFocused('Kies de organisatie'), 'the heading "Kies de organisatie"');
    await element.getByRole('option', { name: /eLien test company/ }).waitFor();

    // The search field, then the listbox; arrow keys, Home/End and type-ahead move the active option.
    await tabUntil(page, (focus) => focus.tag === 'input' && focus.type === 'search', { what: 'the search field' });
    await page.keyboard.press('ArrowDown');
    let focus = await waitForFocus(page, (f) => f.role === 'listbox' && f.option !== null, 'the organisation listbox');
    const first = focus.option;
    await page.keyboard.press('End');
    focus = await focused(page);
    assert.notEqual(focus.option, first, 'End moves to the last option');
    await page.keyboard.press('Home');
    assert.equal((await focused(page)).option, first, 'Home moves to the first option');
    await page.keyboard.press('ArrowDown');
    assert.notEqual((await focused(page)).option, first, 'ArrowDown moves on');
    await page.keyboard.press('ArrowUp');
    assert.equal((await focused(page)).option, first, 'ArrowUp moves back');
    await page.keyboard.type('eli', { delay: 30 });
    focus = await waitForFocus(page, (f) => f.option === 'eLien test company', 'eLien test company by type-ahead');
    assert.equal(focus.role, 'listbox', 'the listbox keeps focus (aria-activedescendant)');
    await page.waitForTimeout(700); // let the type-ahead buffer lapse, so Space is not a character
    await page.keyboard.press('Enter');
    await waitForFocus(page, (f) => f.option === 'eLien test company' && f.optionSelected === 'true', 'eLien test company selected');

    // Tab to `Bevestigen`, Enter.
    await tabUntil(page, isButton('Bevestigen'), { what: 'Bevestigen' });
    await page.keyboard.press('Enter');
    await waitForFocus(page, headingFocused('Kies het boekhoudpakket'), 'the heading "Kies het boekhoudpakket"');

    // `Exact Online` with Space.
    await tabUntil(page, isButton('Exact Online'), { what: 'Exact Online' });
    await page.keyboard.press('Space');
    await waitForFocus(page, headingFocused('Inloggen bij Exact Online'), 'the heading "Inloggen bij Exact Online"');
    await element.getByRole('button', { name: 'Open', exact: true }).waitFor();

    // `Open` with Enter: the Exact Online login in a popup, done with the keyboard too.
    await tabUntil(page, isButton('Open'), { what: 'Open' });
    // Shift+Tab back and forth: the focus order is the visual order.
    await page.keyboard.press('Shift+Tab');
    assert.notEqual((await focused(page)).text, 'Open');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Open');
    const popupOpened = page.waitForEvent('popup');
    await page.keyboard.press('Enter');
    const popup = await popupOpened;
    await popup.waitForLoadState();
    await popup.getByRole('button', { name: 'Inloggen' }).waitFor();
    // The simulator's login form: a user name field (text), then the password.
    await tabUntil(popup, (f) => f.tag === 'input' && f.type === 'text', { what: 'the user name field' });
    await popup.keyboard.type(exactLogin.username);
    await popup.keyboard.press('Tab');
    const password = await focused(popup);
    assert.equal(password.type, 'password');
    await popup.keyboard.type(exactLogin.password);
    await tabUntil(popup, (f) => f.tag === 'button' && f.text === 'Inloggen', { what: 'Inloggen' });
    await popup.keyboard.press('Enter');
    await popup.getByRole('button', { name: 'Toestaan' }).waitFor();
    await tabUntil(popup, (f) => f.tag === 'button' && f.text === 'Toestaan', { what: 'Toestaan' });
    const closed = popup.waitForEvent('close');
    await popup.keyboard.press('Enter');
    await closed;

    // Back in the page: the next action, `Ga door`, has focus.
    await page.bringToFront();
    await element.getByRole('button', { name: 'Ga door' }).waitFor();
    await waitForFocus(page, isButton('Ga door'), '`Ga door` after the login window closed');
    assert.equal(await shadowActiveText(page), 'Ga door');
    await page.keyboard.press('Enter');
    await waitForFocus(page, headingFocused('Selecteer afdeling'), 'the heading "Selecteer afdeling"');
    await element.getByRole('option', { name: /^eLien test company/ }).waitFor();

    // The administration: into the listbox from the search field, type-ahead, Space selects.
    await tabUntil(page, (f) => f.tag === 'input' && f.type === 'search', { what: 'the administration search field' });
    await page.keyboard.press('Tab');
    focus = await waitForFocus(page, (f) => f.role === 'listbox' && f.option !== null, 'the administration listbox');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.type('elien', { delay: 30 });
    await waitForFocus(page, (f) => f.option === 'eLien test company', 'the administration eLien test company by type-ahead');
    await page.waitForTimeout(700);
    await page.keyboard.press('Space');
    await waitForFocus(page, (f) => f.option === 'eLien test company' && f.optionSelected === 'true', 'the administration selected');
    assert.equal(await element.getByRole('radio', { name: /Simpele booking flow/ }).isChecked(), true);

    // `Afronden` with Enter.
    await tabUntil(page, isButton('Afronden'), { what: 'Afronden' });
    await page.keyboard.press('Enter');
    await waitForFocus(page, headingFocused('Koppeling gemaakt'), 'the heading "Koppeling gemaakt"');
    await element.getByRole('heading', { name: 'Koppeling gemaakt' }).waitFor();
    const log = await page.locator('#log').textContent();
    assert.match(log, /autopilot-connected: eLien test company → eLien test company/);

    // And back to the overview with the keyboard: the connection just made has focus, marked as new,
    // and its actions are the next Tab stops.
    await tabUntil(page, isButton('Naar het overzicht'), { what: 'Naar het overzicht' });
    await page.keyboard.press('Enter');
    await waitForFocus(page, (focus) => focus.tag === 'li' && focus.text.startsWith('eLien test company → eLien test company Nieuw'), 'the new connection');
    await tabUntil(page, isButton('API-download opnieuw aanbieden'), { what: 'its API-download opnieuw aanbieden' });
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
