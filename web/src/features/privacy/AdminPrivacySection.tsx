import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { privacyMessages } from './messages';

const PrivacySchoolsQuery = graphql(`
  query PrivacySchools {
    schools {
      id
      name
    }
  }
`);

/** The admin area's way in: one link a school to its privacy page. */
export function AdminPrivacySection() {
  const { t } = useFeatureI18n(privacyMessages);
  const { data, error, refetch } = useQuery(PrivacySchoolsQuery);
  return (
    <section aria-labelledby="privacy-schools-heading">
      <h2 id="privacy-schools-heading">{t('school.title')}</h2>
      <p className="page__intro">{t('admin.schools')}</p>
      {!data && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!data && !error && <Loading />}
      {data && data.schools.length === 0 && <p className="empty-state">{t('admin.schoolsEmpty')}</p>}
      {data && data.schools.length > 0 && (
        <ul className="link-list">
          {data.schools.map((school) => (
            <li key={school.id}>
              <Link to={`/privacy/${school.id}`}>{school.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
