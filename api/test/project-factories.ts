import { randomUUID } from 'node:crypto';
import type { BriefContent } from '../src/projects/brief-content';
import type { TestApp } from './test-app';

/** A complete, valid brief content with fresh milestone and criterion keys. */
export function briefContent(overrides: Partial<BriefContent> = {}): BriefContent {
  return {
    title: { zh: '铜镜里的辽代', en: 'The Liao dynasty in a bronze mirror' },
    theme: 'HISTORY',
    gradeFrom: 3,
    gradeTo: 6,
    drivingQuestion: { zh: '铜镜上的花纹告诉我们什么？', en: 'What do the patterns on a bronze mirror tell us?' },
    learningGoals: [{ zh: '学会观察', en: 'Learn to observe' }],
    suggestedObjectIds: [],
    milestones: [
      { key: randomUUID(), title: { zh: '观察', en: 'Observe' }, prompt: { zh: '画下铜镜', en: 'Draw the mirror' }, handIn: null },
      { key: randomUUID(), title: { zh: '提问', en: 'Ask' }, prompt: { zh: '写三个问题', en: 'Write three questions' }, handIn: null },
    ],
    rubric: [
      {
        key: randomUUID(),
        title: { zh: '观察', en: 'Observation' },
        levels: [
          { points: 1, descriptor: { zh: '看到一点', en: 'Saw a little' } },
          { points: 3, descriptor: { zh: '看得仔细', en: 'Looked closely' } },
        ],
      },
    ],
    ...overrides,
  };
}

/** A brief straight in the database: a library brief (museumId) or a teacher's own (schoolId). */
export async function newBrief(
  t: TestApp,
  opts: { authorId: string; museumId?: string; schoolId?: string; status?: 'DRAFT' | 'PUBLISHED'; content?: BriefContent },
): Promise<{ id: string; content: BriefContent }> {
  const content = opts.content ?? briefContent();
  const [row] = await t.dataSource.query(
    `INSERT INTO project_brief (museum_id, school_id, author_id, status, theme, grade_from, grade_to, search_text)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [opts.museumId ?? null, opts.schoolId ?? null, opts.authorId, opts.status ?? 'PUBLISHED', content.theme, content.gradeFrom, content.gradeTo, content.title.en ?? ''],
  );
  await t.dataSource.query(`INSERT INTO project_brief_version (brief_id, version, content) VALUES ($1, 1, $2)`, [row.id, JSON.stringify(content)]);
  return { id: row.id, content };
}

/** An assignment of a brief's first version to a class, running from yesterday to next month. */
export async function newAssignment(
  t: TestApp,
  opts: { classId: string; briefId: string; createdById: string; mode?: 'INDIVIDUAL' | 'TEAM' },
): Promise<{ id: string }> {
  const [row] = await t.dataSource.query(
    `INSERT INTO assignment (cohort_id, brief_id, brief_version, mode, starts_at, due_at, created_by_id)
     VALUES ($1, $2, 1, $3, now() - interval '1 day', now() + interval '30 days', $4) RETURNING id`,
    [opts.classId, opts.briefId, opts.mode ?? 'INDIVIDUAL', opts.createdById],
  );
  return row;
}

export async function newTeam(t: TestApp, assignmentId: string, pupilIds: string[] = []): Promise<{ id: string }> {
  const [row] = await t.dataSource.query(`INSERT INTO team (assignment_id, name) VALUES ($1, $2) RETURNING id`, [assignmentId, `Team ${randomUUID().slice(0, 4)}`]);
  for (const pupilId of pupilIds) {
    await t.dataSource.query(`INSERT INTO team_member (team_id, pupil_id, assignment_id) VALUES ($1, $2, $3)`, [row.id, pupilId, assignmentId]);
  }
  return row;
}

/** Work of one pupil on an assignment, with a drafted part; `submitted` adds attempt 1 of the project. */
export async function newWork(
  t: TestApp,
  opts: { assignmentId: string; pupilId: string; submitted?: boolean; partKey?: string },
): Promise<{ id: string; versionId: string | null }> {
  const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [opts.assignmentId, opts.pupilId]);
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '我看到了一条龙' }] }] };
  await t.dataSource.query(`INSERT INTO work_part (work_id, part_key, body, revision) VALUES ($1, $2, $3, 1)`, [work.id, opts.partKey ?? 'REFLECTION', JSON.stringify(body)]);
  if (!opts.submitted) return { id: work.id, versionId: null };
  const [version] = await t.dataSource.query(
    `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at)
     VALUES ($1, 'PROJECT', 1, $2, $3, 'SUBMITTED', false, now(), now()) RETURNING id`,
    [work.id, `key-${randomUUID()}`, JSON.stringify([{ partKey: opts.partKey ?? 'REFLECTION', body, evidence: [], attachmentIds: [], revision: 1 }])],
  );
  return { id: work.id, versionId: version.id };
}
