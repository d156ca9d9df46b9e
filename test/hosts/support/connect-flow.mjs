import { consent, goToLogin, openLoginPopup } from '../../e2e/steps.mjs';

/**
 * The help article's flow on one element of a host page (a locator, since a host page may
 * hold more than one): New Connection → eLien test company → Bevestigen → Exact Online → Open →
 * in the real popup Inloggen → Toestaan (the popup ends on the callback page, which closes it) →
 * Ga door → the administration → Afronden. Resolves when the element says the connection is made.
 */
export async function connectELien(page, element) {
  await goToLogin(page, { element });
  const popup = await openLoginPopup(page, element);
  const popupClosed = popup.waitForEvent('close', { timeout: 15_000 });
  await consent(popup);
  await popupClosed.catch(() => {
    // Say where the login ended instead of a bare timeout: a wrong redirect shows here.
    throw new Error(`The login popup did not close: it stays at ${popup.url()}`);
  });

  await element.getByRole('button', { name: 'Ga door' }).click();
  await element.getByRole('heading', { name: 'Selecteer afdeling' }).waitFor();
  await element.getByRole('option', { name: /^eLien test company/ }).click();
  await element.getByRole('button', { name: 'Afronden' }).click();
  await element.getByRole('heading', { name: 'Koppeling gemaakt' }).waitFor();
}

/** The callback page's own files as the popup fetched them: path → status. */
export const callbackFetches = (seen, folder) =>
  Object.fromEntries(seen.responses.filter(({ url }) => url.pathname.startsWith(folder)).map(({ url, status }) => [url.pathname, status]));
