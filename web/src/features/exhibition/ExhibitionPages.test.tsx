import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExhibitedWorkDocument, ExhibitionSeasonDocument, ExhibitionSeasonsDocument } from '../../gql/graphql';
import { renderApp } from '../../test/renderApp';
import { shownParts } from '../review/fixtures';

const spring = { __typename: 'SeasonModel', key: '2026-SPRING', label: { __typename: 'LocalizedText', zh: '2026 春季', en: 'Spring 2026' } };

function summary(slug: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ExhibitedWorkSummary',
    slug,
    projectTitle: { __typename: 'LocalizedText', zh: '缂丝里的牡丹', en: 'Peonies in kesi silk' },
    credit: { __typename: 'LocalizedText', zh: '王小明', en: '王小明' },
    theme: 'CRAFTS',
    gradeBand: 'UPPER_PRIMARY',
    outcome: 'OUTSTANDING',
    coverImageUrl: null,
    ...overrides,
  };
}

function page(nodes: ReturnType<typeof summary>[], hasNextPage: boolean) {
  return {
    data: {
      exhibition: {
        __typename: 'ExhibitionConnection',
        edges: nodes.map((node) => ({ __typename: 'ExhibitionEdge', cursor: `c-${node.slug}`, node })),
        pageInfo: { __typename: 'PageInfo', endCursor: nodes.length ? `c-${nodes.at(-1)!.slug}` : null, hasNextPage },
      },
    },
  };
}

describe('Exhibition pages', () => {
  it('lists the seasons for someone not signed in', async () => {
    renderApp('/exhibition', [
      {
        request: { query: ExhibitionSeasonsDocument },
        result: { data: { exhibitionSeasons: [{ __typename: 'ExhibitionSeason', key: '2026-SPRING', label: spring.label, workCount: 3 }] } },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: '线上展览' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: '2026 春季' });
    expect(link.getAttribute('href')).toBe('/exhibition/2026-SPRING');
    expect(screen.getByText('3 件作品')).toBeTruthy();
    expect(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '线上展览' })).toBeTruthy();
  });

  it('groups a season’s works by theme, filters by theme and loads more', async () => {
    const kesi = summary('aaaabbbbccccdddd', { coverImageUrl: '/exhibition/aaaabbbbccccdddd/images/0' });
    const characters = summary('eeeeffffgggghhhh', { theme: 'CHARACTERS', credit: { __typename: 'LocalizedText', zh: '一位小小研究员', en: 'A young researcher' }, outcome: 'COMMENDED', projectTitle: null });
    const kesi2 = summary('jjjjkkkkmmmmnnnn', { credit: { __typename: 'LocalizedText', zh: '王同学（沈阳市文博路小学）', en: 'Wang, Wenbo Road Primary' }, outcome: 'COMMENDED' });
    const { router } = renderApp('/exhibition/2026-SPRING', [
      { request: { query: ExhibitionSeasonDocument, variables: { season: '2026-SPRING', first: 20 } }, result: page([kesi, characters], true) },
      { request: { query: ExhibitionSeasonDocument, variables: { season: '2026-SPRING', first: 20, after: 'c-eeeeffffgggghhhh' } }, result: page([kesi2], false) },
      { request: { query: ExhibitionSeasonDocument, variables: { season: '2026-SPRING', first: 20, theme: 'CHARACTERS' } }, result: page([characters], false) },
    ]);

    expect(await screen.findByRole('heading', { level: 2, name: '传统工艺的作品' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '线上展览 · 2026 春季' })).toBeTruthy();
    const crafts = screen.getByRole('list', { name: '传统工艺的作品' });
    expect(within(crafts).getByRole('link', { name: '缂丝里的牡丹' }).getAttribute('href')).toBe('/exhibition/works/aaaabbbbccccdddd');
    expect(within(crafts).getByText('王小明')).toBeTruthy();
    const charactersList = screen.getByRole('list', { name: '汉字之旅的作品' });
    expect(within(charactersList).getByText('一位小小研究员')).toBeTruthy();
    expect(within(charactersList).getByText('表彰作品')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: '传统工艺的作品' })).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getByText('王同学（沈阳市文博路小学）')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('主题'), { target: { value: 'CHARACTERS' } });
    await waitFor(() => expect(router.state.location.search).toBe('?theme=CHARACTERS'));
    expect(await screen.findByRole('list', { name: '汉字之旅的作品' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('list', { name: '传统工艺的作品' })).toBeNull());
  });

  it('says so for a season key that is not one', async () => {
    renderApp('/exhibition/next-year', []);
    expect(await screen.findByRole('heading', { level: 1, name: '没有找到这一期展览' })).toBeTruthy();
  });

  it('shows a work with its credit exactly as given, its images and cited objects', async () => {
    const parts = shownParts.map((part) => ({ ...part, files: [{ __typename: 'ShownFile', index: 0, contentType: 'image/png', url: '/exhibition/aaaabbbbccccdddd/images/0' }] }));
    renderApp(
      '/exhibition/works/aaaabbbbccccdddd',
      [
        {
          request: { query: ExhibitedWorkDocument, variables: { slug: 'aaaabbbbccccdddd' } },
          result: {
            data: {
              exhibitionWork: {
                ...summary('aaaabbbbccccdddd'),
                __typename: 'ExhibitedWork',
                credit: { __typename: 'LocalizedText', zh: '王同学（沈阳市文博路小学）', en: 'Wang, Wenbo Road Primary' },
                museumName: { __typename: 'LocalizedText', zh: '辽宁省博物馆', en: 'Liaoning Provincial Museum' },
                season: spring,
                parts,
              },
            },
          },
        },
      ],
      { language: 'en' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Peonies in kesi silk' })).toBeTruthy();
    expect(screen.getByText('Wang, Wenbo Road Primary')).toBeTruthy();
    expect(screen.getByText('Outstanding')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to Spring 2026' }).getAttribute('href')).toBe('/exhibition/2026-SPRING');
    expect(screen.getByRole('img', { name: 'Picture 1 from the work' }).getAttribute('src')).toBe('/exhibition/aaaabbbbccccdddd/images/0');
    expect(screen.getByRole('link', { name: 'Kesi peonies' }).getAttribute('href')).toBe('/collection/obj-1');
    expect(screen.queryByRole('link', { name: /certificate/i })).toBeNull();
  });

  it('says so when a work is no longer on show', async () => {
    renderApp('/exhibition/works/zzzzzzzzzzzzzzzz', [
      {
        request: { query: ExhibitedWorkDocument, variables: { slug: 'zzzzzzzzzzzzzzzz' } },
        result: { data: null, errors: [{ message: 'x', path: ['exhibitionWork'], extensions: { code: 'NOT_FOUND' } }] },
      },
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: '没有找到这件作品' })).toBeTruthy();
  });
});
