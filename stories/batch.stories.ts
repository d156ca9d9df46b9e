import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { waitFor } from 'storybook/test';
import { getBackend } from '../src/mocks/handlers.js';
import { batchDivisionCodes } from '../src/mocks/seed-data.js';
import { connectMeta, type ConnectArgs } from './connect-story.js';
import { logIn } from './flow.js';
import { clickButton, connectElement, findButton, findHeading, findText } from './shadow-dom.js';

/**
 * `Meerdere administraties koppelen` (issue 14), one story per state, on the `batch` world (40
 * organisations, 60 administrations), reached by a play function that clicks as a user does.
 */
const meta = { ...connectMeta, title: 'autopilot-connect/Batch', args: { scenario: 'batch', locale: 'nl' } } satisfies Meta<ConnectArgs>;
export default meta;
type Story = StoryObj<ConnectArgs>;

const tableRoot = (root: Element) => root.shadowRoot!.querySelector('autopilot-connect-batch-table')?.shadowRoot ?? null;

/** The overview, `Meerdere administraties koppelen`, the login: the table on screen. */
async function reachTable(root: Element): Promise<void> {
  await findHeading(root, 'Actieve koppelingen');
  await clickButton(root, 'Meerdere administraties koppelen');
  await findButton(root, 'Open');
  await logIn(root);
  await waitFor(() => {
    if (!tableRoot(root)?.querySelector('table')) throw new Error('no table yet');
  }, { timeout: 8000 });
}

/** `Alle voorstellen aanvinken`. */
async function tickAll(root: Element): Promise<void> {
  const box = Array.from(tableRoot(root)!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find((input) => input.closest('label')?.textContent?.includes('Alle voorstellen aanvinken'));
  box!.click();
  await findButton(root, 'Alles koppelen (35)');
}

/** The whole run, to its end. */
async function runAll(root: Element): Promise<void> {
  await reachTable(root);
  await tickAll(root);
  await clickButton(root, 'Alles koppelen (35)');
  // 35 connections one at a time: more than a step's usual wait on a busy machine.
  await findHeading(root, 'Klaar met koppelen', { timeout: 30_000 });
}

/** The overview offers the batch beside `New Connection`: more than one organisation can be connected. */
export const BatchOffer: Story = {
  play: async ({ canvasElement }) => {
    await findButton(connectElement(canvasElement), 'Meerdere administraties koppelen');
  },
};

/** One Exact login for all organisations. */
export const BatchLogin: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await findHeading(root, 'Actieve koppelingen');
    await clickButton(root, 'Meerdere administraties koppelen');
    await findButton(root, 'Open');
  },
};

/** The table: a proposal per organisation (KvK, VAT, a marked name match, none), nothing ticked yet. */
export const BatchTable: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachTable(root);
    await findText(root, '37 organisaties te koppelen');
  },
};

/** `Wijzigen` on the first row: the searchable administration picker for it. */
export const BatchPicker: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachTable(root);
    tableRoot(root)!.querySelector<HTMLButtonElement>('tr[data-index="0"] button')!.click();
    await findText(root, 'Administratie voor');
  },
};

/** The second row's administration chosen for the first too: the conflict on both rows, `Alles koppelen` held back. */
export const BatchConflict: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachTable(root);
    await tickAll(root);
    const second = tableRoot(root)!.querySelector('tr[data-index="1"] .administration .name')!.textContent!.replace(/[\u2066-\u2069]/g, '').split(' · ')[1]!;
    tableRoot(root)!.querySelector<HTMLButtonElement>('tr[data-index="0"] button')!.click();
    await findText(root, 'Administratie voor');
    const picker = root.shadowRoot!.querySelector('.batch-picker autopilot-connect-listbox')!;
    const option = await waitFor(() => {
      const found = Array.from(picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')).find((item) => item.textContent!.includes(second));
      if (!found) throw new Error(`no option ${second}`);
      return found;
    });
    option.click();
    await findText(root, 'Dezelfde administratie is gekozen bij');
  },
};

/** `Alles koppelen` under way: progress, the row being made, `Stoppen na deze koppeling` (each connection takes a minute here). */
export const BatchRunning: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachTable(root);
    getBackend('batch').injectFailure({ operation: 'createConnection', times: 'always', kind: { delayMs: 60_000 } });
    await tickAll(root);
    await clickButton(root, 'Alles koppelen (35)');
    await findButton(root, 'Stoppen na deze koppeling');
  },
};

/** Exact Online asks to slow down (429 with Retry-After): the wait is shown, and `Nu verder`. */
export const BatchWaiting: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await reachTable(root);
    getBackend('batch').injectFailure({ operation: 'createConnection', times: 'always', kind: { status: 429, retryAfter: 600 } });
    await tickAll(root);
    await clickButton(root, 'Alles koppelen (35)');
    await findText(root, 'Exact Online vraagt om te wachten');
  },
};

/** The end: all connected. */
export const BatchSummary: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await runAll(root);
    await findText(root, '35 gekoppeld, 0 mislukt, 0 overgeslagen.');
  },
};

/** The end with one row Exact refused (no mailbox rights): named with its reason, and tried again alone. */
export const BatchSummaryWithFailure: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    getBackend('batch').simulator.inject({ kind: 'mailboxRefused', division: batchDivisionCodes.elien, failure: 'forbidden' });
    await runAll(root);
    await findButton(root, 'Mislukte opnieuw proberen (1)');
  },
};

/** Back on the overview: the new connections marked. */
export const BatchOverview: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await runAll(root);
    await clickButton(root, 'Naar het overzicht');
    await findText(root, '35 nieuwe koppelingen gemaakt.');
  },
};

/** One redelivery for all the new connections, from the day the gap began. */
export const BatchRedelivery: Story = {
  play: async ({ canvasElement }) => {
    const root = connectElement(canvasElement);
    await runAll(root);
    await clickButton(root, 'API-download opnieuw aanbieden voor de 35 nieuwe koppelingen');
    await findText(root, 'nieuw gekoppelde organisaties');
  },
};
