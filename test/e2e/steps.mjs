/** The user's steps on the demo page, shared by the end-to-end tests. */

export const connectElement = (page) => page.locator('autopilot-connect');

/**
 * New Connection → eLien test company → Bevestigen → Exact Online: the login step, on the page's
 * element or on `element` (a locator, when the page has several).
 */
export async function goToLogin(page, { organisation = /eLien test company/, element = connectElement(page) } = {}) {
  await element.getByRole('button', { name: 'New Connection' }).click();
  await element.getByRole('option', { name: organisation }).click();
  await element.getByRole('button', { name: 'Bevestigen' }).click();
  await element.getByRole('button', { name: 'Exact Online' }).click();
  await element.getByRole('button', { name: 'Open', exact: true }).waitFor();
  return element;
}

/** Lien's Exact Online login (src/mocks/worlds.ts: the simulator's user of every scenario). */
export const exactLogin = { username: 'lien@elien.nl', password: 'secret' };

/** On the simulated Exact Online login page: fills in the user name and password, then Inloggen. */
export async function logIn(page, { username = exactLogin.username, password = exactLogin.password } = {}) {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** On the simulated Exact Online pages: log in, then allow (or deny) on the consent page. */
export async function consent(page, { allow = true, ...login } = {}) {
  await logIn(page, login);
  await page.getByRole('button', { name: allow ? 'Toestaan' : 'Weigeren' }).click();
}

/** Clicks Open (of the page's element, or of `element`) and returns the login popup. */
export async function openLoginPopup(page, element = connectElement(page)) {
  const popupOpened = page.waitForEvent('popup');
  await element.getByRole('button', { name: 'Open', exact: true }).click();
  return popupOpened;
}

/**
 * Clicks Open without a recent user gesture: 5.5 s after the last one, when the click's
 * activation (about 5 s) has lapsed. That is the click a popup blocker refuses.
 */
export async function clickOpenWithoutActivation(element) {
  await element
    .getByRole('button', { name: 'Open', exact: true })
    .evaluate((button) => new Promise((resolve) => setTimeout(() => resolve(button.click()), 5500)));
}

/** Text on the step itself (the live region repeats some of it for screen readers). */
export const shown = (element, text, options) => element.locator('[part="body"]').getByText(text, options);
