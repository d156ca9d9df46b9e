import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { connectMeta, type ConnectArgs } from './connect-story.js';
import {
  chooseExactOnline,
  chooseOrganisation,
  continueToAdministration,
  ELIEN,
  LIEN,
  logIn,
  reachAdministration,
  reachDone,
  reachLogin,
  reachReconnect,
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

/** Before the flow while the backend answers (the slow scenario takes 2.5 s per call, then shows the connections). */
export const CheckingStatus: Story = {
  args: { scenario: 'slow' },
  play: async ({ canvasElement }) => {
    await findText(connectElement(canvasElement), 'Bezig met laden…');
  },
};

/** Before the flow: the Autopilot app is missing from the account. */
export const NotInstalled: Story = {
  args: { scenario: 'not-installed' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findHeading(root, 'De Autopilot staat nog niet in je account');
    await findButton(root, 'Naar de App Winkel');
  },
};

/** The overview: the active connections and `New Connection`. */
export const Connections: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findHeading(root, 'Actieve koppelingen');
    await findButton(root, 'New Connection');
  },
};

/** The overview with no connections yet. */
export const ConnectionsEmpty: Story = {
  args: { scenario: 'empty' },
  play: async ({ canvasElement }) => {
    await findText(connectElement(canvasElement), 'Er zijn nog geen actieve koppelingen.');
  },
};

/** The overview when every prerequisite of the help article the platform knows is met: one line, the list behind it. */
export const ConnectionsPrerequisitesMet: Story = {
  args: { scenario: 'ready' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findText(root, 'Alles klaar om te koppelen');
    await findButton(root, 'New Connection');
  },
};

/** The overview with prerequisites not met but not blocking: each with what to do, `New Connection` still works. */
export const ConnectionsPrerequisitesNotMet: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findText(root, 'Let op voordat je koppelt');
    await findText(root, 'Verbreek eerst de oude verbinding van: Installatiebedrijf Jansen & Zn.');
  },
};

/** Every organisation still to connect is held back: `New Connection` is disabled and says why; the migration note for 9 administrations. */
export const ConnectionsPrerequisitesBlocking: Story = {
  args: { scenario: 'blocked' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findText(root, 'Nog niet klaar om te koppelen');
    await findText(root, 'New Connection kan pas als de voorwaarden hierboven in orde zijn.');
  },
};

/** The migration note: four administrations still on the old connector (exactonline.everbinding.nl). */
export const ConnectionsMigration: Story = {
  args: { scenario: 'legacy' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findText(root, '4 administraties zijn nog gekoppeld via exactonline.everbinding.nl');
    await findText(root, 'Vragen over het overzetten? Neem contact op met eConnect.');
  },
};

/** The migration note above 20 administrations on the old connector: contact eConnect. */
export const ConnectionsMigrationMany: Story = {
  args: { scenario: 'many' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findText(root, 'Meer dan 20 administraties? Neem contact op met eConnect voor een passende oplossing.');
  },
};

/** Step 1 of 5: the organisation picker, with eLien test company chosen. */
export const Organisation: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await clickOption(root, ELIEN);
    await findButton(root, 'Bevestigen');
  },
};

/** Step 1 of 5 for an accountant: 2,012 organisations, paged and searchable. */
export const OrganisationMany: Story = {
  args: { scenario: 'many' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await findText(root, '2.012 organisaties');
  },
};

/** Step 1 of 5 in English. */
export const OrganisationEnglish: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'New Connection');
    await findHeading(root, 'Choose the organisation');
    await findOption(root, ELIEN);
  },
};

/** Step 2 of 5: choose Exact Online. */
export const System: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await chooseOrganisation(root);
    await findButton(root, 'Exact Online');
  },
};

/** Step 3 of 5: the login is prepared; `Open` opens Exact Online in a popup. */
export const Login: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    await chooseOrganisation(root);
    await chooseExactOnline(root);
    await findButton(root, 'Open');
  },
};

/** Step 3 of 5 when the platform already holds a grant for the Exact user: reuse it, or log in as another user. */
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

/** Step 3 of 5 while the login window is open. */
export const LoginOpen: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    stubLoginWindow();
    await clickButton(root, 'Open');
    await findText(root, 'Het inlogvenster van Exact Online is open.');
  },
};

/** Step 3 of 5 after the login: `Ga door`. */
export const LoginAuthorized: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachLogin(root);
    await logIn(root);
    await findButton(root, 'Ga door');
  },
};

/** Step 4 of 5: `Selecteer afdeling` and the booking flow. */
export const Administration: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachAdministration(root);
    await findOption(root, ELIEN);
  },
};

/** Step 4 of 5: the administration whose KvK number is eLien's, first and marked, not chosen. */
export const AdministrationSuggested: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachAdministration(root);
    await findText(root, 'Voorgesteld: KvK-nummer komt overeen');
    await findText(root, 'Kies eerst een administratie.');
  },
};

/** Step 4 of 5 among 2,000+ administrations: the match is offered before any paging. */
export const AdministrationSuggestedMany: Story = {
  args: { scenario: 'many' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await startNewConnection(root);
    // eLien test company is not on the first page of 2,012 organisations: searched for, as a user would.
    await findText(root, '2.012 organisaties');
    const search = (root.shadowRoot ?? root).querySelector('autopilot-connect-listbox')?.shadowRoot?.querySelector('input');
    if (!search) throw new Error('No search field on the organisation step');
    search.value = ELIEN;
    search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await chooseOrganisation(root);
    await chooseExactOnline(root);
    await logIn(root);
    await continueToAdministration(root);
    await findText(root, 'Voorgesteld: KvK-nummer komt overeen');
  },
};

/** Step 4 of 5 with `Geavanceerde flow` chosen: what it is, the way to eConnect, and the simple flow. */
export const AdministrationAdvanced: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachAdministration(root);
    await clickOption(root, ELIEN);
    const advanced = (root.shadowRoot ?? root).querySelector<HTMLInputElement>('input[value="advanced"]');
    advanced?.click();
    await findButton(root, 'Simpele booking flow kiezen');
  },
};

/** Step 5 of 5: connected; earlier documents can be offered again. */
export const Done: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachDone(root);
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

/** The date field in Dutch order (dd-mm-jjjj), with its hint, and what an unreadable date says. */
export const RedeliveryDateUnreadable: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'API-download opnieuw aanbieden');
    const input = await waitForDateField(root);
    await findText(root, 'Notatie: dd-mm-jjjj');
    input.value = '31-02-2025';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await clickButton(root, 'Opnieuw aanbieden');
    await findText(root, 'Deze datum kunnen we niet lezen. Schrijf hem als dd-mm-jjjj.');
  },
};

/** The date field in English (dd/mm/yyyy), and what a date in the future says. */
export const RedeliveryDateEnglish: Story = {
  args: { locale: 'en' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'Offer API download again');
    await findText(root, 'Format: dd/mm/yyyy');
    const input = (root.shadowRoot ?? root).querySelector<HTMLInputElement>('input[name="from"]')!;
    input.value = '01/01/2999';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await clickButton(root, 'Offer again');
    await findText(root, 'This date is in the future.');
  },
};

/** The date's count, from the backend's preview, and the question before anything is sent. */
export const RedeliveryConfirm: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'API-download opnieuw aanbieden');
    await clickButton(root, 'Opnieuw aanbieden');
    await findText(root, 'Weet je het zeker?');
    await findButton(root, 'Ja, opnieuw aanbieden');
  },
};

/** A date after the last document: nothing to offer again, and a way to choose another date. */
export const RedeliveryNothing: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'API-download opnieuw aanbieden');
    const input = await waitForDateField(root);
    input.value = new Date().toISOString().slice(0, 10);
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await clickButton(root, 'Opnieuw aanbieden');
    await findText(root, 'Er zijn geen documenten vanaf');
    await findButton(root, 'Andere datum');
  },
};

/** The documents are offered again (after the confirmation). */
export const RedeliverySubmitted: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'API-download opnieuw aanbieden');
    await clickButton(root, 'Opnieuw aanbieden');
    await clickButton(root, 'Ja, opnieuw aanbieden');
    await findButton(root, 'Naar het overzicht');
  },
};

/** `Verbinding verbreken`: asked in the card, naming both sides and what stops. */
export const DisconnectConfirm: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'Verbinding verbreken');
    await findText(root, 'Nieuwe facturen uit Postvak In komen dan niet meer in Exact Online aan.');
    await findButton(root, 'Ja, verbinding verbreken');
  },
};

/** After `Ja, verbinding verbreken`: gone from the list, and said. */
export const Disconnected: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await clickButton(root, 'Verbinding verbreken');
    await clickButton(root, 'Ja, verbinding verbreken');
    await findText(root, 'is verbroken.');
  },
};

/** `Opnieuw verbinden` on a connection whose login lapsed: whom to log in as, `Open` or another Exact user. */
export const Reconnect: Story = {
  args: { scenario: 'lapsed' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachReconnect(root);
    await findButton(root, 'Inloggen als andere Exact-gebruiker');
  },
};

/** After the reconnect's login: the connection and the other one of that Exact user active again, and said. */
export const Reconnected: Story = {
  args: { scenario: 'lapsed' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachReconnect(root);
    await logIn(root);
    await findText(root, 'Met dezelfde login zijn ook weer verbonden');
  },
};

/** A reconnect whose consent left the other connection's administration out: that one needs attention. */
export const ReconnectedWithAttention: Story = {
  args: { scenario: 'lapsed' },
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachReconnect(root);
    await logIn(root, 'authorized', [100001]);
    await findText(root, 'vink de administratie aan');
  },
};

/** Back on the overview after `Afronden`: the new connection marked (and focused). */
export const ConnectionsWithNew: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachDone(root);
    await clickButton(root, 'Naar het overzicht');
    await findText(root, 'Nieuw');
  },
};

/** The redelivery's date field, once the step shows it. */
async function waitForDateField(root: Element): Promise<HTMLInputElement> {
  await findText(root, 'Vanaf datum');
  const input = (root.shadowRoot ?? root).querySelector<HTMLInputElement>('input[name="from"]');
  if (!input) throw new Error('No date field on the redelivery step');
  return input;
}
