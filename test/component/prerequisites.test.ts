/**
 * The overview's checklist of the help article's prerequisites and its migration note, as the
 * reference backend answers them on the mock scenarios: what a user reads, when `New Connection`
 * is held back, where the contact link leads, and the redelivery's date at the start of the gap.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { messages } from '../../src/i18n/messages.js';
import { legacyEndedAt } from '../../src/mocks/seed-data.js';
import {
  deepActiveElement,
  findButton,
  isDisabled,
  mount,
  press,
  toConnections,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  afterItsTurn,
  pointerClick,
  option,
  toAdministration,
  type ConnectElement,
} from './support.js';

const nl = messages();
const shadow = (element: ConnectElement) => element.shadowRoot!;
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
/** Each item as read: its state, the prerequisite, what to do (the mark beside it is decoration). */
const items = (element: ConnectElement) => Array.from(shadow(element).querySelectorAll('.checklist li > span:last-child')).map(text);
const contactLink = (element: ConnectElement) => findButton(element, 'Contact opnemen met eConnect') as HTMLAnchorElement | null;

/**
 * The status as another backend would answer it (older, or newer): the reference backend's answer
 * through `change`. The ApiClient reads `globalThis.fetch` at call time. Answers the restore.
 */
function rewriteStatus(change: (status: Record<string, unknown>) => Record<string, unknown>): () => void {
  const original = window.fetch;
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = await original.call(window, input, init);
    if (!new URL(new Request(input, init).url).pathname.endsWith('/status') || !answer.ok) return answer;
    return new Response(JSON.stringify(change(await answer.json())), { status: answer.status, headers: answer.headers });
  }) as typeof window.fetch;
  return () => (window.fetch = original);
}

/** The element's controls a Tab reaches, in document order. */
const tabbable = (element: ConnectElement) =>
  Array.from(shadow(element).querySelectorAll<HTMLElement>('summary, a[href], button, input')).filter((control) => control.tabIndex >= 0 && control.getClientRects().length > 0);

describe('<autopilot-connect> overview: the prerequisites and the migration note', () => {
  useMockBackend();

  it('all met: one calm line "Alles klaar om te koppelen" that opens to the list, reached by keyboard before New Connection', async () => {
    const element = mount('ready');
    await toConnections(element);
    const details = shadow(element).querySelector('details')!;
    const summary = details.querySelector('summary')!;
    expect(text(summary)).to.equal('Alles klaar om te koppelen');
    expect(details.open, 'collapsed at first').to.equal(false);
    expect(details.querySelector('ul')!.checkVisibility(), 'the list is not shown while collapsed').to.equal(false);
    // By keyboard: from the heading, Tab reaches the line, Enter opens it, the next Tab is New Connection.
    shadow(element).querySelector<HTMLElement>('[data-step-heading]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement(), 'Tab from the heading').to.equal(summary);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => details.open && details.querySelector('ul')!.checkVisibility(), { message: 'the list opened' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(findButton(element, 'New Connection'));
    expect(items(element)).to.deep.equal([
      'In orde: Je verwerkt alleen de Postvak In (inkoop)facturen met eConnect.',
      'In orde: Bestaande verbindingen via exactonline.everbinding.nl zijn verbroken.',
      'In orde: Je hebt toegang tot alle organisaties in het platform.',
      `Niet bekend: Je hebt toegang tot de juiste administraties in Exact Online. ${nl.prerequisiteUnknown_administration_access}`,
    ]);
    expect(visibleText(element)).to.not.include('administraties zijn nog gekoppeld');
    expect(isDisabled(findButton(element, 'New Connection')!)).to.equal(false);
  });

  it('not met but not blocking: the list is shown, each unmet item with its fix and the organisations by name; New Connection still starts the flow', async () => {
    const element = mount('default');
    await toConnections(element);
    expect(shadow(element).querySelector('details'), 'not folded away').to.equal(null);
    expect(text(shadow(element).querySelector('.prerequisites h3'))).to.equal('Let op voordat je koppelt');
    expect(items(element)).to.deep.equal([
      'Niet in orde: Je verwerkt alleen de Postvak In (inkoop)facturen met eConnect. Verwerk alleen Postvak In-facturen met eConnect voor: Transportbedrijf Bakker Logistiek',
      'Niet in orde: Bestaande verbindingen via exactonline.everbinding.nl zijn verbroken. Verbreek eerst de oude verbinding van: Installatiebedrijf Jansen & Zn.',
      'Niet in orde: Je hebt toegang tot alle organisaties in het platform. Vraag de beheerder van je eConnect-account om toegang tot: Groothandel Noordzee Vis B.V.',
      `Niet bekend: Je hebt toegang tot de juiste administraties in Exact Online. ${nl.prerequisiteUnknown_administration_access}`,
    ]);
    // One old connection: breaking it is the checklist's item; the note is for several.
    const shown = visibleText(element);
    expect(shown).to.not.include('administraties zijn nog gekoppeld');
    expect(shown).to.not.include(nl.newConnectionBlocked);
    const start = findButton(element, 'New Connection')!;
    expect(isDisabled(start)).to.equal(false);
    await press(element, 'New Connection');
    await waitForHeading(element, 'Kies de organisatie');
  });

  it('blocking: New Connection is disabled and says why, pressing it does nothing; the migration note names the 9 administrations', async () => {
    const element = mount('blocked');
    await toConnections(element);
    expect(text(shadow(element).querySelector('.prerequisites h3'))).to.equal('Nog niet klaar om te koppelen');
    await waitForText(element, 'New Connection kan pas als de voorwaarden hierboven in orde zijn.');
    await waitForText(element, 'Verbreek eerst de oude verbinding van: Architectenbureau De Vries, Café ’t Pleintje, Drukkerij Van der Meer, eLien test company, Fietsenmakerij Van Dijk en 4 andere');
    const start = findButton(element, 'New Connection')!;
    expect(start.getAttribute('aria-disabled')).to.equal('true');
    pointerClick(start);
    await afterItsTurn(element);
    await afterItsTurn(element);
    expect(text(shadow(element).querySelector('[data-step-heading]'))).to.equal('Actieve koppelingen');
    await waitForText(element, '9 administraties zijn nog gekoppeld via exactonline.everbinding.nl');
  });

  it('several old connections: the migration note with both ways and the default contact link', async () => {
    const element = mount('legacy');
    await toConnections(element);
    const note = shadow(element).querySelector('.migration')!;
    expect(text(note.querySelector('h3'))).to.equal('4 administraties zijn nog gekoppeld via exactonline.everbinding.nl');
    expect(Array.from(note.querySelectorAll('li')).map(text)).to.deep.equal([
      nl.migrationAllAtOnce,
      `Laat de koppeling overnemen door een andere gebruiker in Exact Online dan waarmee de oude verbinding is gemaakt: kies bij het inloggen ${nl.loginAsOther}.`,
    ]);
    expect(text(note)).to.include('Vragen over het overzetten? Neem contact op met eConnect.');
    expect(text(note)).to.not.include(nl.migrationMany);
    const link = contactLink(element)!;
    expect(link.getAttribute('href')).to.equal('https://www.econnect.eu/contact');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(tabbable(element)).to.include(link);
  });

  it('more than 20 old connections: contact eConnect, at the address the host sets with contact-url', async () => {
    const element = mount('many');
    element.setAttribute('contact-url', 'https://platform.example/support');
    await toConnections(element);
    await waitForText(element, 'Meer dan 20 administraties? Neem contact op met eConnect voor een passende oplossing.', 8000);
    expect(text(shadow(element).querySelector('.migration h3'))).to.match(/^\d+ administraties zijn nog gekoppeld via exactonline\.everbinding\.nl$/);
    const count = Number(text(shadow(element).querySelector('.migration h3')).split(' ')[0]);
    expect(count).to.be.greaterThan(20);
    expect(contactLink(element)!.getAttribute('href')).to.equal('https://platform.example/support');
    expect(element.contactUrl).to.equal('https://platform.example/support');
  });

  it('the Geavanceerde flow\'s way to eConnect follows contact-url too', async () => {
    const element = mount('default');
    element.contactUrl = 'https://platform.example/support';
    await toAdministration(element);
    pointerClick(option(element, 'eLien test company'));
    const advanced = Array.from(shadow(element).querySelectorAll<HTMLInputElement>('input[type="radio"]')).find((input) => input.value === 'advanced')!;
    pointerClick(advanced);
    const contact = await waitFor(() => contactLink(element), { message: 'the way to eConnect' });
    expect(contact.getAttribute('href')).to.equal('https://platform.example/support');
    expect(element.getAttribute('contact-url'), 'a property, not reflected').to.equal(null);
  });

  it('an older backend without prerequisites: the article\'s four, folded, none claimed; no note; New Connection works', async () => {
    const restore = rewriteStatus(({ prerequisites: _p, legacyConnections: _l, ...older }) => older);
    try {
      const element = mount('blocked');
      await toConnections(element);
      const summary = shadow(element).querySelector('details summary');
      expect(text(summary)).to.equal('Voorwaarden om te koppelen');
      expect(items(element).map((item) => item.split(':')[0])).to.deep.equal(['Niet bekend', 'Niet bekend', 'Niet bekend', 'Niet bekend']);
      expect(visibleText(element)).to.not.include('administraties zijn nog gekoppeld');
      expect(isDisabled(findButton(element, 'New Connection')!)).to.equal(false);
    } finally {
      restore();
    }
  });

  it('counts what the names leave out, and leaves out a code it does not know', async () => {
    const restore = rewriteStatus((status) => ({
      ...status,
      prerequisites: [
        { code: 'postvak_in_only', state: 'not_met', blocks: false, organisationCount: 6 },
        { code: 'organisation_access', state: 'not_met', blocks: false, organisationCount: 2, organisationNames: ['Kapsalon Knip & Krul'] },
        { code: 'a_newer_code', state: 'not_met', blocks: true },
      ],
    }));
    try {
      const element = mount('default');
      await toConnections(element);
      expect(items(element)).to.deep.equal([
        'Niet in orde: Je verwerkt alleen de Postvak In (inkoop)facturen met eConnect. Verwerk alleen Postvak In-facturen met eConnect voor: 6 organisaties',
        'Niet in orde: Je hebt toegang tot alle organisaties in het platform. Vraag de beheerder van je eConnect-account om toegang tot: Kapsalon Knip & Krul en 1 andere',
      ]);
      // What it cannot explain does not hold New Connection back.
      expect(isDisabled(findButton(element, 'New Connection')!)).to.equal(false);
    } finally {
      restore();
    }
  });

  it('in English: the line, the note and the fix', async () => {
    const element = mount('legacy', { locale: 'en' });
    await waitForHeading(element, 'Active connections');
    await waitForText(element, 'Check this before you connect');
    await waitForText(element, '4 administrations are still connected via exactonline.everbinding.nl');
    await waitForText(element, 'First break the old connection of: Adviesbureau De Boer B.V., Installatiebedrijf Jansen & Zn., Loodgietersbedrijf Visser, Schildersbedrijf Smit & Zn.');
  });

  it('redelivery starts at the day the old connection ended, when the backend knows it', async () => {
    const element = mount('legacy');
    await toConnections(element);
    await press(element, 'API-download opnieuw aanbieden');
    await waitForHeading(element, 'API-download opnieuw aanbieden');
    const date = shadow(element).querySelector<HTMLInputElement>('input[name="from"]')!;
    // The field writes the date as Dutch does (dd-mm-jjjj).
    const [year, month, day] = legacyEndedAt.split('-');
    expect(date.value, 'the old connection ended a week before the new one').to.equal(`${day}-${month}-${year}`);
    expect(legacyEndedAt).to.not.equal('2025-03-03');
  });
});
