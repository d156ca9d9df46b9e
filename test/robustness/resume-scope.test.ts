/**
 * Several elements on one page: each keeps its own resume record, so a flow in one element is
 * never picked up by another one on the same api-base — wherever the other sits (the page or a
 * component's shadow root), in whatever order it was added, whatever tag it was defined under.
 * A move keeps an element's record; a removal for good gives it up, as a reload would.
 */
import { expect } from '@esm-bundle/chai';
import { AutopilotConnect } from '../../src/autopilot-connect.js';
import { nl, option, pause, toAdministration, toConnections, useRobustBackend, waitFor, waitForHeading, type ConnectElement } from './support.js';

const apiBase = '/mock/default/api';
/** A host that defines the class under its own tag (as a second copy or a wrapper would). */
customElements.define('host-autopilot-connect', class extends AutopilotConnect {});

describe('which resume record an element keeps', () => {
  useRobustBackend();
  const placed: Element[] = [];
  afterEach(async () => {
    placed.splice(0).forEach((node) => node.remove());
    await pause(0); // their flows stop and give up their records
  });

  /** A new element on the mock backend, put where `put` puts it. */
  const create = (put: (element: ConnectElement) => void, { tag = 'autopilot-connect', id = '' } = {}) => {
    const element = document.createElement(tag) as ConnectElement;
    element.setAttribute('api-base', apiBase);
    if (id) element.id = id;
    put(element);
    placed.push(element);
    return element;
  };
  const inBody = (element: Element) => document.body.append(element);

  /** `first` is at `Selecteer afdeling` (its record kept); `second` must start its own flow. */
  const startsItsOwnFlow = async (second: ConnectElement) => {
    await toConnections(second);
    expect(second.shadowRoot?.textContent, 'not the other element’s flow').to.not.include('eLien test company');
  };

  it('an element in a component’s shadow root does not take the flow of one in the page', async () => {
    const first = create(inBody);
    await toAdministration(first);
    const component = create((host) => inBody(host), { tag: 'div' }) as HTMLElement;
    const root = component.attachShadow({ mode: 'open' });
    const second = create((element) => root.append(element));
    await startsItsOwnFlow(second);
    await waitForHeading(first, nl.administrationHeading);
  });

  it('an element inserted before a running one does not take its flow', async () => {
    const first = create(inBody);
    await toAdministration(first);
    const second = create((element) => first.before(element));
    await startsItsOwnFlow(second);
  });

  it('holds for an element defined under another tag', async () => {
    const first = create(inBody, { tag: 'host-autopilot-connect' });
    await toAdministration(first);
    const second = create(inBody, { tag: 'host-autopilot-connect' });
    await startsItsOwnFlow(second);
  });

  it('a moved element keeps its record; removed for good, it gives it up to the next element, as a reload would', async () => {
    const first = create(inBody);
    await toAdministration(first);
    const box = create(inBody, { tag: 'div' });
    box.append(first); // a framework re-parenting it
    await pause(20);
    const second = create(inBody);
    await startsItsOwnFlow(second);
    first.remove();
    await pause(20); // past the task in which it could have been put back
    const third = create(inBody);
    await waitForHeading(third, nl.administrationHeading);
    await waitFor(() => option(third, 'eLien test company'), { message: 'the first element’s administrations, resumed' });
  });

  it('an id names the record, whatever the order the elements start in', async () => {
    const first = create(inBody, { id: 'elien' });
    await toAdministration(first);
    first.remove();
    await pause(20);
    const other = create(inBody, { id: 'other' });
    const same = create(inBody, { id: 'elien' });
    await waitForHeading(same, nl.administrationHeading);
    await startsItsOwnFlow(other);
  });
});
