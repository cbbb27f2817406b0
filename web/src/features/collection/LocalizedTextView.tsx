import { pickLocalized, useI18n, type LocalizedValue } from '../../app/i18n';

/** Text in the reader's language, or in the other one (marked with `lang`) when missing. */
export function LocalizedTextView({ value, fallback = null }: { value: LocalizedValue | null | undefined; fallback?: string | null }) {
  const { language } = useI18n();
  const choice = pickLocalized(value, language);
  if (!choice) return fallback;
  return choice.lang ? <span lang={choice.lang}>{choice.text}</span> : choice.text;
}
