import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PupilHomeDocument } from '../../gql/graphql';
import { pupilXiaoming, renderApp } from '../../test/renderApp';

const text = (zh: string, en: string) => ({ __typename: 'LocalizedText', zh, en });

function assignment(id: string, nextMilestone: unknown) {
  return {
    __typename: 'AssignmentEdge',
    cursor: `c-${id}`,
    node: {
      __typename: 'Assignment',
      id,
      className: '四年级二班',
      mode: 'TEAM',
      dueAt: '2026-12-18T15:59:00.000Z',
      title: text('青铜器上的纹样', 'Patterns on bronzes'),
      drivingQuestion: text('古人为什么要在青铜器上刻花纹？', 'Why did people long ago carve patterns on bronzes?'),
      nextMilestone,
    },
  };
}

describe('PupilHomePage', () => {
  it("lists the pupil's projects with the due date and the next step", async () => {
    renderApp(
      '/my',
      [
        {
          request: { query: PupilHomeDocument, variables: { first: 20 } },
          result: {
            data: {
              myAssignments: {
                __typename: 'AssignmentConnection',
                edges: [
                  assignment('a1', { __typename: 'AssignedMilestone', key: 'm1', number: 1, dueAt: '2026-12-05T15:59:00.000Z', title: text('观察', 'Observe') }),
                  assignment('a2', null),
                ],
                pageInfo: { __typename: 'PageInfo', endCursor: 'c-a2', hasNextPage: false },
              },
              myNominationResults: [],
            },
          },
        },
      ],
      { viewer: pupilXiaoming, language: 'en' },
    );

    await screen.findByRole('heading', { level: 1, name: 'Hello, 王小明!' });
    const cards = within(await screen.findByRole('list', { name: 'My projects' })).getAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByRole('heading', { level: 3, name: 'Patterns on bronzes' })).toBeTruthy();
    expect(first.getByText(/^Next step: Observe, by /)).toBeTruthy();
    expect(first.getByText(/^Due: /)).toBeTruthy();
    expect(first.getByText('四年级二班 · Team work')).toBeTruthy();
    expect(within(cards[1]!).getByText('All the steps are past their dates. Remember to hand in your work on time.')).toBeTruthy();
  });

  it("says on a project's card what the museum decided, with the certificate to download", async () => {
    const result = (id: string, assignmentId: string, outcome: string, certificateUrl: string | null) => ({
      __typename: 'NominationResult',
      id,
      assignmentId,
      outcome,
      feedback: '观察很仔细。',
      decidedAt: '2027-01-12T02:00:00.000Z',
      certificateUrl,
      exhibitionPath: null,
    });
    renderApp(
      '/my',
      [
        {
          request: { query: PupilHomeDocument, variables: { first: 20 } },
          result: {
            data: {
              myAssignments: {
                __typename: 'AssignmentConnection',
                edges: [assignment('a1', null), assignment('a2', null), assignment('a3', null)],
                pageInfo: { __typename: 'PageInfo', endCursor: 'c-a3', hasNextPage: false },
              },
              // Newest first: the card shows the newest decision on its project.
              myNominationResults: [result('n-3', 'a1', 'OUTSTANDING', '/certificates/n-3.pdf'), result('n-1', 'a1', 'NOT_SELECTED', null), result('n-2', 'a2', 'NOT_SELECTED', null)],
            },
          },
        },
      ],
      { viewer: pupilXiaoming },
    );

    const cards = within(await screen.findByRole('list', { name: '我的项目' })).getAllByRole('article');
    const awarded = within(cards[0]!);
    expect(awarded.getByText(/^博物馆评选：优秀作品/)).toBeTruthy();
    const certificate = awarded.getByRole('link', { name: '下载我的获奖证书（PDF）：青铜器上的纹样' });
    expect(certificate.getAttribute('href')).toBe('/certificates/n-3.pdf');
    expect(certificate.hasAttribute('download')).toBe(true);
    expect(certificate.textContent).toBe('下载我的获奖证书（PDF）');
    expect(within(cards[1]!).getByText('博物馆老师给你的作品写了话')).toBeTruthy();
    expect(within(cards[1]!).queryByRole('link', { name: /证书/ })).toBeNull();
    expect(within(cards[2]!).queryByText(/博物馆/)).toBeNull();
  });
});
