import { useQuery } from '@apollo/client/react';
import { DEFAULT_PAGE_SIZE } from '@lmr/domain';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { LoadMore } from '../../ui/LoadMore';
import { TableScroll } from '../../ui/TableScroll';
import { usePagedList } from '../../ui/usePagedList';
import { privacyMessages, type PrivacyMessageKey } from './messages';

const PupilAccessLogQuery = graphql(`
  query PupilAccessLog($pupilId: ID!, $first: Int!, $after: String) {
    pupilAccessLog(pupilId: $pupilId, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          action
          actorName
          details
          createdAt
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

function viewOf(details: string): string | null {
  try {
    const parsed = JSON.parse(details) as { view?: unknown };
    return typeof parsed.view === 'string' ? parsed.view : null;
  } catch {
    return null;
  }
}

/** Who looked at the pupil's work and grades: admins only (the page shows it to them alone). */
export function AccessLogSection({ pupilId }: { pupilId: string }) {
  const { t, formatDate } = useFeatureI18n(privacyMessages);
  const accessLog = useQuery(PupilAccessLogQuery, { variables: { pupilId, first: DEFAULT_PAGE_SIZE } });
  const { data, error, refetch } = accessLog;
  const log = data?.pupilAccessLog;
  const paging = usePagedList(accessLog, log?.pageInfo);
  const known = (key: string): key is PrivacyMessageKey => key in privacyMessages.en;
  const label = (key: string, fallback: string) => (known(key) ? t(key) : fallback);

  return (
    <section aria-labelledby="access-heading">
      <h2 id="access-heading">{t('access.heading')}</h2>
      <p>{t('access.intro')}</p>
      {!log && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!log && !error && <Loading />}
      {log && log.edges.length === 0 && <p className="empty-state">{t('access.empty')}</p>}
      {log && log.edges.length > 0 && (
        <TableScroll label={t('access.heading')}>
          <table className="table">
            <caption className="visually-hidden">{t('access.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('access.col.when')}</th>
                <th scope="col">{t('access.col.who')}</th>
                <th scope="col">{t('access.col.what')}</th>
                <th scope="col">{t('access.col.view')}</th>
              </tr>
            </thead>
            <tbody>
              {log.edges.map(({ node }) => {
                const view = viewOf(node.details);
                return (
                  <tr key={node.id}>
                    <td>
                      <time dateTime={String(node.createdAt)}>{formatDate(String(node.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
                    </td>
                    <td>{node.actorName ?? t('access.unknownActor')}</td>
                    <th scope="row">{label(`access.action.${node.action}`, node.action)}</th>
                    <td>{view ? label(`access.view.${view}`, view) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMore paging={paging} label={t('access.loadMore')} />
    </section>
  );
}
