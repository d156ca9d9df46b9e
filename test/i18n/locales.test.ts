import { expect } from '@esm-bundle/chai';
import { allLocales, loadLocale, matchLocale, targetLocales } from '../../src/i18n/localization.js';
import { messages, type Messages } from '../../src/i18n/messages.js';

/**
 * Every locale says every message, and says it in its own words: a message missing from a
 * locale falls back to Dutch, so "equal to the Dutch" catches both a missing and an
 * untranslated string.
 */

/** Messages that are the same in every language: names and notation. */
const sameEverywhere = new Set(['title', 'exactOnline', 'stepNames.1', 'connectionSummary', 'kvk']);
/** Words that happen to be the same in a language (checked by a person). */
const sameIn: Record<string, Set<string>> = {
  en: new Set(['newConnection', 'open', 'bookingFlowLegend']),
  fr: new Set([]),
  de: new Set([]),
  es: new Set([]),
};

/** Every message as text, plurals and parameters included. */
function render(all: Messages): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [key, value] of Object.entries(all)) {
    if (typeof value === 'string') texts.set(key, value);
    else if (Array.isArray(value)) value.forEach((text: string, index) => texts.set(`${key}.${index}`, text));
    else {
      const fn = value as (...args: unknown[]) => string;
      const args = (count: number) => Array.from({ length: fn.length }, () => count);
      texts.set(`${key}.one`, fn(...args(1)));
      texts.set(`${key}.other`, fn(...args(7)));
    }
  }
  return texts;
}

describe('locales', () => {
  let dutch: Map<string, string>;
  before(() => {
    dutch = render(messages('nl'));
  });

  for (const locale of targetLocales) {
    it(`${locale} translates every message`, async () => {
      await loadLocale(locale);
      const translated = render(messages(locale));
      const untranslated = [...dutch].filter(([key, text]) => {
        const base = key.replace(/\.(one|other)$/, '');
        const allowed = sameEverywhere.has(key) || sameEverywhere.has(base) || sameIn[locale]!.has(key) || sameIn[locale]!.has(base);
        return !allowed && translated.get(key) === text;
      });
      expect(untranslated.map(([key]) => key)).to.deep.equal([]);
    });
  }

  it('keeps the help article labels in Dutch word for word', () => {
    const t = messages('nl');
    expect([t.newConnection, t.confirm, t.exactOnline, t.open, t.continue, t.administrationHeading]).to.deep.equal([
      'New Connection', 'Bevestigen', 'Exact Online', 'Open', 'Ga door', 'Selecteer afdeling',
    ]);
    expect([t.bookingFlowSimple, t.bookingFlowAdvanced, t.finish, t.redeliver]).to.deep.equal([
      'Simpele booking flow', 'Geavanceerde flow', 'Afronden', 'API-download opnieuw aanbieden',
    ]);
  });

  it('formats counts for the locale', async () => {
    await loadLocale('de');
    expect(messages('de').organisationsFound(10000)).to.equal('10.000 Organisationen');
    await loadLocale('en');
    expect(messages('en').organisationsFound(10000)).to.equal('10,000 organisations');
  });

  it('matches language tags to the locales it has', () => {
    expect(allLocales.map((locale) => matchLocale(locale.toUpperCase()))).to.deep.equal([...allLocales]);
    expect(matchLocale('nl-BE')).to.equal('nl');
    expect(matchLocale('de_AT')).to.equal('de');
    expect(matchLocale('pt')).to.equal(null);
    expect(matchLocale(null)).to.equal(null);
  });

  it('writes the apostrophe one way in every language (the straight one)', async () => {
    for (const locale of allLocales) {
      await loadLocale(locale);
      const curly = [...render(messages(locale))].filter(([, text]) => text.includes('\u2019')).map(([key]) => `${locale}:${key}`);
      expect(curly).to.deep.equal([]);
    }
  });
});
