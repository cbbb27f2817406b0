import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { useViewer } from '../../app/viewer';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { notificationsMessages } from './messages';
import { notificationKey, notificationPath } from './notificationText';

const NotificationsPageQuery = graphql(`
  query NotificationsPage($first: Int!) {
    notifications(first: $first) {
      unreadCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          id
          kind
          assignmentId
          versionId
          workId
          createdAt
          readAt
        }
      }
    }
  }
`);

const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
      notifications {
        id
        readAt
      }
    }
  }
`);

const pageSize = 20;
// The API's largest page; "show more" grows the one list up to it.
const maxPage = 100;

export function NotificationsPage() {
  const { t, formatDate, formatNumber } = useFeatureI18n(notificationsMessages);
  const viewer = useViewer();
  const role: Role = viewer.status === 'signedIn' ? viewer.me.role : 'PUPIL';
  const [first, setFirst] = useState(pageSize);
  const { data, error, refetch } = useQuery(NotificationsPageQuery, { variables: { first }, fetchPolicy: 'cache-and-network' });
  const [markRead, { loading }] = useMutation(MarkNotificationsReadMutation, {
    // The header's count and every cached list learn the new number at once.
    update(cache, { data: answer }) {
      const unreadCount = answer?.markNotificationsRead.unreadCount;
      if (unreadCount === undefined) return;
      cache.modify({
        fields: {
          notifications(existing: unknown) {
            return existing && typeof existing === 'object' && 'unreadCount' in existing ? { ...existing, unreadCount } : existing;
          },
        },
      });
    },
  });
  const [markError, setMarkError] = useState<unknown>(null);
  usePageTitle(t('notifications.title'));

  const mark = async (ids: string[] | null) => {
    setMarkError(null);
    try {
      // A list marks those; null marks all of the viewer's notifications, also unseen pages.
      await markRead({ variables: { input: { ids } } });
      if (ids === null) await refetch();
    } catch (caught) {
      setMarkError(caught);
    }
  };

  if (!data) {
    return (
      <section className="page page--narrow">
        <h1>{t('notifications.title')}</h1>
        {error ? <ErrorMessage error={error} onRetry={() => void refetch()} /> : <Loading />}
      </section>
    );
  }

  const { unreadCount, edges, pageInfo } = data.notifications;

  return (
    <section className="page page--narrow notifications-page" aria-labelledby="notifications-heading">
      <h1 id="notifications-heading">{t('notifications.title')}</h1>
      <div className="notifications-page__toolbar">
        <p role="status">{unreadCount > 0 ? t('notifications.unreadCount', { count: formatNumber(unreadCount) }) : t('notifications.allRead')}</p>
        {unreadCount > 0 && (
          <button type="button" className="button button--secondary" disabled={loading} onClick={() => void mark(null)}>
            {t('notifications.markAllRead')}
          </button>
        )}
      </div>
      {markError !== null && <ErrorMessage error={markError} />}
      {edges.length === 0 ? (
        <p className="empty-state">{t('notifications.empty')}</p>
      ) : (
        <ul className="notifications-list" aria-label={t('notifications.title')}>
          {edges.map(({ node }) => {
            const text = t(notificationKey(node.kind, role));
            const path = notificationPath(node, role);
            const unread = !node.readAt;
            return (
              <li key={node.id} className={`notifications-list__item${unread ? ' notifications-list__item--unread' : ''}`}>
                <p className="notifications-list__text">
                  {unread && <span className="notifications-list__unread">{t('notifications.unread')}</span>}
                  {path ? (
                    <Link to={path} onClick={() => unread && void mark([node.id])}>
                      {text}
                    </Link>
                  ) : (
                    text
                  )}
                </p>
                <p className="notifications-list__date">{formatDate(String(node.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</p>
                {unread && (
                  <button type="button" className="button button--secondary button--small" aria-label={t('notifications.markReadNamed', { text })} disabled={loading} onClick={() => void mark([node.id])}>
                    {t('notifications.markRead')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {pageInfo.hasNextPage && first < maxPage && (
        <button type="button" className="button button--secondary" onClick={() => setFirst((size) => Math.min(maxPage, size + pageSize))}>
          {t('notifications.more')}
        </button>
      )}
    </section>
  );
}
