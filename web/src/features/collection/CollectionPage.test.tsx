import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CollectionPageDocument } from '../../gql/graphql';
import { renderApp } from '../../test/renderApp';
import { collectionObjectNode, collectionPage, courtLadies, englishOnly } from './fixtures';

const firstPage = { query: CollectionPageDocument, variables: { first: 20 } };

describe('CollectionPage', () => {
  it('lists objects from the API in Simplified Chinese by default', async () => {
    renderApp('/', [{ request: firstPage, result: collectionPage([courtLadies, englishOnly]) }]);

    expect(screen.getByRole('status').textContent).toBe('正在加载…');
    const list = await screen.findByRole('list', { name: '藏品列表' });
    const cards = within(list).getAllByRole('article');
    expect(cards).toHaveLength(2);

    const first = within(cards[0]!);
    const link = first.getByRole('link', { name: '簪花仕女图' });
    expect(link.getAttribute('href')).toBe('/collection/obj-1');
    expect(first.getByText('周昉（传）')).toBeTruthy();
    expect(first.getByText('唐')).toBeTruthy();
    expect(within(first.getByRole('list', { name: '主题' })).getAllByRole('listitem').map((chip) => chip.textContent)).toEqual([
      '文化艺术',
      '辽宁历史发展',
    ]);

    // No Chinese title: the English one is shown and marked as English for screen readers.
    const fallback = within(cards[1]!).getByRole('link', { name: 'Bronze mirror' });
    expect(fallback.querySelector('[lang="en"]')?.textContent).toBe('Bronze mirror');

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('馆藏');
    expect(screen.getByText('共 2 件')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('searchbox', { name: '搜索藏品' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '主题' })).toBeTruthy();
  });

  it('re-renders in English when the reader switches language, and remembers the choice', async () => {
    renderApp('/', [{ request: firstPage, result: collectionPage([courtLadies, englishOnly]) }]);
    await screen.findByRole('link', { name: '簪花仕女图' });

    fireEvent.click(screen.getByRole('button', { name: 'English' }));

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Collection');
    expect(screen.getByRole('link', { name: 'Court Ladies Adorning Their Hair with Flowers' })).toBeTruthy();
    expect(screen.queryByText('簪花仕女图')).toBeNull();
    expect(screen.getByText('Attributed to Zhou Fang')).toBeTruthy();
    expect(screen.getAllByText('Culture and art').length).toBeGreaterThan(0);
    expect(screen.getByText('2 objects')).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Search the collection' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('lmr.language')).toBe('en');
  });

  it('shows the translated sentence when the API refuses the request', async () => {
    renderApp('/', [
      {
        request: firstPage,
        result: { data: null, errors: [{ message: 'internal detail', extensions: { code: 'FORBIDDEN' } }] },
      },
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('你没有权限查看这里的内容。如果需要，请问问你的老师。');
    expect(alert.textContent).not.toContain('internal detail');
    expect(within(alert).getByRole('button', { name: '再试一次' })).toBeTruthy();
  });

  it('explains a network failure in words a child understands', async () => {
    renderApp('/', [{ request: firstPage, error: new TypeError('Failed to fetch') }]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('连不上网络。请检查网络连接，然后再试一次。');
  });

  it('loads the next page after the last cursor and appends it to the list', async () => {
    const third = collectionObjectNode({ id: 'obj-3', zh: '红山玉猪龙', en: 'Hongshan jade pig-dragon', themes: ['HISTORY'] });
    renderApp('/', [
      { request: firstPage, result: collectionPage([courtLadies, englishOnly], { totalCount: 3, hasNextPage: true }) },
      {
        request: { query: CollectionPageDocument, variables: { first: 20, after: 'cursor-obj-2' } },
        result: collectionPage([third], { totalCount: 3 }),
      },
    ]);

    await screen.findByText('共 3 件 · 已显示 2 件');
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));

    await screen.findByRole('link', { name: '红山玉猪龙' });
    const titles = within(screen.getByRole('list', { name: '藏品列表' }))
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(titles).toEqual(['簪花仕女图', 'Bronze mirror', '红山玉猪龙']);
    expect(screen.getByText('共 3 件')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
  });

  it('searches by keyword and theme and keeps the filters in the address', async () => {
    const { router } = renderApp('/', [
      { request: firstPage, result: collectionPage([courtLadies, englishOnly]) },
      {
        request: { query: CollectionPageDocument, variables: { first: 20, theme: 'ART' } },
        result: collectionPage([courtLadies, englishOnly]),
      },
      {
        request: { query: CollectionPageDocument, variables: { first: 20, search: '仕女', theme: 'ART' } },
        result: collectionPage([courtLadies]),
      },
    ]);
    await screen.findByText('共 2 件');

    fireEvent.change(screen.getByRole('combobox', { name: '主题' }), { target: { value: 'ART' } });
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索藏品' }), { target: { value: ' 仕女 ' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));

    await screen.findByText('共 1 件');
    expect(screen.getByRole('link', { name: '簪花仕女图' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Bronze mirror' })).toBeNull();
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('仕女');
    expect(new URLSearchParams(router.state.location.search).get('theme')).toBe('ART');
  });
});
