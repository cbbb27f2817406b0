import type { MockLink } from '@apollo/client/testing';
import { NotificationAddedDocument, UnreadNotificationsDocument } from '../../gql/graphql';

/**
 * What the header's notifications link asks for on every signed-in page, for component tests:
 * the unread count, and a subscription that stays quiet.
 */
export function notificationHeaderMocks(unreadCount = 0): MockLink.MockedResponse[] {
  return [
    {
      request: { query: UnreadNotificationsDocument },
      result: { data: { notifications: { __typename: 'NotificationConnection', unreadCount } } },
      maxUsageCount: Number.POSITIVE_INFINITY,
    },
    {
      request: { query: NotificationAddedDocument },
      result: { data: { notificationAdded: { __typename: 'Notification', id: 'quiet', kind: 'FEEDBACK' } } },
      // Never arrives within a test.
      delay: 24 * 60 * 60 * 1000,
      maxUsageCount: Number.POSITIVE_INFINITY,
    },
  ];
}
