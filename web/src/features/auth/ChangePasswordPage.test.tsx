import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChangePasswordDocument } from '../../gql/graphql';
import { renderApp, teacherWang } from '../../test/renderApp';

const input = { currentPassword: 'museum-demo-2026', newPassword: 'a-brand-new-passphrase' };

function fill(current: string, next: string) {
  fireEvent.change(screen.getByLabelText('现在的密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码', { exact: false }), { target: { value: next } });
  fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
}

describe('ChangePasswordPage', () => {
  it('says the current password is wrong next to that field', async () => {
    renderApp(
      '/account/password',
      [
        {
          request: { query: ChangePasswordDocument, variables: { input } },
          result: { data: null, errors: [{ message: 'wrong', path: ['changePassword'], extensions: { code: 'BAD_USER_INPUT', field: 'currentPassword' } }] },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '修改密码' });
    fill(input.currentPassword, input.newPassword);
    expect(await screen.findByText('现在的密码不对，请再试一次。')).toBeTruthy();
  });

  it('checks the policy and sameness before sending, then confirms the change', async () => {
    renderApp(
      '/account/password',
      [{ request: { query: ChangePasswordDocument, variables: { input } }, result: { data: { changePassword: { __typename: 'ChangePasswordPayload', me: { __typename: 'Me', id: 'teacher-wang' } } } } }],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '修改密码' });
    fill(input.currentPassword, 'short');
    expect(await screen.findByText('密码太短了，至少要 10 个字符。')).toBeTruthy();
    fill(input.currentPassword, input.currentPassword);
    expect((await screen.findByRole('alert')).textContent).toBe('新密码要和现在的不一样。');
    fill(input.currentPassword, input.newPassword);
    expect(await screen.findByText('密码已经修改。其他设备上的登录已经结束。')).toBeTruthy();
    expect((screen.getByLabelText('现在的密码') as HTMLInputElement).value).toBe('');
  });
});
