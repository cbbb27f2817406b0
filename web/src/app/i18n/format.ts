import type { Language } from './language';

/**
 * Building an Intl formatter costs about a millisecond (more for zh-CN's calendar data on a
 * tablet), using one costs microseconds: a page of dates built one per call spent most of its
 * script time here. So each (language, options) pair is built once and kept; the options are
 * few and written in the code, so the map stays small.
 */
function memoized<T>(make: (language: Language, options?: object) => T): (language: Language, options?: object) => T {
  const made = new Map<string, T>();
  return (language, options) => {
    const key = `${language}${options ? JSON.stringify(options) : ''}`;
    let formatter = made.get(key);
    if (!formatter) {
      formatter = make(language, options);
      made.set(key, formatter);
    }
    return formatter;
  };
}

const numberFormat = memoized((language, options) => new Intl.NumberFormat(language, options as Intl.NumberFormatOptions | undefined));
const dateFormat = memoized((language, options) => new Intl.DateTimeFormat(language, options as Intl.DateTimeFormatOptions));
const pluralRules = memoized((language) => new Intl.PluralRules(language));

export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  // Counts under a thousand read the same in both languages (Latin digits, no grouping), and
  // the page's first Intl formatter costs a tablet about half a second of loading the locale's
  // data: most pages show only such counts, so they never pay it.
  if (!options && Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  return numberFormat(language, options).format(value);
}

export function formatDate(
  value: Date | string | number,
  language: Language,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
): string {
  return dateFormat(language, options).format(new Date(value));
}

export function pluralCategory(count: number, language: Language): Intl.LDMLPluralRule {
  return pluralRules(language).select(count);
}

/** Replaces `{name}` placeholders; unknown placeholders are left visible so they get noticed. */
export function interpolate(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}
