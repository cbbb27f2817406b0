import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectionPage } from '../features/collection/fixtures';
import { CollectionPageDocument, MyClassesDocument, NotificationAddedDocument, SignOutDocument } from '../gql/graphql';
import { pupilXiaoming, renderApp, teacherWang } from '../test/renderApp';
import { pageLoad } from './pageLoad';
import { pathAfterSignIn } from './viewer';

describe('route guards', () => {
  it('sends a visitor who is not signed in to the staff sign-in, remembering where they were going', async () => {
    const { router } = renderApp('/classes/c-1/cards', []);

    await screen.findByRole('heading', { level: 1, name: '老师和博物馆工作人员登录' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/classes/c-1/cards');
    expect(screen.getByRole('link', { name: '老师登录' })).toBeTruthy();
  });

  it('sends a pupil who is not signed in to the pupil sign-in', async () => {
    const { router } = renderApp('/my', []);
    await screen.findByLabelText('班级码');
    expect(router.state.location.pathname).toBe('/pupil-sign-in');
  });

  it('keeps a pupil out of the teacher pages and points them home', async () => {
    renderApp('/classes', [], { viewer: pupilXiaoming });
    await screen.findByRole('heading', { level: 1, name: '这个页面不是给你用的' });
    expect(screen.getByRole('link', { name: '回到我的首页' }).getAttribute('href')).toBe('/my');
  });

  it('keeps a teacher out of the admin page', async () => {
    renderApp('/admin', [], { viewer: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '这个页面不是给你用的' });
    expect(screen.getByRole('link', { name: '回到我的首页' }).getAttribute('href')).toBe('/classes');
  });

  it('leaves the collection public', async () => {
    renderApp('/', [{ request: { query: CollectionPageDocument, variables: { first: 20 } }, result: collectionPage([]) }]);
    expect(await screen.findByRole('heading', { level: 1, name: '馆藏' })).toBeTruthy();
    expect(await screen.findByText('没有找到符合条件的藏品，换个词试试吧！')).toBeTruthy();
  });
});

describe('pathAfterSignIn', () => {
  it('goes back to a path of the portal, or to the role home', () => {
    expect(pathAfterSignIn('TEACHER', '/classes/c-1')).toBe('/classes/c-1');
    expect(pathAfterSignIn('TEACHER', null)).toBe('/classes');
    expect(pathAfterSignIn('PUPIL', null)).toBe('/my');
    expect(pathAfterSignIn('MUSEUM_EDUCATOR', null)).toBe('/briefs');
    expect(pathAfterSignIn('ADMIN', '//evil.example/x')).toBe('/admin');
    expect(pathAfterSignIn('ADMIN', 'https://evil.example')).toBe('/admin');
  });
});

describe('signing out', () => {
  afterEach(() => vi.restoreAllMocks());

  it('ends the session on the server, then reloads the portal at the public collection', async () => {
    const load = vi.spyOn(pageLoad, 'load').mockImplementation(() => undefined);
    let signedOut = false;
    renderApp(
      '/classes',
      [
        { request: { query: MyClassesDocument }, result: { data: { classes: [] } } },
        {
          request: { query: SignOutDocument },
          result: () => {
            signedOut = true;
            return { data: { signOut: { __typename: 'SignOutPayload', signedOut: true } } };
          },
        },
      ],
      { viewer: teacherWang },
    );
    const account = await screen.findByRole('group', { name: '我的账户' });
    expect(within(account).getByText('王芳')).toBeTruthy();
    fireEvent.click(within(account).getByRole('button', { name: '退出登录' }));

    await waitFor(() => expect(load).toHaveBeenCalledWith('/'));
    expect(signedOut).toBe(true);
  });

  /** A teacher's page whose live updates end with `closed` (the socket's close, as graphql-ws reports it). */
  const renderWithLiveUpdatesClosed = (closed: string) =>
    renderApp(
      '/classes',
      [
        { request: { query: MyClassesDocument }, result: { data: { classes: [] } } },
        { request: { query: NotificationAddedDocument }, error: new Error(closed) },
      ],
      { viewer: teacherWang },
    );

  it('reloads the portal when the server closes the live updates because the session ended elsewhere (4401), and only then', async () => {
    const load = vi.spyOn(pageLoad, 'load').mockImplementation(() => undefined);
    renderWithLiveUpdatesClosed('Socket closed with event 4401 Unauthorized: the session ended');
    await waitFor(() => expect(load).toHaveBeenCalledWith('/'));
  });

  it('stays when the live updates fail for another reason', async () => {
    const load = vi.spyOn(pageLoad, 'load').mockImplementation(() => undefined);
    renderWithLiveUpdatesClosed('Socket closed with event 1006 ');
    expect(await screen.findByRole('group', { name: '我的账户' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(load).not.toHaveBeenCalled();
  });

  it('says so when signing out fails, and stays', async () => {
    const load = vi.spyOn(pageLoad, 'load').mockImplementation(() => undefined);
    renderApp(
      '/classes',
      [
        { request: { query: MyClassesDocument }, result: { data: { classes: [] } } },
        { request: { query: SignOutDocument }, error: new TypeError('Failed to fetch') },
      ],
      { viewer: teacherWang },
    );
    const account = await screen.findByRole('group', { name: '我的账户' });
    fireEvent.click(within(account).getByRole('button', { name: '退出登录' }));
    expect((await within(account).findByRole('alert')).textContent).toBe('连不上网络。请检查网络连接，然后再试一次。');
    expect(load).not.toHaveBeenCalled();
  });
});
