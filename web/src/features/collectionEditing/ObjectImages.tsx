import type { Reference } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useState, type ChangeEvent } from 'react';
import { errorCodeOf, useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { ObjectImages_ObjectFragment } from '../../gql/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { TextField } from '../../ui/Field';
import { PendingUploads, useFileUploads } from '../../ui/PendingUploads';
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

/** The object's photographs: uploaded with progress, captioned, removed after a question. */
export function ObjectImages({ object }: { object: ObjectImages_ObjectFragment }) {
  const { t, errorMessage } = useFeatureI18n(collectionEditingMessages);
  const { id: objectId, images } = object;
  const inputId = useId();
  const [caption, setCaption] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [addImage] = useMutation(AddImageMutation);
  const [removeImage, removal] = useMutation(RemoveImageMutation);
  const client = useApolloClient();

  const { uploads, upload, dismiss } = useFileUploads('COLLECTION_IMAGE', async (sent) => {
    const text = caption.trim();
    await addImage({ variables: { input: { objectId, fileId: sent.fileId, ...(text ? { caption: text } : {}) } } });
    setCaption('');
  });

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
      // Already gone (removed in another tab or by a colleague): take it off this page too.
      if (errorCodeOf(error) === 'NOT_FOUND') {
        const gone = removing;
        client.cache.modify({
          id: client.cache.identify({ __typename: 'CollectionObject', id: objectId }),
          fields: { images: (list: readonly Reference[], { readField }) => list.filter((image) => readField('fileId', image) !== gone) },
        });
      } else {
        setFailure(error);
      }
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
      <PendingUploads
        uploads={uploads}
        onDismiss={dismiss}
        uploading={(name) => t('images.uploading', { name })}
        failed={(name, reason) => t('images.failed', { name, reason })}
        dismissLabel={t('images.dismiss')}
        className="object-images__upload"
      />
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
