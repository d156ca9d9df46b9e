import type { RequestContext } from './context.js';
import { odataError } from './rest-errors.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface RateDecision {
  /** The headers every answer of this call carries (none when a fault says the 429 comes without them). */
  headers: Record<string, string>;
  /** A 429 when the company's minutely or daily calls are used up. */
  refused?: Response;
}

/**
 * 60 calls a minute and 5,000 a day per app per company, in fixed windows; resets in epoch ms.
 * unconfirmed: whether Exact's minute window is fixed or sliding.
 */
export function countCall(ctx: RequestContext, clientId: string, company: string): RateDecision {
  const now = ctx.now();
  const key = `${clientId}|${company}`;
  const minute = Math.floor(now / MINUTE);
  const day = Math.floor(now / DAY);
  const counts = ctx.world.rates.get(key) ?? { minute, minuteCount: 0, day, dayCount: 0 };
  if (counts.minute !== minute) Object.assign(counts, { minute, minuteCount: 0 });
  if (counts.day !== day) Object.assign(counts, { day, dayCount: 0 });
  ctx.world.rates.set(key, counts);

  const { callsPerMinute, callsPerDay } = ctx.options.limits;
  const exhausted = ctx.faults.take('rateLimitExhausted');
  if (exhausted?.window === 'daily') counts.dayCount = callsPerDay;
  else if (exhausted) counts.minuteCount = callsPerMinute;

  const over = counts.minuteCount >= callsPerMinute || counts.dayCount >= callsPerDay;
  if (!over) {
    counts.minuteCount += 1;
    counts.dayCount += 1;
  }
  const headers: Record<string, string> = exhausted?.withoutHeaders
    ? {}
    : {
        'X-RateLimit-Limit': String(callsPerDay),
        'X-RateLimit-Remaining': String(Math.max(0, callsPerDay - counts.dayCount)),
        'X-RateLimit-Reset': String((day + 1) * DAY),
        'X-RateLimit-Minutely-Limit': String(callsPerMinute),
        'X-RateLimit-Minutely-Remaining': String(Math.max(0, callsPerMinute - counts.minuteCount)),
        'X-RateLimit-Minutely-Reset': String((minute + 1) * MINUTE),
      };
  return over ? { headers, refused: odataError(429, 'Too many requests', headers) } : { headers };
}
