import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddCheckInDocument, GradebookPageDocument, NominationsPageDocument, ProgressPageDocument, ReleaseGradesDocument, WithdrawConsentDocument } from '../../gql/graphql';
import { renderApp as renderWithMocks, teacherWang } from '../../test/renderApp';
import { notificationHeaderMocks } from '../notifications/testMocks';
import { assignmentId, classId, gradebookPageData, nominationsPageData, progressPageData, releasedProgressPageData } from './fixtures';

const renderApp: typeof renderWithMocks = (path, mocks, options) => renderWithMocks(path, [...mocks, ...notificationHeaderMocks()], options);

afterEach(() => vi.unstubAllGlobals());

describe('ProgressPage', () => {
  const page = { request: { query: ProgressPageDocument, variables: { assignmentId } }, result: { data: progressPageData }, maxUsageCount: 3 };
  // The page reads the rows again after releasing: first as they were, then released.
  const beforeAndAfterRelease = [
    { request: { query: ProgressPageDocument, variables: { assignmentId } }, result: { data: progressPageData }, maxUsageCount: 1 },
    { request: { query: ProgressPageDocument, variables: { assignmentId } }, result: { data: releasedProgressPageData }, maxUsageCount: 3 },
  ];
  const rowOf = (name: string) => within(screen.getByRole('table', { name: '每位学生的进度' })).getByRole('rowheader', { name }).closest('tr')!;

  it("shows each pupil's state per milestone, the charts, and filters to those needing attention", async () => {
    renderApp(`/assignments/${assignmentId}/progress`, [page], { viewer: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '全班进度：青铜器上的纹样' });
    const charts = screen.getAllByRole('figure');
    expect(charts.map((chart) => chart.querySelector('figcaption')?.textContent)).toEqual(['全班的进度', '各项评分标准的结果（已评分的作品）']);

    const table = screen.getByRole('table', { name: '每位学生的进度' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['李小红', '王小明需要处理', '张小刚']);
    expect(within(rows[1]!).getAllByText('迟交').length).toBe(2);
    expect(within(rows[1]!).getByRole('link', { name: '批改 王小明 的作品' }).getAttribute('href')).toBe(`/assignments/${assignmentId}/grading/version-1`);
    expect(within(rows[0]!).getByRole('link', { name: '查看 李小红 的作品' })).toBeTruthy();
    expect(within(rows[2]!).queryByRole('link')).toBeNull();

    fireEvent.click(screen.getByLabelText('只看需要处理的（1）'));
    expect(within(screen.getByRole('table', { name: '每位学生的进度' })).getAllByRole('row')).toHaveLength(2);
  });

  it('releases grades for the whole assignment after confirming', async () => {
    renderApp(
      `/assignments/${assignmentId}/progress`,
      [...beforeAndAfterRelease, { request: { query: ReleaseGradesDocument, variables: { input: { assignmentId, pupilIds: null } } }, result: { data: { releaseGrades: { __typename: 'ReleaseGradesPayload', released: 1 } } } }],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '全班进度：青铜器上的纹样' });
    fireEvent.click(screen.getByRole('button', { name: '公布全班成绩' }));
    const dialog = await screen.findByRole('dialog', { name: '要公布成绩吗？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '公布全班成绩' }));
    await screen.findByText('公布了 1 份成绩。');
    await waitFor(() => expect(within(rowOf('李小红')).getByText('成绩已公布')).toBeTruthy());
    expect(within(rowOf('李小红')).queryByRole('button', { name: '公布成绩：李小红' })).toBeNull();
    // Releasing for the whole class stays: pupils graded later still need it.
    expect(screen.getByRole('button', { name: '公布全班成绩' })).toBeTruthy();
  });

  it('says a released grade is released instead of offering to release it again', async () => {
    renderApp(`/assignments/${assignmentId}/progress`, [{ ...page, result: { data: releasedProgressPageData } }], { viewer: teacherWang, language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Class progress: Patterns on bronzes' });
    const row = within(screen.getByRole('table', { name: "Each pupil's progress" })).getByRole('rowheader', { name: '李小红' }).closest('tr')!;
    expect(within(row).getByText('Grade released')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: /Release grade/ })).toBeNull();
    expect(within(row).getByRole('link', { name: /李小红/ })).toBeTruthy();
  });

  it("releases one pupil's grade", async () => {
    renderApp(
      `/assignments/${assignmentId}/progress`,
      [...beforeAndAfterRelease, { request: { query: ReleaseGradesDocument, variables: { input: { assignmentId, pupilIds: ['pupil-2'] } } }, result: { data: { releaseGrades: { __typename: 'ReleaseGradesPayload', released: 1 } } } }],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '全班进度：青铜器上的纹样' });
    fireEvent.click(screen.getByRole('button', { name: '公布成绩：李小红' }));
    const dialog = await screen.findByRole('dialog', { name: '要公布成绩吗？' });
    expect(within(dialog).getByText('李小红 会看到自己的成绩，并收到通知。')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '公布成绩' }));
    await screen.findByText('公布了 1 份成绩。');
    await waitFor(() => expect(within(rowOf('李小红')).getByText('成绩已公布')).toBeTruthy());
    expect(screen.queryByRole('button', { name: '公布成绩：李小红' })).toBeNull();
  });
});

describe('ProgressPage check-ins', () => {
  it('sends quick feedback on a step of a pupil who has not handed in yet', async () => {
    renderApp(
      `/assignments/${assignmentId}/progress`,
      [
        { request: { query: ProgressPageDocument, variables: { assignmentId } }, result: { data: progressPageData }, maxUsageCount: 3 },
        {
          request: { query: AddCheckInDocument, variables: { input: { workId: 'work-1', milestoneKey: 'm-share', text: '分享的部分可以多写一点。' } } },
          result: { data: { addCheckIn: { __typename: 'CheckInPayload', checkIn: { __typename: 'CheckIn', id: 'check-1', milestoneKey: 'm-share', text: '分享的部分可以多写一点。', createdAt: '2026-11-21T02:00:00.000Z' } } } },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '全班进度：青铜器上的纹样' });
    fireEvent.click(screen.getByRole('button', { name: '给 王小明 的阶段反馈' }));
    const panel = await screen.findByRole('region', { name: '给 王小明 的阶段反馈' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('给 王小明 的阶段反馈'));
    fireEvent.change(within(panel).getByLabelText('哪一步'), { target: { value: 'm-share' } });
    fireEvent.change(within(panel).getByLabelText('反馈内容'), { target: { value: '分享的部分可以多写一点。' } });
    fireEvent.click(within(panel).getByRole('button', { name: '发送阶段反馈' }));
    await within(panel).findByText('阶段反馈已发送。');
    expect(within(panel).getByText('分享的部分可以多写一点。')).toBeTruthy();
  });
});

describe('GradebookPage', () => {
  const page = { request: { query: GradebookPageDocument, variables: { classId } }, result: { data: gradebookPageData }, maxUsageCount: 3 };

  it('shows pupils × assignments with totals, and exports the CSV showing its state', async () => {
    const csv = '\uFEFF姓名 Name\r\n李小红\r\n';
    const fetchMock = vi.fn(async () => new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8' } }));
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:gradebook');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    renderApp(`/classes/${classId}/gradebook`, [page], { viewer: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '成绩册：四年级二班' });
    const table = screen.getByRole('table', { name: '学生和项目的成绩' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['20260102', '4 / 5', '4 / 5']);
    expect(within(rows[1]!).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['', '已提交迟交', '0 / 0']);

    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(screen.getByText('已下载“成绩册.csv”。')).toBeTruthy());
    expect(fetchMock).toHaveBeenCalledWith(`/exports/classes/${classId}/gradebook.csv`, { credentials: 'same-origin' });
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('says so when the export fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 500 })));
    renderApp(`/classes/${classId}/gradebook`, [page], { viewer: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '成绩册：四年级二班' });
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await screen.findByText('没能导出成绩册，请再试一次。');
  });
});

describe('NominationsPage', () => {
  it("lists the class's nominations and records a guardian's withdrawn consent after confirming", async () => {
    renderApp(
      `/classes/${classId}/nominations`,
      [
        { request: { query: NominationsPageDocument, variables: { classId } }, result: { data: nominationsPageData }, maxUsageCount: 3 },
        {
          request: { query: WithdrawConsentDocument, variables: { input: { nominationId: 'nomination-1' } } },
          result: {
            data: {
              withdrawConsent: {
                __typename: 'NominationPayload',
                nomination: { __typename: 'Nomination', id: 'nomination-1', state: 'CONSENT_WITHDRAWN', consentWithdrawnAt: '2026-11-22T02:00:00.000Z', exhibitionPath: null },
              },
            },
          },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '推荐给博物馆的作品：四年级二班' });
    const card = screen.getByRole('article');
    expect(within(card).getByText('她的观察非常细致。')).toBeTruthy();
    expect(within(card).getByText('名字、姓的首字母和学校')).toBeTruthy();
    expect(within(card).getByText('等待博物馆评审')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: '监护人撤回同意' }));
    const dialog = await screen.findByRole('dialog', { name: '记录监护人撤回同意？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '监护人撤回同意' }));
    await screen.findByText('已记录：监护人撤回了同意。');
    await waitFor(() => expect(within(screen.getByRole('article')).getByText('已撤回同意')).toBeTruthy());
    expect(within(screen.getByRole('article')).queryByRole('button', { name: '监护人撤回同意' })).toBeNull();
  });
});
