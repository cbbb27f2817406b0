import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AttemptChangesDocument, EarlierAttemptsDocument, GradingPageDocument, NominateWorkDocument, OpenSubmissionDocument, ReturnWorkDocument, SaveFeedbackDocument } from '../../gql/graphql';
import { renderApp as renderWithMocks, teacherWang } from '../../test/renderApp';
import { notificationHeaderMocks } from '../notifications/testMocks';
import { assignmentId, feedback, gradingPageData, versionId } from './fixtures';

const renderApp: typeof renderWithMocks = (path, mocks, options) => renderWithMocks(path, [...mocks, ...notificationHeaderMocks()], options);

const path = `/assignments/${assignmentId}/grading/${versionId}`;

function pageMock(data: ReturnType<typeof gradingPageData>, times = 5) {
  return { request: { query: GradingPageDocument, variables: { assignmentId, versionId } }, result: { data }, maxUsageCount: times };
}

const savedAnswer = (rowVersion: number, levels: { criterionKey: string; level: number; comment: string | null; points: number }[], overallComment: string | null) => ({
  data: {
    saveFeedback: {
      __typename: 'FeedbackPayload',
      feedback: { ...feedback({ rowVersion, overallComment, levels: levels.map((l) => ({ __typename: 'ChosenLevelModel', ...l })) }), comments: undefined },
    },
  },
});

describe('GradingPage', () => {
  it('shows the submitted work safely beside the rubric, with the saved levels and the neighbours', async () => {
    renderApp(path, [pageMock(gradingPageData())], { viewer: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '批改：王小明' });
    // The pupil's text is text: a script tag is shown, never run.
    expect(screen.getByText(/<script>alert\(1\)<\/script>/)).toBeTruthy();
    expect(document.querySelector('.grading-work script')).toBeNull();
    expect(screen.getByRole('heading', { level: 3, name: '1. 观察' })).toBeTruthy();
    expect(screen.getByText('这幅画很清楚。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '打开文件 1' }).getAttribute('href')).toBe('/files/file-1');
    // A cited object is named by its title and links to its page; one no longer in the collection is said to be gone.
    expect(screen.getByRole('link', { name: '兽面纹鼎' }).getAttribute('href')).toBe('/collection/object-1');
    expect(screen.getByText('藏品: 这件藏品已不在馆藏中')).toBeTruthy();

    const look = screen.getByRole('group', { name: '观察' });
    expect((within(look).getByRole('radio', { name: /3分/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('link', { name: /下一位/ }).getAttribute('href')).toBe(`/assignments/${assignmentId}/grading/version-2`);
    expect(screen.queryByRole('link', { name: /上一位/ })).toBeNull();
    expect(screen.getByText('每一项都选好等级后就能算出得分（满分 5）。')).toBeTruthy();
  });

  it('saves the chosen levels with the rowVersion it read and says so in a live region', async () => {
    const levels = [
      { criterionKey: 'c-look', level: 1, comment: null, points: 3 },
      { criterionKey: 'c-tell', level: 1, comment: '讲得很清楚', points: 2 },
    ];
    renderApp(
      path,
      [
        pageMock(gradingPageData()),
        {
          request: {
            query: SaveFeedbackDocument,
            variables: { input: { versionId, expectedRowVersion: 1, levels: levels.map(({ points: _points, ...rest }) => rest), overallComment: '观察得很仔细。' } },
          },
          result: savedAnswer(2, levels, '观察得很仔细。'),
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '批改：王小明' });
    const tell = screen.getByRole('group', { name: '表达' });
    fireEvent.click(within(tell).getByRole('radio', { name: /2分/ }));
    fireEvent.change(within(tell).getByLabelText('对“表达”的评语'), { target: { value: '讲得很清楚' } });
    expect(screen.getByText('得分：5 / 5')).toBeTruthy();
    const status = screen.getByText('有还没保存的修改');
    expect(status.getAttribute('role')).toBe('status');

    fireEvent.click(screen.getByRole('button', { name: '保存批改' }));
    await waitFor(() => expect(status.textContent).toBe('已保存'));
  });

  it("shows the other teacher's marking on CONFLICT and keeps theirs when asked", async () => {
    renderApp(
      path,
      [
        pageMock(gradingPageData()),
        {
          request: {
            query: SaveFeedbackDocument,
            variables: { input: { versionId, expectedRowVersion: 1, levels: [{ criterionKey: 'c-look', level: 0, comment: null }], overallComment: '观察得很仔细。' } },
          },
          result: {
            errors: [
              {
                message: 'someone changed this feedback since you opened it',
                extensions: {
                  code: 'CONFLICT',
                  field: 'expectedRowVersion',
                  current: { versionId, rowVersion: 3, overallComment: '李老师的评语', levels: [{ criterionKey: 'c-look', level: 1, comment: '很好', points: 3 }], comments: [] },
                },
              },
            ],
          },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '批改：王小明' });
    fireEvent.click(within(screen.getByRole('group', { name: '观察' })).getByRole('radio', { name: /1分/ }));
    fireEvent.click(screen.getByRole('button', { name: '保存批改' }));

    const conflict = await screen.findByRole('group', { name: '另一位老师刚刚保存了这份批改' });
    expect(within(conflict).getByText('李老师的评语')).toBeTruthy();
    expect(screen.getByText('别的老师刚刚也改了这份批改，请选择留下哪一份')).toBeTruthy();
    fireEvent.click(within(conflict).getByRole('button', { name: '留下已保存的' }));

    expect(screen.queryByRole('group', { name: '另一位老师刚刚保存了这份批改' })).toBeNull();
    expect((screen.getByLabelText('总体评语') as HTMLTextAreaElement).value).toBe('李老师的评语');
    expect((within(screen.getByRole('group', { name: '观察' })).getByRole('radio', { name: /3分/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('已保存')).toBeTruthy();
  });

  it('inserts a saved comment into the overall feedback and returns the work after confirming', async () => {
    let returned = false;
    renderApp(
      path,
      [
        pageMock(gradingPageData()),
        {
          request: {
            query: SaveFeedbackDocument,
            variables: { input: { versionId, expectedRowVersion: 1, levels: [{ criterionKey: 'c-look', level: 1, comment: null }], overallComment: '观察得很仔细。\n请多写一些你的证据。' } },
          },
          result: savedAnswer(2, [{ criterionKey: 'c-look', level: 1, comment: null, points: 3 }], '观察得很仔细。\n请多写一些你的证据。'),
        },
        {
          request: { query: ReturnWorkDocument, variables: { input: { versionId, expectedRowVersion: 2 } } },
          result: () => {
            returned = true;
            return { data: { returnWork: { __typename: 'FeedbackPayload', version: { __typename: 'WorkVersion', id: versionId, status: 'RETURNED' } } } };
          },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '批改：王小明' });
    fireEvent.click(screen.getByRole('button', { name: '插入到总体评语：请多写一些你的证据。' }));
    expect((screen.getByLabelText('总体评语') as HTMLTextAreaElement).value).toBe('观察得很仔细。\n请多写一些你的证据。');

    fireEvent.click(screen.getByRole('button', { name: '退回修改' }));
    const dialog = await screen.findByRole('dialog', { name: '要把作品退回给学生修改吗？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回修改' }));
    await waitFor(() => expect(returned).toBe(true));
    await screen.findByText('作品已退回给学生修改。');
  });

  it('asks for every level before grading', async () => {
    renderApp(path, [pageMock(gradingPageData())], { viewer: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '批改：王小明' });
    fireEvent.click(screen.getByRole('button', { name: '评分' }));
    expect(screen.getByRole('alert').textContent).toBe('评分前，请为每一项标准选择一个等级。');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens an unopened attempt, and offers nomination for graded work', async () => {
    let opened = false;
    renderApp(
      path,
      [
        pageMock(gradingPageData({ status: 'GRADED', opened: false })),
        {
          request: { query: OpenSubmissionDocument, variables: { input: { versionId } } },
          result: () => {
            opened = true;
            return { data: { openSubmission: { __typename: 'WorkVersionPayload', version: { __typename: 'WorkVersion', id: versionId, opened: true } } } };
          },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('heading', { level: 1, name: '批改：王小明' });
    expect(screen.getByText('这次提交已经处理过了，现在只能查看。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '保存批改' })).toBeNull();
    expect(screen.getByRole('heading', { name: '推荐给博物馆' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '不显示名字' })).toBeTruthy();
    // Graded work is not reopened: only a waiting attempt is.
    expect(opened).toBe(false);
  });

  it('nominates graded work with the statement, the guardian\'s consent and how the name appears', async () => {
    const input = { versionId, statement: '她观察得非常仔细。', guardianConsent: true, creditStyle: 'ANONYMOUS' };
    let sent = false;
    renderApp(
      path,
      [
        pageMock(gradingPageData({ status: 'GRADED' })),
        {
          request: { query: NominateWorkDocument, variables: { input } },
          result: () => {
            sent = true;
            return { data: { nominateWork: { __typename: 'NominationPayload', nomination: { __typename: 'Nomination', id: 'nomination-1', state: 'AWAITING_REVIEW' } } } };
          },
        },
      ],
      { viewer: teacherWang },
    );
    const form = await screen.findByRole('region', { name: '推荐给博物馆' });
    fireEvent.change(within(form).getByLabelText('推荐理由'), { target: { value: input.statement } });
    fireEvent.click(within(form).getByLabelText('监护人同意在网上公开展示这份作品'));
    fireEvent.click(within(form).getByRole('radio', { name: '不显示名字' }));
    fireEvent.click(within(form).getByRole('button', { name: '推荐' }));
    await within(form).findByText('已推荐给博物馆。');
    expect(sent).toBe(true);
    expect(within(form).getByRole('link', { name: '查看本班的推荐' }).getAttribute('href')).toBe('/classes/class-1/nominations');
  });

  it('speaks English when the reader chose English', async () => {
    renderApp(path, [pageMock(gradingPageData())], { viewer: teacherWang, language: 'en' });
    await screen.findByRole('heading', { level: 1, name: 'Marking: 王小明' });
    expect(screen.getByRole('group', { name: 'Observing' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Return for revision' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '1. Observe' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ding with a taotie mask' }).getAttribute('href')).toBe('/collection/object-1');
  });

  it('shows what changed since the previous attempt when asked', async () => {
    renderApp(
      path,
      [
        pageMock(gradingPageData({ attempt: 2 })),
        {
          request: { query: EarlierAttemptsDocument, variables: { workId: 'work-1' } },
          result: {
            data: {
              work: {
                __typename: 'Work',
                id: 'work-1',
                versions: [
                  { __typename: 'WorkVersion', id: versionId, attempt: 2, scope: 'PROJECT' },
                  { __typename: 'WorkVersion', id: 'version-0', attempt: 1, scope: 'PROJECT' },
                ],
              },
            },
          },
        },
        {
          request: { query: AttemptChangesDocument, variables: { fromVersionId: 'version-0', toVersionId: versionId } },
          result: {
            data: {
              compareWorkVersions: [
                {
                  __typename: 'PartChanges',
                  partKey: 'm-observe',
                  lines: [
                    { __typename: 'DiffLineModel', op: 'same', text: '我画了饕餮纹。' },
                    { __typename: 'DiffLineModel', op: 'added', text: '它的眼睛很大。' },
                  ],
                },
              ],
            },
          },
        },
      ],
      { viewer: teacherWang },
    );
    const changes = await screen.findByRole('region', { name: '和上一次提交相比' });
    fireEvent.click(within(changes).getByRole('button', { name: '看看改了什么' }));
    const part = await within(changes).findByRole('region', { name: '1. 观察' });
    expect(within(part).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['  我画了饕餮纹。', '新加的: + 它的眼睛很大。']);
  });
});
