import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { connectMeta, type ConnectArgs } from './connect-story.js';
import {
  chooseExactOnline,
  chooseOrganisation,
  continueToAdministration,
  ELIEN,
  LIEN,
  logIn,
  reachLogin,
  startNewConnection,
  stubLoginWindow,
} from './flow.js';
import { clickButton, clickOption, connectElement, findButton, findHeading, findOption, findText } from './shadow-dom.js';

/**
 * One story per step of the connect flow, named after the machine's states. Later steps are
 * reached by a play function that clicks through the earlier ones, as a user would.
 */
const meta = { ...connectMeta, title: 'autopilot-connect/Steps' } satisfies Meta<ConnectArgs>;
export default meta;
type Story = StoryObj<ConnectArgs>;

/** Step 0 while the backend answers (the slow scenario takes 2.5 s per call, then shows the connections). */
export const CheckingStatus: Story = {
  args: { scenario: 'slow' },
  play: async ({ canvasElement }) => {
    await findText(connectElement(canvasElement), 'Bezig met laden…');
  },
};

/** Step 0: the Autopilot app is missing from the account. */
export const NotInstalled: Story = {
  args: { scenario: 'not-installed' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findHeading(root, 'De Autopilot staat nog niet in je account');
    await findButton(root, 'Naar de App Winkel');
  },
};

/** Step 1: the active connections and `New Connection`. */
export const Connections: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findHeading(root, 'Actieve verbindingen');
    await findButton(root, 'New Connection');
  },
};

/** Step 1 with no connections yet. */
export const ConnectionsEmpty: Story = {
  args: { scenario: 'empty' },
  play: async ({ canvasElement }) => {
    await findText(connectElement(canvasElement), 'Er zijn nog geen actieve verbindingen.');
  },
};

/** Step 2: the organisation picker, with eLien test company chosen. */
export const Organisation: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await clickOption(root, ELIEN);
    await findButton(root, 'Bevestigen');
  },
};

/** Step 2 for an accountant: 2,012 organisations, paged and searchable. */
export const OrganisationMany: Story = {
  args: { scenario: 'many' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await findText(root, '2.012 organisaties');
  },
};

/** Step 2 in English. */
export const OrganisationEnglish: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'New Connection');
    await findHeading(root, 'Choose the organisation');
    await findOption(root, ELIEN);
  },
};

/** Step 3: choose Exact Online. */
export const System: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await chooseOrganisation(root);
    await findButton(root, 'Exact Online');
  },
};

/** Step 4: the login is prepared; `Open` opens Exact Online in a popup. */
export const Login: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await chooseOrganisation(root);
    await chooseExactOnline(root);
    await findButton(root, 'Open');
  },
};

/** Step 4 when the platform already holds a grant for the Exact user: reuse it, or log in as another user. */
export const LoginChoosingGrant: Story = {
  args: { scenario: 'grant' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await chooseOrganisation(root);
    await chooseExactOnline(root);
    await findButton(root, `Doorgaan als ${LIEN}`);
  },
};

/** Step 4 while the login window is open. */
export const LoginOpen: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    stubLoginWindow();
    await clickButton(root, 'Open');
    await findText(root, 'Het inlogvenster van Exact Online is open.');
  },
};

/** Step 4 after the login: `Ga door`. */
export const LoginAuthorized: Story = {
  play: async ({ canvasElement, args }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    await logIn(root, args.scenario);
    await findButton(root, 'Ga door');
  },
};

/** Step 5: `Selecteer afdeling` and the booking flow. */
export const Administration: Story = {
  play: async ({ canvasElement, args }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    await logIn(root, args.scenario);
    await continueToAdministration(root);
    await findOption(root, ELIEN);
  },
};

/** Step 6: connected; earlier documents can be offered again. */
export const Done: Story = {
  play: async ({ canvasElement, args }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    await logIn(root, args.scenario);
    await continueToAdministration(root);
    await clickOption(root, ELIEN);
    await clickButton(root, 'Afronden');
    await findHeading(root, 'Verbinding gelegd');
  },
};

/** `API-download opnieuw aanbieden` from an existing connection: choose the date. */
export const Redelivery: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'API-download opnieuw aanbieden');
    await findHeading(root, 'API-download opnieuw aanbieden');
  },
};

/** The documents are offered again. */
export const RedeliverySubmitted: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'API-download opnieuw aanbieden');
    await clickButton(root, 'Opnieuw aanbieden');
    await findText(root, 'opnieuw aangeboden.');
  },
};
