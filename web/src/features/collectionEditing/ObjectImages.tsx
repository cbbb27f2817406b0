import { useMutation } from '@apollo/client/react';
import { isErrorCode } from '@lmr/domain';
import { useId, useState, type ChangeEvent } from 'react';
import { useFeatureI18n, type MessageKey } from '../../app/i18n';
import { sendFile, UploadError } from '../../app/upload';
import { graphql } from '../../gql';
import type { ObjectImages_ObjectFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextField } from '../../ui/Field';
import { collectionEditingMessages } from './messages';

graphql(`
  fragment ObjectImages_Object on CollectionObject {
    id
    images {
      fileId
      caption
      thumbnailUrl
      url
    }
  }
`);

const RequestImageUploadMutation = graphql(`
  mutation RequestCollectionImageUpload($input: RequestUploadInput!) {
    requestUpload(input: $input) {
      ticket
      uploadUrl
      maxBytes
    }
  }
`);

const AddImageMutation = graphql(`
  mutation AddCollectionObjectImage($input: AddCollectionObjectImageInput!) {
    addCollectionObjectImage(input: $input) {
      object {
        ...ObjectImages_Object
      }
    }
  }
`);

const RemoveImageMutation = graphql(`
  mutation RemoveCollectionObjectImage($input: RemoveCollectionObjectImageInput!) {
    removeCollectionObjectImage(input: $input) {
      object {
        ...ObjectImages_Object
      }
    }
  }
`);

interface Upload {
  key: string;
  name: string;
  progress: number;
  problem: string | null;
}

/** The object's photographs: uploaded with progress, captioned, removed after a question. */
export function ObjectImages({ object }: { object: ObjectImages_ObjectFragment }) {
  const { t, errorMessage } = useFeatureI18n(collectionEditingMessages);
  const { id: objectId, images } = object;
  const inputId = useId();
  const [caption, setCaption] = useState('');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [requestUpload] = useMutation(RequestImageUploadMutation);
  const [addImage] = useMutation(AddImageMutation);
  const [removeImage, removal] = useMutation(RemoveImageMutation);

  const patch = (key: string, change: Partial<Upload>) => setUploads((list) => list.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
  const reason = (code: string) => t(`error.${isErrorCode(code) || code === 'NETWORK' ? code : 'UNKNOWN'}` as MessageKey);

  const upload = async (file: File) => {
    const key = `${file.name}-${Date.now()}-${Math.random()}`;
    const text = caption.trim();
    setUploads((list) => [...list, { key, name: file.name, progress: 0, problem: null }]);
    try {
      const { data } = await requestUpload({ variables: { input: { purpose: 'COLLECTION_IMAGE' } } });
      if (!data) throw new UploadError('UNKNOWN');
      const { ticket, uploadUrl, maxBytes } = data.requestUpload;
      if (file.size > maxBytes) throw new UploadError('PAYLOAD_TOO_LARGE');
      const sent = await sendFile(uploadUrl, ticket, file, (progress) => patch(key, { progress }));
      await addImage({ variables: { input: { objectId, fileId: sent.fileId, ...(text ? { caption: text } : {}) } } });
      setCaption('');
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

  const confirmRemove = async () => {
    if (!removing) return;
    setFailure(null);
    try {
      await removeImage({ variables: { input: { objectId, fileId: removing } } });
    } catch (error) {
      setFailure(error);
    }
    setRemoving(null);
  };

  return (
    <section className="panel object-images" aria-labelledby="object-images-heading">
      <h2 id="object-images-heading">{t('images.title')}</h2>
      {images.length === 0 ? (
        <p>{t('images.empty')}</p>
      ) : (
        <ul className="object-images__list">
          {images.map((image, index) => (
            <li key={image.fileId} className="object-images__item">
              <img src={image.thumbnailUrl ?? image.url} alt={image.caption ?? t('images.image', { number: index + 1 })} className="object-images__thumbnail" />
              {image.caption && <p>{image.caption}</p>}
              <button type="button" className="button button--secondary button--small" onClick={() => setRemoving(image.fileId)}>
                {t('images.remove', { number: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failure !== null && (
        <p className="form-error" role="alert">
          {errorMessage(failure)}
        </p>
      )}
      {uploads.map((item) => (
        <div key={item.key} className="object-images__upload">
          {item.problem ? (
            <p role="alert" className="field__error">
              {t('images.failed', { name: item.name, reason: item.problem })}{' '}
              <button type="button" className="button button--secondary button--small" onClick={() => setUploads((list) => list.filter((other) => other.key !== item.key))}>
                {t('images.dismiss')}
              </button>
            </p>
          ) : (
            <label>
              {t('images.uploading', { name: item.name })}
              <progress max={100} value={Math.round(item.progress * 100)} />
            </label>
          )}
        </div>
      ))}
      <TextField label={`${t('images.caption')}${t('editObject.optional')}`} name="caption" value={caption} onChange={(event) => setCaption(event.target.value)} />
      <input id={inputId} type="file" accept="image/*" multiple className="visually-hidden" onChange={onFiles} />
      <label htmlFor={inputId} className="button button--secondary object-images__pick">
        {t('images.add')}
      </label>
      <ConfirmDialog
        open={removing !== null}
        title={t('images.confirmRemoveTitle')}
        confirmLabel={t('images.confirmRemoveTitle')}
        busy={removal.loading}
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t('images.confirmRemoveBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
