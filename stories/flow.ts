import type { AuthorizationStatus } from '../src/api/types.js';
import { getBackend } from '../src/mocks/handlers.js';
import type { ScenarioName } from '../src/mocks/scenarios.js';
import { clickButton, clickOption, findButton, findHeading } from './shadow-dom.js';

/**
 * The steps a user takes through the flow (Dutch labels, the default locale), so a story
 * reaches a later step the way a user would. Only the Exact Online login window is faked:
 * a story cannot log in in a popup, so the mock platform is told the outcome directly and the
 * callback page's message is posted, as the real callback page does.
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
export function stubLoginWindow(behaviour: 'open' | 'closed' | 'blocked' = 'open'): { authorizationId(): string } {
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
    /** The mock backend's authorize URL carries the authorization id as OAuth `state`. */
    authorizationId() {
      const id = lastUrl === null ? null : new URL(lastUrl, location.href).searchParams.get('state');
      if (!id) throw new Error('The login window was not opened.');
      return id;
    },
  };
}

/** What Exact Online and the backend's OAuth callback would do: settle the login in the mock platform. */
export function settleLogin(scenario: ScenarioName, authorizationId: string, outcome: 'authorized' | 'denied'): void {
  const { platform } = getBackend(scenario);
  if (outcome === 'denied') {
    platform.finishLogin(authorizationId, { error: 'access_denied' });
    return;
  }
  // The user grants every administration on Exact's consent screen.
  const redirectUri = `${location.origin}/storybook-callback`;
  const code = platform.exact.issueCode(redirectUri, platform.exact.divisions.map((division) => division.code));
  platform.finishLogin(authorizationId, { code, redirectUri });
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

/** Step 4: `Open`, log in at (fake) Exact Online, and the callback page reports back. */
export async function logIn(root: Element, scenario: ScenarioName, outcome: 'authorized' | 'denied' = 'authorized'): Promise<void> {
  const loginWindow = stubLoginWindow();
  await clickButton(root, 'Open');
  const authorizationId = loginWindow.authorizationId();
  settleLogin(scenario, authorizationId, outcome);
  reportLogin(authorizationId, outcome);
}

/** Step 4 → 5: after the login, `Ga door`. */
export async function continueToAdministration(root: Element): Promise<void> {
  await clickButton(root, 'Ga door');
  await findHeading(root, 'Selecteer afdeling');
}
