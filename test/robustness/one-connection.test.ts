/**
 * 5. Exactly one connection: a double click on `Afronden`, and a lost answer followed by
 * `Opnieuw proberen`, each make one connection (the retry reuses the Idempotency-Key).
 */
import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';

const nl = messages();
import { divisionCodes, organisationIds } from '../../src/mocks/index.js';
import {
  backend,
  button,
  isDisabled,
  mount,
  option,
  afterItsTurn,
  pointerClick,
  press,
  recordFetches,
  toAdministration,
  useRobustBackend,
  waitFor,
  waitForAlert,
  waitForHeading,
  expectExplained,
  findButton,
  type ConnectElement,
} from './support.js';

const connectionsOfElien = async () => {
  const inBackend = (await backend().connections()).filter((connection) => connection.organisation_id === organisationIds.elien);
  const overHttp = ((await (await fetch('/mock/default/api/connections')).json()) as { items: Array<{ organisation: { id: string } }> }).items.filter(
    (connection) => connection.organisation.id === organisationIds.elien,
  );
  return { inBackend, overHttp };
};

describe('robustness 5: exactly one connection', () => {
  useRobustBackend();
  let fetches: ReturnType<typeof recordFetches> | null = null;
  afterEach(() => {
    fetches?.restore();
    fetches = null;
  });

  async function readyToFinish(element: ConnectElement): Promise<HTMLElement> {
    await toAdministration(element);
    pointerClick(option(element, 'eLien test company'));
    const finish = button(element, 'Afronden');
    await waitFor(() => !isDisabled(finish), { message: 'Afronden enabled' });
    return finish;
  }

  it('a double click on `Afronden` creates one connection', async () => {
    const element = mount();
    const connected: unknown[] = [];
    element.addEventListener('autopilot-connected', (event) => connected.push(event.connection));
    const finish = await readyToFinish(element);
    fetches = recordFetches();
    // Two clicks in a row, before the element re-renders, and the dblclick that follows them.
    pointerClick(finish);
    pointerClick(finish);
    finish.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await waitForHeading(element, nl.doneHeading);
    // A second POST would have been sent from its click: everything sent has been answered now.
    await waitFor(() => fetches!.requests.every((request) => request.answered), { message: 'every request answered' });
    await afterItsTurn(element);
    expect(fetches.count('POST', /\/api\/connections$/), 'one POST /connections').to.equal(1);
    const { inBackend, overHttp } = await connectionsOfElien();
    expect(inBackend, 'one connection in the backend').to.have.length(1);
    expect(overHttp, 'one connection in GET /connections').to.have.length(1);
    expect(inBackend[0]!.division_code).to.equal(divisionCodes.elien);
    expect(connected, 'autopilot-connected once').to.have.length(1);
  });

  it("'after-commit-network' on createConnection, then `Opnieuw proberen` (pressed twice): one connection and the done view", async () => {
    const element = mount();
    const connected: unknown[] = [];
    element.addEventListener('autopilot-connected', (event) => connected.push(event.connection));
    const finish = await readyToFinish(element);
    backend().injectFailure({ operation: 'createConnection', kind: 'after-commit-network' });
    fetches = recordFetches();
    pointerClick(finish);
    await waitForAlert(element, nl.error_network);
    expectExplained(element, nl.error_network);
    expect((await connectionsOfElien()).inBackend, 'the backend did make it').to.have.length(1);

    const retry = findButton(element, 'Opnieuw proberen')!;
    pointerClick(retry);
    pointerClick(retry);
    await waitForHeading(element, nl.doneHeading);
    await waitFor(() => fetches!.requests.every((request) => request.answered), { message: 'every request answered' });
    await afterItsTurn(element);
    const posts = fetches.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/api/connections'));
    expect(posts, 'the first try and one retry').to.have.length(2);
    expect(posts[1]!.headers.get('Idempotency-Key'), 'the retry reuses the key').to.equal(posts[0]!.headers.get('Idempotency-Key'));
    const { inBackend, overHttp } = await connectionsOfElien();
    expect(inBackend, 'one connection in the backend').to.have.length(1);
    expect(overHttp, 'one connection in GET /connections').to.have.length(1);
    expect(connected, 'autopilot-connected once').to.have.length(1);
    await press(element, 'Naar het overzicht');
    await waitForHeading(element, nl.connectionsHeading);
  });
});
