/**
 * 9. Untrusted text (scenario hostile): names with markup render as literal text, right-to-left
 * names are isolated, 500-character names wrap at 320 px, and a flow completes with hostile names.
 * (That no HTML sink is used in src/ at all is checked by scripts/check-source.mjs.)
 */
import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';
import { hostileDivisionCodes, hostileDivisionNames, hostileNames, hostileOrganisationIds } from '../../src/mocks/index.js';
import {
  backend,
  button,
  deepElements,
  isDisabled,
  listbox,
  mount,
  option,
  pause,
  pointerClick,
  press,
  stubWindowOpen,
  completeExactLogin,
  reportLogin,
  toConnections,
  toOrganisation,
  typeSearch,
  useRobustBackend,
  visibleText,
  waitFor,
  waitForHeading,
  type ConnectElement,
} from './support.js';

const nl = messages();
const dangerous = ['IMG', 'B', 'SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'TAGS'];

function expectNoInjectedElements(element: ConnectElement): void {
  const found = Array.from(deepElements(element.shadowRoot!)).filter((node) => dangerous.includes(node.tagName));
  expect(found.map((node) => node.outerHTML), 'no elements from names').to.deep.equal([]);
}

/** Elements a name written as HTML would have made (`<b>`, `<i>`, `<tags>`): the element's own templates use none. */
const markupTags = ['B', 'I', 'TAGS'];

/** On this step: the name shows as the characters it is, and no element came from it. */
function expectLiteral(element: ConnectElement, step: string, ...names: string[]): void {
  for (const name of names) expect(visibleText(element), `${step}: "${name}" as text`).to.include(name);
  const made = Array.from(deepElements(element.shadowRoot!)).filter((node) => markupTags.includes(node.tagName));
  expect(made.map((node) => node.outerHTML), `${step}: no element made from a name`).to.deep.equal([]);
}

const picker = (element: ConnectElement) => element.shadowRoot?.querySelector('autopilot-connect-listbox') as (HTMLElement & { busy: boolean }) | null;

/** Types a search, waits until the list answered it, returns the option. */
async function search(element: ConnectElement, query: string, label: string): Promise<HTMLElement> {
  await waitFor(() => picker(element)?.shadowRoot?.querySelector('input'), { message: 'the search field' });
  typeSearch(element, query);
  await pause(0);
  await waitFor(() => picker(element)?.busy === false, { message: 'the search answered' });
  return waitFor(() => option(element, label), { message: `option "${label.slice(0, 40)}"` });
}

/** Chooses the option (again, until the step takes it: it may still be loading). */
async function choose(element: ConnectElement, label: string): Promise<void> {
  await waitFor(
    () => {
      pointerClick(option(element, label));
      return option(element, label).getAttribute('aria-selected') === 'true';
    },
    { message: `"${label.slice(0, 40)}" chosen` },
  );
}

/**
 * Does the name's own container take its direction from the name and keep it apart from the
 * text around it: `dir=auto`, a <bdi>, or unicode-bidi plaintext (isolate only with dir=auto)?
 */
function isolated(node: Element): boolean {
  if (node.tagName === 'BDI' || node.getAttribute('dir') === 'auto') return true;
  return getComputedStyle(node).unicodeBidi === 'plaintext';
}

/** The innermost element (in any shadow root) whose own text contains `text`. */
function elementWithText(element: ConnectElement, text: string): Element {
  const found = Array.from(deepElements(element.shadowRoot!)).filter((node) =>
    Array.from(node.childNodes).some((child) => child.nodeType === Node.TEXT_NODE && child.textContent?.includes(text)),
  );
  if (!found.length) throw new Error(`"${text}" not rendered`);
  return found[found.length - 1]!;
}

const noOverflow = (box: Element | null | undefined, what: string) => {
  expect(box, what).to.not.equal(null);
  expect(box!.scrollWidth, `${what}: scrollWidth ${box!.scrollWidth} <= clientWidth ${box!.clientWidth}`).to.be.at.most(box!.clientWidth);
};

describe('robustness 9: untrusted text (scenario hostile)', () => {
  useRobustBackend();
  let popup: ReturnType<typeof stubWindowOpen> | null = null;
  let originalAlert: typeof window.alert | null = null;
  const alerts: unknown[] = [];
  beforeEach(() => {
    alerts.length = 0;
    originalAlert = window.alert;
    window.alert = (message?: unknown) => void alerts.push(message);
  });
  afterEach(() => {
    popup?.restore();
    popup = null;
    if (originalAlert) window.alert = originalAlert;
  });

  it('markup in names renders as literal text: no <img>/<b> in the shadow DOM, the text `<img src=x onerror=alert(1)>` visible', async () => {
    const element = mount('hostile');
    await toConnections(element);
    // The connection list shows `<b>vet</b>` on both sides.
    expect(visibleText(element)).to.include(`${hostileNames.bold} → ${hostileDivisionNames.bold}`);
    expectNoInjectedElements(element);
    await press(element, 'New Connection');
    await waitForHeading(element, nl.organisationHeading);
    await search(element, 'onerror', hostileNames.markup);
    expect(visibleText(element)).to.include(hostileNames.markup);
    await search(element, 'quotes', hostileNames.quotes);
    expect(visibleText(element)).to.include(hostileNames.quotes);
    expectNoInjectedElements(element);
    expect(alerts, 'no script ran').to.deep.equal([]);
  });

  it('markup without script (`<b>vet</b>`, `<tags>`) stays text on every step that shows a name: lists, system, login, administration, done, redelivery, connections', async () => {
    const organisation = hostileNames.bold;
    const administration = hostileDivisionNames.bold;
    const element = mount('hostile');
    await toConnections(element);
    expectLiteral(element, 'connections', `${organisation} → ${administration}`);
    // The scenario connects the bold organisation to the bold administration: free both for a new flow.
    const mock = backend('hostile');
    const existing = (await mock.connections()).find((connection) => connection.organisation_id === hostileOrganisationIds.bold)!;
    const removed = await fetch(`${mock.basePath}/api/connections/${String(existing.id)}`, { method: 'DELETE' });
    expect(removed.ok, 'the connection removed').to.equal(true);
    await press(element, 'New Connection');
    await waitForHeading(element, nl.organisationHeading);
    await search(element, 'quotes', hostileNames.quotes);
    expectLiteral(element, 'organisation list (<tags>)', hostileNames.quotes);
    await search(element, 'vet', organisation);
    expectLiteral(element, 'organisation list', organisation);
    await choose(element, organisation);
    pointerClick(await waitFor(() => { const confirm = button(element, 'Bevestigen'); return isDisabled(confirm) ? null : confirm; }, { message: 'Bevestigen enabled' }));
    await waitForHeading(element, nl.systemHeading);
    expectLiteral(element, 'system', nl.systemIntro(organisation));
    await press(element, 'Exact Online');
    await waitForHeading(element, nl.loginHeading);
    expectLiteral(element, 'login');
    popup = stubWindowOpen();
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url));
    await press(element, 'Ga door');
    await waitForHeading(element, nl.administrationHeading);
    await waitFor(() => listbox(element).querySelector('[role="option"]'), { message: 'administrations' });
    await search(element, 'vet', administration);
    expectLiteral(element, 'administration list', nl.administrationIntro(organisation), administration);
    await search(element, 'quotes', hostileDivisionNames.quotes);
    expectLiteral(element, 'administration list (<tags>)', hostileDivisionNames.quotes);
    await search(element, 'vet', administration);
    await choose(element, administration);
    pointerClick(await waitFor(() => { const finish = button(element, 'Afronden'); return isDisabled(finish) ? null : finish; }, { message: 'Afronden enabled' }));
    await waitForHeading(element, nl.doneHeading);
    expectLiteral(element, 'done', nl.doneSummary(organisation, String(hostileDivisionCodes.bold), administration, nl.bookingFlowSimple));
    await press(element, 'API-download opnieuw aanbieden');
    await waitForHeading(element, 'API-download opnieuw aanbieden');
    expectLiteral(element, 'redelivery', nl.redeliveryIntro(organisation));
    await press(element, 'Terug');
    await waitForHeading(element, nl.connectionsHeading);
    await waitFor(() => visibleText(element).includes(`${organisation} → ${administration}`), { message: 'the new connection listed' });
    expectLiteral(element, 'connections', `${organisation} → ${administration}`);
    expect(alerts, 'no script ran').to.deep.equal([]);
  });

  it('right-to-left names are isolated where they are listed (options, and the connection cards)', async () => {
    const element = mount('hostile');
    await toOrganisation(element);
    for (const name of [hostileNames.hebrew, hostileNames.mixed, hostileNames.rtlOverride]) {
      await search(element, name.slice(0, 4), name);
      const label = elementWithText(element, name);
      expect(isolated(label), `"${name}" isolated in the list`).to.equal(true);
    }
    await press(element, 'Terug');
    await waitForHeading(element, nl.connectionsHeading);
    await waitFor(() => element.shadowRoot!.querySelector('.card-title'), { message: 'a connection card' });
    for (const card of Array.from(element.shadowRoot!.querySelectorAll('.card-title'))) expect(isolated(card), `card "${card.textContent}"`).to.equal(true);
  });

  // Names inside sentences are wrapped in first-strong isolates (U+2068 … U+2069, the text form of <bdi>),
  // so a right-to-left name, or one with a stray U+202E, cannot reorder the sentence around it.
  it('right-to-left names are isolated inside sentences too (system step intro)', async () => {
    const element = mount('hostile');
    await toOrganisation(element);
    await search(element, hostileNames.hebrew.slice(0, 4), hostileNames.hebrew);
    await choose(element, hostileNames.hebrew);
    const confirm = button(element, 'Bevestigen');
    await waitFor(() => !isDisabled(confirm), { message: 'Bevestigen enabled' });
    pointerClick(confirm);
    await waitForHeading(element, nl.systemHeading);
    const sentence = Array.from(element.shadowRoot!.querySelectorAll('p')).find((p) => p.textContent?.includes(hostileNames.hebrew));
    expect(sentence?.textContent, 'the name sits between isolates').to.include(`\u2068${hostileNames.hebrew}\u2069`);
  });

  it('500-character names wrap: at 320 px neither the element nor the list scrolls sideways', async () => {
    const element = mount('hostile');
    element.style.display = 'block';
    element.style.width = '320px';
    await toOrganisation(element);
    const base = () => element.shadowRoot!.querySelector('.base');
    const list = () => listbox(element).querySelector('[role="listbox"]');
    for (const name of [hostileNames.longNoSpaces, hostileNames.longWithSpaces]) {
      await search(element, name.slice(0, 12), name);
      noOverflow(base(), `base with "${name.slice(0, 20)}…"`);
      noOverflow(list(), `listbox with "${name.slice(0, 20)}…"`);
    }
    // The long name chosen: the next step says it in a sentence, still within 320 px.
    await search(element, hostileNames.longNoSpaces.slice(0, 12), hostileNames.longNoSpaces);
    await choose(element, hostileNames.longNoSpaces);
    const confirm = button(element, 'Bevestigen');
    await waitFor(() => !isDisabled(confirm), { message: 'Bevestigen enabled' });
    pointerClick(confirm);
    await waitForHeading(element, nl.systemHeading);
    expect(visibleText(element)).to.include(hostileNames.longNoSpaces);
    noOverflow(base(), 'base on the system step');
    expect(element.getBoundingClientRect().width).to.be.at.most(320);
  });

  it('a flow completes with the hostile organisation (org_0101) and administration 300001; names stay text', async () => {
    const element = mount('hostile');
    await toOrganisation(element);
    await search(element, 'onerror', hostileNames.markup);
    await choose(element, hostileNames.markup);
    const confirm = button(element, 'Bevestigen');
    await waitFor(() => !isDisabled(confirm), { message: 'Bevestigen enabled' });
    pointerClick(confirm);
    await waitForHeading(element, nl.systemHeading);
    expect(visibleText(element)).to.include(nl.systemIntro(hostileNames.markup));
    await press(element, 'Exact Online');
    await waitFor(() => element.shadowRoot && visibleText(element).includes('Open'), { message: 'Open' });
    popup = stubWindowOpen();
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url));
    await press(element, 'Ga door');
    await waitForHeading(element, nl.administrationHeading);
    expect(visibleText(element)).to.include(nl.administrationIntro(hostileNames.markup));
    await waitFor(() => listbox(element).querySelector('[role="option"]'), { message: 'administrations' });
    await search(element, 'onerror', hostileDivisionNames.markup);
    await choose(element, hostileDivisionNames.markup);
    const finish = button(element, 'Afronden');
    await waitFor(() => !isDisabled(finish), { message: 'Afronden enabled' });
    pointerClick(finish);
    await waitForHeading(element, nl.doneHeading);
    expect(visibleText(element)).to.include(nl.doneSummary(hostileNames.markup, String(hostileDivisionCodes.markup), hostileDivisionNames.markup, nl.bookingFlowSimple));
    expectNoInjectedElements(element);
    expect(alerts, 'no script ran').to.deep.equal([]);
    const made = (await backend('hostile').connections()).filter((connection) => connection.organisation_id === hostileOrganisationIds.markup);
    expect(made.map((connection) => [connection.organisation_name, connection.division_code])).to.deep.equal([[hostileNames.markup, hostileDivisionCodes.markup]]);
  });
});
