/**
 * Issue 11, item 5: the locale is the element's own. Two elements on one page speak two
 * languages, and an element follows the `lang` of its ancestors only, not the whole page's.
 */
import { expect } from '@esm-bundle/chai';
import {
  button,
  findButton,
  heading,
  isDisabled,
  mount,
  option,
  pointerClick,
  press,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  type ConnectElement,
} from './support.js';

/** Two animation frames: a `lang` change has reached every observer, and an update it asked for has run. */
const twoFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Waits until two frames pass without an update (the step's data is in, its announcement said); returns the idle element's promise. */
async function settled(element: ConnectElement): Promise<{ idle: Promise<boolean> }> {
  for (let round = 0; round < 50; round += 1) {
    const last = element.updateComplete;
    await last;
    await twoFrames();
    if (element.updateComplete === last) return { idle: last };
  }
  throw new Error('the element never stopped updating');
}

/**
 * Whether `change` made the element render again. Lit hands out a new `updateComplete` promise
 * for every update it schedules, so the same promise two frames after the change means none was.
 */
async function rendersAfter(element: ConnectElement, change: () => void): Promise<boolean> {
  const { idle } = await settled(element);
  change();
  await twoFrames();
  return element.updateComplete !== idle;
}

/** A `<div lang=…>` on the page, removed after the test. */
function langBox(lang: string | null, parent: HTMLElement = document.body): HTMLDivElement {
  const box = document.createElement('div');
  if (lang) box.lang = lang;
  parent.append(box);
  boxes.push(box);
  return box;
}
const boxes: HTMLElement[] = [];

describe('<autopilot-connect> locale: each element speaks its own', () => {
  useMockBackend();
  afterEach(() => {
    for (const box of boxes.splice(0)) box.remove();
  });

  it('elements with different locales on one page each speak their own language', async () => {
    const english = mount('default', { locale: 'en' });
    const german = mount('default', { locale: 'de' });
    const dutch = mount('default');
    // The heading shows while the list loads; its button once it has loaded.
    await waitFor(() => findButton(german, 'Neue Verbindung'), { message: 'the German New Connection' });
    await waitForHeading(english, 'Active connections');
    await waitForHeading(german, 'Aktive Verbindungen');
    await waitForHeading(dutch, 'Actieve koppelingen');
    // Settled, not a passing moment: every locale is loaded and nothing is left to switch.
    await Promise.all([english, german, dutch].map((element) => element.updateComplete));
    await twoFrames();
    expect([english, german, dutch].map(heading)).to.deep.equal(['Active connections', 'Aktive Verbindungen', 'Actieve koppelingen']);
    expect([english, german, dutch].map((element) => element.shadowRoot!.querySelector('section')?.getAttribute('lang'))).to.deep.equal(['en', 'de', 'nl']);
    expect(findButton(german, 'Neue Verbindung')).to.not.equal(null);
    expect(visibleText(dutch)).to.not.include('Neue Verbindung');
  });

  it('switching one element to another locale re-labels only that one, keeping what its user chose', async () => {
    const switched = mount('default', { locale: 'en' });
    const other = mount('default', { locale: 'de' });
    await waitForHeading(other, 'Aktive Verbindungen');
    await waitForHeading(switched, 'Active connections');
    await press(switched, 'New Connection');
    await waitFor(() => option(switched, 'eLien test company'));
    pointerClick(option(switched, 'eLien test company'));
    await waitFor(() => !isDisabled(button(switched, 'Confirm')));

    // French is loaded by no other test here: until its chunk is in, the element speaks English still.
    switched.locale = 'fr';
    await switched.updateComplete;
    expect(heading(switched), 'the previous language while French loads').to.equal('Choose the organisation');
    expect(switched.shadowRoot!.querySelector('section')?.getAttribute('lang')).to.equal('en');
    await waitForHeading(switched, "Choisissez l'organisation");
    expect(isDisabled(button(switched, 'Confirmer')), 'the chosen organisation is still chosen').to.equal(false);
    expect(option(switched, 'eLien test company').getAttribute('aria-selected')).to.equal('true');
    expect(heading(other)).to.equal('Aktive Verbindungen');
    expect(findButton(other, 'Neue Verbindung')).to.not.equal(null);
    expect(other.shadowRoot!.querySelector('section')?.getAttribute('lang')).to.equal('de');
  });

  it("a lang set elsewhere on the page does not render it again; its ancestors' lang does", async () => {
    const outer = langBox('de');
    const inner = langBox(null, outer);
    const beside = langBox('en');
    const nested = langBox(null, beside);
    const element = mount('default');
    inner.append(element);
    await waitForHeading(element, 'Aktive Verbindungen');

    expect(await rendersAfter(element, () => (beside.lang = 'es')), 'a lang beside it').to.equal(false);
    expect(await rendersAfter(element, () => (nested.lang = 'fr')), 'a lang inside something beside it').to.equal(false);
    expect(heading(element)).to.equal('Aktive Verbindungen');

    // The positive control: the same check sees the render an ancestor's lang causes.
    expect(await rendersAfter(element, () => (outer.lang = 'es')), "the outer ancestor's lang").to.equal(true);
    await waitForHeading(element, 'Conexiones activas');
    // The nearest lang decides, also one that appears on an ancestor that had none.
    inner.lang = 'nl';
    await waitForHeading(element, 'Actieve koppelingen');
    // And its own lang is nearer still.
    element.lang = 'en';
    await waitForHeading(element, 'Active connections');
  });

  it("moved under another ancestor, it speaks that one's lang and follows it, no longer the old one's", async () => {
    const before = langBox('de');
    const after = langBox('es');
    const element = mount('default');
    before.append(element);
    await waitForHeading(element, 'Aktive Verbindungen');

    after.append(element);
    await waitForHeading(element, 'Conexiones activas');
    expect(await rendersAfter(element, () => (before.lang = 'fr')), 'the lang it left').to.equal(false);
    after.lang = 'en';
    await waitForHeading(element, 'Active connections');
  });
});
