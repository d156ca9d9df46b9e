import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import {
  afterItsTurn,
  backend,
  button,
  findButton,
  isDisabled,
  listbox,
  mount,
  option,
  optionLabels,
  pointerClick,
  press,
  toOrganisation,
  typeSearch,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  installFakeClock,
  recordFetches,
} from './support.js';

const sorted = [
  'Architectenbureau De Vries',
  'Bakkerij de Gouden Korst',
  'Café ’t Pleintje',
  'Drukkerij Van der Meer',
  'eLien test company',
  'Fietsenmakerij Van Dijk',
  'Groothandel Noordzee Vis B.V.',
  'Hoveniersbedrijf Het Groene Hart',
  'Installatiebedrijf Jansen & Zn.',
  'Kapsalon Knip & Krul',
  'Tandartspraktijk De Zonnebloem',
  'Transportbedrijf Bakker Logistiek',
];

const selected = (element: HTMLElementTagNameMap['autopilot-connect']) =>
  Array.from(listbox(element).querySelectorAll('[role="option"][aria-selected="true"] .label')).map((label) => label.textContent?.trim());

const activeLabel = (element: HTMLElementTagNameMap['autopilot-connect']) => {
  const list = listbox(element).querySelector('[role="listbox"]')!;
  const id = list.getAttribute('aria-activedescendant');
  return id ? listbox(element).getElementById(id)?.querySelector('.label')?.textContent?.trim() : undefined;
};

/** What the windowed listbox holds (loaded), as opposed to the few options it renders. */
const loadedItems = (element: Parameters<typeof listbox>[0]) =>
  (listbox(element).host as unknown as { items: Array<{ id: string; label: string }> }).items;

describe('<autopilot-connect> step: organisation', () => {
  useMockBackend();

  it('lists the organisations, eLien test company among them, with the count', async () => {
    const element = mount();
    await toOrganisation(element);
    expect(optionLabels(element)).to.deep.equal(sorted);
    expect(visibleText(element)).to.include('12 organisaties');
    expect(visibleText(element)).to.include('Voor welke organisatie wil je een koppeling maken?');
  });

  it('`Bevestigen` is disabled until an organisation is chosen, then leads to the system', async () => {
    const element = mount();
    await toOrganisation(element);
    const confirm = button(element, 'Bevestigen');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    pointerClick(confirm);
    await afterItsTurn(element);
    expect(visibleText(element)).to.include('Kies de organisatie');

    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => selected(element).includes('eLien test company'), { message: 'eLien selected' });
    expect(selected(element)).to.deep.equal(['eLien test company']);
    expect(button(element, 'Bevestigen').getAttribute('aria-disabled')).to.equal('false');
    pointerClick(button(element, 'Bevestigen'));
    await waitForHeading(element, 'Kies het boekhoudpakket');
  });

  it('shows why blocked or connected organisations cannot be chosen, and does not choose them', async () => {
    const element = mount();
    await toOrganisation(element);
    const reasons: Record<string, string> = {
      'Installatiebedrijf Jansen & Zn.': 'Heeft nog een actieve koppeling via exactonline.everbinding.nl. Verbreek die eerst.',
      'Groothandel Noordzee Vis B.V.': 'Je hebt geen toegang tot deze organisatie.',
      'Transportbedrijf Bakker Logistiek': 'Verwerkt meer dan alleen Postvak In-facturen met eConnect.',
      'Bakkerij de Gouden Korst': 'Heeft al een koppeling.',
    };
    for (const [name, reason] of Object.entries(reasons)) {
      const item = option(element, name);
      expect(item.getAttribute('aria-disabled'), name).to.equal('true');
      expect(visibleText(item), name).to.include(reason);
      pointerClick(item);
    }
    await afterItsTurn(element);
    expect(selected(element)).to.deep.equal([]);
    expect(isDisabled(button(element, 'Bevestigen'))).to.equal(true);
    // A blocked click after a valid choice keeps the valid choice.
    pointerClick(option(element, 'eLien test company'));
    await waitFor(() => selected(element).length === 1);
    pointerClick(option(element, 'Groothandel Noordzee Vis B.V.'));
    await afterItsTurn(element);
    expect(selected(element)).to.deep.equal(['eLien test company']);
    expect(option(element, 'eLien test company').getAttribute('aria-disabled')).to.equal('false');
  });

  it('search narrows the list after the debounce', async () => {
    const element = mount();
    await toOrganisation(element);
    typeSearch(element, 'bakker');
    // Not yet: the search waits for the user to stop typing.
    expect(optionLabels(element)).to.have.length(12);
    await waitFor(() => optionLabels(element).length === 2, { message: 'two matches' });
    expect(optionLabels(element)).to.deep.equal(['Bakkerij de Gouden Korst', 'Transportbedrijf Bakker Logistiek']);
    await waitForText(element, '2 organisaties');

    typeSearch(element, 'zzz geen match');
    await waitForText(element, 'Geen organisaties gevonden.');
    expect(listbox(element).querySelector('[role="option"]')).to.equal(null);

    typeSearch(element, 'elien');
    await waitFor(() => optionLabels(element).join() === 'eLien test company', { message: 'eLien only' });
    expect(visibleText(element)).to.include('1 organisatie');
  });

  it('only the last of quickly typed searches is asked for', async () => {
    const element = mount();
    await toOrganisation(element);
    const fetches = recordFetches();
    const clock = installFakeClock();
    try {
      const searches = () => fetches.requests.filter((request) => request.path.includes('/api/organisations')).map((request) => new URL(request.path, location.origin).searchParams.get('query'));
      typeSearch(element, 'e');
      await clock.tickAsync(100);
      typeSearch(element, 'el');
      await clock.tickAsync(100);
      typeSearch(element, 'eli');
      // The search waits until the typing has stopped for 250 ms.
      await clock.tickAsync(249);
      await afterItsTurn(element);
      expect(searches(), 'nothing asked while typing').to.deep.equal([]);
      await clock.tickAsync(1);
      await afterItsTurn(element);
      expect(searches()).to.deep.equal(['eli']);
      await waitFor(() => optionLabels(element).join() === 'eLien test company', { message: 'eLien only' });
    } finally {
      fetches.restore();
    }
  });

  it('`Meer laden` loads the next page in scenario many', async () => {
    const element = mount('many');
    await toOrganisation(element);
    // The list is windowed: count what is loaded, not what is in the DOM.
    const loaded = () => loadedItems(element).map((item) => item.id);
    expect(loaded()).to.have.length(50);
    expect(visibleText(element)).to.include('2.012 organisaties');
    expect(listbox(element).querySelector('[role="option"]')?.getAttribute('aria-setsize')).to.equal('2012');
    pointerClick(await waitFor(() => findButton(element, 'Meer laden')));
    await waitFor(() => loaded().length === 100, { message: '100 loaded' });
    expect(new Set(loaded()).size, 'no duplicates').to.equal(100);
  });

  it('scrolling to the end of the list loads more in scenario many', async () => {
    const element = mount('many');
    await toOrganisation(element);
    const list = listbox(element).querySelector<HTMLElement>('[role="listbox"]')!;
    list.scrollTop = list.scrollHeight;
    list.dispatchEvent(new Event('scroll'));
    await waitFor(() => loadedItems(element).length === 100, { message: '100 loaded' });
  });

  it('search in scenario many pages through the matches', async () => {
    const element = mount('many');
    await toOrganisation(element);
    typeSearch(element, 'Bakkerij');
    await waitFor(() => optionLabels(element).length > 0 && optionLabels(element).every((label) => label.includes('Bakkerij')), {
      message: 'only Bakkerij matches',
    });
    const total = Number(/([\d.]+) organisaties/.exec(visibleText(element))?.[1]?.replace('.', ''));
    expect(total).to.be.greaterThan(50);
    pointerClick(button(element, 'Meer laden'));
    await waitFor(() => loadedItems(element).length === Math.min(100, total), { message: 'second page of matches' });
    expect(loadedItems(element).every((item) => item.label.includes('Bakkerij'))).to.equal(true);
  });

  it('keyboard: ArrowDown, Home, End and Enter move through and choose in the listbox', async () => {
    const element = mount();
    await toOrganisation(element);
    // From the search field, as a keyboard user arrives: ArrowDown enters the list at the first option.
    listbox(element).querySelector('input')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => activeLabel(element) === sorted[0], { message: 'first option active' });
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => activeLabel(element) === sorted[1]);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => activeLabel(element) === 'Café ’t Pleintje');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => selected(element).join() === 'Café ’t Pleintje', { message: 'Café chosen' });
    expect(isDisabled(button(element, 'Bevestigen'))).to.equal(false);

    await sendKeys({ press: 'End' });
    await waitFor(() => activeLabel(element) === 'Transportbedrijf Bakker Logistiek');
    await sendKeys({ press: 'Enter' });
    await afterItsTurn(element);
    expect(selected(element), 'a blocked option is not chosen by Enter').to.deep.equal(['Café ’t Pleintje']);

    await sendKeys({ press: 'Home' });
    await waitFor(() => activeLabel(element) === 'Architectenbureau De Vries');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => selected(element).join() === 'Architectenbureau De Vries', { message: 'Architectenbureau chosen' });
  });

  it('keyboard: ArrowDown from the search field moves into the list', async () => {
    const element = mount();
    await toOrganisation(element);
    listbox(element).querySelector('input')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => listbox(element).activeElement?.getAttribute('role') === 'listbox', { message: 'list focused' });
    expect(activeLabel(element)).to.equal(sorted[0]);
  });

  it('`Terug` returns to the connections', async () => {
    const element = mount();
    await toOrganisation(element);
    await press(element, 'Terug');
    await waitForHeading(element, 'Actieve koppelingen');
  });

  it('`Annuleren` fires autopilot-cancelled and returns to the connections', async () => {
    const element = mount();
    await toOrganisation(element);
    const events: Event[] = [];
    document.addEventListener('autopilot-cancelled', (event) => events.push(event), { once: true });
    await press(element, 'Annuleren');
    await waitFor(() => events.length === 1, { message: 'autopilot-cancelled' });
    expect(events[0]!.composed).to.equal(true);
    await waitForHeading(element, 'Actieve koppelingen');
  });
});
