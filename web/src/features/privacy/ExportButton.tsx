import { useFeatureI18n } from '../../app/i18n';
import { privacyMessages } from './messages';
import { usePupilExport } from './usePupilExport';

/** Downloads the pupil's ZIP and says where it stands: preparing, downloading, done or failed. */
export function ExportButton({ url }: { url: string }) {
  const { t } = useFeatureI18n(privacyMessages);
  const { state, start } = usePupilExport(url, 'pupil-record.zip');
  const busy = state.kind === 'preparing' || state.kind === 'downloading';
  return (
    <div className="export">
      <button type="button" className="button" onClick={() => void start()} disabled={busy} aria-busy={busy}>
        {state.kind === 'preparing' ? t('export.preparing') : state.kind === 'downloading' ? t('export.downloading') : t('export.button')}
      </button>
      <p role="status" className={state.kind === 'failed' ? 'form-error' : 'notice'} hidden={state.kind === 'idle'}>
        {state.kind === 'preparing' && t('export.preparing')}
        {state.kind === 'downloading' && t('export.downloading')}
        {state.kind === 'done' && t('export.done')}
        {state.kind === 'failed' && t('export.failed', { reason: t(`error.${state.code}`) })}
      </p>
    </div>
  );
}
