import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { SearchListbox, type PickerItem, type PickerSelectEvent } from '../../src/picker/search-listbox.js';
import { frames } from '../helpers/time.js';

if (!customElements.get('autopilot-connect-listbox')) customElements.define('autopilot-connect-listbox', SearchListbox);

const COUNT = 10_000;
const labels = { search: 'Zoek', list: 'Organisaties', count: `${COUNT} organisaties`, none: 'Geen', loadMore: 'Meer laden' };

/** Item 7321 is the only one starting with "Z", for type-ahead; every 20th cannot be chosen. */
const makeItems = (count = COUNT): PickerItem[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `org_${index}`,
    label: index === 7321 ? 'Zeeuwse Visserij' : `Organisatie ${String(index).padStart(5, '0')}`,
    description: `KvK ${String(10_000_000 + index)}`,
    ...(index % 20 === 7 ? { disabledReason: 'Heeft al een koppeling.' } : {}),
  }));

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((element) => element.remove()));

/** Waits until no further render is pending (the element renders again after measuring). */
async function settle(element: SearchListbox): Promise<void> {
  for (let round = 0; round < 10 && !(await element.updateComplete); round++);
  await new Promise((resolve) => setTimeout(resolve));
  for (let round = 0; round < 10 && !(await element.updateComplete); round++);
}

async function mountList(props: Partial<SearchListbox> = {}): Promise<SearchListbox> {
  const element = document.createElement('autopilot-connect-listbox') as SearchListbox;
  Object.assign(element, { items: makeItems(), labels, ...props });
  document.body.append(element);
  mounted.push(element);
  await settle(element);
  return element;
}

const list = (element: SearchListbox) => element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
const options = (element: SearchListbox) => Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]'));
const posinsets = (element: SearchListbox) => options(element).map((option) => Number(option.getAttribute('aria-posinset')));

/** The option aria-activedescendant names; fails if it is not in the DOM. */
function activeOption(element: SearchListbox): HTMLElement {
  const id = list(element).getAttribute('aria-activedescendant');
  expect(id, 'aria-activedescendant').to.be.a('string');
  const option = element.shadowRoot!.getElementById(id!);
  expect(option, `#${id} is rendered`).to.not.equal(null);
  expect(option!.getAttribute('role')).to.equal('option');
  return option!;
}

/** The option is within the scrolled viewport. */
function inView(element: SearchListbox, option: HTMLElement): boolean {
  const box = option.getBoundingClientRect();
  const view = list(element).getBoundingClientRect();
  return box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

async function scrollListTo(element: SearchListbox, top: number): Promise<void> {
  list(element).scrollTop = top;
  list(element).dispatchEvent(new Event('scroll'));
  await settle(element);
}

/** Into the list from the search field, as a keyboard user arrives: the first option is active. */
async function enterList(element: SearchListbox): Promise<void> {
  element.shadowRoot!.querySelector('input')!.focus();
  await press(element, 'ArrowDown');
  expect(activeOption(element).getAttribute('aria-posinset')).to.equal('1');
}

async function press(element: SearchListbox, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(element);
}

describe('<autopilot-connect-listbox> with a short list', () => {
  it('ArrowDown and ArrowUp move aria-activedescendant option by option, and stop at the ends', async () => {
    const element = await mountList({ items: makeItems(5), labels: { ...labels, count: '5 organisaties' } });
    expect(list(element).hasAttribute('aria-activedescendant'), 'none active before the keyboard enters').to.equal(false);
    await enterList(element);
    const seen = [activeOption(element).id];
    for (const expected of ['2', '3', '4', '5']) {
      await press(element, 'ArrowDown');
      expect(activeOption(element).getAttribute('aria-posinset')).to.equal(expected);
      seen.push(activeOption(element).id);
    }
    expect(new Set(seen).size, 'a different option each time').to.equal(5);
    expect(activeOption(element).querySelector('.label')?.textContent?.trim()).to.equal('Organisatie 00004');
    await press(element, 'ArrowDown');
    expect(activeOption(element).getAttribute('aria-posinset'), 'stays on the last').to.equal('5');
    await press(element, 'ArrowUp');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('4');
    expect(options(element).filter((option) => option.classList.contains('active')), 'one option shown active').to.deep.equal([activeOption(element)]);
  });
});

describe('<autopilot-connect-listbox> with 10,000 items (windowing)', () => {
  it('renders only the visible window, numbered against the whole list', async () => {
    const element = await mountList();
    const rendered = options(element);
    expect(rendered.length).to.be.greaterThan(3);
    expect(rendered.length).to.be.lessThan(60);
    expect(posinsets(element)).to.deep.equal(rendered.map((_, index) => index + 1));
    for (const option of rendered) expect(option.getAttribute('aria-setsize')).to.equal(String(COUNT));
    const rowHeight = rendered[0]!.getBoundingClientRect().height;
    expect(list(element).scrollHeight, 'the scrollbar reflects all rows').to.be.closeTo(COUNT * rowHeight, 2);
  });

  it('aria-setsize is the total from the backend when it is given', async () => {
    const element = await mountList({ total: 25_000, hasMore: true });
    for (const option of options(element)) expect(option.getAttribute('aria-setsize')).to.equal('25000');
  });

  it('scrolled to the middle, renders the rows there in order, still few', async () => {
    const element = await mountList();
    const rowHeight = options(element)[0]!.getBoundingClientRect().height;
    await scrollListTo(element, 5000 * rowHeight);
    const rendered = posinsets(element);
    expect(rendered.length).to.be.lessThan(60);
    expect(rendered).to.include(5001);
    expect(rendered, 'contiguous').to.deep.equal(rendered.map((_, index) => rendered[0]! + index));
    const first = options(element).find((option) => option.getAttribute('aria-posinset') === '5001')!;
    expect(inView(element, first), 'row 5001 at the top of the viewport').to.equal(true);
    expect(first.getBoundingClientRect().top).to.be.closeTo(list(element).getBoundingClientRect().top + 1, 2);
  });

  it('End, Home and PageDown keep the active option rendered, in view and numbered', async () => {
    const element = await mountList();
    await enterList(element);

    await press(element, 'End');
    let active = activeOption(element);
    expect(active.getAttribute('aria-posinset')).to.equal(String(COUNT));
    expect(active.getAttribute('aria-setsize')).to.equal(String(COUNT));
    expect(active.querySelector('.label')!.textContent).to.equal('Organisatie 09999');
    expect(inView(element, active), 'last option in view').to.equal(true);
    expect(options(element).length).to.be.lessThan(60);

    await press(element, 'Home');
    active = activeOption(element);
    expect(active.getAttribute('aria-posinset')).to.equal('1');
    expect(inView(element, active)).to.equal(true);

    const before = Number(activeOption(element).getAttribute('aria-posinset'));
    for (let page = 0; page < 30; page++) await press(element, 'PageDown');
    active = activeOption(element);
    const after = Number(active.getAttribute('aria-posinset'));
    expect(after).to.be.greaterThan(before + 30);
    expect(inView(element, active)).to.equal(true);
    expect(options(element).length).to.be.lessThan(60);

    await press(element, 'ArrowUp');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal(String(after - 1));
  });

  it('type-ahead jumps far down the list and renders the option it found', async () => {
    const element = await mountList();
    await enterList(element);
    await press(element, 'z');
    const active = activeOption(element);
    expect(active.querySelector('.label')!.textContent).to.equal('Zeeuwse Visserij');
    expect(active.getAttribute('aria-posinset')).to.equal('7322');
    expect(inView(element, active)).to.equal(true);
  });

  it('scrolled away from by wheel or scrollbar, the active option stays rendered', async () => {
    const element = await mountList();
    await enterList(element);
    await press(element, 'ArrowDown');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('2');
    await scrollListTo(element, list(element).scrollHeight / 2);
    const active = activeOption(element);
    expect(active.getAttribute('aria-posinset')).to.equal('2');
    expect(inView(element, active), 'out of sight, at its own place').to.equal(false);
    expect(options(element).length).to.be.lessThan(60);
    // The next arrow key continues from it and brings it back into view.
    await press(element, 'ArrowDown');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('3');
    expect(inView(element, activeOption(element))).to.equal(true);
  });

  it('scrolling to the bottom asks for more, once per page', async () => {
    const element = await mountList({ hasMore: true, total: 20_000 });
    const asked: Event[] = [];
    element.addEventListener('picker-more', (event) => asked.push(event));
    await scrollListTo(element, list(element).scrollHeight / 2);
    expect(asked, 'not in the middle').to.have.length(0);
    await scrollListTo(element, list(element).scrollHeight);
    expect(asked).to.have.length(1);
    expect(asked[0]!.composed).to.equal(true);
    await scrollListTo(element, list(element).scrollHeight - 10);
    await scrollListTo(element, list(element).scrollHeight);
    expect(asked, 'not again for the same page').to.have.length(1);

    // The next page arrives: reaching its end asks again.
    element.items = makeItems(COUNT + 50);
    await settle(element);
    await scrollListTo(element, list(element).scrollHeight);
    expect(asked).to.have.length(2);
  });

  it('does not ask for more while busy or when there is no more', async () => {
    const busy = await mountList({ hasMore: true, busy: true });
    const none = await mountList({ hasMore: false });
    const asked: Event[] = [];
    for (const element of [busy, none]) {
      element.addEventListener('picker-more', (event) => asked.push(event));
      await scrollListTo(element, list(element).scrollHeight);
    }
    expect(asked).to.have.length(0);
  });

  it('End goes to the last loaded option and asks for more', async () => {
    const element = await mountList({ hasMore: true, total: 20_000 });
    const asked: Event[] = [];
    element.addEventListener('picker-more', (event) => asked.push(event));
    await enterList(element);
    await press(element, 'End');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal(String(COUNT));
    expect(activeOption(element).getAttribute('aria-setsize')).to.equal('20000');
    expect(asked).to.have.length(1);
  });

  it('clicking a rendered option selects it', async () => {
    const element = await mountList();
    const rowHeight = options(element)[0]!.getBoundingClientRect().height;
    await scrollListTo(element, 8000 * rowHeight);
    const selected: string[] = [];
    element.addEventListener('picker-select', (event) => selected.push((event as PickerSelectEvent).id));
    const target = options(element).find((option) => option.getAttribute('aria-posinset') === '8002')!;
    target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    target.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, composed: true }));
    target.click();
    expect(selected).to.deep.equal(['org_8001']);
    element.selectedId = 'org_8001';
    await settle(element);
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('8002');
    expect(activeOption(element).getAttribute('aria-selected')).to.equal('true');
    // A disabled option (every 20th, from 7) is not chosen.
    const blocked = options(element).find((option) => option.getAttribute('aria-disabled') === 'true')!;
    blocked.click();
    expect(selected).to.have.length(1);
  });

  it('500-character and right-to-left names wrap in full: taller rows, nothing clipped, no title needed', async () => {
    const long = 'Stichting '.repeat(50);
    const unbroken = 'X'.repeat(500);
    const arabic = 'شركة التجارة العامة المحدودة للاستيراد والتصدير والخدمات اللوجستية في الشرق الأوسط وشمال أفريقيا';
    const items = makeItems();
    items[1] = { id: 'long', label: long, description: `${'KvK 12345678 '.repeat(20)}`, disabledReason: 'Reden '.repeat(80) };
    items[2] = { id: 'rtl', label: arabic, description: 'KvK 87654321' };
    items[3] = { id: 'bare', label: 'Zonder omschrijving' };
    items[4] = { id: 'unbroken', label: unbroken, description: unbroken };
    const element = await mountList({ items });
    const row = (position: number) => element.shadowRoot!.querySelector<HTMLElement>(`[aria-posinset="${position}"]`)!;
    const plain = row(1).offsetHeight;
    expect(row(2).offsetHeight, 'the long name wraps over many lines').to.be.greaterThan(plain * 3);
    expect(row(5).offsetHeight, 'so does a 500-character word').to.be.greaterThan(plain * 2);
    for (const text of element.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"] :is(.label, .description, .reason)')) {
      expect(text.scrollWidth, `${text.textContent!.slice(0, 20)}… not clipped`).to.be.at.most(text.clientWidth + 1);
      expect(getComputedStyle(text).textOverflow).to.not.equal('ellipsis');
      expect(text.hasAttribute('title'), 'the text itself is all there').to.equal(false);
    }
    expect(row(2).querySelector('.label')!.textContent).to.equal(long);
    const rtlLabel = row(3).querySelector<HTMLElement>('.label')!;
    expect(getComputedStyle(rtlLabel).direction).to.equal('rtl');
    expect(getComputedStyle(rtlLabel).unicodeBidi).to.equal('isolate');
    expect(options(element).length, 'still a window').to.be.lessThan(60);
    // The scrollbar: the measured rows as they are, the others at the average measured height (more than a plain row's).
    const tallest = Math.max(...options(element).map((option) => option.offsetHeight));
    expect(list(element).scrollHeight).to.be.greaterThan(COUNT * plain);
    expect(list(element).scrollHeight).to.be.lessThan(COUNT * tallest);
  });

  it('variable heights: scrolling, End and type-ahead find the right rows, the active one in full view', async () => {
    // Every 10th name is long and wraps over several lines.
    const items = makeItems().map((item, index) => (index % 10 === 3 ? { ...item, label: `${item.label} ${'Holding '.repeat(40)}` } : item));
    const element = await mountList({ items });
    const tall = options(element)[3]!.offsetHeight;
    expect(tall).to.be.greaterThan(options(element)[0]!.offsetHeight * 2);

    await scrollListTo(element, list(element).scrollHeight / 2);
    const rendered = posinsets(element);
    expect(rendered.length).to.be.lessThan(60);
    expect(rendered, 'contiguous').to.deep.equal(rendered.map((_, index) => rendered[0]! + index));
    expect(options(element).some((option) => inView(element, option)), 'rows in view, not a gap').to.equal(true);

    await enterList(element);
    await press(element, 'End');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal(String(COUNT));
    expect(inView(element, activeOption(element))).to.equal(true);
    await press(element, 'Home');
    for (let step = 0; step < 5; step++) await press(element, 'ArrowDown');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('6');
    expect(inView(element, activeOption(element))).to.equal(true);
    await press(element, 'z');
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('7322');
    expect(inView(element, activeOption(element))).to.equal(true);
    // Up through a tall row (7314, index 7313): each in full view.
    for (let step = 0; step < 9; step++) {
      await press(element, 'ArrowUp');
      expect(inView(element, activeOption(element)), `row ${activeOption(element).getAttribute('aria-posinset')}`).to.equal(true);
    }
    expect(activeOption(element).getAttribute('aria-posinset')).to.equal('7313');
  });

  it('rows measured taller than estimated do not move the row scrolled to', async () => {
    // The first 40 rows are plain (so the estimate is a plain row's height), all others wrap tall.
    const items = makeItems().map((item, index) => (index < 40 ? item : { ...item, label: `${item.label} ${'Holding '.repeat(30)}` }));
    const element = await mountList({ items });
    const plain = options(element)[0]!.offsetHeight;
    // Scrolled to where row 3126 is estimated to be: rendering it measures it and the rows above it
    // as taller than estimated, yet it stays at the top instead of rows jumping past.
    await scrollListTo(element, 3125 * plain);
    const top = options(element).find((option) => option.getAttribute('aria-posinset') === '3126');
    expect(top, 'row 3126 rendered').to.not.equal(undefined);
    expect(top!.offsetHeight, "a tall row").to.be.greaterThan(plain * 1.5);
    expect(top!.getBoundingClientRect().top).to.be.closeTo(list(element).getBoundingClientRect().top + 1, 2);
  });

  it('at 320 px and at 200 % text size the rows wrap, nothing overflows, the list stays windowed', async () => {
    const element = await mountList();
    const wide = options(element)[0]!.offsetHeight;
    element.style.width = '320px';
    document.documentElement.style.fontSize = '200%';
    try {
      await frames(2);
      await settle(element);
      expect(options(element)[0]!.offsetHeight).to.be.greaterThan(wide);
      expect(list(element).scrollWidth).to.be.at.most(list(element).clientWidth + 1);
      for (const text of element.shadowRoot!.querySelectorAll<HTMLElement>('.label, .description, .reason')) expect(text.scrollWidth).to.be.at.most(text.clientWidth + 1);
      expect(options(element).length).to.be.lessThan(60);
      await enterList(element);
      await press(element, 'End');
      expect(inView(element, activeOption(element))).to.equal(true);
    } finally {
      document.documentElement.style.removeProperty('font-size');
    }
  });

  it('the search field controls the list only when there is one', async () => {
    const element = await mountList({ items: makeItems(3) });
    const input = element.shadowRoot!.querySelector('input')!;
    expect(input.getAttribute('aria-controls')).to.equal('list');
    expect(element.shadowRoot!.getElementById('list')).to.not.equal(null);
    element.items = [];
    await settle(element);
    expect(input.hasAttribute('aria-controls'), 'no list to point at').to.equal(false);
  });

  it('windows every list longer than what fits, even two pages', async () => {
    const windowed = await mountList({ items: makeItems(100) });
    expect(options(windowed).length).to.be.lessThan(30);
    const short = await mountList({ items: makeItems(3) });
    expect(options(short)).to.have.length(3);
  });

  it('when a search replaces a scrolled long list with a shorter one, the window follows', async () => {
    const element = await mountList();
    await scrollListTo(element, list(element).scrollHeight);
    element.items = makeItems(300);
    await settle(element);
    await frames(2);
    await settle(element);
    const rendered = posinsets(element);
    expect(rendered.length).to.be.greaterThan(3);
    expect(rendered).to.include(300);
    for (const option of options(element)) expect(option.getAttribute('aria-setsize')).to.equal('300');
    expect(inView(element, options(element).at(-1)!)).to.equal(true);
  });

  it('the answer to a search typed while scrolled far down shows from its first match', async () => {
    const element = await mountList();
    await scrollListTo(element, list(element).scrollHeight);
    const input = element.shadowRoot!.querySelector('input')!;
    input.value = 'Organisatie 0';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: 'Organisatie 0', inputType: 'insertText' }));
    element.items = makeItems(300);
    await settle(element);
    expect(list(element).scrollTop).to.equal(0);
    expect(posinsets(element)[0]).to.equal(1);
    expect(inView(element, options(element)[0]!)).to.equal(true);
  });

  it('the DOM stays small: elements in the shadow root', async () => {
    const element = await mountList();
    const count = element.shadowRoot!.querySelectorAll('*').length;
    expect(count).to.be.lessThan(300);
  });
});
