/**
 * `Verbinding verbreken` on the overview: asked first (which connection, what stops), cancelled
 * without a trace, or confirmed: gone from the list at once, said, told to the host, and its
 * Digitale Brievenbus ended in Exact Online (the simulator saw the DELETE).
 */
import { expect } from '@esm-bundle/chai';
import type { AutopilotDisconnectedEvent } from '../../src/events.js';
import {
  backend,
  deepActiveElement,
  findButton,
  listedConnections,
  mount,
  press,
  toConnections,
  toDone,
  useMockBackend,
  visibleText,
  waitFor,
  waitForText,
} from './support.js';

const question = 'Verbinding tussen Bakkerij de Gouden Korst en Bakkerij de Gouden Korst B.V. in Exact Online verbreken?';

describe('<autopilot-connect> disconnecting a connection', () => {
  useMockBackend();

  it('asks first, naming both sides and what stops; `Annuleren` leaves everything as it was', async () => {
    const element = mount();
    await toConnections(element);
    await press(element, 'Verbinding verbreken');
    await waitForText(element, question);
    expect(visibleText(element)).to.include('Nieuwe facturen uit Postvak In komen dan niet meer in Exact Online aan.');
    // The safe answer has focus; nothing else can be started meanwhile.
    await waitFor(() => deepActiveElement()?.textContent?.trim() === 'Annuleren', { message: 'focus on Annuleren' });
    expect(findButton(element, 'New Connection')).to.equal(null);
    await press(element, 'Annuleren');
    await waitFor(() => findButton(element, 'New Connection'), { message: 'the overview again' });
    expect(visibleText(element)).to.not.include(question);
    expect(await listedConnections()).to.have.length(1);
  });

  it('confirmed: gone from the list, said, fired, and its mailbox ended in Exact Online', async () => {
    const element = mount();
    await toDone(element);
    await press(element, 'Naar het overzicht');
    await waitForText(element, '2 actieve koppelingen');
    const events: AutopilotDisconnectedEvent[] = [];
    element.addEventListener('autopilot-disconnected', (event) => events.push(event));
    const before = backend().simulator.counters().apiCalls['DELETE mailbox/Mailboxes'] ?? 0;
    const card = Array.from(element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="connection"]')).find((item) => item.textContent!.includes('eLien test company →'))!;
    await press(card as never, 'Verbinding verbreken');
    await waitForText(element, 'Verbinding tussen eLien test company en eLien test company in Exact Online verbreken?');
    await press(element, 'Ja, verbinding verbreken');
    await waitForText(element, 'De verbinding tussen eLien test company en eLien test company is verbroken.');
    await waitForText(element, '1 actieve koppeling');
    expect(visibleText(element)).to.not.include('eLien test company → eLien test company');
    expect(events.map((event) => event.connection.organisation.name)).to.deep.equal(['eLien test company']);
    expect((await listedConnections()).map((connection) => (connection.organisation as { name: string }).name)).to.deep.equal(['Bakkerij de Gouden Korst']);
    expect(backend().simulator.counters().apiCalls['DELETE mailbox/Mailboxes'] ?? 0, 'the Digitale Brievenbus ended').to.equal(before + 1);
  });

  it('a failure says why and offers a retry and a way back; the retry removes it', async () => {
    const element = mount();
    await toConnections(element);
    backend().injectFailure({ operation: 'deleteConnection', kind: { status: 503, code: 'exact_unavailable' } });
    await press(element, 'Verbinding verbreken');
    await press(element, 'Ja, verbinding verbreken');
    await waitFor(() => element.shadowRoot!.querySelector('[data-alert]'), { message: 'the failure shown' });
    expect(visibleText(element)).to.include(question);
    await press(element, 'Opnieuw proberen');
    await waitForText(element, 'De verbinding tussen Bakkerij de Gouden Korst en Bakkerij de Gouden Korst B.V. is verbroken.');
    expect(await listedConnections()).to.have.length(0);
  });
});
