import { expect } from '@esm-bundle/chai';
import { formatDate } from '../../src/i18n/dates.js';
import { numberFormatter } from '../../src/i18n/first-messages.js';
import { allLocales } from '../../src/i18n/localization.js';

/**
 * The element writes dates and whole numbers itself (no Intl object on the way to the first step): each must read
 * exactly as the browser's medium date style, so the overview says what a user expects.
 */
describe('dates', () => {
  for (const locale of allLocales) {
    it(`${locale}: every month, one- and two-figure days, as Intl's medium date style writes them`, () => {
      const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
      for (let month = 0; month < 12; month++) {
        for (const day of [1, 9, 28]) {
          const date = new Date(2025, month, day, 13, 30);
          expect(formatDate(date.toISOString(), locale), date.toISOString()).to.equal(intl.format(date));
        }
      }
    });
  }

  it('takes the day in the page’s time zone, from a timestamp as the backend sends it and from a plain date', () => {
    const instant = '2025-03-03T09:15:00Z';
    expect(formatDate(instant, 'nl')).to.equal(new Intl.DateTimeFormat('nl', { dateStyle: 'medium' }).format(new Date(instant)));
    expect(formatDate('2025-03-03', 'en')).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date('2025-03-03')));
  });
});

describe('numbers', () => {
  for (const locale of allLocales) {
    it(`${locale}: counts as Intl's number format writes them (whole numbers written out, the rest by Intl)`, () => {
      const intl = new Intl.NumberFormat(locale);
      const number = numberFormatter(locale);
      const values = [0, 1, 7, 42, 999, 1000, 1234, 9999, 10_000, 12_345, 99_999, 100_000, 123_456, 1_000_000, 12_345_678, Number.MAX_SAFE_INTEGER, 2.5, -3, 1234.5];
      for (let figures = 1; figures <= 12; figures++) values.push(Math.floor(Math.random() * 10 ** figures));
      for (const value of values) expect(number(value), String(value)).to.equal(intl.format(value));
    });
  }
});
