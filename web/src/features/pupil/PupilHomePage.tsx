import { useQuery } from '@apollo/client/react';
import { DEFAULT_PAGE_SIZE } from '@lmr/domain';
import { Link } from 'react-router';
import { pickLocalized, useFeatureI18n } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { LoadMore } from '../../ui/LoadMore';
import { usePagedList } from '../../ui/usePagedList';
import { usePageTitle } from '../../ui/usePageTitle';
import { LocalizedTextView } from '../collection/LocalizedTextView';
import { MyMuseumResultNote } from '../exhibition/MyMuseumResult';
import { pupilMessages } from './messages';

const PupilHomeQuery = graphql(`
  query PupilHome($first: Int!, $after: String) {
    myAssignments(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          className
          mode
          dueAt
          title {
            zh
            en
          }
          drivingQuestion {
            zh
            en
          }
          nextMilestone {
            key
            number
            dueAt
            title {
              zh
              en
            }
          }
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
    # The museum's decisions on the pupil's work, newest first: shown on the project's card.
    myNominationResults {
      id
      assignmentId
      ...MyMuseumResult_result
    }
  }
`);

// Children read a weekday and a date more easily than a full timestamp; the time is in their own zone.
const dueFormat: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' };

export function PupilHomePage() {
  const { t, language, formatDate } = useFeatureI18n(pupilMessages);
  const viewer = useViewer();
  const name = viewer.status === 'signedIn' ? viewer.me.displayName : '';
  usePageTitle(t('pupilHome.projects'));
  const home = useQuery(PupilHomeQuery, { variables: { first: DEFAULT_PAGE_SIZE } });
  const { data, error, refetch } = home;
  const assignments = data?.myAssignments;
  const paging = usePagedList(home, assignments?.pageInfo);
  const museumResultOf = (assignmentId: string) => data?.myNominationResults.find((result) => result.assignmentId === assignmentId) ?? null;

  return (
    <section className="page pupil-home" aria-labelledby="pupil-home-heading">
      <h1 id="pupil-home-heading">{t('pupilHome.title', { name })}</h1>
      <p className="page__intro">{t('pupilHome.intro')}</p>
      <h2>{t('pupilHome.projects')}</h2>
      {!assignments && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!assignments && !error && <Loading />}
      {assignments && assignments.edges.length === 0 && (
        <div className="empty-state">
          <p>{t('pupilHome.empty')}</p>
          <Link to="/" className="button">
            {t('pupilHome.explore')}
          </Link>
        </div>
      )}
      {assignments && assignments.edges.length > 0 && (
        <ul className="card-grid" aria-label={t('pupilHome.projects')}>
          {assignments.edges.map(({ node }) => (
            <li key={node.id}>
              <article className="card assignment-card">
                <h3 className="card__title">
                  <Link to={`/my/assignments/${node.id}`}>
                    <LocalizedTextView value={node.title} />
                  </Link>
                </h3>
                <p className="assignment-card__question">
                  <LocalizedTextView value={node.drivingQuestion} />
                </p>
                <p className="assignment-card__next">
                  {node.nextMilestone?.dueAt != null
                    ? t('pupilHome.next', {
                        title: pickLocalized(node.nextMilestone.title, language)?.text ?? '',
                        date: formatDate(String(node.nextMilestone.dueAt), dueFormat),
                      })
                    : t('pupilHome.noNext')}
                </p>
                <p className="card__meta">{t('pupilHome.due', { date: formatDate(String(node.dueAt), dueFormat) })}</p>
                <p className="card__meta">{[node.className, t(node.mode === 'TEAM' ? 'pupilHome.team' : 'pupilHome.individual')].join(' · ')}</p>
                <MyMuseumResultNote result={museumResultOf(node.id)} projectTitle={pickLocalized(node.title, language)?.text ?? ''} />
              </article>
            </li>
          ))}
        </ul>
      )}
      <LoadMore paging={paging} label={t('pupilHome.loadMore')} />
    </section>
  );
}
