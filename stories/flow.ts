import type { AuthorizationStatus } from '../src/api/types.js';
import { getBackend, matchMockPath } from '../src/mocks/handlers.js';
import { clickButton, clickOption, findButton, findHeading } from './shadow-dom.js';

/**
 * The steps a user takes through the flow (Dutch labels, the default locale), so a story
 * reaches a later step the way a user would. Only the Exact Online login window is faked:
 * a story cannot log in in a popup, so the story fills in the simulated Exact pages' forms itself
 * (the scenario's ExactBrowser), follows Exact's redirect to the backend's OAuth callback, and
 * posts the callback page's message, as the real callback page does.
 */

export const ELIEN = 'eLien test company';
/** The Exact Online user of every scenario. */
export const LIEN = 'Lien de Vries';

/** When a stubbed login window reads closed: later than the machine's check for a severed window. */
const USER_CLOSES_AFTER_MS = 4_000;

export async function retry(root: Element): Promise<void> {
  await clickButton(root, 'Opnieuw proberen');
}

/** Step 1 → 2: `New Connection`. */
export async function startNewConnection(root: Element): Promise<void> {
  await clickButton(root, 'New Connection');
  await findHeading(root, 'Kies de organisatie');
}

/** Step 2 → 3: pick the organisation and confirm. */
export async function chooseOrganisation(root: Element, name = ELIEN): Promise<void> {
  await clickOption(root, name);
  await clickButton(root, 'Bevestigen');
  await findHeading(root, 'Kies het boekhoudpakket');
}

/** Step 3 → 4: `Exact Online`. */
export async function chooseExactOnline(root: Element): Promise<void> {
  await clickButton(root, 'Exact Online');
  await findHeading(root, 'Inloggen bij Exact Online');
}

/** Steps 1 → 4 on a scenario whose calls succeed, up to the login's `Open`. */
export async function reachLogin(root: Element): Promise<void> {
  await startNewConnection(root);
  await chooseOrganisation(root);
  await chooseExactOnline(root);
  await findButton(root, 'Open');
}

/**
 * Replaces `window.open` for the login window: it records the authorize URL and returns a
 * window that stays open, one the user closes after a few seconds (`closed`), or, `blocked`,
 * nothing: what a popup blocker does. The preview puts the real `window.open` back after the story.
 */
export function stubLoginWindow(behaviour: 'open' | 'closed' | 'blocked' = 'open'): { authorizeUrl(): string } {
  let lastUrl: string | null = null;
  window.open = ((url?: string | URL) => {
    lastUrl = url === undefined ? null : String(url);
    if (behaviour === 'blocked') return null;
    const openedAt = Date.now();
    // Closed by a person, not at once: a window that reads closed right away was severed by COOP.
    const loginWindow = { close() {}, get closed() { return behaviour === 'closed' && Date.now() - openedAt > USER_CLOSES_AFTER_MS; } };
    return loginWindow as unknown as Window;
  }) as typeof window.open;
  return {
    /** The simulated Exact Online authorize URL the element opened. */
    authorizeUrl() {
      if (lastUrl === null) throw new Error('The login window was not opened.');
      return new URL(lastUrl, location.href).href;
    },
  };
}

/**
 * What the user does in the login window and what Exact and the backend's OAuth callback then do:
 * the simulator's login and consent forms are filled in (every administration granted, or
 * Weigeren), Exact's redirect to the backend's callback is followed (through MSW), and the
 * authorization id is read from where the callback sends the window. Resolves to that id.
 */
export async function settleLogin(authorizeUrl: string, outcome: 'authorized' | 'denied', divisionCodes?: number[]): Promise<string> {
  const match = matchMockPath(new URL(authorizeUrl).pathname);
  if (!match) throw new Error(`Not a scenario's Exact Online page: ${authorizeUrl}`);
  const backend = getBackend(match.scenario);
  const walk = await backend.exactBrowser().walk(authorizeUrl, backend.world.login, outcome === 'denied' ? 'deny' : 'allow', divisionCodes);
  const callback = new URL((await fetch(walk.redirect)).url);
  const authorizationId = callback.searchParams.get('authorization');
  if (!authorizationId) throw new Error(`The login did not end on the callback page: ${callback.href}`);
  return authorizationId;
}

/**
 * What the callback page tells the element when the login window is done. The real page reports
 * twice (postMessage and its BroadcastChannel, src/popup/callback.ts); so does this, by
 * postMessage only, as a channel would also reach the other story pages open in the same browser.
 */
export function reportLogin(authorizationId: string, status: AuthorizationStatus): void {
  const report = { type: 'autopilot-connect:login', authorizationId, status };
  window.postMessage(report, location.origin);
  window.postMessage(report, location.origin);
}

/** Step 4: `Open`, log in at (fake) Exact Online (granting `divisionCodes`, else all), and the callback page reports back. */
export async function logIn(root: Element, outcome: 'authorized' | 'denied' = 'authorized', divisionCodes?: number[]): Promise<void> {
  const loginWindow = stubLoginWindow();
  await clickButton(root, 'Open');
  const authorizationId = await settleLogin(loginWindow.authorizeUrl(), outcome, divisionCodes);
  reportLogin(authorizationId, outcome);
}

/** On the overview: `Opnieuw verbinden` on the card of `organisation`, up to the login's `Open`. */
export async function reachReconnect(root: Element, organisation = 'Bakkerij de Gouden Korst'): Promise<void> {
  await findHeading(root, 'Actieve koppelingen');
  const card = await waitForCard(root, organisation);
  await clickButton(card, 'Opnieuw verbinden');
  await findHeading(root, 'Koppeling opnieuw verbinden');
  await findButton(root, 'Open');
}

async function waitForCard(root: Element, organisation: string): Promise<Element> {
  for (let tries = 0; tries < 100; tries += 1) {
    const card = Array.from((root.shadowRoot ?? root).querySelectorAll('[part~="connection"]')).find((item) => item.textContent?.includes(organisation));
    if (card && card.querySelector('button')) return card;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No connection card of ${organisation}`);
}

/** Step 4 → 5: after the login, `Ga door`. */
export async function continueToAdministration(root: Element): Promise<void> {
  await clickButton(root, 'Ga door');
  await findHeading(root, 'Selecteer afdeling');
}

/** Steps 1 → 5 on a scenario whose calls succeed: logged in, on `Selecteer afdeling`. */
export async function reachAdministration(root: Element): Promise<void> {
  await reachLogin(root);
  await logIn(root);
  await continueToAdministration(root);
}

/** Through `Afronden`: eLien test company connected to its own administration. */
export async function reachDone(root: Element): Promise<void> {
  await reachAdministration(root);
  await clickOption(root, ELIEN);
  await clickButton(root, 'Afronden');
  await findHeading(root, 'Koppeling gemaakt');
}
