import { useId, useState, type ChangeEvent } from 'react';
import { useFeatureI18n } from '../../app/i18n';
import { PendingUploads, useFileUploads } from '../../ui/PendingUploads';
import { workMessages } from './messages';

interface AttachmentsProps {
  ids: string[];
  onChange: (change: (ids: string[]) => string[]) => void;
}

export function Attachments({ ids, onChange }: AttachmentsProps) {
  const { t } = useFeatureI18n(workMessages);
  const inputId = useId();
  // What the upload answered; files saved before this visit are tried as images first.
  const [notImages, setNotImages] = useState<Record<string, true>>({});
  const { uploads, upload, dismiss } = useFileUploads('WORK_ATTACHMENT', (sent) => {
    if (!sent.thumbnail) setNotImages((known) => ({ ...known, [sent.fileId]: true }));
    onChange((list) => [...list, sent.fileId]);
  });

  const onFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    files.forEach((file) => void upload(file));
  };

  return (
    <div className="attachments">
      {ids.length > 0 && (
        <ul className="attachments__list">
          {ids.map((id, index) => (
            <li key={id} className="attachments__item">
              {notImages[id] ? (
                <a href={`/files/${id}`} target="_blank" rel="noopener noreferrer" className="attachments__file">
                  {t('attachments.file', { number: index + 1 })}
                </a>
              ) : (
                <a href={`/files/${id}`} target="_blank" rel="noopener noreferrer">
                  <img
                    src={`/files/${id}/thumbnail`}
                    alt={t('attachments.image', { number: index + 1 })}
                    className="attachments__thumbnail"
                    onError={() => setNotImages((known) => ({ ...known, [id]: true }))}
                  />
                </a>
              )}
              <button type="button" className="button button--secondary button--small" onClick={() => onChange((list) => list.filter((other) => other !== id))}>
                {t('attachments.remove', { number: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PendingUploads
        uploads={uploads}
        onDismiss={dismiss}
        uploading={(name) => t('attachments.uploading', { name })}
        failed={(name, reason) => t('attachments.failed', { name, reason })}
        dismissLabel={t('attachments.dismiss')}
        className="attachments__upload"
      />
      <input id={inputId} type="file" className="visually-hidden" accept="image/*,audio/*,application/pdf" capture="environment" multiple onChange={onFiles} aria-describedby={`${inputId}-hint`} />
      <label htmlFor={inputId} className="button button--secondary attachments__add">
        {t('attachments.add')}
      </label>
      <p id={`${inputId}-hint`} className="field__hint">
        {t('attachments.hint')}
      </p>
    </div>
  );
}
