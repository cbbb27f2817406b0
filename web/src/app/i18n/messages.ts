import { useMemo } from 'react';
import { useI18n, type I18n } from './I18nProvider';
import { interpolate } from './format';
import type { Language } from './language';
import type { MessageKey } from './zh-CN';

/**
 * A feature's own sentences, kept next to its pages and downloaded with them, so the first
 * screen does not carry every page's words. zh-CN is the source; `en` must have the same keys.
 */
export type FeatureMessages<Key extends string> = Record<Language, Record<Key, string>>;

export function defineMessages<Key extends string>(zhCN: Record<Key, string>, en: Record<Key, string>): FeatureMessages<Key> {
  return { 'zh-CN': zhCN, en };
}

export type FeatureTranslate<Key extends string> = (key: Key | MessageKey, values?: Record<string, string | number>) => string;

/** The app's i18n with `t` that also knows the feature's keys (the feature's words win). */
export function useFeatureI18n<Key extends string>(messages: FeatureMessages<Key>): Omit<I18n, 't'> & { t: FeatureTranslate<Key> } {
  const i18n = useI18n();
  const own = messages[i18n.language] as Record<string, string>;
  return useMemo(() => {
    const t: FeatureTranslate<Key> = (key, values) =>
      key in own ? interpolate(own[key]!, values) : i18n.t(key as MessageKey, values);
    return { ...i18n, t };
  }, [i18n, own]);
}
