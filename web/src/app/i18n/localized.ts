import type { Language } from './language';

export interface LocalizedValue {
  zh?: string | null;
  en?: string | null;
}

export interface LocalizedChoice {
  text: string;
  /** Set when the text is not in the page's language, so screen readers pronounce it right. */
  lang: Language | undefined;
}

const fieldOf: Record<Language, 'zh' | 'en'> = { 'zh-CN': 'zh', en: 'en' };

/** Picks the text in the reader's language and falls back to the other one. */
export function pickLocalized(value: LocalizedValue | null | undefined, language: Language): LocalizedChoice | null {
  if (!value) return null;
  const preferred = value[fieldOf[language]]?.trim();
  if (preferred) return { text: preferred, lang: undefined };
  const otherLanguage: Language = language === 'en' ? 'zh-CN' : 'en';
  const other = value[fieldOf[otherLanguage]]?.trim();
  if (other) return { text: other, lang: otherLanguage };
  return null;
}
