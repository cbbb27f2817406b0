import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgrammeFiguresDocument } from '../../gql/graphql';
import { adminLiu, educatorZhao, renderApp, teacherWang } from '../../test/renderApp';

function row(theme: string, gradeBand: string, overrides: Record<string, number> = {}) {
  return {
    __typename: 'ProgrammeFigureRow',
    theme,
    gradeBand,
    schools: 1,
    classes: 1,
    pupils: 28,
    pupilAssignments: 28,
    submitted: 21,
    submissionRate: 0.75,
    worksSubmitted: 21,
    nominations: 2,
    nominationRate: 0.095,
    outstanding: 1,
    commended: 1,
    notSelected: 0,
    awaitingDecision: 0,
    ...overrides,
  };
}

const spring = { __typename: 'SeasonModel', key: '2026-SPRING', label: { __typename: 'LocalizedText', zh: '2026 春季', en: 'Spring 2026' } };

function figures(season: typeof spring | null, rows: ReturnType<typeof row>[]) {
  return { data: { programmeFigures: { __typename: 'ProgrammeFigures', season, rows } } };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ProgrammePage', () => {
  it('shows the figures as charts and a table, and changes season', async () => {
    const { router } = renderApp(
      '/programme',
      [
        { request: { query: ProgrammeFiguresDocument, variables: {} }, result: figures(null, [row('CRAFTS', 'UPPER_PRIMARY'), row('CHARACTERS', 'JUNIOR_SECONDARY', { pupils: 30, submissionRate: 0.5, outstanding: 0, commended: 1, notSelected: 1 })]) },
        { request: { query: ProgrammeFiguresDocument, variables: { season: '2026-SPRING' } }, result: figures(spring, []) },
      ],
      { viewer: educatorZhao },
    );

    expect(await screen.findByText('正在显示：全部季度')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '项目数据' })).toBeTruthy();
    for (const title of ['参与的学生人数（按主题，分学段）', '提交率（按主题和学段）', '推荐率（推荐的作品占提交作品的比例）', '评审结果（按主题）']) {
      expect(screen.getAllByText(title)[0]!.closest('figure')).toBeTruthy();
    }
    const table = screen.getByRole('table', { name: '按主题和学段的全部数字' });
    const craftsRow = within(table).getByRole('rowheader', { name: '传统工艺' }).closest('tr')!;
    expect(within(craftsRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['小学高年级（4–6年级）', '1', '1', '28', '28', '21', '75%', '21', '2', '9.5%', '1', '1', '0', '0']);

    fireEvent.change(screen.getByLabelText('季度'), { target: { value: '2026-SPRING' } });
    await waitFor(() => expect(router.state.location.search).toBe('?season=2026-SPRING'));
    expect(await screen.findByText('这个季度还没有布置过任务。')).toBeTruthy();
    expect(screen.getByText('正在显示：2026 春季')).toBeTruthy();
  });

  it('downloads the CSV for the chosen season and says how it went', async () => {
    const fetchMock = vi.fn(async () => new Response('\uFEFF主题 Theme\r\n', { status: 200, headers: { 'content-type': 'text/csv' } }));
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp('/programme?season=2026-SPRING', [{ request: { query: ProgrammeFiguresDocument, variables: { season: '2026-SPRING' } }, result: figures(spring, [row('CRAFTS', 'UPPER_PRIMARY')]) }], {
      viewer: adminLiu,
      language: 'en',
    });

    fireEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('The CSV file has been downloaded.')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/exports/programme-figures.csv?season=2026-SPRING', { credentials: 'same-origin' });
    expect(createObjectURL).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
  });

  it('says why the CSV failed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"message":"Forbidden"}', { status: 403 })));
    renderApp('/programme', [{ request: { query: ProgrammeFiguresDocument, variables: {} }, result: figures(null, [row('CRAFTS', 'UPPER_PRIMARY')]) }], { viewer: educatorZhao });
    fireEvent.click(await screen.findByRole('button', { name: '导出 CSV' }));
    expect(await screen.findByText('CSV 导出失败：你没有权限查看这里的内容。如果需要，请问问你的老师。')).toBeTruthy();
  });

  it('is not for teachers', async () => {
    renderApp('/programme', [], { viewer: teacherWang });
    expect(await screen.findByRole('heading', { name: '这个页面不是给你用的' })).toBeTruthy();
  });
});
