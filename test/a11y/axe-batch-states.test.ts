import {
  backend,
  completeExactLogin,
  findButton,
  press,
  reportLogin,
  stubWindowOpen,
  waitFor,
  waitForHeading,
  waitForText,
} from '../component/support.js';
import { startMockWorker } from '../../src/mocks/index.js';
import { batchDivisionCodes } from '../../src/mocks/seed-data.js';
import type { ConnectElement } from '../component/support.js';
import { accessibilityState as state, mountWith, stubPopupForState } from './support.js';

/**
 * The states of `Meerdere administraties koppelen` (issue 14): same checks as axe.test.ts (axe,
 * focus indicators, target sizes, reflow at 320 px, 200 % zoom and 200 % text), reached as a user
 * does, on the `batch` world.
 */
describe('<autopilot-connect> accessibility in every state: many administrations at once', function () {
  this.timeout(60000);
  before(async () => {
    await startMockWorker();
  });

  const tableRoot = (element: ConnectElement) => element.shadowRoot!.querySelector('autopilot-connect-batch-table')?.shadowRoot ?? null;

  async function toLogin(element: ConnectElement) {
    await waitForHeading(element, 'Actieve koppelingen', 8000);
    await press(element, 'Meerdere administraties koppelen');
    await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
  }

  async function toTable(element: ConnectElement) {
    await toLogin(element);
    const popup = stubPopupForState(stubWindowOpen());
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url));
    await waitFor(() => tableRoot(element)?.querySelector('table'), { timeout: 8000, message: 'the table' });
  }

  const tickAll = (element: ConnectElement) =>
    Array.from(tableRoot(element)!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
      .find((box) => box.closest('label')?.textContent?.includes('Alle voorstellen aanvinken'))!
      .click();

  const startButton = (element: ConnectElement) =>
    Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('button')).find((button) => button.textContent?.includes('Alles koppelen'))!;

  state('overview offering many administrations at once', async () => {
    const element = mountWith('batch');
    await waitForHeading(element, 'Actieve koppelingen', 8000);
    await waitFor(() => findButton(element, 'Meerdere administraties koppelen'), { message: 'the offer' });
    return element;
  });

  state('batch login', async () => {
    const element = mountWith('batch');
    await toLogin(element);
    return element;
  });

  state('batch table', async () => {
    const element = mountWith('batch');
    await toTable(element);
    return element;
  });

  state('batch table with every row ticked', async () => {
    const element = mountWith('batch');
    await toTable(element);
    tickAll(element);
    await waitFor(() => startButton(element).getAttribute('aria-disabled') === 'false', { message: 'Alles koppelen enabled' });
    return element;
  });

  state('batch picker open for one row, and a conflict on two rows', async () => {
    const element = mountWith('batch');
    await toTable(element);
    const rows = tableRoot(element)!.querySelectorAll('tr[data-index]');
    const taken = rows[1]!.querySelector('.administration .name')!.textContent!.replace(/[\u2066-\u2069]/g, '').split(' · ')[1]!;
    rows[0]!.querySelector<HTMLButtonElement>('button')!.click();
    const picker = await waitFor(() => element.shadowRoot!.querySelector('.batch-picker autopilot-connect-listbox'), { message: 'the picker' });
    const option = await waitFor(() => Array.from(picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')).find((item) => item.textContent!.includes(taken)), { message: 'option' });
    option.click();
    await waitFor(() => tableRoot(element)!.textContent!.includes('Ook gekozen voor'), { message: 'the conflict' });
    rows[0]!.querySelector<HTMLButtonElement>('button')!.click();
    await waitFor(() => element.shadowRoot!.querySelector('.batch-picker'), { message: 'the picker again' });
    return element;
  });

  state('batch running', async () => {
    const element = mountWith('batch');
    await toTable(element);
    // Each connection takes a while: the run is seen under way.
    backend('batch').injectFailure({ operation: 'createConnection', times: 'always', kind: { delayMs: 60_000 } });
    tickAll(element);
    await press(element, 'Alles koppelen (35)');
    await waitFor(() => findButton(element, 'Stoppen na deze koppeling'), { message: 'the run' });
    return element;
  });

  state('batch waiting for Exact Online (429)', async () => {
    const element = mountWith('batch');
    await toTable(element);
    backend('batch').injectFailure({ operation: 'createConnection', times: 'always', kind: { status: 429, retryAfter: 60 } });
    tickAll(element);
    await press(element, 'Alles koppelen (35)');
    await waitForText(element, 'Exact Online vraagt om even te wachten', 8000);
    return element;
  });

  state('batch summary with a failed row', async () => {
    const element = mountWith('batch');
    backend('batch').simulator.inject({ kind: 'mailboxRefused', division: batchDivisionCodes.elien, failure: 'forbidden' });
    await toTable(element);
    tickAll(element);
    await press(element, 'Alles koppelen (35)');
    await waitForHeading(element, 'Klaar met koppelen', 30000);
    return element;
  });

  state('overview after a batch', async () => {
    const element = mountWith('batch');
    await toTable(element);
    tickAll(element);
    await press(element, 'Alles koppelen (35)');
    await waitForHeading(element, 'Klaar met koppelen', 30000);
    await press(element, 'Naar het overzicht');
    await waitForText(element, '35 nieuwe koppelingen gemaakt.', 8000);
    return element;
  });

  state('one redelivery for the whole batch, counted', async () => {
    const element = mountWith('batch');
    await toTable(element);
    tickAll(element);
    await press(element, 'Alles koppelen (35)');
    await waitForHeading(element, 'Klaar met koppelen', 30000);
    await press(element, 'API-download opnieuw aanbieden voor de 35 nieuwe koppelingen');
    await press(element, 'Opnieuw aanbieden');
    // Connected today, without an old connection's end: nothing to offer yet, and it says so.
    await waitForText(element, 'Er zijn geen documenten', 15000);
    return element;
  });
});
