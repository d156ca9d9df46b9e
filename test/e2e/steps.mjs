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

/**
 * On the simulated Exact Online pages: log in (unless the browser is still logged in at Exact,
 * which then shows the consent page at once), then allow (or deny) on the consent page.
 */
export async function consent(page, { allow = true, ...login } = {}) {
  const logInButton = page.getByRole('button', { name: 'Inloggen' });
  const decision = page.getByRole('button', { name: allow ? 'Toestaan' : 'Weigeren' });
  await logInButton.or(decision).waitFor();
  if (await logInButton.isVisible()) await logIn(page, login);
  await decision.click();
}

/**
 * Records the logins the page's element starts (its POST authorizations answers): the OAuth
 * `state` in the authorize URL is opaque, so this is where a test learns the authorization id.
 * Returns a function that waits for the latest one's id.
 */
export function recordAuthorizations(page) {
  const started = [];
  page.on('response', (response) => {
    const request = response.request();
    // Each login prepares two URLs; the one `Open` opens has no forceLogin (the other is `Inloggen als andere Exact-gebruiker`).
    const plain = !/"forceLogin":\s*true/.test(request.postData() ?? '');
    if (plain && request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/api/authorizations') && response.status() === 201) {
      started.push(response.json().then((body) => body.id));
    }
  });
  return async () => {
    if (started.length === 0) {
      await page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname.endsWith('/api/authorizations') && !/"forceLogin":\s*true/.test(response.request().postData() ?? ''));
    }
    const id = await started.at(-1);
    if (!id) throw new Error('no login was started');
    return id;
  };
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
