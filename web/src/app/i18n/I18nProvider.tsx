import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { errorCodeOf } from './errors';
import { formatDate, formatNumber, interpolate, pluralCategory } from './format';
import { readStoredLanguage, storeLanguage, type Language } from './language';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

const dictionaries: Record<Language, Messages> = { 'zh-CN': zhCN, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDate: (value: Date | string | number, options?: Intl.DateTimeFormatOptions) => string;
  /** Chooses `<key>.one` or `<key>.other` by the language's plural rules and fills in `{count}`. */
  formatCount: (key: 'collection.count', count: number) => string;
  /** The sentence a pupil or teacher reads for an error from Apollo, the API or the network. */
  errorMessage: (error: unknown) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initialLanguage }: { children: ReactNode; initialLanguage?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initialLanguage ?? readStoredLanguage());

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const messages = dictionaries[language];
    const t: Translate = (key, values) => interpolate(messages[key], values);
    return {
      language,
      setLanguage,
      t,
      formatNumber: (n, options) => formatNumber(n, language, options),
      formatDate: (d, options) => formatDate(d, language, options),
      formatCount: (key, count) =>
        t(pluralCategory(count, language) === 'one' ? `${key}.one` : `${key}.other`, {
          count: formatNumber(count, language),
        }),
      errorMessage: (error) => t(`error.${errorCodeOf(error)}`),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n must be used inside <I18nProvider>');
  return context;
}

export function useT(): Translate {
  return useI18n().t;
}
