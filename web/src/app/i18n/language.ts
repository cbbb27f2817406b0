export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'zh-CN';

// Each language names itself, so a reader who does not know the current one can still find theirs.
export const languageNames: Record<Language, string> = {
  'zh-CN': '中文',
  en: 'English',
};

const storageKey = 'lmr.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be blocked (private mode, school policies): fall back to the default.
    return defaultLanguage;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is acceptable; the page still switches.
  }
}
