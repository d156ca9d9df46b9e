/** The user's steps on the demo page, shared by the end-to-end tests. */

export const connectElement = (page) => page.locator('autopilot-connect');

/** New Connection → eLien test company → Bevestigen → Exact Online: the login step. */
export async function goToLogin(page, { organisation = /eLien test company/ } = {}) {
  const element = connectElement(page);
  await element.getByRole('button', { name: 'New Connection' }).click();
  await element.getByRole('option', { name: organisation }).click();
  await element.getByRole('button', { name: 'Bevestigen' }).click();
  await element.getByRole('button', { name: 'Exact Online' }).click();
  await element.getByRole('button', { name: 'Open', exact: true }).waitFor();
  return element;
}

/** On the simulated Exact Online pages: log in, then allow (or deny). */
export async function consent(page, { allow = true } = {}) {
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: allow ? 'Toestaan' : 'Weigeren' }).click();
}

/** Clicks Open and returns the login popup. */
export async function openLoginPopup(page) {
  const popupOpened = page.waitForEvent('popup');
  await connectElement(page).getByRole('button', { name: 'Open', exact: true }).click();
  return popupOpened;
}

/** Text on the step itself (the live region repeats some of it for screen readers). */
export const shown = (element, text, options) => element.locator('[part="body"]').getByText(text, options);
