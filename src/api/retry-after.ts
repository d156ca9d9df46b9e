/**
 * The one parser of the Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
 * Seconds until then, 0 for a date in the past, null for anything else. Strict on purpose:
 * `Date.parse` reads almost any text as some date, so garbage would otherwise become
 * "retry now"; the retry policy (src/machine/retry-policy.ts) decides what null means.
 */
const delaySeconds = /^\d+$/;
/** IMF-fixdate, the obsolete RFC 850 form, and asctime. */
const httpDate =
  /^(?:[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT|[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4})$/;

export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  const value = header?.trim() ?? '';
  if (delaySeconds.test(value)) return Number(value);
  if (!httpDate.test(value)) return null;
  // asctime names no zone but means GMT (RFC 9110 §5.6.7): Date.parse would read it as local time.
  const date = Date.parse(value.endsWith('GMT') ? value : `${value} GMT`);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
