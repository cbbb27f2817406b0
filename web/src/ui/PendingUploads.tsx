import { useMutation } from '@apollo/client/react';
import { isErrorCode } from '@lmr/domain';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../app/i18n';
import { sendFile, UploadError, type UploadedFile } from '../app/upload';
import { graphql } from '../gql';
import type { FilePurpose } from '../gql/graphql';

const RequestUploadTicketMutation = graphql(`
  mutation RequestUploadTicket($input: RequestUploadInput!) {
    requestUpload(input: $input) {
      ticket
      uploadUrl
      maxBytes
    }
  }
`);

export interface PendingUpload {
  key: string;
  name: string;
  /** 0 to 1. */
  progress: number;
  /** Why it failed, in the reader's words; null while it is on its way. */
  problem: string | null;
}

/**
 * Files on their way: each asks for a ticket, is sent with progress, and is then handed to
 * `onSent` (which attaches it somewhere). A failure stays in the list, explained, until dismissed.
 */
export function useFileUploads(purpose: FilePurpose, onSent: (sent: UploadedFile) => Promise<unknown> | void) {
  const { t, errorMessage } = useI18n();
  const [requestUpload] = useMutation(RequestUploadTicketMutation);
  const [uploads, setUploads] = useState<PendingUpload[]>([]);
  const patch = (key: string, change: Partial<PendingUpload>) => setUploads((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const reason = (code: string) => t(`error.${isErrorCode(code) || code === 'NETWORK' ? code : 'UNKNOWN'}` as MessageKey);

  const upload = async (file: File) => {
    const key = `${file.name}-${Date.now()}-${Math.random()}`;
    setUploads((list) => [...list, { key, name: file.name, progress: 0, problem: null }]);
    try {
      const { data } = await requestUpload({ variables: { input: { purpose } } });
      if (!data) throw new UploadError('UNKNOWN');
      const { ticket, uploadUrl, maxBytes } = data.requestUpload;
      if (file.size > maxBytes) throw new UploadError('PAYLOAD_TOO_LARGE');
      const sent = await sendFile(uploadUrl, ticket, file, (progress) => patch(key, { progress }));
      await onSent(sent);
      setUploads((list) => list.filter((other) => other.key !== key));
    } catch (error) {
      patch(key, { problem: error instanceof UploadError ? reason(error.code) : errorMessage(error) });
    }
  };
  const dismiss = (key: string) => setUploads((list) => list.filter((other) => other.key !== key));
  return { uploads, upload, dismiss };
}

interface PendingUploadsProps {
  uploads: readonly PendingUpload[];
  onDismiss: (key: string) => void;
  uploading: (name: string) => string;
  failed: (name: string, reason: string) => string;
  dismissLabel: string;
  className: string;
}

/** Each file on its way with a progress bar, or why it failed with a way to clear it. */
export function PendingUploads({ uploads, onDismiss, uploading, failed, dismissLabel, className }: PendingUploadsProps) {
  return (
    <>
      {uploads.map((item) => (
        <div key={item.key} className={className}>
          {item.problem ? (
            <p role="alert" className="field__error">
              {failed(item.name, item.problem)}{' '}
              <button type="button" className="button button--secondary button--small" onClick={() => onDismiss(item.key)}>
                {dismissLabel}
              </button>
            </p>
          ) : (
            <label>
              {uploading(item.name)}
              <progress max={100} value={Math.round(item.progress * 100)} />
            </label>
          )}
        </div>
      ))}
    </>
  );
}
