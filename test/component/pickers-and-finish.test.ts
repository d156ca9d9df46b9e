/**
 * Issue 13, points 6 (the date field), 7 (one button per intent after `Afronden`) and 8 (the
 * suggested administration), as a user sees them: what the rows, the buttons and the date field say.
 */
import { expect } from '@esm-bundle/chai';
import { messages } from '../../src/i18n/messages.js';
import {
  backend,
  button,
  completeExactLogin,
  findButton,
  isDisabled,
  listbox,
  mount,
  option,
  pointerClick,
  press,
  recordFetches,
  reportLogin,
  stubWindowOpen,
  toAdministration,
  toConnections,
  toOrganisation,
  typeSearch,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  waitUntil,
  type ConnectElement,
} from './support.js';

const nl = messages();

/** The rows of the administrations list, top down: the label, and the mark when there is one. */
const rows = (element: ConnectElement) =>
  Array.from(listbox(element).querySelectorAll('[role="option"]')).map((row) => ({
    label: row.querySelector('.label')?.textContent?.trim() ?? '',
    badge: row.querySelector('.badge')?.textContent?.trim() ?? null,
    selected: row.getAttribute('aria-selected') === 'true',
  }));

/** To `Selecteer afdeling` for an organisation found by a search (in `many` it is not on the first page). */
async function toAdministrationFor(element: ConnectElement, organisation: string): Promise<void> {
  await toOrganisation(element);
  typeSearch(element, organisation);
  pointerClick(await waitFor(() => (rows(element).length <= 3 ? option(element, organisation) : null), { message: organisation }));
  await waitFor(() => !isDisabled(button(element, 'Bevestigen')), { message: 'Bevestigen enabled' });
  await press(element, 'Bevestigen');
  await press(element, 'Exact Online');
  await waitForHeading(element, 'Inloggen bij Exact Online');
  const popup = stubWindowOpen();
  try {
    await press(element, 'Open');
    reportLogin(await completeExactLogin(popup.calls[0]!.url));
    await press(element, 'Ga door');
  } finally {
    popup.restore();
  }
  await waitForHeading(element, 'Selecteer afdeling');
  await waitFor(() => listbox(element).querySelector('[role="option"]'), { message: 'administrations listed' });
}

describe('<autopilot-connect> pickers and finish', () => {
  useMockBackend();

  describe('the suggested administration', () => {
    it('offers the administration with eLien\'s KvK number first, marked, once, and not chosen', async () => {
      const element = mount();
      await toAdministration(element);
      const [first, ...rest] = rows(element);
      expect(first).to.deep.equal({ label: 'eLien test company', badge: 'Voorgesteld: KvK-nummer komt overeen', selected: false });
      expect(rest.map((row) => row.label), 'not again in its place').to.not.include('eLien test company');
      expect(rest.every((row) => row.badge === null), 'only the match is marked').to.equal(true);
      expect(isDisabled(button(element, 'Afronden')), 'nothing chosen for the user').to.equal(true);
      expect(visibleText(element)).to.include('Kies eerst een administratie.');
      expect(visibleText(element), 'the count is of the administrations, not of the rows').to.include('6 administraties');
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => rows(element)[0]!.selected, { message: 'the suggestion chosen' });
      pointerClick(button(element, 'Afronden'));
      await waitForHeading(element, nl.doneHeading);
      expect((await backend().connections()).filter((connection) => connection.organisation_id === 'org_0001').map((connection) => connection.division_code)).to.deep.equal([100002]);
    });

    it('marks a VAT-only match as such', async () => {
      const hovenier = mount();
      await toAdministrationFor(hovenier, 'Hoveniersbedrijf Het Groene Hart');
      expect(rows(hovenier)[0]).to.deep.equal({ label: 'Hoveniersbedrijf Het Groene Hart', badge: 'Voorgesteld: btw-nummer komt overeen', selected: false });
    });

    it('an organisation that matches nothing sees no mark', async () => {
      const fietsen = mount();
      await toAdministrationFor(fietsen, 'Fietsenmakerij Van Dijk');
      expect(rows(fietsen).map((row) => row.badge)).to.deep.equal(rows(fietsen).map(() => null));
      expect(visibleText(fietsen)).to.not.include('Voorgesteld');
    });

    it('among 2,000+ administrations the match is offered before its page is loaded, and can be finished', async () => {
      const element = mount('many');
      await toAdministrationFor(element, 'eLien test company');
      await waitFor(() => rows(element)[0]?.badge === nl.suggestedKvk, { message: 'the suggestion on top' });
      expect(rows(element).filter((row) => row.label === 'eLien test company'), 'once').to.have.length(1);
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
      pointerClick(button(element, 'Afronden'));
      await waitForHeading(element, nl.doneHeading, 8000);
    });

    it('a search shows what matches it, without the suggestion group', async () => {
      const element = mount();
      await toAdministration(element);
      const search = listbox(element).querySelector('input')!;
      search.value = 'fiets';
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await waitFor(() => rows(element).length === 1, { message: 'one match' });
      expect(rows(element)).to.deep.equal([{ label: 'Fietsenmakerij Van Dijk V.O.F.', badge: null, selected: false }]);
    });
  });

  describe('a failed `Afronden`: one button per intent', () => {
    it('a passing failure (503) offers `Opnieuw proberen` alone, which makes the one connection', async () => {
      const element = mount();
      await toAdministration(element);
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
      backend().injectFailure({ operation: 'createConnection', kind: { status: 503 } });
      pointerClick(button(element, 'Afronden'));
      await waitFor(() => findButton(element, nl.retry), { message: 'Opnieuw proberen' });
      expect(findButton(element, nl.finish), 'not Afronden beside it').to.equal(null);
      expect(findButton(element, nl.chooseOtherDivision), 'nothing wrong with the administration').to.equal(null);
      await press(element, nl.retry);
      await waitForHeading(element, nl.doneHeading);
      expect((await backend().connections()).filter((connection) => connection.division_code === 100002)).to.have.length(1);
    });

    it('no access to the administration (trouble): what to do, another administration, one `Opnieuw inloggen`', async () => {
      const element = mount('trouble');
      await toAdministration(element);
      pointerClick(option(element, 'Geen Toegang Administratie B.V.'));
      await waitFor(() => !isDisabled(button(element, 'Afronden')), { message: 'Afronden enabled' });
      pointerClick(button(element, 'Afronden'));
      await waitForText(element, nl.error_no_division_access);
      expect(findButton(element, nl.retry)).to.equal(null);
      expect(findButton(element, nl.finish)).to.equal(null);
      const logins = Array.from(element.shadowRoot!.querySelectorAll('button')).filter((candidate) => candidate.textContent?.trim() === nl.loginAgain);
      expect(logins, 'one Opnieuw inloggen').to.have.length(1);
      await press(element, nl.chooseOtherDivision);
      await waitFor(() => listbox(element).activeElement?.matches('input'), { message: 'the search field focused' });
      pointerClick(option(element, 'eLien test company'));
      await waitFor(() => findButton(element, nl.finish) && !isDisabled(button(element, nl.finish)), { message: 'Afronden back for the new choice' });
    });
  });

  describe('the redelivery date in the element\'s language', () => {
    /** The overview's existing connection (Bakkerij, made 2025-03-03), its redelivery step. */
    async function toRedelivery(element: ConnectElement, label: string) {
      await waitFor(() => findButton(element, label), { message: label });
      await press(element, label);
      return waitFor(() => element.shadowRoot!.querySelector<HTMLInputElement>('input[name="from"]'), { message: 'the date field' });
    }

    it('nl: dd-mm-jjjj shown and read, sent as YYYY-MM-DD; an unreadable, an empty and a future date each say why', async () => {
      const element = mount();
      await toConnections(element);
      const date = await toRedelivery(element, nl.redeliver);
      expect(date.value, 'the connection\'s day, as Dutch writes it').to.equal('03-03-2025');
      expect(date.getAttribute('inputmode')).to.equal('numeric');
      expect(visibleText(element)).to.include('Notatie: dd-mm-jjjj');
      const hint = element.shadowRoot!.getElementById('from-hint')!;
      expect(date.getAttribute('aria-describedby')?.split(' ')).to.include(hint.id);
      const fetches = recordFetches();
      try {
        for (const [typed, said] of [
          ['31-02-2025', 'Deze datum kunnen we niet lezen. Schrijf hem als dd-mm-jjjj.'],
          ['', 'Vul een datum in, als dd-mm-jjjj.'],
          ['1-1-2999', 'Deze datum ligt in de toekomst. Kies vandaag ('],
        ] as const) {
          date.value = typed;
          date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
          await press(element, nl.redeliverySubmit);
          await waitForText(element, said);
          expect(date.getAttribute('aria-invalid'), `${typed}: marked invalid`).to.equal('true');
          expect(element.shadowRoot!.activeElement, 'focus back in the field').to.equal(date);
        }
        expect(fetches.requests, 'the backend not asked').to.have.length(0);
        // Typing again clears the message; 1-3-2025 is read as the first of March.
        date.value = '1-3-2025';
        date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        expect(date.hasAttribute('aria-invalid')).to.equal(false);
        expect(element.shadowRoot!.getElementById('from-problem')!.textContent).to.equal('');
        await press(element, nl.redeliverySubmit);
        await waitForText(element, 'Weet je het zeker?');
        expect(fetches.requests.map((request) => new URL(request.path, location.origin).searchParams.get('from')).filter(Boolean)).to.deep.equal(['2025-03-01']);
      } finally {
        fetches.restore();
      }
      await press(element, nl.redeliveryConfirm);
      await waitUntil(async () => (await backend().redeliveries()).some((row) => row.from_date === '2025-03-01'), { message: 'sent as 2025-03-01' });
    });

    it('en: dd/mm/yyyy shown, hinted and read', async () => {
      const element = mount('default', { locale: 'en' });
      await waitForHeading(element, 'Active connections');
      const date = await toRedelivery(element, 'Offer API download again');
      expect(date.value).to.equal('03/03/2025');
      expect(visibleText(element)).to.include('Format: dd/mm/yyyy');
      date.value = '02/03/2025';
      date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await press(element, 'Offer again');
      await waitForText(element, 'Are you sure?');
      expect(visibleText(element), 'the second of March, not the third of February').to.match(/From 2 Mar 2025|From Mar 2, 2025/);
    });
  });
});
