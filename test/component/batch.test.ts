/**
 * `Meerdere administraties koppelen` (issue 14) against the reference backend and the Exact Online
 * simulator, on the `batch` world (40 organisations, 60 administrations): one login, a table that
 * proposes an administration per organisation (KvK, VAT, a marked name match, none), what cannot be
 * connected apart, `Alles koppelen` with progress, a row's own failure retried alone after the
 * cause is lifted in the simulator, and exactly one connection per confirmed row.
 */
import { expect } from '@esm-bundle/chai';
import { batchDivisionCodes } from '../../src/mocks/seed-data.js';
import {
  backend,
  completeExactLogin,
  findButton,
  isDisabled,
  listedConnections,
  mount,
  press,
  reportLogin,
  stubWindowOpen,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  type ConnectElement,
} from './support.js';

const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');
const body = (element: ConnectElement) => plain(element.shadowRoot!.querySelector<HTMLElement>('[part~="body"]')!.innerText);
const table = (element: ConnectElement) => element.shadowRoot!.querySelector('autopilot-connect-batch-table')!;
const tableRoot = (element: ConnectElement) => table(element).shadowRoot!;
const tableText = (element: ConnectElement) => plain((tableRoot(element).querySelector('table') as HTMLElement | null)?.innerText ?? '');
const checkbox = (element: ConnectElement, name: string) =>
  Array.from(tableRoot(element).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find((box) => plain(box.labels?.[0]?.textContent ?? box.getAttribute('aria-label') ?? '').includes(name));

/** From the overview through one login in the (stubbed) window to the table. */
async function toTable(element: ConnectElement): Promise<void> {
  await waitForHeading(element, 'Actieve koppelingen', 8000);
  await press(element, 'Meerdere administraties koppelen');
  await waitForHeading(element, 'Meerdere administraties koppelen');
  const popup = stubWindowOpen();
  try {
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url));
  } finally {
    popup.restore();
  }
  await waitFor(() => element.shadowRoot!.querySelector('autopilot-connect-batch-table')?.shadowRoot?.querySelector('table'), { timeout: 8000, message: 'the table' });
}

describe('<autopilot-connect> many administrations at once', () => {
  useMockBackend();

  it('proposes an administration for every organisation it can match, and lists apart what cannot be connected', async () => {
    const element = mount('batch');
    await toTable(element);
    expect(body(element)).to.include('37 organisaties te koppelen: 29 op KvK-nummer, 4 op btw-nummer, 2 alleen op naam, 2 zonder voorstel.');
    expect(body(element)).to.include('3 organisaties kunnen niet gekoppeld worden');
    expect(tableText(element)).to.include('Zelfde KvK-nummer');
    // Nothing is ticked for the user: `Alles koppelen` waits, and says why.
    expect(body(element)).to.include('Vink eerst de organisaties aan die je wilt koppelen.');
    expect(isDisabled(findButton(element, 'Alles koppelen (0)')!)).to.equal(true);
    expect(body(element)).to.include('Alle koppelingen krijgen de Simpele booking flow');
  });

  it('Alles koppelen: every ticked row connected once, with progress, and the overview marks them', async () => {
    const element = mount('batch');
    await toTable(element);
    checkbox(element, 'Alle voorstellen aanvinken')!.click();
    await press(element, 'Alles koppelen (35)');
    await waitFor(() => /\d+ van 35/.test(body(element)), { message: 'progress' });
    await waitForHeading(element, 'Klaar met koppelen', 30_000);
    expect(body(element)).to.include('35 gekoppeld, 0 mislukt, 0 overgeslagen.');
    await press(element, 'Naar het overzicht');
    await waitForText(element, '35 nieuwe koppelingen gemaakt.');
    const connections = await listedConnections('batch');
    expect(connections).to.have.length(36);
    expect(new Set(connections.map((connection) => (connection.organisation as { id: string }).id)).size, 'one per organisation').to.equal(36);
  });

  it('a row Exact refuses fails with its reason; after the cause is lifted, only that row is tried again', async () => {
    const element = mount('batch');
    const refused = batchDivisionCodes.elien;
    backend('batch').simulator.inject({ kind: 'mailboxRefused', division: refused, failure: 'forbidden' });
    await toTable(element);
    checkbox(element, 'Alle voorstellen aanvinken')!.click();
    await press(element, 'Alles koppelen (35)');
    await waitForHeading(element, 'Klaar met koppelen', 30_000);
    expect(body(element)).to.include('34 gekoppeld, 1 mislukt, 0 overgeslagen.');
    expect(tableText(element)).to.include('Mislukt: Je Exact Online-gebruiker mag geen Digitale Brievenbus aanmaken');
    const before = (await listedConnections('batch')).length;

    backend('batch').simulator.lift({ division: refused });
    await press(element, 'Mislukte opnieuw proberen (1)');
    await waitFor(() => body(element).includes('35 gekoppeld, 0 mislukt, 0 overgeslagen.'), { timeout: 8000, message: `all connected (${visibleText(element).slice(0, 300)})` });
    const after = await listedConnections('batch');
    expect(after).to.have.length(before + 1);
    expect(after.filter((connection) => (connection.division as { code: number }).code === refused)).to.have.length(1);
  });

  it('an answer lost after the connection was made: that row fails, and its retry (the same key) finds the connection, never a second one', async () => {
    const element = mount('batch');
    await toTable(element);
    backend('batch').injectFailure({ operation: 'createConnection', times: 1, kind: 'after-commit-network' });
    checkbox(element, 'Alle voorstellen aanvinken')!.click();
    await press(element, 'Alles koppelen (35)');
    await waitForHeading(element, 'Klaar met koppelen', 30_000);
    expect(body(element)).to.include('34 gekoppeld, 1 mislukt, 0 overgeslagen.');
    const made = await listedConnections('batch');
    // The backend made it already: 34 shown as connected, 35 there (and Bakkerij).
    expect(made).to.have.length(36);
    await press(element, 'Mislukte opnieuw proberen (1)');
    await waitFor(() => body(element).includes('35 gekoppeld, 0 mislukt, 0 overgeslagen.'), { timeout: 8000, message: 'the lost one found' });
    expect(await listedConnections('batch')).to.have.length(36);
  });

  it('an administration chosen for a second organisation is a conflict on both rows, and holds Alles koppelen back', async () => {
    const element = mount('batch');
    await toTable(element);
    checkbox(element, 'Alle voorstellen aanvinken')!.click();
    // The first row's Wijzigen: the picker, for that organisation.
    const change = Array.from(tableRoot(element).querySelectorAll<HTMLButtonElement>('button')).find((candidate) => candidate.textContent?.includes('Wijzigen'))!;
    change.click();
    await waitFor(() => body(element).includes('Administratie voor '), { message: 'the picker' });
    // The administration the second row was proposed: chosen for the first row too.
    const secondRow = tableRoot(element).querySelectorAll('tr[data-index]')[1]!;
    const taken = plain(secondRow.querySelector('.administration .name')!.textContent!).split(' · ')[1]!;
    const picker = element.shadowRoot!.querySelector('.batch-picker autopilot-connect-listbox')!;
    const option = await waitFor(() => Array.from(picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')).find((candidate) => plain(candidate.textContent!).includes(taken)), { message: `option ${taken}` });
    option.click();
    await waitFor(() => tableText(element).includes('Ook gekozen voor'), { message: 'the conflict shown' });
    expect(tableText(element).match(/Ook gekozen voor/g)?.length, 'on both rows').to.equal(2);
    expect(body(element)).to.include('Dezelfde administratie is gekozen bij');
    const start = Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('button')).find((candidate) => candidate.textContent?.includes('Alles koppelen'))!;
    expect(isDisabled(start)).to.equal(true);
  });
});
