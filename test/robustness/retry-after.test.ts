/**
 * 9. A rate-limited backend never meets a storm: whatever Retry-After says (0, a date in the
 * past, a value that would overflow a timer, garbage), the element retries by itself at most
 * once per bounded wait, and a wait too long to sit out is shown with its time and a manual retry.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { ApiError } from '../../src/api/api-error.js';
import { parseRetryAfter } from '../../src/api/retry-after.js';
import { loadLocale, type Locale } from '../../src/i18n/localization.js';
import { messages } from '../../src/i18n/messages.js';
import {
  alertText,
  backend,
  findButton,
  installFakeClock,
  mount,
  nl,
  press,
  toConnections,
  useRobustBackend,
  waitFor,
  waitForAlert,
  worker,
  afterItsTurn,
  type ConnectElement,
  type FakeClock,
} from './support.js';

describe('robustness 9: Retry-After is parsed in one place', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const cases: Array<[header: string | null, seconds: number | null]> = [
    ['0', 0],
    ['7', 7],
    [' 120 ', 120],
    ['2592000', 2_592_000],
    ['Tue, 01 Dec 2026 12:01:30 GMT', 90],
    ['Tue, 01 Dec 2026 11:00:00 GMT', 0],
    ['Tuesday, 01-Dec-26 12:00:10 GMT', 10],
    ['Tue Dec  1 12:00:05 2026', 5],
    [null, null],
    ['', null],
    ['-1', null],
    ['1.5', null],
    ['soon', null],
    ['foo 1', null],
    ['Infinity', null],
    ['0x10', null],
  ];
  for (const [header, seconds] of cases) {
    it(`${JSON.stringify(header)} → ${seconds}`, () => {
      expect(parseRetryAfter(header, now)).to.equal(seconds);
    });
  }
});

describe('robustness 9: an HTTP-date means GMT in whatever zone the browser is', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  after(() => executeServerCommand('emulate-timezone', {}));
  for (const timezoneId of ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata']) {
    it(`${timezoneId}: asctime, IMF-fixdate and RFC 850 all say 5 s from now`, async () => {
      await executeServerCommand('emulate-timezone', { timezoneId });
      expect(new Date(now).getTimezoneOffset(), 'the page is not in UTC').to.not.equal(0);
      expect(parseRetryAfter('Tue Dec  1 12:00:05 2026', now)).to.equal(5);
      expect(parseRetryAfter('Tue, 01 Dec 2026 12:00:05 GMT', now)).to.equal(5);
      expect(parseRetryAfter('Tuesday, 01-Dec-26 12:00:05 GMT', now)).to.equal(5);
    });
  }
});

describe('robustness 9: the wait is said in words that fit the number', () => {
  // The floor makes a wait of 1 s common: "1 seconden" would be wrong in every language.
  const oneSecond: Record<Locale, string> = {
    nl: 'Te veel verzoeken tegelijk. We proberen het over 1 seconde vanzelf opnieuw.',
    en: 'Too many requests at once. We will try again by ourselves in 1 second.',
    fr: 'Trop de demandes à la fois. Nous réessayerons automatiquement dans 1 seconde.',
    de: 'Zu viele Anfragen auf einmal. Wir versuchen es in 1 Sekunde automatisch erneut.',
    es: 'Demasiadas solicitudes a la vez. Lo reintentaremos automáticamente dentro de 1 segundo.',
  };
  for (const [locale, sentence] of Object.entries(oneSecond) as Array<[keyof typeof oneSecond, string]>) {
    it(`${locale}: a wait of 1 s is one second, singular`, async () => {
      await loadLocale(locale);
      expect(messages(locale).error_rateLimited(1)).to.equal(sentence);
    });
  }

  it('nl: 30 s, and a manual wait of 121 s is "over 2 minuten", not 3', () => {
    const t = messages('nl');
    expect(t.error_rateLimited(30)).to.equal('Te veel verzoeken tegelijk. We proberen het over 30 seconden vanzelf opnieuw.');
    expect(t.error_rateLimitedLater(121)).to.equal('Te veel verzoeken tegelijk. Probeer het over 2 minuten opnieuw.');
  });
});

describe('robustness 9: 429 waits are bounded (the element on MSW)', () => {
  useRobustBackend();

  /** Every GET connections answers 429 with this Retry-After; counts the requests. */
  function rateLimitConnections(retryAfter: string): { requests: number } {
    const seen = { requests: 0 };
    // A backend whose status omits the connections: the element asks for them on mount.
    backend('default').statusCarriesConnections = false;
    worker.use(
      http.get(/\/mock\/default\/api\/connections$/, () => {
        seen.requests += 1;
        return HttpResponse.json(
          { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'rate_limited', detail: 'Slow down.' },
          { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter } },
        );
      }),
    );
    return seen;
  }

  function errorsOf(element: HTMLElement): ApiError[] {
    const errors: ApiError[] = [];
    element.addEventListener('autopilot-error', (event) => errors.push((event as unknown as { error: ApiError }).error));
    return errors;
  }

  /** Lets `ms` pass on the clock, then the element's turn: a retry it made is then recorded. */
  const waitsOut = async (clock: FakeClock, element: HTMLElement, ms: number) => {
    await clock.tickAsync(ms);
    await afterItsTurn(element as ConnectElement);
  };

  for (const retryAfter of ['0', 'Tue, 01 Dec 2020 12:00:00 GMT']) {
    it(`Retry-After: ${retryAfter}: retries by itself after 1 s, then 2 s, then 4 s, saying each wait`, async () => {
      const seen = rateLimitConnections(retryAfter);
      const clock = installFakeClock();
      const times: number[] = [];
      worker.events.on('request:start', ({ request }) => {
        if (new URL(request.url).pathname.endsWith('/api/connections')) times.push(Date.now());
      });
      const element = mount();
      const errors = errorsOf(element);
      for (const [wait, said] of [
        [1000, 'over 1 seconde'],
        [2000, 'over 2 seconden'],
        [4000, 'over 4 seconden'],
      ] as const) {
        await waitForAlert(element, `Te veel verzoeken tegelijk. We proberen het ${said} vanzelf opnieuw.`);
        const before = seen.requests;
        await waitsOut(clock, element, wait - 1);
        expect(seen.requests, `no retry before the ${wait} ms are over`).to.equal(before);
        await clock.tickAsync(1);
        await waitFor(() => seen.requests === before + 1, { message: `the retry after ${wait} ms` });
      }
      expect(seen.requests).to.equal(4);
      const gaps = times.slice(1).map((time, index) => time - times[index]!);
      expect(gaps, 'each wait doubled').to.deep.equal([1000, 2000, 4000]);
      await waitFor(() => errors.length === 4, { message: 'one autopilot-error per request' });
      expect(errors.map((error) => [error.status, error.code]), 'each a 429 with its problem code').to.deep.equal(Array(4).fill([429, 'rate_limited']));
      worker.events.removeAllListeners('request:start');
      worker.resetHandlers();
      await waitForAlert(element, 'Te veel verzoeken tegelijk. We proberen het over 8 seconden vanzelf opnieuw.');
      await clock.tickAsync(8000);
      await toConnections(element);
    });
  }

  it('Retry-After of 3 hours: says when, offers `Opnieuw proberen`, and does not retry by itself', async () => {
    const seen = rateLimitConnections(String(3 * 3600));
    const clock = installFakeClock();
    const element = mount();
    const errors = errorsOf(element);
    await waitForAlert(element, 'Te veel verzoeken tegelijk. Probeer het over 3 uur opnieuw.');
    expect(nl.error_rateLimitedLater(3 * 3600)).to.equal('Te veel verzoeken tegelijk. Probeer het over 3 uur opnieuw.');
    expect(errors.map((error) => [error.status, error.code])).to.deep.equal([[429, 'rate_limited']]);
    await waitsOut(clock, element, 3 * 3600_000 + 1000);
    expect(seen.requests, 'not even once the wait is over').to.equal(1);
    // The same count sees a retry: the user's.
    await press(element, 'Opnieuw proberen');
    await waitFor(() => seen.requests === 2, { message: 'the manual retry' });
    await waitForAlert(element, 'Te veel verzoeken tegelijk. Probeer het over 3 uur opnieuw.');
    worker.resetHandlers();
    await press(element, 'Opnieuw proberen');
    await toConnections(element);
  });

  it('Retry-After of 30 days (past the timer limit) does not fire at once: one request, the time in days', async () => {
    const seen = rateLimitConnections(String(30 * 86_400));
    // The clock wraps a delay past 2^31 − 1 ms as the browser does: a timer of 30 days would fire at once.
    const clock = installFakeClock();
    const element = mount();
    await waitForAlert(element, 'Te veel verzoeken tegelijk. Probeer het over 30 dagen opnieuw.');
    await waitsOut(clock, element, 1500);
    expect(seen.requests).to.equal(1);
    await press(element, 'Opnieuw proberen');
    await waitFor(() => seen.requests === 2, { message: 'the manual retry is counted' });
  });

  // Values the parser before this one misread: "1.5" as 1.5 s, "foo 1" as a date in 2001 (0 s).
  for (const retryAfter of ['1.5', 'foo 1']) {
    it(`an unreadable Retry-After (${JSON.stringify(retryAfter)}) waits the default 30 s`, async () => {
      const seen = rateLimitConnections(retryAfter);
      const clock = installFakeClock();
      const element = mount();
      await waitForAlert(element, 'Te veel verzoeken tegelijk. We proberen het over 30 seconden vanzelf opnieuw.');
      await waitsOut(clock, element, 29_999);
      expect(seen.requests).to.equal(1);
      await clock.tickAsync(1);
      await waitFor(() => seen.requests === 2, { message: 'the retry after 30 s' });
    });
  }
});
