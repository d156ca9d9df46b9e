import { expect } from '@esm-bundle/chai';
import {
  deepActiveElement,
  findButton,
  heading,
  mount,
  press,
  toConnections,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
} from './support.js';

describe('<autopilot-connect> step: connections', () => {
  useMockBackend();

  it('lists the existing connection with a way to re-offer its documents', async () => {
    const element = mount('default');
    await toConnections(element);
    const text = visibleText(element);
    expect(text).to.include('1 actieve koppeling');
    expect(text).to.include('Bakkerij de Gouden Korst → Bakkerij de Gouden Korst B.V.');
    expect(text).to.include('Simpele booking flow');
    expect(text).to.include('Verbonden sinds 3 mrt 2025');
    expect(text).to.not.include('Er zijn nog geen actieve koppelingen');
    const cards = element.shadowRoot!.querySelectorAll('[part~="connection"]');
    expect(cards).to.have.length(1);
    expect(findButton(cards[0] as HTMLElement, 'API-download opnieuw aanbieden')).to.not.equal(null);
  });

  it('`API-download opnieuw aanbieden` opens the redelivery form for that organisation; `Terug` returns', async () => {
    const element = mount('default');
    await toConnections(element);
    await press(element, 'API-download opnieuw aanbieden');
    await waitForHeading(element, 'API-download opnieuw aanbieden');
    expect(visibleText(element)).to.include(
      'Bied de Postvak In-documenten van Bakkerij de Gouden Korst vanaf een datum opnieuw aan de Autopilot aan.',
    );
    const date = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="from"]');
    expect(date?.value, 'starts at the day of the connection, as Dutch writes it').to.equal('03-03-2025');
    await press(element, 'Terug');
    await waitForHeading(element, 'Actieve koppelingen');
  });

  it('shows the empty state when there are no connections', async () => {
    const element = mount('empty');
    await toConnections(element);
    expect(visibleText(element)).to.include('Er zijn nog geen actieve koppelingen. Maak er een met New Connection.');
    expect(element.shadowRoot!.querySelectorAll('[part~="connection"]')).to.have.length(0);
    expect(findButton(element, 'API-download opnieuw aanbieden')).to.equal(null);
    expect(findButton(element, 'New Connection')).to.not.equal(null);
  });

  it('`New Connection` starts the flow at the organisation and moves focus to its heading', async () => {
    const element = mount('empty');
    await toConnections(element);
    await press(element, 'New Connection');
    await waitForHeading(element, 'Kies de organisatie');
    expect(visibleText(element)).to.include('Stap 1 van 5');
    await waitFor(() => deepActiveElement()?.hasAttribute('data-step-heading'), { message: 'focus on the step heading' });
    expect(deepActiveElement()?.textContent?.trim()).to.equal(heading(element));
  });
});
