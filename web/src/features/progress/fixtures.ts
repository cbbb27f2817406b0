const text = (zh: string | null, en: string | null) => ({ __typename: 'LocalizedText', zh, en });
const person = (id: string, displayName: string) => ({ __typename: 'PersonRef', id, displayName });
/** A row's milestone cells, in the order of milestoneKeys: [state, late?] each. */
const cells = (...milestones: [string, boolean?][]) => ({ milestoneStates: milestones.map(([state]) => state), lateMilestones: milestones.map(([, late]) => late ?? false) });

export const assignmentId = 'assignment-1';
export const classId = 'class-1';

export const progressPageData = {
  assignment: { __typename: 'Assignment', id: assignmentId, classId, className: '四年级二班', mode: 'INDIVIDUAL' },
  classProgress: {
    __typename: 'ClassProgress',
    assignmentId,
    title: text('青铜器上的纹样', 'Patterns on bronzes'),
    milestoneTitles: [text('观察', 'Observe'), text('分享', 'Share')],
    milestoneKeys: ['m-observe', 'm-share'],
    stateCounts: [
      { __typename: 'StateCount', state: 'NOT_STARTED', count: 1 },
      { __typename: 'StateCount', state: 'SUBMITTED', count: 1 },
      { __typename: 'StateCount', state: 'GRADED', count: 1 },
    ],
    rubricResults: [{ __typename: 'CriterionResult', criterionKey: 'c-look', title: text('观察', 'Observing'), levelCounts: [0, 1] }],
    rows: [
      {
        __typename: 'ProgressRow',
        name: '李小红',
        members: [person('pupil-2', '李小红')],
        state: 'GRADED',
        late: false,
        needsAttention: false,
        score: 4,
        released: false,
        attempt: 1,
        versionId: 'version-2',
        workId: 'work-2',
        ...cells(['GRADED'], ['GRADED']),
      },
      {
        __typename: 'ProgressRow',
        name: '王小明',
        members: [person('pupil-1', '王小明')],
        state: 'SUBMITTED',
        late: true,
        needsAttention: true,
        score: null,
        released: false,
        attempt: 1,
        versionId: 'version-1',
        workId: 'work-1',
        ...cells(['SUBMITTED'], ['SUBMITTED', true]),
      },
      {
        __typename: 'ProgressRow',
        name: '张小刚',
        members: [person('pupil-3', '张小刚')],
        state: 'NOT_STARTED',
        late: false,
        needsAttention: false,
        score: null,
        released: false,
        attempt: null,
        versionId: null,
        workId: null,
        ...cells(['NOT_STARTED'], ['NOT_STARTED']),
      },
    ],
  },
};

/** The same progress once the graded pupil's grade is released. */
export const releasedProgressPageData = {
  ...progressPageData,
  classProgress: { ...progressPageData.classProgress, rows: progressPageData.classProgress.rows.map((row) => (row.state === 'GRADED' ? { ...row, released: true } : row)) },
};

export const gradebookPageData = {
  class: { __typename: 'Class', id: classId, name: '四年级二班' },
  gradebook: {
    __typename: 'Gradebook',
    classId,
    columns: [{ __typename: 'GradebookColumn', assignmentId, maxPoints: 5, title: text('青铜器上的纹样', 'Patterns on bronzes') }],
    rows: [
      {
        __typename: 'GradebookRow',
        pupil: person('pupil-2', '李小红'),
        studentNumber: '20260102',
        total: 4,
        totalMax: 5,
        cells: [{ __typename: 'GradebookCell', assignmentId, state: 'GRADED', score: 4, maxPoints: 5, late: false }],
      },
      {
        __typename: 'GradebookRow',
        pupil: person('pupil-1', '王小明'),
        studentNumber: null,
        total: 0,
        totalMax: 0,
        cells: [{ __typename: 'GradebookCell', assignmentId, state: 'SUBMITTED', score: null, maxPoints: 5, late: true }],
      },
    ],
  },
};

export const nominationsPageData = {
  class: { __typename: 'Class', id: classId, name: '四年级二班' },
  classNominations: [
    {
      __typename: 'Nomination',
      id: 'nomination-1',
      assignmentId,
      versionId: 'version-2',
      state: 'AWAITING_REVIEW',
      statement: '她的观察非常细致。',
      guardianConsent: true,
      consentRecordedAt: '2026-11-20T02:00:00.000Z',
      consentWithdrawnAt: null,
      creditStyle: 'FIRST_NAME_INITIAL_SCHOOL',
      createdAt: '2026-11-20T02:00:00.000Z',
      outcome: null,
      decisionFeedback: null,
      exhibitionPath: null,
      certificateUrl: null,
    },
  ],
};
