const text = (zh: string | null, en: string | null) => ({ __typename: 'LocalizedText', zh, en });

export const assignmentId = 'assignment-1';
export const versionId = 'version-1';
export const nextVersionId = 'version-2';

export const rubric = [
  {
    __typename: 'RubricCriterion',
    key: 'c-look',
    title: text('观察', 'Observing'),
    levels: [
      { __typename: 'RubricLevel', points: 1, descriptor: text('画出了一部分纹样', 'Drew part of the pattern') },
      { __typename: 'RubricLevel', points: 3, descriptor: text('画出了完整的纹样', 'Drew the whole pattern') },
    ],
  },
  {
    __typename: 'RubricCriterion',
    key: 'c-tell',
    title: text('表达', 'Telling'),
    levels: [
      { __typename: 'RubricLevel', points: 1, descriptor: text('说了一句话', 'Said one sentence') },
      { __typename: 'RubricLevel', points: 2, descriptor: text('讲清楚了原因', 'Explained why') },
    ],
  },
];

export function feedback(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Feedback',
    versionId,
    rowVersion: 1,
    overallComment: '观察得很仔细。',
    score: null,
    maxPoints: 5,
    released: false,
    levels: [{ __typename: 'ChosenLevelModel', criterionKey: 'c-look', level: 1, comment: null, points: 3 }],
    comments: [{ __typename: 'PartComment', id: 'comment-1', partKey: 'm-observe', evidenceId: null, text: '这幅画很清楚。', createdAt: '2026-11-20T02:00:00.000Z' }],
    ...overrides,
  };
}

export function gradingPageData(overrides: { status?: string; feedback?: unknown; opened?: boolean; attempt?: number } = {}) {
  return {
    assignment: {
      __typename: 'Assignment',
      id: assignmentId,
      classId: 'class-1',
      className: '四年级二班',
      milestones: [
        { __typename: 'AssignedMilestone', key: 'm-observe', number: 1, title: text('观察', 'Observe') },
        { __typename: 'AssignedMilestone', key: 'm-share', number: 2, title: text('分享', 'Share') },
      ],
    },
    gradingView: {
      __typename: 'GradingView',
      assignmentId,
      assignmentTitle: text('青铜器上的纹样', 'Patterns on bronzes'),
      ownerName: '王小明',
      members: [{ __typename: 'PersonRef', id: 'pupil-1', displayName: '王小明' }],
      previousVersionId: null,
      nextVersionId,
      rubric,
      checkIns: [],
      feedback: 'feedback' in overrides ? overrides.feedback : feedback(),
      version: {
        __typename: 'WorkVersion',
        id: versionId,
        workId: 'work-1',
        attempt: overrides.attempt ?? 1,
        scope: 'PROJECT',
        status: overrides.status ?? 'SUBMITTED',
        late: false,
        opened: overrides.opened ?? true,
        submittedAt: '2026-11-19T08:00:00.000Z',
        parts: [
          {
            __typename: 'WorkPart',
            partKey: 'm-observe',
            body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '我画了饕餮纹。' }, { type: 'text', text: '<script>alert(1)</script>' }] }] },
            attachmentIds: ['file-1'],
            evidence: [
              {
                __typename: 'Evidence',
                id: 'ev-1',
                kind: 'COLLECTION_OBJECT',
                objectId: 'object-1',
                object: { __typename: 'CollectionObject', id: 'object-1', accessionNumber: '1959.12.3', title: text('兽面纹鼎', 'Ding with a taotie mask') },
                observation: '眼睛很大',
                title: null,
                author: null,
                url: null,
                seenOn: null,
                note: null,
              },
              // An object taken out of the collection since the pupil cited it.
              { __typename: 'Evidence', id: 'ev-2', kind: 'COLLECTION_OBJECT', objectId: 'object-gone', object: null, observation: '颜色很绿', title: null, author: null, url: null, seenOn: null, note: null },
            ],
          },
        ],
      },
    },
    commentBank: [{ __typename: 'CommentBankEntry', id: 'bank-1', text: '请多写一些你的证据。' }],
  };
}
