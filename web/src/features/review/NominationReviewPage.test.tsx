import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DecideNominationDocument, NominationReviewDocument, ScoreNominationDocument } from '../../gql/graphql';
import { educatorZhao, renderApp } from '../../test/renderApp';
import { nominationForReview, scores, scoreSet } from './fixtures';

const pageMock = (data: ReturnType<typeof nominationForReview>) => ({
  request: { query: NominationReviewDocument, variables: { id: 'nom-a1b2' } },
  result: { data: { nominationForReview: data } },
});

describe('NominationReviewPage', () => {
  it('shows the frozen work blind and saves the educator’s scores with a comment', async () => {
    const saved = nominationForReview(
      { reviews: [scoreSet('educator-zhao', '赵敏', [4, 5, 3, 4], '证据很扎实')] },
      { scoreCount: 1, myScores: scores([4, 5, 3, 4]) },
    );
    renderApp(
      '/review/nom-a1b2',
      [
        pageMock(nominationForReview()),
        {
          request: {
            query: ScoreNominationDocument,
            variables: {
              input: {
                nominationId: 'nom-a1b2',
                scores: [
                  { criterion: 'RESEARCH_QUESTION', score: 4 },
                  { criterion: 'EVIDENCE', score: 5 },
                  { criterion: 'CREATIVITY', score: 3 },
                  { criterion: 'PRESENTATION', score: 4 },
                ],
                comment: '证据很扎实',
              },
            },
          },
          result: { data: { scoreNomination: { __typename: 'NominationReviewPayload', nomination: saved } } },
        },
      ],
      { viewer: educatorZhao },
    );

    expect(await screen.findByRole('heading', { level: 1, name: /作品 #A1B2/ })).toBeTruthy();
    expect(screen.getByText('▇▇观察细致，能把纹样和织法联系起来。')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '观察' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '缂丝牡丹图' }).getAttribute('href')).toBe('/collection/obj-1');
    expect(screen.getByRole('img', { name: '作品图片 1' }).getAttribute('src')).toBe('/review/nominations/nom-a1b2/files/0');
    expect(screen.queryByText('作者信息（评出结果后可见）')).toBeNull();
    expect(screen.queryByRole('heading', { name: '所有评审的评分' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '评审结果' })).toBeNull();

    const research = screen.getByRole('group', { name: '研究问题（1–5 分）' });
    fireEvent.click(within(research).getByRole('radio', { name: '4 分' }));
    fireEvent.click(screen.getByRole('button', { name: '保存评分' }));
    expect(await screen.findByText('请给每一项都打分。')).toBeTruthy();

    fireEvent.click(within(screen.getByRole('group', { name: '证据运用（1–5 分）' })).getByRole('radio', { name: '5 分' }));
    fireEvent.click(within(screen.getByRole('group', { name: '创意（1–5 分）' })).getByRole('radio', { name: '3 分' }));
    fireEvent.click(within(screen.getByRole('group', { name: '表达呈现（1–5 分）' })).getByRole('radio', { name: '4 分' }));
    expect(screen.getByText('总分 16 / 20')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('给其他评审的备注'), { target: { value: '证据很扎实' } });
    fireEvent.click(screen.getByRole('button', { name: '保存评分' }));

    expect(await screen.findByText('评分已保存。')).toBeTruthy();
    expect(screen.queryByText('请给每一项都打分。')).toBeNull();
  });

  it('lets a lead compare every score set, decide after confirming, then shows the names', async () => {
    const reviews = [scoreSet('educator-zhao', '赵敏', [5, 5, 4, 5]), scoreSet('educator-chen', '陈宇', [5, 4, 5, 4], '很有创意')];
    const lead = nominationForReview(
      { viewerIsLead: true, reviews, averages: scores([5, 4.5, 4.5, 4.5]) },
      { scoreCount: 2, myScores: scores([5, 5, 4, 5]) },
    );
    const decided = nominationForReview(
      {
        viewerIsLead: true,
        reviews,
        averages: scores([5, 4.5, 4.5, 4.5]),
        statement: '王小明观察细致，能把纹样和织法联系起来。',
        decisionFeedback: '讲得又准确又生动。',
        revealed: { __typename: 'RevealedCredit', pupilNames: ['王小明'], schoolName: '沈阳市文博路小学', teacherNames: ['王芳'] },
      },
      { scoreCount: 2, myScores: scores([5, 5, 4, 5]), outcome: 'OUTSTANDING', decidedAt: '2026-11-20T02:00:00.000Z' },
    );
    renderApp(
      '/review/nom-a1b2',
      [
        pageMock(lead),
        {
          request: { query: DecideNominationDocument, variables: { input: { nominationId: 'nom-a1b2', outcome: 'OUTSTANDING', feedback: '讲得又准确又生动。' } } },
          result: { data: { decideNomination: { __typename: 'NominationReviewPayload', nomination: decided } } },
        },
      ],
      { viewer: educatorZhao },
    );

    const table = await screen.findByRole('table', { name: '每位评审每一项的评分和平均分' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['评价方面', '赵敏', '陈宇', '平均分']);
    const evidenceRow = within(table).getByRole('rowheader', { name: '证据运用' }).closest('tr')!;
    expect(within(evidenceRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['5', '4', '4.5']);
    expect(screen.getAllByText('每位评审的总分（按评价方面分段）')[0]!.closest('figure')).toBeTruthy();
    expect(screen.getByText('很有创意')).toBeTruthy();

    const decide = screen.getByRole('region', { name: '评审结果' });
    fireEvent.click(within(decide).getByRole('button', { name: '给出结果…' }));
    expect(await within(decide).findByText('请选择一个结果。')).toBeTruthy();
    fireEvent.click(within(decide).getByRole('radio', { name: '优秀作品' }));
    fireEvent.click(within(decide).getByRole('button', { name: '给出结果…' }));
    expect(await within(decide).findByText('请写上给老师和学生的反馈。')).toBeTruthy();
    fireEvent.change(within(decide).getByLabelText(/给老师和学生的反馈/), { target: { value: '讲得又准确又生动。' } });
    fireEvent.click(within(decide).getByRole('button', { name: '给出结果…' }));

    const dialog = await screen.findByRole('dialog', { name: '确定给出「优秀作品」吗？' });
    fireEvent.click(within(dialog).getByRole('button', { name: '确定给出结果' }));

    expect(await screen.findByText('结果已给出。老师和学生会收到通知。')).toBeTruthy();
    const revealed = screen.getByRole('region', { name: '作者信息（评出结果后可见）' });
    expect(within(revealed).getByText('王小明')).toBeTruthy();
    expect(within(revealed).getByText('沈阳市文博路小学')).toBeTruthy();
    expect(within(revealed).getByRole('link', { name: '下载获奖证书（PDF）' }).getAttribute('href')).toBe('/certificates/nom-a1b2.pdf');
    expect(screen.getByText('王小明观察细致，能把纹样和织法联系起来。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '给出结果…' })).toBeNull();
    expect(screen.queryByRole('button', { name: '保存评分' })).toBeNull();
    expect(screen.getByText('这份作品已经有评审结果，评分不能再修改。')).toBeTruthy();
  });

  it('says when the nomination cannot be found', async () => {
    renderApp(
      '/review/nom-gone',
      [{ request: { query: NominationReviewDocument, variables: { id: 'nom-gone' } }, result: { data: null, errors: [{ message: 'x', path: ['nominationForReview'], extensions: { code: 'NOT_FOUND' } }] } }],
      { viewer: educatorZhao, language: 'en' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: "We couldn't find this nomination" })).toBeTruthy();
  });
});
