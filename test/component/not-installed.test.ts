import { expect } from '@esm-bundle/chai';
import { afterItsTurn, backend, findButton, heading, installFakeClock, mount, press, useMockBackend, visibleText, waitFor, waitForHeading } from './support.js';

describe('<autopilot-connect> step: not installed', () => {
  useMockBackend();

  it('explains that the Autopilot must be added from the App Winkel', async () => {
    const element = mount('not-installed');
    await waitForHeading(element, 'De Autopilot staat nog niet in je account');
    const text = visibleText(element);
    expect(text).to.include(
      'Klik in de paarse balk op App Winkel en voeg daar met de 3 puntjes aan de rechterkant de Autopilot aan je account toe.',
    );
    const link = findButton(element, 'Naar de App Winkel') as HTMLAnchorElement | null;
    expect(link, 'link to the App Winkel').to.not.equal(null);
    expect(link!.href).to.equal('https://app.econnect.eu/app-winkel');
    expect(findButton(element, 'Opnieuw controleren')).to.not.equal(null);
    expect(findButton(element, 'New Connection')).to.equal(null);
  });

  it('`Opnieuw controleren` asks the backend again (loading until it answers) and stays while it is still missing', async () => {
    const element = mount('not-installed');
    await waitForHeading(element, 'De Autopilot staat nog niet in je account');
    // The backend's next answer about the status takes 1 s, on the simulated clock.
    const mock = backend('not-installed');
    mock.injectFailure({ operation: 'getStatus', kind: { delayMs: 1000 } });
    const clock = installFakeClock();
    await press(element, 'Opnieuw controleren');
    await waitFor(() => visibleText(element).includes('Bezig met laden…'), { message: 'loading while the backend is asked' });
    expect(heading(element)).to.equal('Actieve koppelingen');
    // The question reached the backend (it took the delay), which now waits for the clock.
    await waitFor(() => mock.pendingFailures().length === 0, { message: 'the backend asked' });
    await clock.tickAsync(999);
    await afterItsTurn(element);
    expect(visibleText(element), 'still waiting for the answer').to.include('Bezig met laden…');
    await clock.tickAsync(1);
    await waitForHeading(element, 'De Autopilot staat nog niet in je account');
    await waitFor(() => findButton(element, 'Opnieuw controleren'), { message: 'the button again' });
    expect(visibleText(element)).to.not.include('Bezig met laden…');
  });

  it('`Opnieuw controleren` goes on to the connections once the app was added', async () => {
    const element = mount('not-installed');
    await waitForHeading(element, 'De Autopilot staat nog niet in je account');
    backend('not-installed').setAutopilotInstalled(true);
    await press(element, 'Opnieuw controleren');
    await waitForHeading(element, 'Actieve koppelingen');
    await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
  });
});
