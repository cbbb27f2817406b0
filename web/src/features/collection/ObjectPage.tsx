import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { errorCodeOf, pickLocalized, useI18n, type LocalizedValue, type MessageKey } from '../../app/i18n';
import { graphql } from '../../gql';
import { useViewer } from '../../app/viewer';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { LocalizedTextView } from './LocalizedTextView';
import { ThemeChips } from './ThemeChips';

const ObjectPageQuery = graphql(`
  query ObjectPage($id: ID!) {
    collectionObject(id: $id) {
      id
      accessionNumber
      title {
        zh
        en
      }
      maker {
        zh
        en
      }
      period {
        zh
        en
      }
      kind {
        zh
        en
      }
      description {
        zh
        en
      }
      location
      rightsStatement
      themes
    }
  }
`);

function BackLink() {
  const { t } = useI18n();
  return (
    <p className="back-link">
      <Link to="/">← {t('object.back')}</Link>
    </p>
  );
}

export function ObjectPage() {
  const { t, language } = useI18n();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(ObjectPageQuery, { variables: { id } });
  const object = data?.collectionObject;
  const title = object ? (pickLocalized(object.title, language)?.text ?? object.accessionNumber) : null;
  const notFound = !object && error !== undefined && errorCodeOf(error) === 'NOT_FOUND';
  usePageTitle(title ?? (notFound ? t('object.notFoundTitle') : t('collection.title')));

  if (notFound) {
    return (
      <section className="page page--narrow">
        <BackLink />
        <h1>{t('object.notFoundTitle')}</h1>
        <p>{t('object.notFoundBody')}</p>
      </section>
    );
  }
  if (!object) {
    return (
      <section className="page page--narrow">
        <BackLink />
        {error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}
      </section>
    );
  }

  const educator = viewer.status === 'signedIn' && viewer.me.role === 'MUSEUM_EDUCATOR';
  const localizedFacts: { label: MessageKey; value: LocalizedValue | null | undefined }[] = [
    { label: 'object.maker', value: object.maker },
    { label: 'object.period', value: object.period },
    { label: 'object.kind', value: object.kind },
  ];
  const plainFacts: { label: MessageKey; value: string | null | undefined }[] = [
    { label: 'object.accessionNumber', value: object.accessionNumber },
    { label: 'object.location', value: object.location },
    { label: 'object.rights', value: object.rightsStatement },
  ];

  return (
    <article className="page page--narrow object-page" aria-labelledby="object-title">
      <BackLink />
      <h1 id="object-title">
        <LocalizedTextView value={object.title} fallback={object.accessionNumber} />
      </h1>
      {educator && (
        <p>
          <Link to={`/collection/${object.id}/edit`} className="button button--secondary">
            {t('object.edit')}
          </Link>
        </p>
      )}
      <dl className="object-page__titles">
        {object.title.zh && (
          <div>
            <dt>{t('object.titleZh')}</dt>
            <dd lang="zh-CN">{object.title.zh}</dd>
          </div>
        )}
        {object.title.en && (
          <div>
            <dt>{t('object.titleEn')}</dt>
            <dd lang="en">{object.title.en}</dd>
          </div>
        )}
      </dl>

      <ThemeChips themes={object.themes} label={t('object.themes')} />

      {pickLocalized(object.description, language) && (
        <section className="object-page__description" aria-labelledby="object-description">
          <h2 id="object-description">{t('object.description')}</h2>
          <p>
            <LocalizedTextView value={object.description} />
          </p>
        </section>
      )}

      <section aria-labelledby="object-details">
        <h2 id="object-details">{t('object.details')}</h2>
        <dl className="object-page__facts">
          {localizedFacts
            .filter(({ value }) => pickLocalized(value, language) !== null)
            .map(({ label, value }) => (
              <div key={label}>
                <dt>{t(label)}</dt>
                <dd>
                  <LocalizedTextView value={value} />
                </dd>
              </div>
            ))}
          {plainFacts
            .filter(({ value }) => Boolean(value?.trim()))
            .map(({ label, value }) => (
              <div key={label}>
                <dt>{t(label)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
      </section>
    </article>
  );
}
