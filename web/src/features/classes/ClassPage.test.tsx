import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClassPageDocument, ImportRosterDocument, PreviewRosterDocument, ResetPupilCodeDocument } from '../../gql/graphql';
import { renderApp, teacherWang } from '../../test/renderApp';
import { classId, classPageData } from './fixtures';

const classPage = { request: { query: ClassPageDocument, variables: { id: classId } }, result: { data: classPageData }, maxUsageCount: 3 };

const badCsv = '王小明,20260101\n,20260102\n李小红,20260101';
const goodCsv = '王小明,20260103\n李小红';

function row(line: number, displayName: string, studentNumber: string | null, problems: string[]) {
  return { __typename: 'RosterRowResult', line, displayName, studentNumber, problems };
}

describe('ClassPage', () => {
  it("shows the roster with each pupil's student number and sign-in code", async () => {
    renderApp(`/classes/${classId}`, [classPage], { viewer: teacherWang });

    await screen.findByRole('heading', { level: 1, name: '四年级二班' });
    const table = screen.getByRole('table', { name: '学生名单' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['20260101', 'K7M2QX', '重置登录码'],
      ['', 'R8T3VW', '重置登录码'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader').textContent).toBe('王子涵');
    expect(screen.getByText('WB4B26')).toBeTruthy();
    expect(screen.getByRole('link', { name: '打印登录卡' }).getAttribute('href')).toBe(`/classes/${classId}/cards`);

    const assigned = within(screen.getByRole('list', { name: '已布置的项目' })).getAllByRole('article');
    expect(assigned).toHaveLength(1);
    expect(within(assigned[0]!).getByRole('link', { name: '青铜器上的纹样' }).getAttribute('href')).toBe('/briefs/brief-1');
    expect(within(assigned[0]!).getByText(/^参观博物馆：.*辽宁省博物馆 二楼$/)).toBeTruthy();
    expect(within(assigned[0]!).getByText('小组合作')).toBeTruthy();
  });

  it('previews a roster with the problems of each row and keeps import disabled', async () => {
    renderApp(
      `/classes/${classId}`,
      [
        classPage,
        {
          request: { query: PreviewRosterDocument, variables: { classId, csv: badCsv } },
          result: {
            data: {
              previewRoster: {
                __typename: 'RosterPreview',
                valid: false,
                rows: [
                  row(1, '王小明', '20260101', ['DUPLICATE_STUDENT_NUMBER', 'STUDENT_NUMBER_IN_CLASS']),
                  row(2, '', '20260102', ['MISSING_NAME']),
                  row(3, '李小红', '20260101', ['DUPLICATE_STUDENT_NUMBER']),
                ],
              },
            },
          },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '四年级二班' });
    const importButton = screen.getByRole('button', { name: '导入' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(true);

    fireEvent.change(screen.getByLabelText('粘贴名单'), { target: { value: badCsv } });
    fireEvent.click(screen.getByRole('button', { name: '检查名单' }));

    const preview = await screen.findByRole('table', { name: '检查结果' });
    const rows = within(preview).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['学号在名单里重复了', '这个学号已经在班里了']);
    expect(within(rows[1]!).getByRole('listitem').textContent).toBe('缺少名字');
    expect(screen.getByText('有 3 行需要修改。改好以后再检查一次，就可以导入了。')).toBeTruthy();
    expect(importButton.disabled).toBe(true);
  });

  it('imports a roster that has no problems, and asks for a new check after an edit', async () => {
    let imported = false;
    renderApp(
      `/classes/${classId}`,
      [
        classPage,
        {
          request: { query: PreviewRosterDocument, variables: { classId, csv: goodCsv } },
          result: {
            data: { previewRoster: { __typename: 'RosterPreview', valid: true, rows: [row(1, '王小明', '20260103', []), row(2, '李小红', null, [])] } },
          },
        },
        {
          request: { query: ImportRosterDocument, variables: { input: { classId, csv: goodCsv } } },
          result: () => {
            imported = true;
            return { data: { importRoster: { __typename: 'ImportRosterPayload', imported: true, importedCount: 2, rows: [] } } };
          },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '四年级二班' });
    const textarea = screen.getByLabelText('粘贴名单');
    fireEvent.change(textarea, { target: { value: goodCsv } });
    fireEvent.click(screen.getByRole('button', { name: '检查名单' }));
    await screen.findByText('2 名学生可以导入。');
    const importButton = screen.getByRole('button', { name: '导入' }) as HTMLButtonElement;
    expect(importButton.disabled).toBe(false);

    fireEvent.change(textarea, { target: { value: `${goodCsv}\n张三` } });
    expect(importButton.disabled).toBe(true);
    expect(screen.getByText('名单改过了，请再检查一次。')).toBeTruthy();
    fireEvent.change(textarea, { target: { value: goodCsv } });
    expect(importButton.disabled).toBe(false);

    fireEvent.click(importButton);
    expect(await screen.findByText('已导入 2 名学生。记得打印他们的登录卡。')).toBeTruthy();
    expect(imported).toBe(true);
  });

  it("resets a pupil's code only after the teacher confirms", async () => {
    renderApp(
      `/classes/${classId}`,
      [
        classPage,
        {
          request: { query: ResetPupilCodeDocument, variables: { input: { classId, pupilId: 'p-2' } } },
          result: { data: { resetPupilCode: { __typename: 'ResetPupilCodePayload', pupilId: 'p-2', pupilCode: 'NEWC0D' } } },
        },
      ],
      { viewer: teacherWang },
    );
    fireEvent.click(await screen.findByRole('button', { name: '重置登录码：李欣怡' }));
    const dialog = screen.getByRole('dialog', { name: '重置李欣怡的登录码？' });
    expect(within(dialog).getByText(/旧的登录码和卡片会马上失效/)).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: '重置登录码' }));
    expect((await screen.findByText(/的新登录码是/)).textContent).toBe('李欣怡的新登录码是 NEWC0D。请重新打印这张登录卡。');
  });
});
