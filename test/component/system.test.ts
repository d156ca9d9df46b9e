import { expect } from '@esm-bundle/chai';
import {
  button,
  deepActiveElement,
  findButton,
  isDisabled,
  listbox,
  mount,
  press,
  toSystem,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
} from './support.js';

describe('<autopilot-connect> step: system', () => {
  useMockBackend();

  it('offers Exact Online for the chosen organisation', async () => {
    const element = mount();
    await toSystem(element);
    const text = visibleText(element);
    expect(text).to.include('Stap 2 van 5');
    expect(text).to.include('Waarmee wil je eLien test company koppelen?');
    expect(findButton(element, 'Exact Online')).to.not.equal(null);
    expect(deepActiveElement()?.textContent?.trim(), 'focus on the new heading').to.equal('Kies het boekhoudpakket');
  });

  it('`Exact Online` goes on to the login', async () => {
    const element = mount();
    await toSystem(element);
    await press(element, 'Exact Online');
    await waitForHeading(element, 'Inloggen bij Exact Online');
    expect(visibleText(element)).to.include('Stap 3 van 5');
    await waitFor(() => findButton(element, 'Open'), { message: 'Open' });
  });

  it('`Terug` returns to the organisation with the choice kept', async () => {
    const element = mount();
    await toSystem(element);
    await press(element, 'Terug');
    await waitForHeading(element, 'Kies de organisatie');
    await waitFor(() => listbox(element).querySelector('[role="option"][aria-selected="true"]'), { message: 'a selected option' });
    expect(listbox(element).querySelector('[aria-selected="true"] .label')?.textContent?.trim()).to.equal('eLien test company');
    expect(isDisabled(button(element, 'Bevestigen'))).to.equal(false);
  });

  it('`Annuleren` fires autopilot-cancelled', async () => {
    const element = mount();
    await toSystem(element);
    let cancelled = 0;
    element.addEventListener('autopilot-cancelled', () => cancelled++);
    await press(element, 'Annuleren');
    await waitForHeading(element, 'Actieve koppelingen');
    expect(cancelled).to.equal(1);
  });
});
