import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeletePupilDocument, PupilAccessLogDocument, PupilPrivacyDocument, SchoolPrivacyDocument, SetRetentionPeriodDocument } from '../../gql/graphql';
import { adminLiu, renderApp, teacherWang } from '../../test/renderApp';

const years = [
  { __typename: 'RetentionYear', schoolYear: '2026-2027', classCount: 2, pupilCount: 55, pupilsInNoClass: 0, warnAt: '2028-06-30T15:59:00.000Z', purgeAt: '2028-07-31T15:59:00.000Z', stage: 'KEPT' },
  { __typename: 'RetentionYear', schoolYear: '2025-2026', classCount: 1, pupilCount: 28, pupilsInNoClass: 3, warnAt: '2027-06-30T15:59:00.000Z', purgeAt: '2027-07-31T15:59:00.000Z', stage: 'WARN' },
];

function schoolPrivacy(canEdit: boolean, retentionMonths = 12) {
  return {
    data: {
      schoolPrivacy: { __typename: 'SchoolPrivacy', schoolId: 'school-wenbo', schoolName: '沈阳市文博路小学', timeZone: 'Asia/Shanghai', retentionMonths, canEdit, years },
    },
  };
}

function pupilPrivacy(canDelete: boolean) {
  return {
    data: {
      pupilPrivacy: {
        __typename: 'PupilPrivacy',
        id: 'pupil-1',
        displayName: '王小明',
        exportUrl: '/exports/pupils/pupil-1/record.zip',
        canDelete,
        workCount: 3,
        fileCount: 2,
        classes: [{ __typename: 'PupilClassRef', id: 'class-4b', name: '四年级二班', schoolYear: '2026-2027' }],
        nominations: [
          {
            __typename: 'PupilNomination',
            id: 'nom-1',
            projectTitle: { __typename: 'LocalizedText', zh: '辽代铜镜上的龙纹', en: 'Dragons on Liao bronze mirrors' },
            teamWork: false,
            state: 'DECIDED',
            consentStands: true,
            creditStyle: 'FULL_NAME',
            exhibited: true,
            consentHistory: [
              { __typename: 'ConsentRecord', id: 'c1', change: 'GIVEN', creditStyle: 'FULL_NAME', note: '签字的同意书', recordedByName: '王芳', recordedAt: '2026-11-01T02:00:00.000Z' },
            ],
          },
        ],
      },
    },
  };
}

function accessLogPage(entries: { id: string; actorName: string }[], hasNextPage: boolean) {
  return {
    data: {
      pupilAccessLog: {
        __typename: 'AuditEntryConnection',
        edges: entries.map(({ id, actorName }) => ({
          __typename: 'AuditEntryEdge',
          cursor: `c-${id}`,
          node: { __typename: 'AuditEntry', id, action: 'PUPIL_WORK_VIEWED', actorName, details: '{"view":"GRADING_VIEW"}', createdAt: '2026-11-20T02:30:00.000Z' },
        })),
        pageInfo: { __typename: 'PageInfo', endCursor: entries.length ? `c-${entries.at(-1)!.id}` : null, hasNextPage },
      },
    },
  };
}

const accessLog = accessLogPage([{ id: 'a1', actorName: '王芳' }], false);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('privacy pages', () => {
  it("shows a teacher their school's retention without a way to change it", async () => {
    renderApp('/privacy', [{ request: { query: SchoolPrivacyDocument, variables: { schoolId: null } }, result: schoolPrivacy(false) }], { viewer: teacherWang });
    const years = await screen.findByRole('table', { name: '各学年的清除时间' });
    expect(within(years).getAllByRole('rowheader').map((c) => c.textContent)).toEqual(['2026-2027', '2025-2026']);
    expect(within(years).getByText('即将清除')).toBeTruthy();
    expect(within(years).getByRole('columnheader', { name: '不在任何班级的学生' })).toBeTruthy();
    const warned = within(years).getAllByRole('row').find((row) => row.textContent?.startsWith('2025-2026'))!;
    expect(within(warned).getAllByRole('cell').map((c) => c.textContent).slice(0, 3)).toEqual(['1', '28', '3']);
    expect(screen.getAllByText('学年结束后 12 个月').length).toBeGreaterThan(0);
    expect(screen.queryByLabelText('保存月数')).toBeNull();
  });

  it('lets an admin change the months, refusing a value out of range before asking the API', async () => {
    renderApp(
      '/privacy/school-wenbo',
      [
        { request: { query: SchoolPrivacyDocument, variables: { schoolId: 'school-wenbo' } }, result: schoolPrivacy(true) },
        {
          request: { query: SetRetentionPeriodDocument, variables: { input: { schoolId: 'school-wenbo', months: 24 } } },
          result: { data: { setRetentionPeriod: { __typename: 'SchoolPrivacyPayload', privacy: { ...schoolPrivacy(true, 24).data.schoolPrivacy } } } },
        },
      ],
      { viewer: adminLiu, language: 'en' },
    );
    const months = await screen.findByLabelText('Months kept');
    fireEvent.change(months, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a whole number from 1 to 120.')).toBeTruthy();
    fireEvent.change(months, { target: { value: '24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved: kept 24 months after the school year ends.')).toBeTruthy();
  });

  it('exports the pupil as a ZIP, saying where it stands', async () => {
    const fetchMock = vi.fn(async () => new Response('zip', { status: 200, headers: { 'content-type': 'application/zip' } }));
    vi.stubGlobal('fetch', fetchMock);
    const createObjectURL = vi.fn(() => 'blob:record');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    renderApp('/pupils/pupil-1/privacy', [{ request: { query: PupilPrivacyDocument, variables: { pupilId: 'pupil-1' } }, result: pupilPrivacy(false) }], { viewer: teacherWang });

    fireEvent.click(await screen.findByRole('button', { name: '导出为 ZIP' }));
    expect(await screen.findByText('已下载。')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/exports/pupils/pupil-1/record.zip', expect.objectContaining({ credentials: 'same-origin' }));
    expect(createObjectURL).toHaveBeenCalled();
    // A teacher sees the consent history but neither the access log nor deletion.
    expect(screen.getByText(/签字的同意书/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '删除这名学生' })).toBeNull();
  });

  it('says why an export failed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'NOT_FOUND' }), { status: 404 })));
    renderApp('/pupils/pupil-1/privacy', [{ request: { query: PupilPrivacyDocument, variables: { pupilId: 'pupil-1' } }, result: pupilPrivacy(false) }], { viewer: teacherWang, language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: 'Export as ZIP' }));
    expect(await screen.findByText(/The export failed/)).toBeTruthy();
  });

  it('shows an admin older access entries a page at a time', async () => {
    renderApp(
      '/pupils/pupil-1/privacy',
      [
        { request: { query: PupilPrivacyDocument, variables: { pupilId: 'pupil-1' } }, result: pupilPrivacy(true) },
        { request: { query: PupilAccessLogDocument, variables: { pupilId: 'pupil-1', first: 20 } }, result: accessLogPage([{ id: 'a1', actorName: '王芳' }], true) },
        { request: { query: PupilAccessLogDocument, variables: { pupilId: 'pupil-1', first: 20, after: 'c-a1' } }, result: accessLogPage([{ id: 'a2', actorName: '刘静' }], false) },
      ],
      { viewer: adminLiu },
    );
    const log = await screen.findByRole('table', { name: '谁查看过' });
    expect(within(log).getAllByRole('rowheader')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '加载更早的记录' }));
    expect(await within(log).findByText('刘静')).toBeTruthy();
    expect(within(log).getByText('王芳')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更早的记录' })).toBeNull();
  });

  it("deletes a pupil only once an admin has typed the pupil's name", async () => {
    renderApp(
      '/pupils/pupil-1/privacy',
      [
        { request: { query: PupilPrivacyDocument, variables: { pupilId: 'pupil-1' } }, result: pupilPrivacy(true) },
        { request: { query: PupilAccessLogDocument, variables: { pupilId: 'pupil-1', first: 20 } }, result: accessLog },
        {
          request: { query: DeletePupilDocument, variables: { input: { pupilId: 'pupil-1', confirmName: '王小明' } } },
          result: { data: { deletePupil: { __typename: 'DeletePupilPayload', deletedPupilId: 'pupil-1', worksRemoved: 2, teamWorksKept: 1, filesRemoved: 2 } } },
        },
      ],
      { viewer: adminLiu },
    );
    const log = await screen.findByRole('table', { name: '谁查看过' });
    expect(within(log).getByRole('rowheader').textContent).toBe('查看作品');
    expect(within(log).getByText('批改页面')).toBeTruthy();
    expect(within(log).getByText('王芳')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '删除这名学生' }));
    const confirm = screen.getByRole('button', { name: '永久删除' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('学生的名字'), { target: { value: '王小' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('学生的名字'), { target: { value: '王小明' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(await screen.findByText('已删除：2 份作品，2 个文件；1 份小组作品保留给小组。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回班级' }).getAttribute('href')).toBe('/classes');
  });
});
