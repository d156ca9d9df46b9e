import { expect } from '@esm-bundle/chai';
import { backend, findButton, mount, press, useMockBackend, visibleText, waitFor, waitForHeading } from './support.js';

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

  it('`Opnieuw controleren` asks the backend again and stays while it is still missing', async () => {
    const element = mount('not-installed');
    await waitForHeading(element, 'De Autopilot staat nog niet in je account');
    const platform = backend('not-installed').platform;
    let checks = 0;
    const status = platform.status.bind(platform);
    platform.status = () => {
      checks++;
      return status();
    };
    await press(element, 'Opnieuw controleren');
    await waitFor(() => checks === 1, { message: 'a second status call' });
    await waitForHeading(element, 'De Autopilot staat nog niet in je account');
    await waitFor(() => findButton(element, 'Opnieuw controleren'), { message: 'the button again' });
  });

  it('`Opnieuw controleren` goes on to the connections once the app was added', async () => {
    const element = mount('not-installed');
    await waitForHeading(element, 'De Autopilot staat nog niet in je account');
    backend('not-installed').platform.autopilotInstalled = true;
    await press(element, 'Opnieuw controleren');
    await waitForHeading(element, 'Actieve verbindingen');
    await waitFor(() => findButton(element, 'New Connection'), { message: 'New Connection' });
  });
});
