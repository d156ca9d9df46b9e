import { expect } from '@esm-bundle/chai';
import { dateFieldPattern, formatDateField, parseDateField } from '../../src/i18n/date-field.js';

/** The redelivery date as each language of the element writes it in figures, and read back. */
describe('date field', () => {
  const written: Array<[locale: string, date: string, letters: string, pattern: string]> = [
    ['nl', '22-11-2026', 'dd mm jjjj', 'dd-mm-jjjj'],
    ['en', '22/11/2026', 'dd mm yyyy', 'dd/mm/yyyy'],
    ['de', '22.11.2026', 'TT MM JJJJ', 'TT.MM.JJJJ'],
    ['fr', '22/11/2026', 'jj mm aaaa', 'jj/mm/aaaa'],
    ['es', '22/11/2026', 'dd mm aaaa', 'dd/mm/aaaa'],
  ];
  for (const [locale, date, letters, pattern] of written) {
    it(`${locale}: writes ${date} and its hint ${pattern}, and reads it back`, () => {
      expect(formatDateField('2026-11-22', locale)).to.equal(date);
      expect(dateFieldPattern(letters, locale)).to.equal(pattern);
      expect(parseDateField(date, locale)).to.equal('2026-11-22');
    });
  }

  it('reads what people type: one figure for day or month, another separator, none at all, a pasted ISO date', () => {
    expect(parseDateField('1-3-2025', 'nl')).to.equal('2025-03-01');
    expect(parseDateField(' 1/3/2025 ', 'nl')).to.equal('2025-03-01');
    expect(parseDateField('01032025', 'nl')).to.equal('2025-03-01');
    expect(parseDateField('2025-03-01', 'nl')).to.equal('2025-03-01');
    expect(parseDateField('2.3.2025', 'de')).to.equal('2025-03-02');
    expect(parseDateField('02/03/2025', 'en'), 'English as the UK writes it: the day first').to.equal('2025-03-02');
  });

  it('reads no day that does not exist, and nothing that is not a date', () => {
    for (const text of ['31-02-2025', '29-02-2025', '00-01-2025', '1-13-2025', '1-1-25', '123-1-2025', '', 'gisteren', '1-1', '1-1-2025-1']) {
      expect(parseDateField(text, 'nl'), text).to.equal(null);
    }
    expect(parseDateField('29-02-2024', 'nl'), 'a leap day').to.equal('2024-02-29');
  });
});
