/**
 * A date as the element's language writes it in figures (nl 31-12-2026, en 31/12/2026, de
 * 31.12.2026), read back to the contract's YYYY-MM-DD. Not `<input type="date">`: that one speaks
 * the browser's locale (mm/dd/yyyy inside a Dutch UI on an American Chromium), not the element's.
 */
import { isCalendarDate } from '../machine/connect-setup.js';

type Field = 'day' | 'month' | 'year';

/** Day, month and year in the locale's order, and what stands between them (English as Exact's UK region writes it: the day first). */
function shapeOf(locale: string): { order: Field[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(0);
  return {
    order: parts.map((part) => part.type).filter((type): type is Field => type === 'day' || type === 'month' || type === 'year'),
    separator: parts.find((part) => part.type === 'literal')?.value.trim() || '-',
  };
}

/** Day, month and year (given in that order) joined as the locale writes them. */
function inOrder([day, month, year]: string[], locale: string): string {
  const values: Record<Field, string | undefined> = { day, month, year };
  const { order, separator } = shapeOf(locale);
  return order.map((field) => values[field]).join(separator);
}

/** YYYY-MM-DD as the locale writes it in figures. */
export const formatDateField = (isoDate: string, locale: string) => inOrder(isoDate.split('-').reverse(), locale);

/** The format hint: the locale's letters for day, month, year (`dd mm jjjj`) in its order: `dd-mm-jjjj`. */
export const dateFieldPattern = (letters: string, locale: string) => inOrder(letters.split(' '), locale);

/**
 * YYYY-MM-DD of what was typed, or null when it is no day: the locale's order with any separator
 * (31-12-2026, 31/12/2026, 1-2-2026), eight figures without one (a phone's number pad has no
 * dash), or a date pasted as YYYY-MM-DD.
 */
export function parseDateField(text: string, locale: string): string | null {
  const { order } = shapeOf(locale);
  let numbers = text.split(/\D+/).filter(Boolean);
  if (numbers.length === 1 && numbers[0]!.length === 8) {
    let at = 0;
    numbers = order.map((field) => numbers[0]!.slice(at, (at += field === 'year' ? 4 : 2)));
  }
  const fields = numbers[0]?.length === 4 ? ['year', 'month', 'day'] : order;
  const { day = '', month = '', year = '' } = Object.fromEntries(fields.map((field, index) => [field, numbers[index]]));
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return numbers.length === 3 && year.length === 4 && isCalendarDate(iso) ? iso : null;
}
