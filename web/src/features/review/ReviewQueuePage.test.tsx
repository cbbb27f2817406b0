import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReviewQueueDocument } from '../../gql/graphql';
import { educatorZhao, renderApp, teacherWang } from '../../test/renderApp';
import { queuePage, reviewItem } from './fixtures';

describe('ReviewQueuePage', () => {
  it('lists nominations awaiting a decision, blind, filters through the address and loads more', async () => {
    const first = reviewItem('nom-a1b2', { scoreCount: 1, myScores: [] });
    const second = reviewItem('nom-c3d4', { teamWork: true, mayBeExhibited: false, theme: 'HISTORY', projectTitle: null });
    const third = reviewItem('nom-e5f6', { theme: 'CRAFTS', gradeBand: 'LOWER_PRIMARY' });
    const { router } = renderApp(
      '/review',
      [
        { request: { query: ReviewQueueDocument, variables: { first: 20, decided: false } }, result: queuePage([first, second], true) },
        { request: { query: ReviewQueueDocument, variables: { first: 20, decided: false, after: 'c-nom-c3d4' } }, result: queuePage([third], false) },
        { request: { query: ReviewQueueDocument, variables: { first: 20, decided: false, theme: 'CRAFTS' } }, result: queuePage([first, third], false) },
        { request: { query: ReviewQueueDocument, variables: { first: 20, decided: false, theme: 'CRAFTS', gradeBand: 'LOWER_PRIMARY', season: '2026-AUTUMN' } }, result: queuePage([third], false) },
        { request: { query: ReviewQueueDocument, variables: { first: 20, theme: 'CRAFTS', gradeBand: 'LOWER_PRIMARY', season: '2026-AUTUMN' } }, result: queuePage([], false) },
      ],
      { viewer: educatorZhao },
    );

    const list = await screen.findByRole('list', { name: '推荐作品' });
    expect(screen.getByRole('heading', { level: 1, name: '作品评审' })).toBeTruthy();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByRole('link', { name: '评审作品 #A1B2' }).getAttribute('href')).toBe('/review/nom-a1b2');
    expect(within(list).getByText('缂丝里的牡丹')).toBeTruthy();
    expect(within(list).getByText('1 位评审已评分 · 我已评分')).toBeTruthy();
    expect(within(list).getByText(/小组作品/)).toBeTruthy();
    expect(within(list).getByText('监护人未同意公开展出')).toBeTruthy();
    expect(within(list).getAllByText('等待结果')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();

    fireEvent.change(screen.getByLabelText('主题'), { target: { value: 'CRAFTS' } });
    await waitFor(() => expect(router.state.location.search).toBe('?theme=CRAFTS'));
    fireEvent.change(await screen.findByLabelText('学段'), { target: { value: 'LOWER_PRIMARY' } });
    fireEvent.change(screen.getByLabelText('季度'), { target: { value: '2026-AUTUMN' } });
    await waitFor(() => expect(router.state.location.search).toBe('?theme=CRAFTS&band=LOWER_PRIMARY&season=2026-AUTUMN'));
    await waitFor(() => expect(within(screen.getByRole('list', { name: '推荐作品' })).getAllByRole('listitem')).toHaveLength(1));

    fireEvent.change(screen.getByLabelText('评审状态'), { target: { value: 'all' } });
    expect(await screen.findByText('没有符合条件的推荐作品。')).toBeTruthy();
  });

  it('filters by a school given in the address and can show every school again', async () => {
    const { router } = renderApp(
      '/review?school=school-1',
      [
        { request: { query: ReviewQueueDocument, variables: { first: 20, decided: false, schoolId: 'school-1' } }, result: queuePage([reviewItem('nom-a1b2')], false) },
        { request: { query: ReviewQueueDocument, variables: { first: 20, decided: false } }, result: queuePage([], false) },
      ],
      { viewer: educatorZhao, language: 'en' },
    );
    await screen.findByRole('link', { name: 'Review Work #A1B2' });
    fireEvent.click(screen.getByRole('button', { name: 'Show every school' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByText('No nominations match.')).toBeTruthy();
  });

  it('says why the next page failed, loads it on retry, and drops the message when the filters change', async () => {
    const awaiting = { first: 20, decided: false };
    const after = (cursor: string) => ({ query: ReviewQueueDocument, variables: { ...awaiting, after: cursor } });
    const offline = new TypeError('Failed to fetch');
    renderApp(
      '/review',
      [
        { request: { query: ReviewQueueDocument, variables: awaiting }, result: queuePage([reviewItem('nom-a1b2'), reviewItem('nom-c3d4')], true) },
        { request: after('c-nom-c3d4'), error: offline },
        { request: after('c-nom-c3d4'), result: queuePage([reviewItem('nom-e5f6')], true) },
        { request: after('c-nom-e5f6'), error: offline },
        { request: { query: ReviewQueueDocument, variables: { ...awaiting, theme: 'HISTORY' } }, result: queuePage([reviewItem('nom-g7h8', { theme: 'HISTORY' })], false) },
      ],
      { viewer: educatorZhao },
    );
    const list = await screen.findByRole('list', { name: '推荐作品' });

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('连不上网络。请检查网络连接，然后再试一次。');
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);

    fireEvent.click(within(alert).getByRole('button', { name: '再试一次' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('主题'), { target: { value: 'HISTORY' } });
    expect(await screen.findByRole('link', { name: '评审作品 #G7H8' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is not for teachers', async () => {
    renderApp('/review', [], { viewer: teacherWang });
    expect(await screen.findByRole('heading', { name: '这个页面不是给你用的' })).toBeTruthy();
  });
});
