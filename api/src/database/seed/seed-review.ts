import type { EntityManager } from 'typeorm';
import { zonedToInstant, type CreditStyle, type NominationOutcome, type ReviewScores } from '@lmr/domain';
import { AssignmentEntity } from '../../assignments/assignment.entity';
import { NominationEntity } from '../../nominations/nomination.entity';
import { LeadReviewerEntity, NominationReviewEntity } from '../../review/review.entity';
import { WorkVersionEntity } from '../../submissions/work-version.entity';
import { WorkEntity } from '../../submissions/work.entity';
import { demoId } from './demo-ids';
import { demoBriefContent } from './seed-briefs';

/** Last spring's projects: finished, graded, nominated, reviewed and decided, so the exhibition has works. */
const PAST_ASSIGNMENTS = [
  { key: 'spring-2026:wenbo-4-2:kesi', classKey: 'wenbo-4-2', brief: 'kesi', teacher: 'teacher-wang', starts: '2026-03-02T08:00', due: '2026-05-15T17:00' },
  { key: 'spring-2026:haiyun-7-3:thousand-characters', classKey: 'haiyun-7-3', brief: 'thousand-characters', teacher: 'teacher-sun', starts: '2026-03-09T08:00', due: '2026-05-22T17:00' },
];

interface DemoNomination {
  key: string;
  assignment: string;
  pupil: string;
  reflection: string;
  observation: string;
  statement: string;
  consent: boolean;
  credit: CreditStyle;
  scores: { zhao: number[]; chen: number[] };
  outcome: NominationOutcome;
  feedback: string;
}

const NOMINATIONS: DemoNomination[] = [
  {
    key: 'kesi-1',
    assignment: PAST_ASSIGNMENTS[0]!.key,
    pupil: 'pupil:wenbo-4-2:3',
    reflection: '我发现缂丝的牡丹花瓣是一小块一小块织出来的，颜色之间有细细的缝，像刀刻出来一样，所以叫“通经断纬”。',
    observation: '花瓣边上有一条条很细的空隙。',
    statement: '该作品观察细致，能把纹样和织法联系起来，并自己动手用纸条模拟了织法。',
    consent: true,
    credit: 'FULL_NAME',
    scores: { zhao: [5, 5, 4, 5], chen: [5, 4, 5, 4] },
    outcome: 'OUTSTANDING',
    feedback: '你把“通经断纬”讲得又准确又生动，纸条模型很有创意。继续保持这样的好奇心！',
  },
  {
    key: 'kesi-2',
    assignment: PAST_ASSIGNMENTS[0]!.key,
    pupil: 'pupil:wenbo-4-2:7',
    reflection: '我比较了缂丝和刺绣：刺绣是在布上绣，缂丝是织出来的，所以缂丝正反两面几乎一样。',
    observation: '作品正面和背面的花纹看起来差不多。',
    statement: '比较清楚，证据来自展品观察。',
    consent: true,
    credit: 'FIRST_NAME_INITIAL_SCHOOL',
    scores: { zhao: [4, 4, 3, 4], chen: [4, 5, 3, 4] },
    outcome: 'COMMENDED',
    feedback: '比较的角度很好。下次可以再多找一件刺绣展品作对照。',
  },
  {
    key: 'characters-1',
    assignment: PAST_ASSIGNMENTS[1]!.key,
    pupil: 'pupil:haiyun-7-3:5',
    reflection: '草书的“之”字在千字文里写法都不一样，我数了十二个，发现作者是故意变化的，让整幅字有节奏。',
    observation: '同一个字出现多次，每次写法不同。',
    statement: '研究问题明确，数据是自己统计的。',
    consent: true,
    credit: 'ANONYMOUS',
    scores: { zhao: [5, 5, 5, 4], chen: [4, 5, 4, 4] },
    outcome: 'COMMENDED',
    feedback: '自己统计数据来回答问题，是真正的研究方法。',
  },
  {
    key: 'characters-2',
    assignment: PAST_ASSIGNMENTS[1]!.key,
    pupil: 'pupil:haiyun-7-3:11',
    reflection: '我查了草书的历史，知道了草书是为了写得快。',
    observation: '字和字连在一起。',
    statement: '学生很努力。',
    consent: false,
    credit: 'ANONYMOUS',
    scores: { zhao: [3, 2, 3, 3], chen: [3, 3, 2, 3] },
    outcome: 'NOT_SELECTED',
    feedback: '找到了可靠的资料。下次试着从展品本身提出一个自己的问题。',
  },
];

const CRITERIA = ['RESEARCH_QUESTION', 'EVIDENCE', 'CREATIVITY', 'PRESENTATION'] as const;
const scoreSet = (s: number[]) => Object.fromEntries(CRITERIA.map((c, i) => [c, s[i]!])) as ReviewScores;

async function insert<T extends object>(tx: EntityManager, entity: new () => T, rows: Partial<T>[]) {
  if (rows.length === 0) return;
  await tx.createQueryBuilder().insert().into(entity).values(rows as never).orIgnore().execute();
}

/** The finished season (spring 2026); idempotent like the rest of the seed. */
export async function seedFinishedSeason(tx: EntityManager, museumId: string) {
  const objectIdOf = (titleEn: string) => demoId(`object:${titleEn}`);
  await insert(tx, LeadReviewerEntity, [{ educatorId: demoId('staff:educator-zhao'), museumId }]);
  for (const a of PAST_ASSIGNMENTS) {
    await insert(tx, AssignmentEntity, [
      {
        id: demoId(`assignment:${a.key}`),
        cohortId: demoId(`class:${a.classKey}`),
        briefId: demoId(`brief:${a.brief}`),
        briefVersion: 1,
        mode: 'INDIVIDUAL',
        startsAt: zonedToInstant(a.starts, 'Asia/Shanghai')!,
        dueAt: zonedToInstant(a.due, 'Asia/Shanghai')!,
        milestoneDueAt: {},
        museumSession: null,
        createdById: demoId(`staff:${a.teacher}`),
      },
    ]);
  }
  for (const n of NOMINATIONS) {
    const past = PAST_ASSIGNMENTS.find((a) => a.key === n.assignment)!;
    const content = demoBriefContent(past.brief, objectIdOf);
    const workId = demoId(`work:${n.key}`);
    const versionId = demoId(`version:${n.key}`);
    const submittedAt = zonedToInstant(past.due.replace('T17:00', 'T09:00'), 'Asia/Shanghai')!;
    const nominatedAt = new Date(submittedAt.getTime() + 5 * 86_400_000);
    const decidedAt = new Date(submittedAt.getTime() + 30 * 86_400_000);
    const para = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });
    await insert(tx, WorkEntity, [{ id: workId, assignmentId: demoId(`assignment:${past.key}`), pupilId: demoId(n.pupil), teamId: null }]);
    await insert(tx, WorkVersionEntity, [
      {
        id: versionId,
        workId,
        scope: 'PROJECT',
        attempt: 1,
        idempotencyKey: `demo-${n.key}`,
        parts: [
          {
            partKey: content.milestones[0]!.key,
            body: para(n.observation),
            evidence: [{ id: demoId(`evidence:${n.key}`), kind: 'COLLECTION_OBJECT', objectId: content.suggestedObjectIds[0]!, observation: n.observation }],
            attachmentIds: [],
            revision: 1,
          },
          { partKey: 'REFLECTION', body: para(n.reflection), evidence: [], attachmentIds: [], revision: 1 },
        ],
        status: 'GRADED',
        late: false,
        submittedAt,
        submittedById: demoId(n.pupil),
        openedAt: submittedAt,
        statusChangedAt: submittedAt,
      },
    ]);
    const selected = n.outcome !== 'NOT_SELECTED';
    await insert(tx, NominationEntity, [
      {
        id: demoId(`nomination:${n.key}`),
        versionId,
        statement: n.statement,
        nominatedById: demoId(`staff:${past.teacher}`),
        guardianConsent: n.consent,
        creditStyle: n.credit,
        consentRecordedById: demoId(`staff:${past.teacher}`),
        consentRecordedAt: nominatedAt,
        consentWithdrawnAt: null,
        outcome: n.outcome,
        decisionFeedback: n.feedback,
        decidedAt,
        decidedById: demoId('staff:educator-zhao'),
        // Demo slugs are derived like the ids, so that seeding twice keeps the same addresses.
        exhibitionSlug: selected ? demoId(`slug:${n.key}`).replace(/-/g, '').slice(0, 16) : null,
        createdAt: nominatedAt,
      },
    ]);
    await insert(tx, NominationReviewEntity, [
      { id: demoId(`review:${n.key}:zhao`), nominationId: demoId(`nomination:${n.key}`), reviewerId: demoId('staff:educator-zhao'), scores: scoreSet(n.scores.zhao), comment: null },
      { id: demoId(`review:${n.key}:chen`), nominationId: demoId(`nomination:${n.key}`), reviewerId: demoId('staff:educator-chen'), scores: scoreSet(n.scores.chen), comment: null },
    ]);
  }
}
