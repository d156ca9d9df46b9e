import { expect } from '@esm-bundle/chai';
import type { Division, Organisation } from '../../src/api/types.js';
import { indexDivisions, matchBatch, normaliseName, normaliseVat } from '../../src/machine/batch-match.js';
import { administration, organisation } from './fakes.js';

/**
 * The batch's proposals: the same KvK number first, then the same VAT number, then a weaker name
 * match, else none; never an administration that cannot be chosen; a conflict where two rows have
 * one administration; the user's choice over any proposal; and fast at 200 × 2,000.
 */
const none = new Map<string, Division | null>();
const match = (organisations: Organisation[], divisions: Division[], choices = none) => matchBatch(organisations, indexDivisions(divisions), choices);
const summary = (organisations: Organisation[], divisions: Division[], choices = none) =>
  match(organisations, divisions, choices).rows.map((row) => [row.organisation.id, row.division?.code ?? null, row.match]);

describe('batch matching', () => {
  it('KvK before VAT before name; spaces, dots and case do not count', () => {
    const divisions = [
      administration(1, { name: 'Bakkerij De Korst', kvk: '12345678', vatNumber: 'NL999999999B01' }),
      administration(2, { name: 'Other', kvk: '87654321', vatNumber: 'NL 8012.34.567.B01' }),
      administration(3, { name: 'Hoveniersbedrijf De Linde' }),
    ];
    const organisations = [
      organisation('by-kvk', { kvk: '1234 5678', vatNumber: 'NL801234567B01' }),
      organisation('by-vat', { kvk: '11111111', vatNumber: 'nl801234567b01' }),
      organisation('by-name', { name: 'Hoveniersbedrijf de Linde B.V.', kvk: '22222222' }),
      organisation('nothing', { name: 'Yogastudio', kvk: '33333333' }),
    ];
    expect(summary(organisations, divisions)).to.deep.equal([
      ['by-kvk', 1, 'kvk'],
      ['by-vat', 2, 'vat'],
      ['by-name', 3, 'name'],
      ['nothing', null, null],
    ]);
  });

  it('names: diacritics, legal forms and punctuation set aside; the customer name counts too', () => {
    expect(normaliseName('Café Ümit & Zn. V.O.F.')).to.equal('cafe umit');
    expect(normaliseName('Garage Jansen B.V.')).to.equal(normaliseName('garage  jansen'));
    expect(normaliseVat(' be 0123.456.789 ')).to.equal('BE0123456789');
    expect(summary([organisation('o', { name: 'Jansen Holding' })], [administration(5, { name: 'Adm 5', customerName: 'Jansen Holding BV' })])).to.deep.equal([['o', 5, 'name']]);
  });

  it('never proposes an administration that is blocked or already connected', () => {
    const divisions = [
      administration(1, { kvk: '12345678', blockedReason: 'blocked' }),
      administration(2, { kvk: '12345678', connectedOrganisation: { id: 'x', name: 'X' } }),
    ];
    expect(summary([organisation('o', { kvk: '12345678' })], divisions)).to.deep.equal([['o', null, null]]);
  });

  it('connected and blocked organisations are listed apart with their reason', () => {
    const result = match(
      [organisation('a'), organisation('connected', { connectionId: 'con-1' }), organisation('blocked', { blockers: [{ code: 'no_access' }] })],
      [],
    );
    expect(result.rows.map((row) => row.organisation.id)).to.deep.equal(['a']);
    expect(result.unconnectable.map(({ organisation: o, reason }) => [o.id, reason])).to.deep.equal([['connected', 'connected'], ['blocked', 'blocked']]);
  });

  it('one administration for two rows is a conflict; a second candidate as strong is proposed instead where there is one', () => {
    const twins = [organisation('a', { kvk: '12345678' }), organisation('b', { kvk: '12345678' })];
    expect([...match(twins, [administration(1, { kvk: '12345678' })]).conflicts]).to.deep.equal([1]);
    const two = match(twins, [administration(1, { kvk: '12345678' }), administration(2, { kvk: '12345678' })]);
    expect(two.rows.map((row) => row.division?.code)).to.deep.equal([1, 2]);
    expect(two.conflicts.size).to.equal(0);
  });

  it("the user's choice wins, and still conflicts with a row that has the same administration", () => {
    const organisations = [organisation('a', { kvk: '11111111' }), organisation('b', { kvk: '22222222' })];
    const divisions = [administration(1, { kvk: '11111111' }), administration(2, { kvk: '22222222' })];
    const chosen = new Map<string, Division | null>([['b', divisions[0]!]]);
    const result = match(organisations, divisions, chosen);
    expect(result.rows.map((row) => [row.organisation.id, row.division?.code, row.match])).to.deep.equal([['a', 1, 'kvk'], ['b', 1, 'chosen']]);
    expect([...result.conflicts]).to.deep.equal([1]);
    expect(summary(organisations, divisions, new Map([['a', null]]))).to.deep.equal([['a', null, null], ['b', 2, 'kvk']]);
  });

  it('200 organisations against 2,000 administrations: indexing and a re-match take well under a frame', () => {
    const divisions = Array.from({ length: 2000 }, (_, n) => administration(200000 + n, { name: `Administratie ${n}`, kvk: String(10000000 + n), vatNumber: `NL${String(n).padStart(9, '0')}B01` }));
    const organisations = Array.from({ length: 200 }, (_, n) => organisation(`org-${n}`, { name: `Organisatie ${n}`, kvk: n % 20 === 0 ? null : String(10000000 + n * 7) }));
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run < 30; run++) {
      const start = performance.now();
      const result = matchBatch(organisations, indexDivisions(divisions), new Map([['org-1', divisions[5]!]]));
      times.push(performance.now() - start);
      rows = result.rows.filter((row) => row.division).length;
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    console.log(`batch matching 200 × 2,000 (index + match): median ${times[15]!.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    expect(rows).to.equal(190);
    expect(p95).to.be.below(50);
  });
});
