export { I18nProvider, useI18n, useT, type I18n, type Translate } from './I18nProvider';
export { errorCodeOf, fieldErrorOf, type ErrorCode, type FieldError } from './errors';
export { formatDate, formatNumber } from './format';
export { defaultLanguage, languageNames, languages, readStoredLanguage, type Language } from './language';
export { pickLocalized, type LocalizedChoice, type LocalizedValue } from './localized';
export { defineMessages, useFeatureI18n, type FeatureMessages, type FeatureTranslate } from './messages';
export type { MessageKey } from './zh-CN';
