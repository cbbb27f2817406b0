/** Test data shaped like the API's answers for the museum's review pages. */

export function reviewItem(id: string, overrides: Record<string, unknown> = {}) {
  const code = id.slice(-4).toUpperCase();
  return {
    __typename: 'ReviewItem',
    id,
    label: { __typename: 'LocalizedText', zh: `作品 #${code}`, en: `Work #${code}` },
    projectTitle: { __typename: 'LocalizedText', zh: '缂丝里的牡丹', en: 'Peonies in kesi silk' },
    theme: 'CRAFTS',
    gradeBand: 'UPPER_PRIMARY',
    season: { __typename: 'SeasonModel', key: '2026-AUTUMN', label: { __typename: 'LocalizedText', zh: '2026 秋季', en: 'Autumn 2026' } },
    teamWork: false,
    mayBeExhibited: true,
    nominatedAt: '2026-11-02T02:00:00.000Z',
    scoreCount: 0,
    myScores: null,
    outcome: null,
    decidedAt: null,
    ...overrides,
  };
}

export function queuePage(items: ReturnType<typeof reviewItem>[], hasNextPage: boolean) {
  return {
    data: {
      reviewQueue: {
        __typename: 'ReviewConnection',
        edges: items.map((node) => ({ __typename: 'ReviewEdge', cursor: `c-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', endCursor: items.length ? `c-${items.at(-1)!.id}` : null, hasNextPage },
      },
    },
  };
}

export const shownParts = [
  {
    __typename: 'ShownPart',
    partKey: 'observe',
    title: { __typename: 'LocalizedText', zh: '观察', en: 'Observe' },
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '▇▇发现花瓣边上有细细的空隙。' }] }] },
    evidence: [
      {
        __typename: 'ShownEvidence',
        kind: 'COLLECTION_OBJECT',
        observation: '花瓣边上有一条条很细的空隙。',
        title: null,
        author: null,
        url: null,
        seenOn: null,
        note: null,
        object: { __typename: 'CitedObject', id: 'obj-1', titleZh: '缂丝牡丹图', titleEn: 'Kesi peonies', path: '/collection/obj-1' },
      },
    ],
    files: [{ __typename: 'ShownFile', index: 0, contentType: 'image/png', url: '/review/nominations/nom-a1b2/files/0' }],
  },
];

const scores = (values: number[]) =>
  ['RESEARCH_QUESTION', 'EVIDENCE', 'CREATIVITY', 'PRESENTATION'].map((criterion, i) => ({ __typename: 'CriterionScore', criterion, score: values[i]! }));

export function scoreSet(reviewerId: string, name: string, values: number[], comment: string | null = null) {
  return {
    __typename: 'ReviewScoreSet',
    reviewer: { __typename: 'Reviewer', id: reviewerId, displayName: name },
    scores: scores(values),
    total: values.reduce((a, b) => a + b, 0),
    comment,
    updatedAt: '2026-11-10T02:00:00.000Z',
  };
}

export function nominationForReview(overrides: Record<string, unknown> = {}, itemOverrides: Record<string, unknown> = {}) {
  return {
    __typename: 'NominationForReview',
    item: reviewItem('nom-a1b2', itemOverrides),
    parts: shownParts,
    statement: '▇▇观察细致，能把纹样和织法联系起来。',
    viewerIsLead: false,
    reviews: [],
    averages: null,
    decisionFeedback: null,
    revealed: null,
    ...overrides,
  };
}

export { scores };
