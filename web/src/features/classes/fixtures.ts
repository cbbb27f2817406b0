export const classId = 'class-4-2';

export const rosterPupils = [
  { __typename: 'RosterPupil', id: 'p-1', displayName: '王子涵', studentNumber: '20260101', disabled: false },
  { __typename: 'RosterPupil', id: 'p-2', displayName: '李欣怡', studentNumber: null, disabled: false },
];

export const signInCards = {
  __typename: 'ClassSignInCards',
  classId,
  className: '四年级二班',
  classCode: 'WB4B26',
  cards: [
    { __typename: 'SignInCard', pupilId: 'p-1', displayName: '王子涵', pupilCode: 'K7M2QX', signInPath: '/pupil-sign-in?class=WB4B26&code=K7M2QX' },
    { __typename: 'SignInCard', pupilId: 'p-2', displayName: '李欣怡', pupilCode: 'R8T3VW', signInPath: '/pupil-sign-in?class=WB4B26&code=R8T3VW' },
  ],
};

export const classPageData = {
  class: {
    __typename: 'Class',
    id: classId,
    name: '四年级二班',
    grade: 4,
    schoolYear: '2026-2027',
    classCode: 'WB4B26',
    archivedAt: null,
    viewerCanManage: true,
    school: { __typename: 'School', id: 'school-wenbo', name: '沈阳市文博路小学' },
    teachers: [{ __typename: 'ClassTeacher', id: 'teacher-wang', displayName: '王芳' }],
  },
  classRoster: { __typename: 'ClassRoster', pupils: rosterPupils },
  signInCards: { __typename: 'ClassSignInCards', classId, cards: signInCards.cards.map(({ pupilId, pupilCode }) => ({ __typename: 'SignInCard', pupilId, pupilCode })) },
  classAssignments: {
    __typename: 'AssignmentConnection',
    edges: [
      {
        __typename: 'AssignmentEdge',
        node: {
          __typename: 'Assignment',
          id: 'asg-1',
          briefId: 'brief-1',
          title: { __typename: 'LocalizedText', zh: '青铜器上的纹样', en: 'Patterns on bronzes' },
          startsAt: '2026-11-30T16:00:00.000Z',
          dueAt: '2026-12-18T15:59:00.000Z',
          mode: 'TEAM',
          museumSession: { __typename: 'MuseumSessionModel', kind: 'MUSEUM_VISIT', at: '2026-12-05T01:30:00.000Z', place: '辽宁省博物馆 二楼' },
        },
      },
    ],
  },
};
