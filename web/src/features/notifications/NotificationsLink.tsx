import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFeatureI18n } from '../../app/i18n';
import { pageLoad } from '../../app/pageLoad';
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
 * The API closes the socket with 4401 when the session this page signed in with has ended:
 * signed out on another device, the password changed, the pupil's code reset, the account
 * closed. That is signing out, so the portal does what signing out does here: a fresh page
 * load, which drops everything of this person's from the device (the Apollo cache and what
 * pages hold in their state) instead of leaving it on screen with nothing behind it.
 */
function sessionEnded(error: { message: string }): boolean {
  return /^Socket closed with event 4401\b/.test(error.message);
}

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
    onError: (error) => {
      if (sessionEnded(error)) pageLoad.load('/');
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
