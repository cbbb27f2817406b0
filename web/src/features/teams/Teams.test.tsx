import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SetTeamsDocument, TeamsPageDocument } from '../../gql/graphql';
import { renderApp, teacherWang } from '../../test/renderApp';

const variables = { assignmentId: 'a-1', classId: 'c-1' };
const pupil = (id: string, displayName: string) => ({ __typename: 'RosterPupil' as const, id, displayName, disabled: false });
const page = {
  request: { query: TeamsPageDocument, variables },
  result: {
    data: {
      assignment: {
        __typename: 'Assignment',
        id: 'a-1',
        classId: 'c-1',
        mode: 'TEAM',
        title: { __typename: 'LocalizedText', zh: '青铜器里的秘密', en: 'Secrets of bronzes' },
        teams: [
          { __typename: 'Team', id: 't-1', name: '第1组', members: [{ __typename: 'TeamMember', id: 'p-1' }, { __typename: 'TeamMember', id: 'p-2' }] },
          { __typename: 'Team', id: 't-2', name: '第2组', members: [{ __typename: 'TeamMember', id: 'p-3' }] },
        ],
      },
      classRoster: { __typename: 'ClassRoster', pupils: [pupil('p-1', '李雪'), pupil('p-2', '王小明'), pupil('p-3', '张悦'), pupil('p-4', '赵乐')] },
    },
  },
};

function teamResult(teams: { id: string; name: string; members: string[] }[]) {
  return { data: { setTeams: { __typename: 'TeamsPayload', teams: teams.map((team) => ({ __typename: 'Team', id: team.id, name: team.name, members: team.members.map((id) => ({ __typename: 'TeamMember', id })) })) } } };
}

describe('TeamsPage', () => {
  it('moves pupils by choosing their team and saves every team at once', async () => {
    const expected = { assignmentId: 'a-1', teams: [{ name: '第1组', pupilIds: ['p-1'] }, { name: '第2组', pupilIds: ['p-3', 'p-2', 'p-4'] }] };
    renderApp('/classes/c-1/assignments/a-1/teams', [page, { request: { query: SetTeamsDocument, variables: { input: expected } }, result: teamResult([{ id: 't-1', name: '第1组', members: ['p-1'] }, { id: 't-2', name: '第2组', members: ['p-3', 'p-2', 'p-4'] }]) }], { viewer: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '分组：青铜器里的秘密' });
    expect(screen.getByText('1 个学生还没有分组')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('王小明 的组'), { target: { value: 't-2' } });
    fireEvent.change(screen.getByLabelText('赵乐 的组'), { target: { value: 't-2' } });
    expect(screen.queryByText(/个学生还没有分组$/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存分组' }));
    expect(await screen.findByText('分组已保存。')).toBeTruthy();
    const table = screen.getByRole('table', { name: '学生和他们的组' });
    expect((within(table).getByLabelText('王小明 的组') as HTMLSelectElement).value).toBe('t-2');
  });

  it('explains that teams which started their work cannot be re-formed', async () => {
    const expected = { assignmentId: 'a-1', teams: [{ name: '第1组', pupilIds: ['p-1', 'p-2'] }, { name: '第2组', pupilIds: ['p-3', 'p-4'] }] };
    renderApp('/classes/c-1/assignments/a-1/teams', [page, { request: { query: SetTeamsDocument, variables: { input: expected } }, result: { data: null, errors: [{ message: 'started', path: ['setTeams'], extensions: { code: 'CONFLICT' } }] } }], { viewer: teacherWang });
    await screen.findByRole('heading', { level: 1, name: '分组：青铜器里的秘密' });
    fireEvent.change(screen.getByLabelText('赵乐 的组'), { target: { value: 't-2' } });
    fireEvent.click(screen.getByRole('button', { name: '保存分组' }));
    expect((await screen.findByRole('alert')).textContent).toBe('已经有小组开始写作品了，不能整体重新分组。可以让学生自己换组。');
  });
});
