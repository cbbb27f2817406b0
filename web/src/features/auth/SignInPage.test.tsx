import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MyClassesDocument, SignInDocument } from '../../gql/graphql';
import { renderApp, teacherWang } from '../../test/renderApp';

const credentials = { email: 'wang.fang@wenbo.example', password: 'museum-demo-2026' };

function signInFails(code: string, extensions: Record<string, unknown> = {}) {
  return {
    request: { query: SignInDocument, variables: { input: credentials } },
    result: { data: null, errors: [{ message: 'the sign-in details are wrong', path: ['signIn'], extensions: { code, ...extensions } }] },
  };
}

function fillAndSubmit(labels: { email: string; password: string; submit: string }) {
  fireEvent.change(screen.getByLabelText(labels.email), { target: { value: credentials.email } });
  fireEvent.change(screen.getByLabelText(labels.password), { target: { value: credentials.password } });
  fireEvent.click(screen.getByRole('button', { name: labels.submit }));
}

describe('SignInPage', () => {
  it('says kindly, in Chinese, that the details are wrong, without saying which one', async () => {
    renderApp('/sign-in', [signInFails('UNAUTHENTICATED')]);
    await screen.findByRole('heading', { level: 1, name: '老师和博物馆工作人员登录' });
    fillAndSubmit({ email: '邮箱', password: '密码', submit: '登录' });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('邮箱或密码不对。请检查一下再试。');
    expect(screen.queryByText(/sign in first|请先登录/)).toBeNull();
  });

  it('says in English how long to wait, in minutes beyond one, and keeps the button off meanwhile', async () => {
    renderApp('/sign-in', [signInFails('RATE_LIMITED', { retryAfterSeconds: 90 })], { language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in for teachers and museum staff' });
    fillAndSubmit({ email: 'Email', password: 'Password', submit: 'Sign in' });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('There have been too many failed sign-ins. To keep the account safe, please wait 2 minutes and try again.');
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.documentElement.lang).toBe('en');
  });

  it('says in Chinese how many seconds to wait', async () => {
    renderApp('/sign-in', [signInFails('RATE_LIMITED', { retryAfterSeconds: 8 })]);
    await screen.findByRole('heading', { level: 1, name: '老师和博物馆工作人员登录' });
    fillAndSubmit({ email: '邮箱', password: '密码', submit: '登录' });
    expect((await screen.findByRole('alert')).textContent).toBe('登录失败的次数太多了。为了保护账户，请等 8 秒再试。');
  });

  it('still explains a rate limit that names no wait (a proxy’s, say)', async () => {
    renderApp('/sign-in', [signInFails('RATE_LIMITED')], { language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Sign in for teachers and museum staff' });
    fillAndSubmit({ email: 'Email', password: 'Password', submit: 'Sign in' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/^There have been too many failed sign-ins\. .*a few minutes/);
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('asks for both details before sending anything', async () => {
    renderApp('/sign-in', []);
    fireEvent.click(await screen.findByRole('button', { name: '登录' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请填写邮箱和密码。');
  });

  it("takes a teacher to their classes and shows who is signed in", async () => {
    const { router } = renderApp('/sign-in', [
      {
        request: { query: SignInDocument, variables: { input: credentials } },
        result: { data: { signIn: { __typename: 'SignInPayload', me: { __typename: 'Me', id: 'teacher-wang', displayName: '王芳', role: 'TEACHER' } } } },
      },
      { request: { query: MyClassesDocument }, result: { data: { classes: [] } } },
    ], { signsInAs: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '老师和博物馆工作人员登录' });
    fillAndSubmit({ email: '邮箱', password: '密码', submit: '登录' });

    await screen.findByRole('heading', { level: 1, name: '我的班级' });
    expect(router.state.location.pathname).toBe('/classes');
    const account = screen.getByRole('group', { name: '我的账户' });
    expect(within(account).getByText('王芳')).toBeTruthy();
    expect(within(account).getByText('老师')).toBeTruthy();
    expect(within(account).getByRole('button', { name: '退出登录' })).toBeTruthy();
  });
});
