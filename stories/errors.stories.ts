import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { connectMeta, type ConnectArgs } from './connect-story.js';
import {
  chooseExactOnline,
  chooseOrganisation,
  continueToAdministration,
  ELIEN,
  logIn,
  reachAdministration,
  reachLogin,
  retry,
  startNewConnection,
  stubLoginWindow,
} from './flow.js';
import { clickButton, clickOption, connectElement, findButton, findHeading, findText } from './shadow-dom.js';

/**
 * The error states of each step. Most run on the `errors` scenario, where the first call of
 * every operation fails with a 500 and the next succeeds: the play function retries its way
 * past the earlier steps, as a user would, to the call that fails in the story.
 */
const meta = { ...connectMeta, title: 'autopilot-connect/Errors', args: { ...connectMeta.args, scenario: 'errors' } } satisfies Meta<ConnectArgs>;
export default meta;
type Story = StoryObj<ConnectArgs>;

const SERVER_ERROR = 'Er ging iets mis bij het platform. Probeer het opnieuw.';

/**
 * Errors scenario: retry through status and organisations, up to the login (whose first start
 * fails). The status brings the connections (one round trip), so the first overview asks nothing more.
 */
async function reachLoginPastFailures(root: Element): Promise<void> {
  await retry(root); // status
  await startNewConnection(root);
  await retry(root); // organisations
  await chooseOrganisation(root);
  await chooseExactOnline(root);
}

/**
 * Errors scenario: past the failed login start and the failed check of the first login. The
 * platform then holds that login's grant, so the user reuses it instead of logging in again.
 */
async function reachAdministrationPastFailures(root: Element): Promise<void> {
  await reachLoginPastFailures(root);
  await retry(root); // start the login
  // The first check of the login fails; the callback page's second report is asked about
  // again after the 2 s gap, and that answer confirms the login.
  await logIn(root);
  await findButton(root, 'Ga door');
  await continueToAdministration(root);
}

/** The status call failed. */
export const StatusFailed: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findText(root, SERVER_ERROR);
    await findButton(root, 'Opnieuw proberen');
  },
};

/** The overview: the connections could not be loaded (on a return to the overview, which asks for them). */
export const ConnectionsFailed: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await retry(root);
    await startNewConnection(root);
    await findText(root, SERVER_ERROR);
    await clickButton(root, 'Annuleren');
    await findHeading(root, 'Actieve koppelingen');
    await findText(root, SERVER_ERROR);
  },
};

/** Step 1 of 5: the organisations could not be loaded. */
export const OrganisationFailed: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await retry(root);
    await startNewConnection(root);
    await findText(root, SERVER_ERROR);
  },
};

/** Step 3 of 5: the login could not be prepared. */
export const LoginFailed: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachLoginPastFailures(root);
    await findText(root, SERVER_ERROR);
  },
};

/** Step 3 of 5: a popup blocker stopped the login window. */
export const LoginBlocked: Story = {
  args: { scenario: 'default' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    stubLoginWindow('blocked');
    await clickButton(root, 'Open');
    await findText(root, 'Je browser heeft het inlogvenster tegengehouden.');
  },
};

/** Step 3 of 5: the login window reads closed before the login finished (the backend still says pending): the element can no longer see it. */
export const LoginClosed: Story = {
  args: { scenario: 'default' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    stubLoginWindow('closed');
    await clickButton(root, 'Open');
    await findText(root, 'We kunnen het inlogvenster niet meer zien.', { timeout: 15_000 });
  },
};

/** Step 3 of 5: the user refused consent in Exact Online. */
export const LoginDenied: Story = {
  args: { scenario: 'default' },
  play: async ({ canvasElement, args }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    await logIn(root, 'denied');
    await findText(root, 'Je hebt in Exact Online geen toestemming gegeven.');
    await findButton(root, 'Opnieuw inloggen');
  },
};

/** Step 4 of 5: the administrations could not be loaded. */
export const AdministrationFailed: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachAdministrationPastFailures(root);
    await findText(root, SERVER_ERROR);
  },
};

/** Step 4 of 5: `Afronden` failed; the choices stay and the user can retry. */
export const AdministrationFinishFailed: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachAdministrationPastFailures(root);
    await retry(root); // the administrations
    await clickOption(root, ELIEN);
    await clickButton(root, 'Afronden');
    await findText(root, SERVER_ERROR);
    await findButton(root, 'Opnieuw proberen');
  },
};

/**
 * Step 4 of 5 on the `trouble` scenario: Exact refuses to make a Digitale Brievenbus for this
 * Exact user. What to change in Exact Online, another administration, a new login; no retry.
 */
export const AdministrationFinishRefused: Story = {
  args: { scenario: 'trouble' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachAdministration(root);
    await clickOption(root, 'Geen Brievenbusrechten B.V.');
    await clickButton(root, 'Afronden');
    await findText(root, 'Je Exact Online-gebruiker mag geen Digitale Brievenbus aanmaken in deze administratie.');
    await findButton(root, 'Andere administratie kiezen');
    await findButton(root, 'Opnieuw inloggen');
  },
};

/** `API-download opnieuw aanbieden` failed. */
export const RedeliveryFailed: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await retry(root);
    await clickButton(root, 'API-download opnieuw aanbieden');
    await clickButton(root, 'Opnieuw aanbieden');
    await findText(root, SERVER_ERROR);
  },
};
