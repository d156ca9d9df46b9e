import { nl, type Messages } from './nl.js';

export type { Messages };
export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'nl';

export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

/** Dutch ships in the bundle; other languages load when first asked for. */
const loaders: Record<Locale, () => Promise<Messages>> = {
  nl: async () => nl,
  en: async () => (await import('./en.js')).en,
};

export const loadMessages = (locale: Locale): Promise<Messages> => loaders[locale]();
export { nl as defaultMessages };
