/**
 * Our own message lookup, in place of @lit/localize's runtime: it keeps one active locale per
 * page, and two elements with different locales on one page would overwrite each other. Here a
 * lookup is made for one locale's templates, so each element asks in its own language.
 */

/** A message with values: the text around them, and the values (in a locale file: their positions in the Dutch). */
export interface Template {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

/** A locale's messages, keyed by the ids in messages.ts; a message it lacks is said in Dutch. */
export type LocaleTemplates = Readonly<Record<string, string | Template>>;

/**
 * Tags a message with values: str`Stap ${step} van ${total}` in messages.ts; in a locale file
 * str`Step ${0} of ${1}`, where ${0} is the Dutch message's first value, so a language may put
 * the values in another order.
 */
export const str = (strings: TemplateStringsArray, ...values: unknown[]): Template => ({ strings, values });

/** The text with the values between its parts. */
const join = (strings: readonly string[], valueAt: (index: number) => unknown): string =>
  strings.reduce((text, part, index) => text + String(valueAt(index - 1)) + part);

/** `msg(dutch, { id })` that answers from `templates`, falling back to the Dutch it is given. */
export function translator(templates: LocaleTemplates) {
  return (source: string | Template, { id }: { id: string }): string => {
    const translated = templates[id] ?? source;
    if (typeof translated === 'string') return translated;
    if (translated === source) return join(source.strings, (index) => source.values[index]);
    const values = typeof source === 'string' ? [] : source.values;
    return join(translated.strings, (index) => values[translated.values[index] as number]);
  };
}
