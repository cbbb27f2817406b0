import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { AccessLogSection } from './AccessLogSection';
import { ConsentSection } from './ConsentSection';
import { DeletePupilSection } from './DeletePupilSection';
import { ExportButton } from './ExportButton';
import { privacyMessages } from './messages';

const PupilPrivacyQuery = graphql(`
  query PupilPrivacy($pupilId: ID!) {
    pupilPrivacy(pupilId: $pupilId) {
      id
      displayName
      exportUrl
      canDelete
      workCount
      fileCount
      classes {
        id
        name
        schoolYear
      }
      nominations {
        ...ConsentSection_nomination
      }
    }
  }
`);

/** A pupil's data page, for the teachers of the pupil's classes and the museum's admins. */
export function PupilPrivacyPage() {
  const { pupilId = '' } = useParams();
  const { t } = useFeatureI18n(privacyMessages);
  const { data, error, refetch } = useQuery(PupilPrivacyQuery, { variables: { pupilId } });
  const pupil = data?.pupilPrivacy;
  const [deleted, setDeleted] = useState<string | null>(null);
  usePageTitle(pupil ? t('pupil.title', { name: pupil.displayName }) : t('school.title'));

  if (deleted) {
    return (
      <section className="page" aria-labelledby="pupil-deleted-heading">
        <h1 id="pupil-deleted-heading">{t('delete.heading')}</h1>
        <p className="notice" role="status">
          {deleted}
        </p>
        <Link to="/classes">{t('pupil.backToClasses')}</Link>
      </section>
    );
  }
  if (!pupil) {
    return (
      <section className="page">
        {error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}
      </section>
    );
  }
  return (
    <section className="page" aria-labelledby="pupil-privacy-heading">
      <h1 id="pupil-privacy-heading">{t('pupil.title', { name: pupil.displayName })}</h1>
      <p className="page__intro">{t('pupil.intro')}</p>
      <p>
        {t('pupil.classes')}:{' '}
        {pupil.classes.map((c, i) => (
          <span key={c.id}>
            {i > 0 ? '、' : ''}
            <Link to={`/classes/${c.id}`}>
              {c.name} ({c.schoolYear})
            </Link>
          </span>
        ))}
        {' · '}
        {t('pupil.counts', { works: pupil.workCount, files: pupil.fileCount })}
        {' · '}
        <Link to="/privacy">{t('school.title')}</Link>
      </p>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t('export.heading')}</h2>
        <p>{t('export.intro')}</p>
        <ExportButton url={pupil.exportUrl} />
      </section>

      <ConsentSection nominations={pupil.nominations} />

      {pupil.canDelete && <AccessLogSection pupilId={pupil.id} />}
      {pupil.canDelete && <DeletePupilSection pupilId={pupil.id} displayName={pupil.displayName} onDeleted={setDeleted} />}
    </section>
  );
}
