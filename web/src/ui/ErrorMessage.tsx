import { useI18n } from '../app/i18n';

interface ErrorMessageProps {
  error: unknown;
  onRetry?: () => void;
}

/** Shows the translated sentence for an error; the technical message never reaches the reader. */
export function ErrorMessage({ error, onRetry }: ErrorMessageProps) {
  const { t, errorMessage } = useI18n();
  return (
    <div className="error-message" role="alert">
      <p className="error-message__heading">{t('error.heading')}</p>
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
