import { expect } from '@esm-bundle/chai';
import {
  afterItsTurn,
  backend,
  findButton,
  mount,
  press,
  recordFetches,
  toDone,
  useMockBackend,
  visibleText,
  waitFor,
  waitForHeading,
  waitForText,
  waitUntil,
} from './support.js';

describe('<autopilot-connect> step: done', () => {
  useMockBackend();

  it('`Koppeling gemaakt` names both sides unambiguously and says that only new documents are sent', async () => {
    const element = mount();
    await toDone(element);
    const text = visibleText(element);
    expect(text).to.include('Stap 5 van 5');
    // The organisation in eConnect, the administration's number and name in Exact Online, the flow.
    expect(text).to.include('eLien test company (eConnect) → administratie 100002 · eLien test company in Exact Online · Simpele booking flow');
    expect(text).to.include('De Autopilot zet de facturen uit Postvak In voortaan in Exact Online.');
    expect(text).to.include('Let op! Alleen documenten die vanaf nu in Postvak In binnenkomen, worden geüpload.');
    expect(findButton(element, 'API-download opnieuw aanbieden')).to.not.equal(null);
  });

  it('`API-download opnieuw aanbieden` → the redelivery form → the submitted message', async () => {
    const element = mount();
    await toDone(element);
    await press(element, 'API-download opnieuw aanbieden');
    await waitForHeading(element, 'API-download opnieuw aanbieden');
    expect(visibleText(element)).to.include(
      'Bied de Postvak In-documenten van eLien test company vanaf een datum opnieuw aan de Autopilot aan.',
    );
    expect(visibleText(element)).to.include('Vanaf datum');
    const date = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="from"]')!;
    const [year, month, day] = new Date().toISOString().slice(0, 10).split('-');
    expect(date.value, 'defaults to today, the day of the connection, as Dutch writes it').to.equal(`${day}-${month}-${year}`);
    date.value = '2025-03-03';
    date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await press(element, 'Opnieuw aanbieden');
    // First the count the backend's preview gives, and a question: nothing is sent yet.
    const preview = await (await fetch('/mock/default/api/organisations/org_0001/redeliveries/preview?from=2025-03-03')).json();
    await waitForText(element, `Vanaf 3 mrt 2025 worden ${preview.documentCount} documenten opnieuw aangeboden. Weet je het zeker?`);
    expect(await backend().redeliveries(), 'nothing sent before the confirmation').to.have.length(0);
    await press(element, 'Ja, opnieuw aanbieden');
    let redeliveries: Array<Record<string, unknown>> = [];
    await waitUntil(async () => (redeliveries = await backend().redeliveries()).length === 1, { message: 'a redelivery in the backend' });
    const [redelivery] = redeliveries;
    expect(redelivery!.organisation_id).to.equal('org_0001');
    expect(redelivery!.from_date).to.equal('2025-03-03');
    await waitForText(element, `${String(redelivery!.document_count)} documenten vanaf 3 mrt 2025 worden opnieuw aangeboden.`);
    await press(element, 'Naar het overzicht');
    await waitForHeading(element, 'Actieve koppelingen');
  });

  it('refuses a date in the future without asking the backend', async () => {
    const element = mount();
    await toDone(element);
    await press(element, 'API-download opnieuw aanbieden');
    await waitForHeading(element, 'API-download opnieuw aanbieden');
    const date = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="from"]')!;
    date.value = '01-01-2999';
    date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const fetches = recordFetches();
    try {
      await press(element, 'Opnieuw aanbieden');
      await afterItsTurn(element);
      const [year, month, day] = new Date().toISOString().slice(0, 10).split('-');
      expect(visibleText(element)).to.include(`Deze datum ligt in de toekomst. Kies vandaag (${day}-${month}-${year}) of een eerdere dag.`);
      expect(date.getAttribute('aria-invalid')).to.equal('true');
      expect(fetches.requests, 'the backend not asked').to.have.length(0);
      expect(await backend().redeliveries()).to.have.length(0);
      expect(visibleText(element)).to.include('Vanaf datum');
      // The same press with a date in the past is sent, and seen by the same checks.
      date.value = '2026-01-01';
      date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await press(element, 'Opnieuw aanbieden');
      await press(element, 'Ja, opnieuw aanbieden');
      await waitFor(() => findButton(element, 'Naar het overzicht'), { message: 'the redelivery sent' });
      expect(fetches.count('POST', /\/redeliveries$/)).to.equal(1);
      expect(await backend().redeliveries()).to.have.length(1);
    } finally {
      fetches.restore();
    }
  });

  it('`Naar het overzicht` shows the new connection in the list', async () => {
    const element = mount();
    await toDone(element);
    await press(element, 'Naar het overzicht');
    await waitForHeading(element, 'Actieve koppelingen');
    await waitForText(element, '2 actieve koppelingen');
    expect(visibleText(element)).to.include('eLien test company → eLien test company');
    expect(visibleText(element)).to.include('Bakkerij de Gouden Korst → Bakkerij de Gouden Korst B.V.');
  });

  it('back on the overview the new connection is marked and has focus', async () => {
    const element = mount();
    await toDone(element);
    await press(element, 'Naar het overzicht');
    await waitForText(element, '2 actieve koppelingen');
    const made = await waitFor(() => element.shadowRoot!.querySelector<HTMLElement>('.card.made'), { message: 'the new connection marked' });
    expect(made.textContent).to.include('eLien test company → eLien test company');
    expect(made.textContent).to.include('Nieuw');
    expect(element.shadowRoot!.querySelectorAll('.card.made'), 'only the new one').to.have.length(1);
    await waitFor(() => element.shadowRoot!.activeElement === made, { message: 'focus on the new connection' });
  });

  it('a date with no documents says so and offers another date, never a send', async () => {
    const element = mount();
    await toDone(element);
    await press(element, 'API-download opnieuw aanbieden');
    const date = element.shadowRoot!.querySelector<HTMLInputElement>('input[name="from"]')!;
    // The world's documents arrived until 2026-11-30.
    date.value = new Date().toISOString().slice(0, 10);
    date.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await press(element, 'Opnieuw aanbieden');
    await waitForText(element, 'Er zijn geen documenten vanaf');
    expect(findButton(element, 'Ja, opnieuw aanbieden')).to.equal(null);
    await press(element, 'Andere datum');
    await waitForText(element, 'Vanaf datum');
    expect(await backend().redeliveries()).to.have.length(0);
  });
});
