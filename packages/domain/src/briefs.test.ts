import { describe, expect, it } from 'vitest';
import { rubricMaxPoints, rubricScore, validateBrief, type BriefDraft } from './briefs.js';
import { isLate, zonedToInstant } from './dates.js';

const good: BriefDraft = {
  title: { zh: '玉猪龙的秘密', en: 'The secret of the jade pig-dragon' },
  theme: 'HISTORY',
  gradeFrom: 4,
  gradeTo: 6,
  drivingQuestion: { zh: '五千年前的人为什么做玉猪龙？' },
  learningGoals: [{ zh: '学会观察器物' }],
  milestones: [
    { title: { zh: '观察' }, prompt: { zh: '仔细看一看，画下来' } },
    { title: { zh: '提问' }, prompt: { zh: '写下三个问题' } },
  ],
  rubric: [
    {
      title: { zh: '观察' },
      levels: [
        { points: 1, descriptor: { zh: '看到了一点' } },
        { points: 3, descriptor: { zh: '看得很仔细' } },
      ],
    },
  ],
};

describe('validateBrief', () => {
  it('accepts a complete brief', () => {
    expect(validateBrief(good)).toEqual([]);
  });

  it('names the field of a rubric level without points and a milestone without a prompt', () => {
    const draft: BriefDraft = {
      ...good,
      milestones: [good.milestones![0]!, { title: { zh: '提问' }, prompt: { zh: '  ' } }],
      rubric: [{ title: { zh: '观察' }, levels: [{ points: 1, descriptor: { zh: 'a' } }, { descriptor: { zh: 'b' } }] }],
    };
    expect(validateBrief(draft)).toEqual([
      { field: 'milestones.1.prompt', problem: 'REQUIRED' },
      { field: 'rubric.0.levels.1.points', problem: 'REQUIRED' },
    ]);
  });

  it('refuses grades out of order, unknown themes, empty lists and repeated points', () => {
    const problems = validateBrief({
      ...good,
      theme: 'POTTERY',
      gradeFrom: 6,
      gradeTo: 4,
      milestones: [],
      rubric: [{ title: { en: 'Care' }, levels: [{ points: 2, descriptor: { en: 'a' } }, { points: 2, descriptor: { en: 'b' } }] }],
    });
    expect(problems.map((p) => `${p.field}:${p.problem}`)).toEqual([
      'theme:INVALID',
      'gradeTo:OUT_OF_RANGE',
      'milestones:REQUIRED',
      'rubric.0.levels.1.points:DUPLICATE',
    ]);
  });
});

describe('rubric arithmetic', () => {
  const rubric = {
    criteria: [
      { key: 'a', levels: [{ points: 1 }, { points: 3 }] },
      { key: 'b', levels: [{ points: 0 }, { points: 2 }, { points: 4 }] },
    ],
  };
  it('adds the top level of each criterion', () => {
    expect(rubricMaxPoints(rubric)).toBe(7);
  });
  it('scores chosen levels and refuses a partial choice', () => {
    expect(rubricScore(rubric, { a: 1, b: 2 })).toBe(7);
    expect(rubricScore(rubric, { a: 0, b: 1 })).toBe(3);
    expect(rubricScore(rubric, { a: 0 })).toBeNull();
    expect(rubricScore(rubric, { a: 0, b: 9 })).toBeNull();
  });
});

describe('due dates in the school time zone', () => {
  it('turns a Shanghai wall-clock time into the right instant', () => {
    expect(zonedToInstant('2026-12-01T17:00', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect(zonedToInstant('2026-12-01', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-01T15:59:00.000Z');
  });
  it('handles a zone with daylight saving', () => {
    expect(zonedToInstant('2026-07-01T12:00', 'Europe/Berlin')!.toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(zonedToInstant('2026-01-15T12:00', 'Europe/Berlin')!.toISOString()).toBe('2026-01-15T11:00:00.000Z');
  });
  it('refuses malformed dates and zones', () => {
    expect(zonedToInstant('2026-02-30', 'Asia/Shanghai')).toBeNull();
    expect(zonedToInstant('tomorrow', 'Asia/Shanghai')).toBeNull();
    expect(zonedToInstant('2026-02-01', 'Mars/Olympus')).toBeNull();
  });
  it('calls work late only after the due instant', () => {
    const due = new Date('2026-12-01T09:00:00Z');
    expect(isLate(new Date('2026-12-01T09:00:00Z'), due)).toBe(false);
    expect(isLate(new Date('2026-12-01T09:00:01Z'), due)).toBe(true);
    expect(isLate(new Date(), null)).toBe(false);
  });
});
