import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ObjectPageDocument } from '../../gql/graphql';
import { renderApp } from '../../test/renderApp';

const request = (id: string) => ({ query: ObjectPageDocument, variables: { id } });

const courtLadies = {
  __typename: 'CollectionObject',
  id: 'obj-1',
  accessionNumber: 'LNPM-0001',
  title: { __typename: 'LocalizedText', zh: '簪花仕女图', en: 'Court Ladies Adorning Their Hair with Flowers' },
  maker: { __typename: 'LocalizedText', zh: '周昉（传）', en: 'Attributed to Zhou Fang' },
  period: { __typename: 'LocalizedText', zh: '唐', en: 'Tang dynasty' },
  kind: { __typename: 'LocalizedText', zh: '绢本设色画', en: 'Ink and colour on silk' },
  description: { __typename: 'LocalizedText', zh: '画中仕女头上簪着花。', en: 'Court ladies wear flowers in their hair.' },
  location: null,
  rightsStatement: '辽宁省博物馆',
  themes: ['ART'],
};

describe('ObjectPage', () => {
  it('shows every field in the current language and the title in both languages', async () => {
    renderApp('/collection/obj-1', [{ request: request('obj-1'), result: { data: { collectionObject: courtLadies } } }]);

    const heading = await screen.findByRole('heading', { level: 1, name: '簪花仕女图' });
    expect(heading).toBeTruthy();
    expect(screen.getByText('Court Ladies Adorning Their Hair with Flowers').getAttribute('lang')).toBe('en');
    expect(screen.getByText('中文名称')).toBeTruthy();
    expect(screen.getByText('英文名称')).toBeTruthy();
    expect(screen.getByText('周昉（传）')).toBeTruthy();
    expect(screen.getByText('绢本设色画')).toBeTruthy();
    expect(screen.getByText('画中仕女头上簪着花。')).toBeTruthy();
    expect(screen.getByText('LNPM-0001')).toBeTruthy();
    expect(screen.getByText('文化艺术')).toBeTruthy();
    // An empty field gets no label at all rather than a blank line.
    expect(screen.queryByText('所在位置')).toBeNull();
    expect(document.title).toBe('簪花仕女图 · 小小博物馆研究员');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Court Ladies Adorning Their Hair with Flowers');
    expect(screen.getByText('Tang dynasty')).toBeTruthy();
    expect(screen.getByText('Culture and art')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Back to the collection/ }).getAttribute('href')).toBe('/');
  });

  it('tells the reader kindly when the object does not exist', async () => {
    renderApp('/collection/missing', [
      {
        request: request('missing'),
        result: {
          data: null,
          errors: [{ message: 'CollectionObject missing not found', path: ['collectionObject'], extensions: { code: 'NOT_FOUND' } }],
        },
      },
    ]);

    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('没有找到这件藏品');
    expect(screen.getByText(/它可能不在馆藏列表里了/)).toBeTruthy();
    expect(screen.queryByText(/not found/)).toBeNull();
    expect(screen.getByRole('link', { name: /返回馆藏/ })).toBeTruthy();
  });

  it('shows the general error sentence for other failures', async () => {
    renderApp('/collection/obj-1', [
      {
        request: request('obj-1'),
        result: { data: null, errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
      },
    ]);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('博物馆的系统出了点问题，不是你的错。');
    expect(within(alert).getByRole('button', { name: '再试一次' })).toBeTruthy();
  });
});
