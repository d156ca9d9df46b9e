/**
 * A date as the element's language writes it in figures (nl 31-12-2026, en 31/12/2026, de
 * 31.12.2026), read back to the contract's YYYY-MM-DD. Not `<input type="date">`: that one speaks
 * the browser's locale (mm/dd/yyyy inside a Dutch UI on an American Chromium), not the element's.
 */
import { isCalendarDate } from '../machine/connect-setup.js';

type Field = 'day' | 'month' | 'year';
interface DateShape {
  order: Field[];
  separator: string;
}

const shapes = new Map<string, DateShape>();
/** English as Exact Online's English region (the UK) writes a date: the day first. */
const writingLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

/** The order of day, month and year in the locale, and what stands between them. */
function shapeOf(locale: string): DateShape {
  let shape = shapes.get(locale);
  if (!shape) {
    const parts = new Intl.DateTimeFormat(writingLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(0);
    shape = {
      order: parts.map((part) => part.type).filter((type): type is Field => type === 'day' || type === 'month' || type === 'year'),
      separator: parts.find((part) => part.type === 'literal')?.value.trim() || '-',
    };
    shapes.set(locale, shape);
  }
  return shape;
}

/** Day, month and year in the locale's order, with its separator. */
function inOrder(values: Record<Field, string>, locale: string): string {
  const { order, separator } = shapeOf(locale);
  return order.map((field) => values[field]).join(separator);
}

/** YYYY-MM-DD as the locale writes it in figures. */
export function formatDateField(isoDate: string, locale: string): string {
  const [year = '', month = '', day = ''] = isoDate.split('-');
  return inOrder({ day, month, year }, locale);
}

/** The format hint: the locale's letters for day, month, year (`dd mm jjjj`) in its order: `dd-mm-jjjj`. */
export function dateFieldPattern(letters: string, locale: string): string {
  const [day = '', month = '', year = ''] = letters.split(' ');
  return inOrder({ day, month, year }, locale);
}

/**
 * YYYY-MM-DD of what was typed, or null when it is no day: the locale's order with any separator
 * (31-12-2026, 31/12/2026, 31.12.2026, 1-2-2026), eight figures without one, or a date pasted as
 * YYYY-MM-DD.
 */
export function parseDateField(text: string, locale: string): string | null {
  const { order } = shapeOf(locale);
  let numbers = text.trim().split(/\D+/).filter(Boolean);
  if (numbers.length === 1 && numbers[0]!.length === 8) {
    const figures = numbers[0]!;
    let at = 0;
    numbers = order.map((field) => figures.slice(at, (at += field === 'year' ? 4 : 2)));
  }
  if (numbers.length !== 3) return null;
  const fields = numbers[0]!.length === 4 ? (['year', 'month', 'day'] as const) : order;
  const values = Object.fromEntries(fields.map((field, index) => [field, numbers[index]!])) as Record<Field, string>;
  if (values.year.length !== 4 || values.month.length > 2 || values.day.length > 2) return null;
  const iso = `${values.year}-${values.month.padStart(2, '0')}-${values.day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}
