import { useQuery } from '@apollo/client/react';
import { AUDIT_ACTIONS, DEFAULT_PAGE_SIZE, type AuditAction } from '@lmr/domain';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { LoadMore } from '../../ui/LoadMore';
import { TableScroll } from '../../ui/TableScroll';
import { usePagedList } from '../../ui/usePagedList';
import { adminMessages } from './messages';

const AuditLogQuery = graphql(`
  query AuditLog($first: Int!, $after: String) {
    auditLog(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          action
          actorName
          createdAt
          subjectType
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

const subjects = ['Account', 'Class', 'Invitation', 'Pupil', 'School', 'Work', 'Assignment', 'Nomination'] as const;

function isKnownSubject(subject: string): subject is (typeof subjects)[number] {
  return (subjects as readonly string[]).includes(subject);
}

function isKnownAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

export function AuditLogSection() {
  const { t, formatDate } = useFeatureI18n(adminMessages);
  const audit = useQuery(AuditLogQuery, { variables: { first: DEFAULT_PAGE_SIZE } });
  const { data, error, refetch } = audit;
  const log = data?.auditLog;
  const paging = usePagedList(audit, log?.pageInfo);

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.list')}</h2>
      <p className="page__intro">{t('audit.intro')}</p>
      {!log && error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!log && !error && <Loading />}
      {log && log.edges.length === 0 && <p className="empty-state">{t('audit.empty')}</p>}
      {log && log.edges.length > 0 && (
        <TableScroll label={t('audit.list')}>
          <table className="table">
            <caption className="visually-hidden">{t('audit.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.col.when')}</th>
                <th scope="col">{t('audit.col.who')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {log.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td>
                    <time dateTime={String(node.createdAt)}>{formatDate(String(node.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</time>
                  </td>
                  <td>{node.actorName ?? t('audit.unknownActor')}</td>
                  <th scope="row">{isKnownAction(node.action) ? t(`audit.action.${node.action}`) : node.action}</th>
                  <td>{node.subjectType ? (isKnownSubject(node.subjectType) ? t(`audit.subject.${node.subjectType}`) : node.subjectType) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <LoadMore paging={paging} label={t('audit.loadMore')} loadingLabel={t('audit.loadingMore')} />
    </section>
  );
}
