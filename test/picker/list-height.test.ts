/**
 * The list's height follows the viewport (issue 13 point 8): the room a tall screen has, a part of
 * a phone's screen (so the page scrolls past the list), and the windowing renders what is in view
 * whatever the height becomes.
 */
import { expect } from '@esm-bundle/chai';
import { setViewport } from '@web/test-runner-commands';
import { SearchListbox, type PickerItem } from '../../src/picker/search-listbox.js';
import { frames } from '../helpers/time.js';

if (!customElements.get('autopilot-connect-listbox')) customElements.define('autopilot-connect-listbox', SearchListbox);

const labels = { search: 'Zoek', list: 'Administraties', count: '2000 administraties', none: 'Geen', loadMore: 'Meer laden' };
const items: PickerItem[] = Array.from({ length: 2000 }, (_, index) => ({ id: String(index), label: `Administratie ${index}`, description: `${100000 + index}` }));

let element: SearchListbox;
const list = () => element.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;

async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await frames(2);
    await element.updateComplete;
  }
}

/** Every pixel of the list's viewport shows a rendered row: the window covers what is in view. */
function expectViewFilled(): void {
  const view = list().getBoundingClientRect();
  const rows = Array.from(list().querySelectorAll('[role="option"]')).map((row) => row.getBoundingClientRect());
  expect(Math.min(...rows.map((row) => row.top)), 'a row at the top').to.be.at.most(view.top + 1);
  expect(Math.max(...rows.map((row) => row.bottom)), 'a row at the bottom').to.be.at.least(view.bottom - 1);
}

describe('<autopilot-connect-listbox> list height', () => {
  beforeEach(async () => {
    element = document.createElement('autopilot-connect-listbox') as SearchListbox;
    Object.assign(element, { items, labels });
    document.body.append(element);
  });
  afterEach(async () => {
    element.remove();
    await setViewport({ width: 800, height: 600 });
  });

  it('on a 1400 px high screen the list uses the room there is (100vh - 44rem), filled with rows', async () => {
    await setViewport({ width: 1280, height: 1400 });
    await settle();
    expect(list().clientHeight).to.be.closeTo(1400 - 44 * 16, 2);
    expectViewFilled();
    list().scrollTop = 40_000;
    list().dispatchEvent(new Event('scroll'));
    await settle();
    expectViewFilled();
  });

  it('on a 375×667 phone it is 18rem, well under the screen, so the page scrolls past it', async () => {
    await setViewport({ width: 375, height: 667 });
    await settle();
    expect(list().clientHeight).to.be.closeTo(18 * 16, 2);
    expect(list().clientHeight).to.be.below(667 / 2);
    expectViewFilled();
  });

  it('on a short landscape phone it takes at most half the screen', async () => {
    await setViewport({ width: 667, height: 375 });
    await settle();
    expect(list().clientHeight).to.be.closeTo(375 / 2, 2);
  });

  it('growing the window renders the rows the taller list now shows', async () => {
    await setViewport({ width: 800, height: 600 });
    await settle();
    const before = list().clientHeight;
    await setViewport({ width: 800, height: 1300 });
    await settle();
    expect(list().clientHeight).to.be.greaterThan(before + 200);
    expectViewFilled();
  });

  it('--autopilot-connect-list-height still sets it', async () => {
    element.style.setProperty('--autopilot-connect-list-height', '10rem');
    await setViewport({ width: 1280, height: 1400 });
    await settle();
    expect(list().clientHeight).to.be.closeTo(160, 2);
  });
});
