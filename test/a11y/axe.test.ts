import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';
import {
  backend,
  button,
  findButton,
  isDisabled,
  listbox,
  option,
  pointerClick,
  press,
  toConnections,
  toDone,
  toOrganisation,
  toSystem,
  typeSearch,
  waitFor,
  waitForHeading,
  waitForText,
  type ConnectElement,
} from '../component/support.js';
import { startMockWorker } from '../../src/mocks/index.js';
import { accessibilityState as state, alertShown, axeViolations, mountWith, settle } from './support.js';

const nl = messages();

/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA), focus indicators, 24×24 targets and reflow in every
 * step and every error state of the flow, reached the way a user does on the mock scenarios.
 */
describe('<autopilot-connect> accessibility in every state', function () {
  this.timeout(30000);
  before(async () => {
    await startMockWorker();
  });


  it('the checks catch a failure of each level: a nameless button (A), low contrast (AA), 2.2 AA small targets in a shadow root', async () => {
    expect((window as unknown as { axe?: { version: string } }).axe?.version).to.match(/^4\.14\./);
    const host = document.createElement('div');
    document.body.append(host);
    try {
      host.attachShadow({ mode: 'open' }).innerHTML = `
        <p style="color:#b0b0b0;background:#fff;font-size:14px">Te licht om te lezen</p>
        <button style="width:40px;height:40px"></button>
        <div style="display:flex"><button aria-label="een" style="width:10px;height:10px;padding:0;border:0;margin:0"></button><button aria-label="twee" style="width:10px;height:10px;padding:0;border:0;margin:0"></button></div>`;
      const found = (await axeViolations(host)).map((violation) => violation.split(' ')[0]);
      expect(found).to.include.members(['button-name', 'color-contrast', 'target-size']);
    } finally {
      host.remove();
    }
  });

  describe('status', () => {
    state('checking status (slow)', async () => {
      const element = mountWith('slow');
      await waitForText(element, nl.loading);
      return element;
    });

    state('status failed', async () => {
      const element = mountWith('errors');
      await alertShown(element);
      return element;
    });

    state('not installed', async () => {
      const element = mountWith('not-installed');
      await waitForHeading(element, 'De Autopilot staat nog niet in je account');
      await waitFor(() => findButton(element, 'Naar de App Winkel'));
      return element;
    });

    state('resuming failed', async () => {
      sessionStorage.setItem(
        'autopilot-connect:resume:/mock/default/api',
        JSON.stringify({
          organisation: { id: 'org-x', name: 'eLien test company', blockers: [] },
          authorizationId: 'auth-unknown',
          administration: null,
          bookingFlow: 'simple',
          idempotencyKey: null,
        }),
      );
      backend('default').injectFailure({ operation: 'getAuthorization', kind: { status: 500 } });
      const element = mountWith('default');
      await alertShown(element);
      await waitFor(() => findButton(element, 'Opnieuw proberen'));
      return element;
    });
  });

  describe('connections', () => {
    state('connections', async () => {
      const element = mountWith('default');
      await toConnections(element);
      return element;
    });

    state('connections empty', async () => {
      const element = mountWith('empty');
      await waitForText(element, 'Er zijn nog geen actieve koppelingen.');
      return element;
    });

    state('connections: prerequisites all met (collapsed)', async () => {
      const element = mountWith('ready');
      await waitForText(element, nl.prerequisitesReady);
      return element;
    });

    state('connections: prerequisites all met (opened)', async () => {
      const element = mountWith('ready');
      await waitForText(element, nl.prerequisitesReady);
      element.shadowRoot!.querySelector('details')!.open = true;
      return element;
    });

    state('connections: prerequisites not met, blocking, with the migration note', async () => {
      const element = mountWith('blocked');
      await waitForText(element, nl.prerequisitesBlocking);
      await waitForText(element, nl.newConnectionBlocked);
      return element;
    });

    state('connections: the migration note above 20 administrations', async () => {
      const element = mountWith('many');
      await waitForText(element, nl.migrationMany);
      return element;
    });

    state('connections failed', async () => {
      // The status carries the connections (one round trip); a backend whose status does not has
      // them fetched, and that request fails here.
      backend('default').statusCarriesConnections = false;
      backend('default').injectFailure({ operation: 'listConnections', kind: { status: 500 } });
      const element = mountWith('default');
      await waitForHeading(element, 'Actieve koppelingen');
      await alertShown(element);
      return element;
    });
  });

  describe('organisation', () => {
    state('organisation ready', async () => {
      const element = mountWith('default');
      await toOrganisation(element);
      return element;
    });

    state('organisation with a selection', async () => {
      const element = mountWith('default');
      await toOrganisation(element);
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => !isDisabled(button(element, 'Bevestigen')));
      return element;
    });

    state('organisation search with no results', async () => {
      const element = mountWith('default');
      await toOrganisation(element);
      typeSearch(element, 'zzzz-nothing-matches');
      await waitFor(() => listbox(element).querySelector('.empty')?.textContent?.trim(), { message: 'the empty text' });
      return element;
    });

    state('organisation with many (load more)', async () => {
      const element = mountWith('many');
      await toOrganisation(element);
      await waitFor(() => listbox(element).querySelector('button.more'), { message: 'load more' });
      return element;
    });

    state('organisation failed', async () => {
      const element = mountWith('default');
      await toConnections(element);
      backend('default').injectFailure({ operation: 'listOrganisations', kind: { status: 500 } });
      await press(element, 'New Connection');
      await waitForHeading(element, 'Kies de organisatie');
      await alertShown(element);
      return element;
    });
  });

  state('system', async () => {
    const element = mountWith('default');
    await toSystem(element);
    return element;
  });

  state('done', async () => {
    const element = mountWith('default');
    await toDone(element);
    return element;
  });

  describe('redelivery', () => {
    const toRedelivery = async (element: ConnectElement) => {
      await toConnections(element);
      await press(element, 'API-download opnieuw aanbieden');
      await waitForHeading(element, 'API-download opnieuw aanbieden');
      await settle(element);
    };

    state('redelivery editing', async () => {
      const element = mountWith('default');
      await toRedelivery(element);
      return element;
    });

    state('redelivery editing, an unreadable date said', async () => {
      const element = mountWith('default');
      await toRedelivery(element);
      const date = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="from"]')!;
      date.value = '31-02-2025';
      await press(element, 'Opnieuw aanbieden');
      await waitForText(element, 'Deze datum kunnen we niet lezen.');
      return element;
    });

    state('redelivery confirming (the count and the question)', async () => {
      const element = mountWith('default');
      await toRedelivery(element);
      await press(element, 'Opnieuw aanbieden');
      await waitForText(element, 'Weet je het zeker?');
      return element;
    });

    state('redelivery submitted', async () => {
      const element = mountWith('default');
      await toRedelivery(element);
      await press(element, 'Opnieuw aanbieden');
      await press(element, 'Ja, opnieuw aanbieden');
      await waitFor(() => findButton(element, 'Naar het overzicht'), { message: 'the redelivery sent' });
      return element;
    });

    state('redelivery failed', async () => {
      const element = mountWith('default');
      await toRedelivery(element);
      backend('default').injectFailure({ operation: 'createRedelivery', kind: { status: 500 } });
      await press(element, 'Opnieuw aanbieden');
      await press(element, 'Ja, opnieuw aanbieden');
      await alertShown(element);
      return element;
    });
  });

  describe('disconnecting', () => {
    state('disconnect confirmation', async () => {
      const element = mountWith('default');
      await toConnections(element);
      await press(element, 'Verbinding verbreken');
      await waitForText(element, 'Nieuwe facturen uit Postvak In komen dan niet meer in Exact Online aan.');
      return element;
    });

    state('disconnect failed', async () => {
      const element = mountWith('default');
      await toConnections(element);
      backend('default').injectFailure({ operation: 'deleteConnection', kind: { status: 500 } });
      await press(element, 'Verbinding verbreken');
      await press(element, 'Ja, verbinding verbreken');
      await alertShown(element);
      return element;
    });

    state('disconnected', async () => {
      const element = mountWith('default');
      await toConnections(element);
      await press(element, 'Verbinding verbreken');
      await press(element, 'Ja, verbinding verbreken');
      await waitForText(element, 'is verbroken.');
      return element;
    });
  });
});
