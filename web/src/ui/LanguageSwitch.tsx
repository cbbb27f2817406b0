import { languageNames, languages, useI18n } from '../app/i18n';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('layout.languageSwitch')}>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          className="language-switch__option"
          lang={option}
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          {languageNames[option]}
        </button>
      ))}
    </div>
  );
}
