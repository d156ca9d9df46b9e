import { expect } from '@esm-bundle/chai';
import { afterItsTurn, backend, deepActiveElement, findButton, heading, installFakeClock, mount, useMockBackend, visibleText, waitFor, waitForHeading } from './support.js';

describe('<autopilot-connect> step: checking status', () => {
  useMockBackend();

  it('shows a progress indicator while the backend is asked, then the connections', async () => {
    // Status and connections each take 2.5 s in the slow scenario, on the simulated clock.
    const clock = installFakeClock();
    const element = mount('slow');
    await element.updateComplete;
    const progress = await waitFor(() => element.shadowRoot?.querySelector('[role="status"]'), { message: 'progress indicator' });
    expect(progress.textContent?.trim()).to.equal('Bezig met laden…');
    // The overview's heading over the shape of its cards: the bar's title is not said twice.
    expect(heading(element)).to.equal('Actieve koppelingen');
    expect(element.shadowRoot!.querySelector('h1')?.textContent).to.equal('Autopilot – Exact Online');
    expect(element.shadowRoot!.querySelectorAll('[data-skeleton="cards"] .skeleton-card').length, 'two card shapes').to.equal(2);
    expect(visibleText(element)).to.not.include('New Connection');
    await waitFor(() => clock.nextIn === 2500, { message: 'the backend holding the status for 2.5 s' });
    await clock.tickAsync(2499);
    await afterItsTurn(element);
    expect(element.shadowRoot!.querySelector('[data-skeleton]'), 'still asking at 2.499 s').to.not.equal(null);
    expect(findButton(element, 'New Connection'), 'no New Connection at 2.499 s').to.equal(null);
    await clock.tickAsync(1);
    // The status carries the connections (one round trip): the overview is there with its first
    // render, without a second wait.
    await waitForHeading(element, 'Actieve koppelingen');
    expect(findButton(element, 'New Connection'), 'New Connection at once').to.not.equal(null);
    expect(visibleText(element)).to.not.include('Bezig met laden…');
    expect(visibleText(element)).to.include('1 actieve koppeling');
  });

  it('asks for the connections when the status omits them (a backend without the one round trip)', async () => {
    const clock = installFakeClock();
    backend('slow').statusCarriesConnections = false;
    const element = mount('slow');
    await waitFor(() => clock.nextIn === 2500, { message: 'the backend holding the status for 2.5 s' });
    await clock.tickAsync(2500);
    // The list loads with the shape of its cards too.
    await waitFor(() => heading(element) === 'Actieve koppelingen' && element.shadowRoot!.querySelector('[data-skeleton="cards"]'), { message: 'the cards loading' });
    expect(element.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim()).to.equal('Bezig met laden…');
    await waitFor(() => clock.nextIn === 2500, { message: 'the backend holding the connections for 2.5 s' });
    await clock.tickAsync(2500);
    await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
    expect(visibleText(element)).to.not.include('Bezig met laden…');
    expect(visibleText(element)).to.include('1 actieve koppeling');
  });

  it('does not steal focus when it loads', async () => {
    const outside = document.createElement('button');
    outside.textContent = 'host page button';
    document.body.append(outside);
    outside.focus();
    try {
      const element = mount();
      await waitForHeading(element, 'Actieve koppelingen');
      expect(deepActiveElement()).to.equal(outside);
    } finally {
      outside.remove();
    }
  });

  it('has no step indicator before the flow starts', async () => {
    const element = mount();
    await waitForHeading(element, 'Actieve koppelingen');
    expect(visibleText(element)).to.not.match(/Stap \d van/);
  });

  it('a resume record for an authorization the backend does not know starts afresh at the connections', async () => {
    sessionStorage.setItem(
      'autopilot-connect:resume:/mock/default/api',
      JSON.stringify({
        organisation: { id: 'org_0001', name: 'eLien test company', kvk: null, connectionId: null, blockers: [] },
        authorizationId: 'auth_unknown_to_the_backend',
        administration: null,
        bookingFlow: 'simple',
        idempotencyKey: null,
      }),
    );
    const element = mount();
    await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
    expect(heading(element)).to.equal('Actieve koppelingen');
    expect(element.shadowRoot!.querySelector('[data-alert]')).to.equal(null);
  });
});
