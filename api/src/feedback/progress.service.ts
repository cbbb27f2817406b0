import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isLate, PROJECT_SCOPE, progressState, rubricMaxPoints, type ProgressState, type SubmissionStatus } from '@lmr/domain';
import { AccessService } from '../common/access.service';
import { notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import type { Viewer } from '../common/viewer';
import type { BriefContent } from '../projects/brief-content';
import type { ChosenLevel, FeedbackCommentEntity } from './feedback.entity';
import type { ClassProgress, Gradebook, GradingView, ProgressRow } from './feedback.model';
import { FeedbackService, viewFeedback } from './feedback.service';
import { mapVersion } from '../submissions/work.model';

interface Owner {
  key: string;
  name: string;
  members: { id: string; displayName: string }[];
}

interface Latest {
  work_id: string;
  scope: string;
  id: string;
  attempt: number;
  status: SubmissionStatus;
  late: boolean;
}

/**
 * What a teacher looks at across a class. Every method runs a fixed number of set-based
 * queries, however many pupils the class has.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly feedback: FeedbackService,
  ) {}

  private async taughtAssignment(viewer: Viewer, assignmentId: string) {
    if (!isUuid(assignmentId)) throw notFound('assignment');
    const rows: { id: string; cohort_id: string; mode: 'INDIVIDUAL' | 'TEAM'; due_at: Date; milestone_due_at: Record<string, string>; content: BriefContent }[] =
      await this.dataSource.query(
        `SELECT a.id, a.cohort_id, a.mode, a.due_at, a.milestone_due_at, bv.content
           FROM assignment a JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version
          WHERE a.id = $2 AND EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1)`,
        [viewer.id, assignmentId],
      );
    if (!rows[0]) throw notFound('assignment');
    return rows[0];
  }

  /** Pupils (individual work) or teams (team work), each with the work they started. */
  private async owners(assignmentId: string, cohortId: string, mode: 'INDIVIDUAL' | 'TEAM'): Promise<{ owners: Owner[]; workOf: Map<string, string> }> {
    const works: { id: string; owner: string }[] = await this.dataSource.query(
      `SELECT id, COALESCE(pupil_id, team_id) AS owner FROM work WHERE assignment_id = $1`,
      [assignmentId],
    );
    const workOf = new Map(works.map((w) => [w.owner, w.id]));
    if (mode === 'INDIVIDUAL') {
      const pupils: { id: string; display_name: string }[] = await this.dataSource.query(
        `SELECT u.id, u.display_name FROM cohort_pupil cp JOIN app_user u ON u.id = cp.pupil_id WHERE cp.cohort_id = $1 ORDER BY u.display_name, u.id`,
        [cohortId],
      );
      return { owners: pupils.map((p) => ({ key: p.id, name: p.display_name, members: [{ id: p.id, displayName: p.display_name }] })), workOf };
    }
    const rows: { team_id: string; name: string; pupil_id: string | null; display_name: string | null }[] = await this.dataSource.query(
      `SELECT t.id AS team_id, t.name, u.id AS pupil_id, u.display_name
         FROM team t LEFT JOIN team_member m ON m.team_id = t.id LEFT JOIN app_user u ON u.id = m.pupil_id
        WHERE t.assignment_id = $1 ORDER BY t.name, t.id, u.display_name`,
      [assignmentId],
    );
    const owners = new Map<string, Owner>();
    for (const r of rows) {
      const owner = owners.get(r.team_id) ?? { key: r.team_id, name: r.name, members: [] };
      if (r.pupil_id) owner.members.push({ id: r.pupil_id, displayName: r.display_name! });
      owners.set(r.team_id, owner);
    }
    return { owners: [...owners.values()], workOf };
  }

  async classProgress(viewer: Viewer, assignmentId: string): Promise<ClassProgress> {
    const a = await this.taughtAssignment(viewer, assignmentId);
    const { owners, workOf } = await this.owners(a.id, a.cohort_id, a.mode);
    const drafted: { work_id: string; part_key: string }[] = await this.dataSource.query(
      `SELECT p.work_id, p.part_key FROM work_part p JOIN work w ON w.id = p.work_id WHERE w.assignment_id = $1`,
      [a.id],
    );
    const latest: (Latest & { levels: ChosenLevel[] | null; score: number | null })[] = await this.dataSource.query(
      `SELECT DISTINCT ON (v.work_id, v.scope) v.work_id, v.scope, v.id, v.attempt, v.status, v.late, f.levels, f.score
         FROM work_version v JOIN work w ON w.id = v.work_id LEFT JOIN feedback f ON f.version_id = v.id
        WHERE w.assignment_id = $1
        ORDER BY v.work_id, v.scope, v.attempt DESC`,
      [a.id],
    );
    const hasPart = new Set(drafted.map((d) => `${d.work_id}:${d.part_key}`));
    const hasAny = new Set(drafted.map((d) => d.work_id));
    const latestOf = new Map(latest.map((l) => [`${l.work_id}:${l.scope}`, l]));
    const now = new Date();

    const rows: ProgressRow[] = owners.map((owner) => {
      const workId = workOf.get(owner.key) ?? null;
      const project = workId ? latestOf.get(`${workId}:${PROJECT_SCOPE}`) : undefined;
      const projectStatus = project?.status ?? null;
      const state = progressState(projectStatus === 'WITHDRAWN' ? null : projectStatus, workId !== null && hasAny.has(workId));
      const submittedOrDone = state === 'SUBMITTED' || state === 'GRADED';
      const late = project?.late ?? (!submittedOrDone && isLate(now, new Date(a.due_at)));
      const milestones = a.content.milestones.map((m) => {
        const own = workId ? latestOf.get(`${workId}:${m.key}`) : undefined;
        const status = projectStatus && projectStatus !== 'WITHDRAWN' ? projectStatus : own && own.status !== 'WITHDRAWN' ? own.status : null;
        const mState = progressState(status, workId !== null && hasPart.has(`${workId}:${m.key}`));
        const due = a.milestone_due_at[m.key] ? new Date(a.milestone_due_at[m.key]!) : null;
        const mLate = (own?.late ?? false) || ((mState === 'NOT_STARTED' || mState === 'DRAFTING') && isLate(now, due));
        return { milestoneKey: m.key, state: mState, late: mLate };
      });
      return {
        workId,
        name: owner.name,
        members: owner.members,
        state,
        late,
        attempt: project?.attempt ?? null,
        versionId: project?.id ?? null,
        score: project?.status === 'GRADED' ? project.score : null,
        needsAttention: state === 'SUBMITTED' || latest.some((l) => l.work_id === workId && l.scope !== PROJECT_SCOPE && l.status === 'SUBMITTED') || late,
        milestones,
      };
    });

    const states: ProgressState[] = ['NOT_STARTED', 'DRAFTING', 'SUBMITTED', 'RETURNED', 'GRADED'];
    const graded = latest.filter((l) => l.scope === PROJECT_SCOPE && l.status === 'GRADED' && l.levels);
    return {
      assignmentId: a.id,
      title: a.content.title,
      milestoneTitles: a.content.milestones.map((m) => m.title),
      rows,
      stateCounts: states.map((state) => ({ state, count: rows.filter((r) => r.state === state).length })),
      rubricResults: a.content.rubric.map((c) => ({
        criterionKey: c.key,
        title: c.title,
        levelCounts: c.levels.map((_, i) => graded.filter((g) => g.levels!.some((l) => l.criterionKey === c.key && l.level === i)).length),
      })),
    };
  }

  /** The attempt beside its rubric, with the neighbours waiting for grading in the same assignment. */
  async gradingView(viewer: Viewer, versionId: string): Promise<GradingView> {
    const t = await this.feedback.taughtVersion(viewer, versionId, this.dataSource.manager);
    const owner: { name: string; pupil_id: string | null; team_id: string | null }[] = await this.dataSource.query(
      `SELECT COALESCE(u.display_name, t.name) AS name, w.pupil_id, w.team_id
         FROM work w LEFT JOIN app_user u ON u.id = w.pupil_id LEFT JOIN team t ON t.id = w.team_id WHERE w.id = $1`,
      [t.workId],
    );
    const members: { id: string; display_name: string }[] = owner[0]!.pupil_id
      ? [{ id: owner[0]!.pupil_id, display_name: owner[0]!.name }]
      : await this.dataSource.query(
          `SELECT u.id, u.display_name FROM team_member m JOIN app_user u ON u.id = m.pupil_id WHERE m.team_id = $1 ORDER BY u.display_name`,
          [owner[0]!.team_id],
        );
    // The queue: latest submitted project attempts of this assignment, ordered by name.
    const queue: { id: string }[] = await this.dataSource.query(
      `SELECT q.id FROM (
         SELECT DISTINCT ON (v.work_id) v.id, v.status, COALESCE(u.display_name, t.name) AS name
           FROM work_version v JOIN work w ON w.id = v.work_id
           LEFT JOIN app_user u ON u.id = w.pupil_id LEFT JOIN team t ON t.id = w.team_id
          WHERE w.assignment_id = $1 AND v.scope = $2
          ORDER BY v.work_id, v.attempt DESC) q
        WHERE q.status = 'SUBMITTED' OR q.id = $3
        ORDER BY q.name, q.id`,
      [t.assignmentId, PROJECT_SCOPE, versionId],
    );
    const at = queue.findIndex((q) => q.id === versionId);
    const [{ feedback, comments }] = await this.feedback.feedbackOf([versionId]);
    const [checkIns] = await this.feedback.checkInsOf([t.workId]);
    return {
      version: mapVersion(t.version),
      assignmentId: t.assignmentId,
      assignmentTitle: t.content.title,
      ownerName: owner[0]!.name,
      members: members.map((m) => ({ id: m.id, displayName: m.display_name })),
      rubric: t.content.rubric,
      feedback: feedback ? viewFeedback(feedback, t.version.status, comments as FeedbackCommentEntity[], t.content, true) : null,
      checkIns: checkIns ?? [],
      previousVersionId: at > 0 ? queue[at - 1]!.id : null,
      nextVersionId: at >= 0 && at < queue.length - 1 ? queue[at + 1]!.id : null,
    };
  }

  /** Pupils × assignments of a class: state and score of each, with totals. */
  async gradebook(viewer: Viewer, classId: string): Promise<Gradebook> {
    await this.access.requireCohort(viewer, classId, 'manage');
    const pupils: { id: string; display_name: string; student_number: string | null }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, u.student_number FROM cohort_pupil cp JOIN app_user u ON u.id = cp.pupil_id WHERE cp.cohort_id = $1 ORDER BY u.display_name, u.id`,
      [classId],
    );
    const assignments: { id: string; due_at: Date; content: BriefContent }[] = await this.dataSource.query(
      `SELECT a.id, a.due_at, bv.content FROM assignment a JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version
        WHERE a.cohort_id = $1 ORDER BY a.due_at, a.id LIMIT 100`,
      [classId],
    );
    // Each pupil's latest project attempt per assignment, through their own work or their team's.
    const results: { pupil_id: string; assignment_id: string; status: SubmissionStatus | null; late: boolean | null; score: number | null; drafted: boolean }[] =
      await this.dataSource.query(
        `SELECT p.pupil_id, w.assignment_id, lv.status, lv.late, f.score,
                EXISTS (SELECT 1 FROM work_part wp WHERE wp.work_id = w.id) AS drafted
           FROM cohort_pupil p
           JOIN work w ON w.pupil_id = p.pupil_id
                       OR w.team_id IN (SELECT tm.team_id FROM team_member tm WHERE tm.pupil_id = p.pupil_id AND tm.assignment_id = w.assignment_id)
           JOIN assignment a ON a.id = w.assignment_id AND a.cohort_id = p.cohort_id
           LEFT JOIN LATERAL (SELECT v.id, v.status, v.late FROM work_version v WHERE v.work_id = w.id AND v.scope = $2 ORDER BY v.attempt DESC LIMIT 1) lv ON true
           LEFT JOIN feedback f ON f.version_id = lv.id
          WHERE p.cohort_id = $1`,
        [classId, PROJECT_SCOPE],
      );
    const byKey = new Map(results.map((r) => [`${r.pupil_id}:${r.assignment_id}`, r]));
    const now = new Date();
    const columns = assignments.map((a) => ({ assignmentId: a.id, title: a.content.title, maxPoints: rubricMaxPoints({ criteria: a.content.rubric }) }));
    const rows = pupils.map((p) => {
      const cells = assignments.map((a, i) => {
        const r = byKey.get(`${p.id}:${a.id}`);
        const status = r?.status && r.status !== 'WITHDRAWN' ? r.status : null;
        const state = progressState(status, Boolean(r?.drafted));
        return {
          assignmentId: a.id,
          state,
          score: state === 'GRADED' ? (r?.score ?? null) : null,
          maxPoints: columns[i]!.maxPoints,
          late: r?.late ?? (state !== 'GRADED' && state !== 'SUBMITTED' && isLate(now, new Date(a.due_at))),
        };
      });
      const graded = cells.filter((c) => c.score !== null);
      return {
        pupil: { id: p.id, displayName: p.display_name },
        studentNumber: p.student_number,
        cells,
        total: graded.reduce((s, c) => s + c.score!, 0),
        totalMax: graded.reduce((s, c) => s + c.maxPoints, 0),
      };
    });
    return { classId, columns, rows };
  }
}

