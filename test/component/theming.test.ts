import { expect } from '@esm-bundle/chai';
import { listbox, mount, pointerClick, toAdministration, toOrganisation, typeSearch, useMockBackend, waitFor, type ConnectElement } from './support.js';

/**
 * A host page styles the pickers inside the element through the parts the element passes on
 * (`exportparts`): each rule below must land on the picker's matching element, and only there.
 */
const hostStyles = `
  autopilot-connect::part(picker-search-label) { color: rgb(10, 0, 0); }
  autopilot-connect::part(picker-search) { background-color: rgb(20, 0, 0); }
  autopilot-connect::part(picker-status) { color: rgb(30, 0, 0); }
  autopilot-connect::part(picker-list) { border-top-color: rgb(40, 0, 0); }
  autopilot-connect::part(picker-option) { color: rgb(50, 0, 0); }
  autopilot-connect::part(picker-option-selected) { background-color: rgb(60, 0, 0); }
  autopilot-connect::part(picker-option-active) { outline-color: rgb(70, 0, 0); }
  autopilot-connect::part(picker-option-disabled) { text-decoration-line: line-through; }
  autopilot-connect::part(picker-empty) { color: rgb(80, 0, 0); }
  autopilot-connect::part(picker-load-more) { color: rgb(90, 0, 0); }
`;

const style = (target: Element | null | undefined) => {
  if (!target) throw new Error('not rendered');
  return getComputedStyle(target);
};
const rows = (element: ConnectElement) => Array.from(listbox(element).querySelectorAll<HTMLElement>('[role="option"]'));
const labelOf = (row: HTMLElement) => row.querySelector('.label')?.textContent?.trim();

describe('<autopilot-connect> theming: the pickers styled from the host page', () => {
  useMockBackend();
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(hostStyles);
  before(() => (document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]));
  after(() => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet)));

  it("styles the organisation picker's label, search field, count, list and rows", async () => {
    const element = mount();
    await toOrganisation(element);
    const picker = listbox(element);
    expect(style(picker.querySelector('label')).color).to.equal('rgb(10, 0, 0)');
    expect(style(picker.querySelector('input')).backgroundColor).to.equal('rgb(20, 0, 0)');
    expect(style(picker.querySelector('.count')).color).to.equal('rgb(30, 0, 0)');
    expect(style(picker.querySelector('[role="listbox"]')).borderTopColor).to.equal('rgb(40, 0, 0)');
    for (const row of rows(element)) expect(style(row).color, labelOf(row)).to.equal('rgb(50, 0, 0)');
    const blocked = rows(element).filter((row) => row.getAttribute('aria-disabled') === 'true');
    expect(blocked, 'the default scenario has organisations that cannot be chosen').not.to.be.empty;
    for (const row of rows(element)) {
      expect(style(row).textDecorationLine, labelOf(row)).to.equal(blocked.includes(row) ? 'line-through' : 'none');
    }
  });

  it('follows the chosen row and the row the keyboard is on', async () => {
    const element = mount();
    await toOrganisation(element);
    const picker = listbox(element);
    picker.querySelector<HTMLElement>('[role="listbox"]')!.focus();
    await waitFor(() => rows(element).some((row) => style(row).outlineColor === 'rgb(70, 0, 0)'), { message: 'an active row' });
    expect(rows(element).filter((row) => style(row).outlineColor === 'rgb(70, 0, 0)').map(labelOf)).to.deep.equal(['Architectenbureau De Vries']);

    const chosen = rows(element).find((row) => labelOf(row) === 'eLien test company')!;
    pointerClick(chosen);
    await waitFor(() => style(rows(element).find((row) => labelOf(row) === 'eLien test company')).backgroundColor === 'rgb(60, 0, 0)', { message: 'chosen row styled' });
    const selected = rows(element).filter((row) => style(row).backgroundColor === 'rgb(60, 0, 0)').map(labelOf);
    expect(selected).to.deep.equal(['eLien test company']);
    // A click moves the keyboard's place as well: one active row, the chosen one.
    expect(rows(element).filter((row) => style(row).outlineColor === 'rgb(70, 0, 0)').map(labelOf)).to.deep.equal(['eLien test company']);
  });

  it('styles the message for a search that finds nothing, and Meer laden', async () => {
    const element = mount('many');
    await toOrganisation(element);
    const more = await waitFor(() => listbox(element).querySelector('button'), { message: 'Meer laden' });
    expect(more.textContent?.trim()).to.equal('Meer laden');
    expect(style(more).color).to.equal('rgb(90, 0, 0)');
    typeSearch(element, 'geen-enkele-organisatie-heet-zo');
    const empty = await waitFor(() => Array.from(listbox(element).querySelectorAll('.empty')).find((line) => line.textContent?.trim()), { timeout: 6000, message: 'nothing found' });
    expect(style(empty).color).to.equal('rgb(80, 0, 0)');
  });

  it("styles the administration picker's search field and rows the same way", async () => {
    const element = mount();
    await toAdministration(element);
    await waitFor(() => rows(element).length > 0, { message: 'administrations listed' });
    expect(style(listbox(element).querySelector('input')).backgroundColor).to.equal('rgb(20, 0, 0)');
    for (const row of rows(element)) expect(style(row).color, labelOf(row)).to.equal('rgb(50, 0, 0)');
  });
});
