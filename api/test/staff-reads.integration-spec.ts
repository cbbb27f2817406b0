import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffReadsService } from '../src/privacy/staff-reads';
import type { Viewer } from '../src/common/viewer';
import { newPupil, newWorld, signInStaff, type World } from './factories';
import { newAssignment, newBrief, newWork } from './project-factories';
import { createTestApp, type TestApp } from './test-app';

describe('staff reads written with group commit', () => {
  let t: TestApp;
  let w: World;
  let teacher: string;
  let reads: StaffReadsService;
  let viewer: Viewer;

  beforeAll(async () => {
    // Statement counts compared across requests: each request checks its session itself, so a
    // count does not depend on whether the session was checked within SESSION_CACHE_MS.
    t = await createTestApp({ GRAPHQL_SQL_COUNT: 'true', SESSION_CACHE_MS: '0' });
    w = await newWorld(t);
    teacher = await signInStaff(t, w.teacher);
    reads = t.app.get(StaffReadsService);
    viewer = { id: w.teacher.id, role: 'TEACHER', schoolId: w.schoolA.id, museumId: w.museum.id, sessionId: '00000000-0000-4000-8000-000000000000' };
  });
  afterAll(async () => t.close());

  async function submittedVersion() {
    const pupil = await newPupil(t, w.cls);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
    const work = await newWork(t, { assignmentId: assignment.id, pupilId: pupil.id, submitted: true });
    return { assignmentId: assignment.id, workId: work.id, versionId: work.versionId! };
  }

  it('stores the entries of reads that finish while an INSERT is on its way together in the next one, and loses none', async () => {
    const { assignmentId, workId, versionId } = await submittedVersion();
    const marker = `GROUP_${Date.now()}`;
    // The first entry goes at once; the 59 recorded in the same turn wait for it and go in one INSERT.
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        reads.record(viewer, {
          action: i % 2 ? 'PUPIL_GRADES_VIEWED' : 'PUPIL_WORK_VIEWED',
          view: marker,
          subject: i % 3 === 0 ? { subjectType: 'Assignment', subjectId: assignmentId } : i % 3 === 1 ? { subjectType: 'Work', versionId } : { subjectType: 'Work', subjectId: workId },
        }),
      ),
    );
    const rows: { subject_type: string; subject_id: string; version_id: string | null; created_at: Date }[] = await t.dataSource.query(
      `SELECT subject_type, subject_id, details->>'versionId' AS version_id, created_at FROM audit_entry WHERE details->>'view' = $1`,
      [marker],
    );
    expect(rows).toHaveLength(60);
    expect(rows.filter((r) => r.subject_type === 'Assignment' && r.subject_id === assignmentId)).toHaveLength(20);
    // A work named by its attempt is stored as the work, with the attempt beside it.
    expect(rows.filter((r) => r.subject_type === 'Work' && r.subject_id === workId && r.version_id === versionId)).toHaveLength(20);
    expect(rows.filter((r) => r.subject_type === 'Work' && r.subject_id === workId && r.version_id === null)).toHaveLength(20);
    // Entries of one INSERT share its transaction's time: two statements, not sixty.
    expect(new Set(rows.map((r) => r.created_at.getTime())).size).toBe(2);
  });

  it('answers each read only once its entry is stored, and counts the statement for each read', async () => {
    const { versionId, workId } = await submittedVersion();
    const VIEW = `query ($id: ID!) { gradingView(versionId: $id) { ownerName } }`;
    const alone = await t.gql(VIEW, { id: versionId }, { token: teacher });
    const statements = alone.body.extensions!.sqlStatements as number;
    const before: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1`, [workId]);
    const together = await Promise.all(
      Array.from({ length: 25 }, async () => {
        const res = await t.gql(VIEW, { id: versionId }, { token: teacher });
        // By the time the answer arrives, its entry is there.
        const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1`, [workId]);
        return { res, seen: n as number };
      }),
    );
    for (const { res } of together) {
      expect(res.errors).toBeUndefined();
      expect(res.body.extensions!.sqlStatements).toBe(statements);
    }
    const seen = together.map((x) => x.seen - before[0]!.n).sort((a, b) => a - b);
    seen.forEach((n, i) => expect(n).toBeGreaterThanOrEqual(i + 1));
    const after: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1`, [workId]);
    expect(after[0]!.n - before[0]!.n).toBe(25);
  });

  it('fails the reads of a batch that could not be stored, and the next batch goes on', async () => {
    const { assignmentId } = await submittedVersion();
    // A museum id PostgreSQL refuses makes the statement fail: the read must not be answered as if audited.
    const ghost = { ...viewer, museumId: 'not-a-museum' };
    await expect(reads.record(ghost, { action: 'PUPIL_GRADES_VIEWED', view: 'GHOST', subject: { subjectType: 'Assignment', subjectId: assignmentId } })).rejects.toThrow();
    await reads.record(viewer, { action: 'PUPIL_GRADES_VIEWED', view: 'AFTER_GHOST', subject: { subjectType: 'Assignment', subjectId: assignmentId } });
    const rows = await t.dataSource.query(`SELECT details->>'view' AS view FROM audit_entry WHERE subject_id = $1 AND details->>'view' IN ('GHOST', 'AFTER_GHOST')`, [assignmentId]);
    expect(rows).toEqual([{ view: 'AFTER_GHOST' }]);
  });
});
