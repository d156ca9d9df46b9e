import { configureLocalization, type LocaleModule } from '@lit/localize';

/** nl is the source locale (the help article's wording); the others are Exact Online's markets. */
export const sourceLocale = 'nl';
export const targetLocales = ['en', 'fr', 'de', 'es'] as const;
export const allLocales = [sourceLocale, ...targetLocales] as const;
export type Locale = (typeof allLocales)[number];

export type LocaleTemplates = LocaleModule['templates'];

const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
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

let localization: ReturnType<typeof configureLocalization> | null = null;

/**
 * Switches the page's active locale (lit-localize keeps one per document) and resolves when
 * its strings are loaded. Locale modules are loaded once, on first use.
 */
export function useLocale(locale: Locale): Promise<void> {
  localization ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (code) => loaders[code as (typeof targetLocales)[number]](),
  });
  return localization.setLocale(locale);
}
