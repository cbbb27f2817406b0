import type { EntityManager } from 'typeorm';
import { zonedToInstant } from '@lmr/domain';
import { AssignmentEntity } from '../../assignments/assignment.entity';
import { BriefVersionEntity } from '../../projects/brief-version.entity';
import type { BriefContent } from '../../projects/brief-content';
import { BriefEntity } from '../../projects/brief.entity';
import { demoId } from './demo-ids';
import { DEMO_BRIEFS, RUBRIC, STEPS } from './demo-briefs';

const SUBJECT: Record<string, { zh: string; en: string }> = {
  'pig-dragon': { zh: '玉猪龙', en: 'the jade pig-dragon' },
  kesi: { zh: '缂丝牡丹图', en: 'the kesi peonies' },
  'world-map': { zh: '坤舆万国全图', en: 'the great world map' },
  'court-ladies': { zh: '簪花仕女图', en: 'the painting of court ladies' },
  'thousand-characters': { zh: '草书千字文', en: 'the cursive Thousand Character Classic' },
};

/** Demo assignments: which class works on which library brief, with dates in Asia/Shanghai. */
const DEMO_ASSIGNMENTS = [
  { key: 'wenbo-4-2:court-ladies', classKey: 'wenbo-4-2', brief: 'court-ladies', mode: 'INDIVIDUAL' as const, starts: '2026-11-16T08:00', due: '2026-12-18T17:00', teacher: 'teacher-wang' },
  { key: 'wenbo-5-1:pig-dragon', classKey: 'wenbo-5-1', brief: 'pig-dragon', mode: 'INDIVIDUAL' as const, starts: '2026-11-23T08:00', due: '2027-01-08T17:00', teacher: 'teacher-li' },
  { key: 'haiyun-7-3:world-map', classKey: 'haiyun-7-3', brief: 'world-map', mode: 'TEAM' as const, starts: '2026-11-18T08:00', due: '2026-12-25T17:00', teacher: 'teacher-sun' },
];

export function demoBriefContent(key: string, objectIdOf: (titleEn: string) => string): BriefContent {
  const brief = DEMO_BRIEFS.find((b) => b.key === key)!;
  return {
    title: brief.title,
    theme: brief.theme,
    gradeFrom: brief.gradeFrom,
    gradeTo: brief.gradeTo,
    drivingQuestion: brief.drivingQuestion,
    learningGoals: brief.learningGoals,
    suggestedObjectIds: brief.objects.map(objectIdOf),
    milestones: STEPS(SUBJECT[key]!).map((s) => ({ key: demoId(`milestone:${key}:${s.key}`), title: s.title, prompt: s.prompt, handIn: s.handIn })),
    rubric: RUBRIC.map((c) => ({ key: demoId(`criterion:${key}:${c.key}`), title: c.title, levels: c.levels })),
  };
}

/** The museum's published library briefs and the classes' assignments; idempotent like the rest of the seed. */
export async function seedBriefsAndAssignments(tx: EntityManager, museumId: string) {
  const objectIdOf = (titleEn: string) => demoId(`object:${titleEn}`);
  for (const b of DEMO_BRIEFS) {
    const content = demoBriefContent(b.key, objectIdOf);
    const id = demoId(`brief:${b.key}`);
    await tx
      .createQueryBuilder()
      .insert()
      .into(BriefEntity)
      .values({
        id,
        museumId,
        schoolId: null,
        authorId: demoId('staff:educator-zhao'),
        status: 'PUBLISHED',
        currentVersion: 1,
        theme: content.theme,
        gradeFrom: content.gradeFrom,
        gradeTo: content.gradeTo,
        searchText: [content.title.zh, content.title.en, content.drivingQuestion.zh, content.drivingQuestion.en].join(' '),
      })
      .orIgnore()
      .execute();
    await tx.createQueryBuilder().insert().into(BriefVersionEntity).values({ briefId: id, version: 1, content }).orIgnore().execute();
  }
  for (const a of DEMO_ASSIGNMENTS) {
    const content = demoBriefContent(a.brief, objectIdOf);
    const starts = zonedToInstant(a.starts, 'Asia/Shanghai')!;
    const due = zonedToInstant(a.due, 'Asia/Shanghai')!;
    const step = (due.getTime() - starts.getTime()) / content.milestones.length;
    const milestoneDueAt = Object.fromEntries(
      content.milestones.map((m, i) => [m.key, new Date(starts.getTime() + step * (i + 1)).toISOString()]),
    );
    await tx
      .createQueryBuilder()
      .insert()
      .into(AssignmentEntity)
      .values({
        id: demoId(`assignment:${a.key}`),
        cohortId: demoId(`class:${a.classKey}`),
        briefId: demoId(`brief:${a.brief}`),
        briefVersion: 1,
        mode: a.mode,
        startsAt: starts,
        dueAt: due,
        milestoneDueAt,
        museumSession:
          a.mode === 'TEAM'
            ? { kind: 'MUSEUM_VISIT' as const, at: '2026-12-04T09:30', instant: zonedToInstant('2026-12-04T09:30', 'Asia/Shanghai')!.toISOString(), place: '辽宁省博物馆 二楼 展厅' }
            : null,
        createdById: demoId(`staff:${a.teacher}`),
      })
      .orIgnore()
      .execute();
  }
}
