import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkNotificationsReadDocument, NotificationsPageDocument, UnreadNotificationsDocument } from '../../gql/graphql';
import { pupilXiaoming, renderApp, teacherWang } from '../../test/renderApp';
import { notificationPath } from './notificationText';

const node = (id: string, kind: string, readAt: string | null) => ({
  __typename: 'NotificationEdge',
  cursor: id,
  node: { __typename: 'Notification', id, kind, assignmentId: 'assignment-1', versionId: 'version-1', workId: 'work-1', createdAt: '2026-11-20T02:00:00.000Z', readAt },
});

const page = (unreadCount: number, edges: ReturnType<typeof node>[]) => ({
  request: { query: NotificationsPageDocument, variables: { first: 20 } },
  result: { data: { notifications: { __typename: 'NotificationConnection', unreadCount, pageInfo: { __typename: 'PageInfo', hasNextPage: false }, edges } } },
});

const unread = (count: number) => ({
  request: { query: UnreadNotificationsDocument },
  result: { data: { notifications: { __typename: 'NotificationConnection', unreadCount: count } } },
  maxUsageCount: 5,
});

describe('NotificationsPage', () => {
  it("lists a pupil's notifications linking to the work, with the unread count in the header, and marks one read", async () => {
    renderApp(
      '/notifications',
      [
        unread(2),
        page(2, [node('n-2', 'GRADE_RELEASED', null), node('n-1', 'RETURNED', null)]),
        {
          request: { query: MarkNotificationsReadDocument, variables: { input: { ids: ['n-2'] } } },
          result: {
            data: {
              markNotificationsRead: {
                __typename: 'MarkNotificationsReadPayload',
                unreadCount: 1,
                notifications: [{ __typename: 'Notification', id: 'n-2', readAt: '2026-11-21T02:00:00.000Z' }],
              },
            },
          },
        },
      ],
      { viewer: pupilXiaoming },
    );
    await screen.findByRole('heading', { level: 1, name: '通知' });
    await screen.findByRole('link', { name: '通知（2 条未读）' });
    const list = await screen.findByRole('list', { name: '通知' });
    const items = within(list).getAllByRole('listitem');
    expect(within(items[0]!).getByRole('link', { name: '成绩公布了' }).getAttribute('href')).toBe('/my/assignments/assignment-1');
    expect(screen.getByText('2 条未读')).toBeTruthy();

    fireEvent.click(within(items[0]!).getByRole('button', { name: '把“成绩公布了”标为已读' }));
    await screen.findByText('1 条未读');
    await screen.findByRole('link', { name: '通知（1 条未读）' });
    await waitFor(() => expect(within(items[0]!).queryByRole('button')).toBeNull());
  });

  it('marks all read', async () => {
    renderApp(
      '/notifications',
      [
        unread(1),
        page(1, [node('n-1', 'FEEDBACK', null)]),
        {
          request: { query: MarkNotificationsReadDocument, variables: { input: { ids: null } } },
          result: { data: { markNotificationsRead: { __typename: 'MarkNotificationsReadPayload', unreadCount: 0, notifications: [{ __typename: 'Notification', id: 'n-1', readAt: '2026-11-21T02:00:00.000Z' }] } } },
        },
        page(0, [node('n-1', 'FEEDBACK', '2026-11-21T02:00:00.000Z')]),
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('link', { name: '作品已评分' });
    fireEvent.click(screen.getByRole('button', { name: '全部标为已读' }));
    await screen.findByText('所有通知都已读。');
    expect(screen.queryByRole('button', { name: '全部标为已读' })).toBeNull();
  });

  it('leads teachers to the marking of the attempt and pupils to their workspace', () => {
    expect(notificationPath({ kind: 'FEEDBACK', assignmentId: 'a', versionId: 'v' }, 'TEACHER')).toBe('/assignments/a/grading/v');
    expect(notificationPath({ kind: 'CHECK_IN', assignmentId: 'a', versionId: null }, 'PUPIL')).toBe('/my/assignments/a');
    expect(notificationPath({ kind: 'CHECK_IN', assignmentId: null }, 'PUPIL')).toBeNull();
    expect(notificationPath({ kind: 'RETENTION_WARNING' }, 'ADMIN')).toBe('/privacy');
    expect(notificationPath({ kind: 'RETENTION_WARNING' }, 'TEACHER')).toBeNull();
  });
});
