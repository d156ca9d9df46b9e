import type { LocaleTemplates } from './template.js';

export type { LocaleTemplates } from './template.js';

/** nl is the source locale (the help article's wording); the others are Exact Online's markets. */
export const sourceLocale = 'nl';
export const targetLocales = ['en', 'fr', 'de', 'es'] as const;
export const allLocales = [sourceLocale, ...targetLocales] as const;
export type Locale = (typeof allLocales)[number];

/** One chunk per language, imported when an element first asks for it. */
const loaders: Record<(typeof targetLocales)[number], () => Promise<{ templates: LocaleTemplates }>> = {
  en: () => import('./locales/en.js'),
  fr: () => import('./locales/fr.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
};

/**
 * `nl-NL`, `EN`, `de-AT` → a locale we have; anything else → null. The element's `locale`
 * attribute and the host page's `lang` both go through here.
 */
export function matchLocale(value: string | null | undefined): Locale | null {
  const language = value?.trim().toLowerCase().split(/[-_]/)[0];
  return allLocales.find((locale) => locale === language) ?? null;
}

/**
 * Each loaded locale's messages, shared by every element on the page. No locale is "active":
 * each element asks for the one it speaks. Dutch is the source, in messages.ts itself.
 */
const loaded = new Map<Locale, LocaleTemplates>([[sourceLocale, {}]]);

/** The locale's messages, or undefined while its chunk is not loaded. */
export const loadedTemplates = (locale: Locale): LocaleTemplates | undefined => loaded.get(locale);

/**
 * Loads the locale's messages into the cache, once: the browser's module map answers a second
 * import of the same chunk (also one made while the first is on its way). A failed load may be
 * tried again.
 */
export async function loadLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return;
  const { templates } = await loaders[locale as (typeof targetLocales)[number]]();
  loaded.set(locale, templates);
}
