import { useMutation } from '@apollo/client/react';
import { isErrorCode } from '@lmr/domain';
import { useId, useState, type ChangeEvent } from 'react';
import { useFeatureI18n, type MessageKey } from '../../app/i18n';
import { graphql } from '../../gql';
import { sendFile, UploadError } from '../../app/upload';
import { workMessages } from './messages';

const RequestUploadMutation = graphql(`
  mutation RequestWorkUpload($input: RequestUploadInput!) {
    requestUpload(input: $input) {
      ticket
      uploadUrl
      maxBytes
    }
  }
`);

interface Upload {
  key: string;
  name: string;
  progress: number;
  problem: string | null;
}

interface AttachmentsProps {
  ids: string[];
  onChange: (change: (ids: string[]) => string[]) => void;
}

export function Attachments({ ids, onChange }: AttachmentsProps) {
  const { t, errorMessage } = useFeatureI18n(workMessages);
  const inputId = useId();
  const [requestUpload] = useMutation(RequestUploadMutation);
  const [uploads, setUploads] = useState<Upload[]>([]);
  // What the upload answered; files saved before this visit are tried as images first.
  const [notImages, setNotImages] = useState<Record<string, true>>({});

  const patch = (key: string, change: Partial<Upload>) => setUploads((list) => list.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
  const reason = (code: string) => t(`error.${isErrorCode(code) || code === 'NETWORK' ? code : 'UNKNOWN'}` as MessageKey);

  const upload = async (file: File) => {
    const key = `${file.name}-${Date.now()}-${Math.random()}`;
    setUploads((list) => [...list, { key, name: file.name, progress: 0, problem: null }]);
    try {
      const { data } = await requestUpload({ variables: { input: { purpose: 'WORK_ATTACHMENT' } } });
      if (!data) throw new UploadError('UNKNOWN');
      const { ticket, uploadUrl, maxBytes } = data.requestUpload;
      if (file.size > maxBytes) throw new UploadError('PAYLOAD_TOO_LARGE');
      const sent = await sendFile(uploadUrl, ticket, file, (progress) => patch(key, { progress }));
      if (!sent.thumbnail) setNotImages((known) => ({ ...known, [sent.fileId]: true }));
      onChange((list) => [...list, sent.fileId]);
      setUploads((list) => list.filter((other) => other.key !== key));
    } catch (error) {
      patch(key, { problem: error instanceof UploadError ? reason(error.code) : errorMessage(error) });
    }
  };

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
      {uploads.map((item) => (
        <div key={item.key} className="attachments__upload">
          {item.problem ? (
            <p role="alert" className="field__error">
              {t('attachments.failed', { name: item.name, reason: item.problem })}{' '}
              <button type="button" className="button button--secondary button--small" onClick={() => setUploads((list) => list.filter((other) => other.key !== item.key))}>
                {t('attachments.dismiss')}
              </button>
            </p>
          ) : (
            <label>
              {t('attachments.uploading', { name: item.name })}
              <progress max={100} value={Math.round(item.progress * 100)} />
            </label>
          )}
        </div>
      ))}
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
