import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { notificationsMessages } from './messages';
import { notificationKey } from './notificationText';

const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    notifications(first: 1) {
      unreadCount
    }
  }
`);

const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      kind
    }
  }
`);

/**
 * The header's link to the notifications with the unread count, kept current by the
 * notificationAdded subscription. Loaded lazily, only for someone signed in, and with it the
 * WebSocket client.
 */
export default function NotificationsLink({ role }: { role: Role }) {
  const { t, formatNumber } = useFeatureI18n(notificationsMessages);
  const { data } = useQuery(UnreadNotificationsQuery, { fetchPolicy: 'cache-and-network' });
  const [announcement, setAnnouncement] = useState('');

  useSubscription(NotificationAddedSubscription, {
    onData: ({ client, data: event }) => {
      const added = event.data?.notificationAdded;
      if (!added) return;
      // Every cached page of notifications counts one more unread; the open list is fetched again.
      client.cache.modify({
        fields: {
          notifications(existing: unknown) {
            if (existing && typeof existing === 'object' && 'unreadCount' in existing && typeof existing.unreadCount === 'number') {
              return { ...existing, unreadCount: existing.unreadCount + 1 };
            }
            return existing;
          },
        },
      });
      void client.refetchQueries({ include: ['NotificationsPage'] });
      setAnnouncement(t('notifications.live', { text: t(notificationKey(added.kind, role)) }));
    },
  });

  const count = data?.notifications.unreadCount ?? 0;
  return (
    <>
      <Link to="/notifications" className="notify-link">
        {count > 0 ? (
          <>
            <span className="visually-hidden">{t('notifications.linkUnread', { count: formatNumber(count) })}</span>
            <span aria-hidden="true">
              {t('notifications.link')} <span className="notify-link__count">{formatNumber(count)}</span>
            </span>
          </>
        ) : (
          t('notifications.link')
        )}
      </Link>
      {/* aria-live without role="status": the page's own status line stays the only status. */}
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
