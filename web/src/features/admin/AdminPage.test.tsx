import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AdminInvitationsDocument, AuditLogDocument, CreateInvitationDocument } from '../../gql/graphql';
import { adminLiu, renderApp } from '../../test/renderApp';

function entry(id: string, action: string, actorName: string | null) {
  return {
    __typename: 'AuditEntryEdge',
    cursor: `c-${id}`,
    node: { __typename: 'AuditEntry', id, action, actorName, createdAt: '2026-11-20T02:30:00.000Z', subjectType: 'Class' },
  };
}

function auditPage(edges: ReturnType<typeof entry>[], hasNextPage: boolean) {
  return {
    data: {
      auditLog: {
        __typename: 'AuditEntryConnection',
        edges,
        pageInfo: { __typename: 'PageInfo', endCursor: edges.at(-1)?.cursor ?? null, hasNextPage },
      },
    },
  };
}

const wenbo = { __typename: 'School', id: 'school-wenbo', name: '沈阳市文博路小学' };

describe('Admin pages', () => {
  it('shows the audit log with translated actions and loads older entries', async () => {
    renderApp(
      '/admin/audit',
      [
        { request: { query: AuditLogDocument, variables: { first: 20 } }, result: auditPage([entry('a1', 'STAFF_SIGNED_IN', '王芳'), entry('a2', 'PUPIL_CODE_RESET', '王芳')], true) },
        { request: { query: AuditLogDocument, variables: { first: 20, after: 'c-a2' } }, result: auditPage([entry('a3', 'CLASS_CREATED', null)], false) },
      ],
      { viewer: adminLiu },
    );

    const table = await screen.findByRole('table', { name: '操作记录' });
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['员工登录', '重置学生登录码']);

    fireEvent.click(screen.getByRole('button', { name: '加载更早的记录' }));
    await screen.findByText('创建班级');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByText('（已删除的账户）')).toBeTruthy();
    expect(within(table).getAllByText('班级')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: '加载更早的记录' })).toBeNull();
  });

  it('invites a teacher of a school and shows the one-time link to copy', async () => {
    const invitations = { data: { invitations: [], schools: [wenbo] } };
    renderApp(
      '/admin/invitations',
      [
        { request: { query: AdminInvitationsDocument }, result: invitations, maxUsageCount: 2 },
        {
          request: { query: CreateInvitationDocument, variables: { input: { email: 'new.teacher@wenbo.example', role: 'TEACHER', schoolId: 'school-wenbo' } } },
          result: {
            data: {
              createInvitation: {
                __typename: 'CreateInvitationPayload',
                acceptPath: '/accept-invitation?token=tok-123',
                invitation: { __typename: 'Invitation', id: 'inv-1', email: 'new.teacher@wenbo.example' },
              },
            },
          },
        },
      ],
      { viewer: adminLiu },
    );

    await screen.findByText('还没有发出邀请。');
    fireEvent.change(screen.getByLabelText('邮箱'), { target: { value: 'new.teacher@wenbo.example' } });
    fireEvent.click(screen.getByRole('button', { name: '生成邀请链接' }));
    expect(screen.getByText('邀请老师时请选择学校。')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('学校'), { target: { value: 'school-wenbo' } });
    fireEvent.click(screen.getByRole('button', { name: '生成邀请链接' }));

    const link = (await screen.findByLabelText('给new.teacher@wenbo.example的邀请链接（只显示这一次）')) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/accept-invitation?token=tok-123`);
    expect(screen.getByRole('button', { name: '复制' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '管理栏目' })).toBeTruthy();
  });
});
