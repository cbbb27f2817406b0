import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CreateClassDocument, MyClassesDocument } from '../../gql/graphql';
import { renderApp, teacherWang } from '../../test/renderApp';

const myClasses = {
  request: { query: MyClassesDocument },
  maxUsageCount: 2,
  result: {
    data: {
      classes: [
        {
          __typename: 'Class',
          id: 'class-4-2',
          name: '四年级二班',
          grade: 4,
          schoolYear: '2026-2027',
          pupilCount: 28,
          archivedAt: null,
          school: { __typename: 'School', id: 'school-wenbo', name: '沈阳市文博路小学' },
        },
      ],
    },
  },
};

describe('ClassesPage', () => {
  it("lists the teacher's classes", async () => {
    renderApp('/classes', [myClasses], { viewer: teacherWang });
    const list = await screen.findByRole('list', { name: '班级列表' }, { timeout: 5000 });
    const card = within(list).getByRole('article');
    expect(within(card).getByRole('link', { name: '四年级二班' }).getAttribute('href')).toBe('/classes/class-4-2');
    expect(within(card).getByText('4 年级 · 2026-2027 · 28 名学生')).toBeTruthy();
  });

  it('creates a class after checking the grade and school year, then opens it', async () => {
    const { router } = renderApp(
      '/classes',
      [
        myClasses,
        {
          request: { query: CreateClassDocument, variables: { input: { name: '五年级三班', grade: 5, schoolYear: '2026-2027' } } },
          result: { data: { createClass: { __typename: 'ClassPayload', class: { __typename: 'Class', id: 'class-new' } } } },
        },
      ],
      { viewer: teacherWang },
    );
    await screen.findByRole('list', { name: '班级列表' });
    fireEvent.change(screen.getByLabelText('班级名称'), { target: { value: '五年级三班' } });
    fireEvent.change(screen.getByLabelText('学年'), { target: { value: '2026-2028' } });
    fireEvent.click(screen.getByRole('button', { name: '创建班级' }));
    expect(screen.getByText('请选择 1 到 12 年级。')).toBeTruthy();
    expect(screen.getByText('学年要写成两个相连的年份，例如 2026-2027。')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('年级'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('学年'), { target: { value: '2026-2027' } });
    fireEvent.click(screen.getByRole('button', { name: '创建班级' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/classes/class-new'));
  });
});
