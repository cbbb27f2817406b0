import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BriefEditorDocument, BriefLibraryDocument, BriefPageDocument, CopyBriefDocument, CreateAssignmentDocument, AssignBriefDocument, UpdateBriefDocument } from '../../gql/graphql';
import { educatorZhao, renderApp, teacherWang } from '../../test/renderApp';
import { bronzeBrief, editorBrief } from './fixtures';

describe('BriefPage', () => {
  it('shows the question, steps, a criteria × levels rubric and links to the suggested objects', async () => {
    renderApp('/briefs/brief-1', [{ request: { query: BriefPageDocument, variables: { id: 'brief-1' } }, result: { data: { brief: bronzeBrief } } }], { viewer: teacherWang });

    await screen.findByRole('heading', { level: 1, name: '青铜器上的纹样' });
    expect(screen.getByText('古人为什么要在青铜器上刻花纹？')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '第 1 步：观察' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '第 2 步：分享与反思' })).toBeTruthy();

    const rubric = screen.getByRole('table', { name: /评价量规/ });
    const header = within(rubric).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(header).toEqual(['评价方面', '等级 1', '等级 2', '等级 3']);
    const rows = within(rubric).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('观察');
    expect(within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1 分我画出了一部分纹样。', '3 分我画出了完整的纹样。', '']);
    expect(screen.getByText('满分 6 分')).toBeTruthy();

    expect(screen.getByRole('link', { name: '兽面纹鼎' }).getAttribute('href')).toBe('/collection/obj-9');
    expect(screen.getByRole('link', { name: '布置给班级' }).getAttribute('href')).toBe('/briefs/brief-1/assign');
    expect(screen.getByRole('button', { name: '复制到我的项目' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '发布到项目库' })).toBeNull();
  });

  it('lets a teacher copy a library brief and opens the copy in the editor', async () => {
    const copy = { ...editorBrief(), id: 'brief-copy' };
    const { router } = renderApp(
      '/briefs/brief-1',
      [
        { request: { query: BriefPageDocument, variables: { id: 'brief-1' } }, result: { data: { brief: bronzeBrief } } },
        { request: { query: CopyBriefDocument, variables: { input: { id: 'brief-1' } } }, result: { data: { copyBrief: { __typename: 'BriefPayload', brief: { __typename: 'Brief', id: 'brief-copy' } } } } },
        { request: { query: BriefEditorDocument, variables: { id: 'brief-copy' } }, result: { data: { brief: copy } } },
      ],
      { viewer: teacherWang },
    );
    fireEvent.click(await screen.findByRole('button', { name: '复制到我的项目' }));
    await screen.findByText('已复制到你的项目，现在可以修改了。');
    expect(router.state.location.pathname).toBe('/briefs/brief-copy/edit');
    expect((screen.getByLabelText('项目名称（中文） *') as HTMLInputElement).value).toBe('青铜器上的纹样');
  });
});

describe('BriefLibraryPage', () => {
  it('filters by theme, grade and words through the address', async () => {
    const node = { ...bronzeBrief };
    const page = (variables: Record<string, unknown>) => ({
      request: { query: BriefLibraryDocument, variables: { first: 20, ...variables } },
      result: {
        data: {
          briefLibrary: {
            __typename: 'BriefConnection',
            edges: [{ __typename: 'BriefEdge', cursor: 'c1', node }],
            pageInfo: { __typename: 'PageInfo', endCursor: 'c1', hasNextPage: false },
          },
        },
      },
    });
    const { router } = renderApp('/briefs', [page({}), page({ theme: 'CRAFTS' }), page({ theme: 'CRAFTS', grade: 4 }), page({ theme: 'CRAFTS', grade: 4, search: '青铜' })], {
      viewer: educatorZhao,
    });

    const list = await screen.findByRole('list', { name: '项目列表' });
    expect(within(list).getByRole('link', { name: '青铜器上的纹样' }).getAttribute('href')).toBe('/briefs/brief-1');
    expect(screen.getByRole('link', { name: '写一个新项目' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: '查看哪些项目' })).toBeNull();

    fireEvent.change(screen.getByRole('combobox', { name: '主题' }), { target: { value: 'CRAFTS' } });
    fireEvent.change(await screen.findByLabelText('适合年级'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('关键词'), { target: { value: '青铜' } });
    fireEvent.click(screen.getByRole('button', { name: '筛选' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=%E9%9D%92%E9%93%9C&theme=CRAFTS&grade=4'));
    expect(await screen.findByRole('link', { name: '青铜器上的纹样' })).toBeTruthy();
  });
});

describe('BriefEditorPage', () => {
  it('checks a new brief before saving and puts each problem next to its input', async () => {
    renderApp('/briefs/new', [], { viewer: educatorZhao });
    await screen.findByRole('heading', { level: 1, name: '写一个新项目' });
    // The five suggested steps are there to start from.
    expect((screen.getByLabelText('第 1 步名称（中文） *') as HTMLInputElement).value).toBe('观察');
    expect((screen.getByLabelText('第 5 步名称（英文）') as HTMLInputElement).value).toBe('Share and reflect');

    fireEvent.click(screen.getByRole('button', { name: '保存项目' }));

    const title = screen.getByLabelText('项目名称（中文） *');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(title);
    expect(screen.getByLabelText('第 1 步要做什么（中文） *').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('评价方面 1 等级 1 的描述（中文） *').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('第 1 步名称（中文） *').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText(/处需要修改，请看标红的地方。$/)).toBeTruthy();
  });

  it('reorders and removes steps', async () => {
    renderApp('/briefs/new', [], { viewer: educatorZhao });
    await screen.findByRole('heading', { level: 1, name: '写一个新项目' });
    fireEvent.click(screen.getByRole('button', { name: '下移 第 1 步' }));
    expect((screen.getByLabelText('第 1 步名称（中文） *') as HTMLInputElement).value).toBe('提问');
    expect((screen.getByLabelText('第 2 步名称（中文） *') as HTMLInputElement).value).toBe('观察');
    fireEvent.click(screen.getByRole('button', { name: '删除 第 1 步' }));
    expect((screen.getByLabelText('第 1 步名称（中文） *') as HTMLInputElement).value).toBe('观察');
    expect(screen.queryByLabelText('第 5 步名称（中文） *')).toBeNull();
  });

  it("maps the API's field path rubric.0.levels.1.points to that input", async () => {
    renderApp(
      '/briefs/brief-1/edit',
      [
        { request: { query: BriefEditorDocument, variables: { id: 'brief-1' } }, result: { data: { brief: editorBrief() } } },
        {
          request: { query: UpdateBriefDocument, variables: () => true },
          result: {
            data: null,
            errors: [
              {
                message: 'rubric.0.levels.1.points: duplicate',
                path: ['updateBrief'],
                extensions: { code: 'BAD_USER_INPUT', field: 'rubric.0.levels.1.points', problems: [{ field: 'rubric.0.levels.1.points', problem: 'DUPLICATE' }] },
              },
            ],
          },
        },
      ],
      { viewer: educatorZhao },
    );
    await screen.findByRole('heading', { level: 1, name: '修改项目' });
    fireEvent.click(screen.getByRole('button', { name: '保存项目' }));

    const points = await screen.findByLabelText('评价方面 1 等级 2 的分数 *');
    await waitFor(() => expect(points.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('同一个评价方面里，每个等级的分数要不一样。')).toBeTruthy();
    expect(screen.getByLabelText('评价方面 1 等级 1 的分数 *').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(points);
  });
});

describe('AssignBriefPage', () => {
  it('sends the dates as typed, in the school time zone, with a museum visit', async () => {
    let sent: unknown = null;
    const { router } = renderApp(
      '/briefs/brief-1/assign',
      [
        {
          request: { query: AssignBriefDocument, variables: { id: 'brief-1' } },
          result: {
            data: {
              brief: { __typename: 'Brief', id: 'brief-1', title: bronzeBrief.title, milestones: bronzeBrief.milestones.map(({ __typename, key, title }) => ({ __typename, key, title })) },
              classes: [{ __typename: 'Class', id: 'class-4-2', name: '四年级二班', archivedAt: null, school: { __typename: 'School', id: 's1', timeZone: 'Asia/Shanghai' } }],
            },
          },
        },
        {
          request: { query: CreateAssignmentDocument, variables: (variables: Record<string, unknown>) => ((sent = variables), true) },
          result: { data: { createAssignment: { __typename: 'AssignmentPayload', assignment: { __typename: 'Assignment', id: 'asg-1', classId: 'class-4-2' } } } },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '布置项目：青铜器上的纹样' });
    expect(screen.getByText(/Asia\/Shanghai/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('班级'), { target: { value: 'class-4-2' } });
    fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-11-20' } });
    fireEvent.click(screen.getByRole('button', { name: '布置项目' }));
    expect(screen.getByText('截止日期要在开始日期之后。')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('截止日期'), { target: { value: '2026-12-18' } });
    fireEvent.change(screen.getByLabelText('第 1 步「观察」截止日期（选填）'), { target: { value: '2026-12-05' } });
    fireEvent.click(screen.getByLabelText('小组合作'));
    fireEvent.change(screen.getByLabelText('活动类型'), { target: { value: 'MUSEUM_VISIT' } });
    fireEvent.change(screen.getByLabelText('活动日期和时间'), { target: { value: '2026-12-05T09:30' } });
    fireEvent.change(screen.getByLabelText('地点'), { target: { value: '辽宁省博物馆' } });
    fireEvent.click(screen.getByRole('button', { name: '布置项目' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/classes/class-4-2'));
    expect(sent).toEqual({
      input: {
        briefId: 'brief-1',
        classId: 'class-4-2',
        startsAt: '2026-12-01',
        dueAt: '2026-12-18',
        mode: 'TEAM',
        milestoneDueDates: [{ milestoneKey: 'm-observe', dueAt: '2026-12-05' }],
        museumSession: { kind: 'MUSEUM_VISIT', at: '2026-12-05T09:30', place: '辽宁省博物馆' },
      },
    });
  });
});
