import type { Locale } from './localization.js';

/**
 * A date as each locale's medium date style writes it (CLDR, as `Intl.DateTimeFormat` with
 * `dateStyle: 'medium'` gives it): "3 mrt 2025", "Mar 3, 2025", "3 mars 2025", "03.03.2025",
 * "3 mar 2025". Written out rather than asked of Intl, because the overview shows dates and
 * the first Intl object a page makes costs the browser its ICU start-up, 30–100 ms measured in
 * Chromium, which would sit between the status answer and the first interactive step. It also
 * reads the same in every engine. test/i18n/formats.test.ts holds it to Intl's output.
 */
const months: Record<Exclude<Locale, 'de'>, string[]> = {
  nl: 'jan feb mrt apr mei jun jul aug sep okt nov dec'.split(' '),
  en: 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' '),
  fr: 'janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.'.split(' '),
  es: 'ene feb mar abr may jun jul ago sept oct nov dic'.split(' '),
};

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** An ISO timestamp or date, as the page's own time zone has its day (as Intl would). */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = new Date(isoDate);
  const day = date.getDate();
  const year = date.getFullYear();
  if (locale === 'de') return `${twoDigits(day)}.${twoDigits(date.getMonth() + 1)}.${year}`;
  const month = months[locale][date.getMonth()];
  return locale === 'en' ? `${month} ${day}, ${year}` : `${day} ${month} ${year}`;
}
