const text = (zh: string | null, en: string | null) => ({ __typename: 'LocalizedText', zh, en });

export const bronzeBrief = {
  __typename: 'Brief',
  id: 'brief-1',
  version: 2,
  status: 'PUBLISHED',
  editable: true,
  inLibrary: true,
  theme: 'CRAFTS',
  gradeFrom: 3,
  gradeTo: 6,
  maxPoints: 6,
  title: text('青铜器上的纹样', 'Patterns on bronzes'),
  drivingQuestion: text('古人为什么要在青铜器上刻花纹？', 'Why did people long ago carve patterns on bronzes?'),
  learningGoals: [text('能说出两种青铜纹样', 'Name two bronze patterns')],
  milestones: [
    { __typename: 'Milestone', key: 'm-observe', title: text('观察', 'Observe'), prompt: text('仔细看一件青铜器，画下它的纹样。', 'Look closely at a bronze and draw its pattern.'), handIn: text('一张速写', 'A sketch') },
    { __typename: 'Milestone', key: 'm-share', title: text('分享与反思', 'Share and reflect'), prompt: text('向同学介绍你的发现。', 'Tell your classmates what you found.'), handIn: null },
  ],
  rubric: [
    {
      __typename: 'RubricCriterion',
      key: 'c-look',
      title: text('观察', 'Observing'),
      levels: [
        { __typename: 'RubricLevel', points: 1, descriptor: text('我画出了一部分纹样。', 'I drew part of the pattern.') },
        { __typename: 'RubricLevel', points: 3, descriptor: text('我画出了完整的纹样。', 'I drew the whole pattern.') },
      ],
    },
    {
      __typename: 'RubricCriterion',
      key: 'c-tell',
      title: text('表达', 'Telling'),
      levels: [
        { __typename: 'RubricLevel', points: 1, descriptor: text('我说了一句话。', 'I said one sentence.') },
        { __typename: 'RubricLevel', points: 2, descriptor: text('我讲清楚了原因。', 'I explained why.') },
        { __typename: 'RubricLevel', points: 3, descriptor: text('我用证据讲清楚了原因。', 'I explained why, with evidence.') },
      ],
    },
  ],
  suggestedObjects: [{ __typename: 'CollectionObject', id: 'obj-9', accessionNumber: 'LNPM-0009', title: text('兽面纹鼎', 'Ding with animal-mask pattern') }],
};

/** The editor asks for a subset of the same brief. */
export function editorBrief() {
  const { version: _version, status: _status, inLibrary: _inLibrary, maxPoints: _maxPoints, suggestedObjects, ...rest } = bronzeBrief;
  return { ...rest, suggestedObjects: suggestedObjects.map(({ __typename, id }) => ({ __typename, id })) };
}
