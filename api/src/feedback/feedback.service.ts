import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { nextStatus, rubricMaxPoints, rubricScore, type SubmissionStatus } from '@lmr/domain';
import { badInput, conflict, DomainError, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { NotificationsService } from '../notifications/notifications.service';
import type { NotificationEntity } from '../notifications/notification.entity';
import type { BriefContent } from '../projects/brief-content';
import { WorkVersionEntity } from '../submissions/work-version.entity';
import { CheckInEntity, CommentBankEntryEntity, FeedbackCommentEntity, FeedbackEntity, type ChosenLevel } from './feedback.entity';
import type { AddCheckInInput, AddPartCommentInput, ReleaseGradesInput, SaveFeedbackInput } from './feedback.input';
import type { CheckIn, CommentBankEntry, Feedback, PartComment } from './feedback.model';


/** Teachers of the class of the work of version `v` (joined as `w`, `a`); $1 is the viewer. */
const TEACHES_VERSION = `EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1)`;

export interface TaughtVersion {
  version: WorkVersionEntity;
  workId: string;
  assignmentId: string;
  content: BriefContent;
}

const MAX_COMMENT = 2000;

export function mapComment(c: FeedbackCommentEntity): PartComment {
  return { id: c.id, partKey: c.partKey, evidenceId: c.evidenceId, text: c.text, createdAt: c.createdAt };
}

/** The feedback as the viewer may see it: teachers all of it; pupils nothing before a decision, and no grade before release. */
export function viewFeedback(f: FeedbackEntity, status: SubmissionStatus, comments: FeedbackCommentEntity[], content: BriefContent | null, asTeacher: boolean): Feedback | null {
  const decided = status === 'RETURNED' || status === 'GRADED';
  if (!asTeacher && !decided) return null;
  const showGrade = asTeacher || f.releasedAt !== null;
  const pointsOf = (l: ChosenLevel) => content?.rubric.find((c) => c.key === l.criterionKey)?.levels[l.level]?.points ?? 0;
  return {
    versionId: f.versionId,
    levels: showGrade ? f.levels.map((l) => ({ ...l, points: pointsOf(l) })) : null,
    overallComment: f.overallComment,
    score: showGrade ? f.score : null,
    maxPoints: f.maxPoints,
    released: f.releasedAt !== null,
    rowVersion: f.rowVersion,
    comments: comments.map(mapComment),
  };
}

@Injectable()
export class FeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /** A submitted attempt of a class the viewer teaches; NOT_FOUND for anyone else. */
  async taughtVersion(viewer: Viewer, versionId: string, db: EntityManager, lock = false): Promise<TaughtVersion> {
    if (!isUuid(versionId)) throw notFound('submission');
    // The access check and the attempt itself in one statement.
    const qb = db
      .getRepository(WorkVersionEntity)
      .createQueryBuilder('v')
      .innerJoin('work', 'w', 'w.id = v.work_id')
      .innerJoin('assignment', 'a', 'a.id = w.assignment_id')
      .innerJoin('project_brief_version', 'bv', 'bv.brief_id = a.brief_id AND bv.version = a.brief_version')
      .addSelect('w.assignment_id', 'assignment_id')
      .addSelect('bv.content', 'content')
      .where('v.id = :versionId', { versionId })
      .andWhere('EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = :viewerId)', { viewerId: viewer.id });
    if (lock) qb.setLock('pessimistic_write', undefined, ['v']);
    const { entities, raw } = (await qb.getRawAndEntities()) as { entities: WorkVersionEntity[]; raw: { assignment_id: string; content: BriefContent }[] };
    const version = entities[0];
    if (!version || !raw[0]) throw notFound('submission');
    return { version, workId: version.workId, assignmentId: raw[0].assignment_id, content: raw[0].content };
  }

  private async current(tx: EntityManager, versionId: string, content: BriefContent): Promise<FeedbackEntity> {
    const found = await tx.findOneBy(FeedbackEntity, { versionId });
    if (found) return found;
    return {
      versionId,
      levels: [],
      overallComment: null,
      score: null,
      maxPoints: rubricMaxPoints({ criteria: content.rubric }),
      releasedAt: null,
      rowVersion: 0,
      updatedById: null,
      updatedAt: new Date(),
    } as FeedbackEntity;
  }

  private async comments(db: EntityManager, versionId: string) {
    return db.find(FeedbackCommentEntity, { where: { versionId }, order: { createdAt: 'ASC' } });
  }

  private async conflictWithCurrent(tx: EntityManager, t: TaughtVersion, message: string): Promise<never> {
    const now = await this.current(tx, t.version.id, t.content);
    throw conflict(message, {
      field: 'expectedRowVersion',
      current: viewFeedback(now, t.version.status, await this.comments(tx, t.version.id), t.content, true),
      status: t.version.status,
    });
  }

  /**
   * Writes the feedback only if nobody changed it since `expected` (one conditional UPDATE;
   * a plain save would overwrite a colleague's work).
   */
  private async writeFeedback(tx: EntityManager, t: TaughtVersion, viewer: Viewer, expected: number, values: Partial<FeedbackEntity>): Promise<FeedbackEntity> {
    const now = new Date();
    if (expected === 0) {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO feedback (version_id, levels, overall_comment, score, max_points, row_version, updated_by_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7) ON CONFLICT (version_id) DO NOTHING RETURNING version_id`,
        [t.version.id, JSON.stringify(values.levels ?? []), values.overallComment ?? null, values.score ?? null, rubricMaxPoints({ criteria: t.content.rubric }), viewer.id, now],
      );
      if (inserted.length === 0) await this.conflictWithCurrent(tx, t, 'someone saved feedback on this work first');
    } else {
      const result = await tx
        .createQueryBuilder()
        .update(FeedbackEntity)
        .set({ ...values, rowVersion: () => 'row_version + 1', updatedById: viewer.id, updatedAt: now })
        .where('version_id = :id AND row_version = :expected', { id: t.version.id, expected })
        .execute();
      if (result.affected !== 1) await this.conflictWithCurrent(tx, t, 'someone changed this feedback since you opened it');
    }
    return tx.findOneByOrFail(FeedbackEntity, { versionId: t.version.id });
  }

  private checkLevels(content: BriefContent, levels: SaveFeedbackInput['levels']): ChosenLevel[] {
    const seen = new Set<string>();
    return levels.map((l, i) => {
      const criterion = content.rubric.find((c) => c.key === l.criterionKey);
      if (!criterion) throw badInput(`levels.${i}.criterionKey`, 'no such criterion in this rubric');
      if (seen.has(l.criterionKey)) throw badInput(`levels.${i}.criterionKey`, 'a criterion is chosen twice');
      seen.add(l.criterionKey);
      if (!Number.isInteger(l.level) || !criterion.levels[l.level]) throw badInput(`levels.${i}.level`, 'no such level in this criterion');
      const comment = l.comment?.trim() || null;
      if (comment && comment.length > MAX_COMMENT) throw badInput(`levels.${i}.comment`, `a comment has at most ${MAX_COMMENT} characters`);
      return { criterionKey: l.criterionKey, level: l.level, comment };
    });
  }

  async save(viewer: Viewer, input: SaveFeedbackInput): Promise<{ feedback: Feedback; version: WorkVersionEntity }> {
    const overall = input.overallComment?.trim() || null;
    if (overall && overall.length > MAX_COMMENT * 2) throw badInput('overallComment', `at most ${MAX_COMMENT * 2} characters`);
    if (!Number.isInteger(input.expectedRowVersion) || input.expectedRowVersion < 0) throw badInput('expectedRowVersion', 'expectedRowVersion is a rowVersion you read');
    return this.dataSource.transaction(async (tx) => {
      const t = await this.taughtVersion(viewer, input.versionId, tx, true);
      const levels = this.checkLevels(t.content, input.levels);
      if (t.version.status !== 'SUBMITTED') throw conflict('this attempt has been decided already', { status: t.version.status });
      if (t.version.openedAt === null) await tx.update(WorkVersionEntity, { id: t.version.id }, { openedAt: new Date() });
      const saved = await this.writeFeedback(tx, t, viewer, input.expectedRowVersion, { levels, overallComment: overall });
      return { feedback: viewFeedback(saved, t.version.status, await this.comments(tx, t.version.id), t.content, true)!, version: t.version };
    });
  }

  /** Return for revision (the pupil revises and submits the next attempt) or grade (final). */
  async decide(viewer: Viewer, versionId: string, expected: number, action: 'RETURN' | 'GRADE') {
    let published: NotificationEntity[] = [];
    const result = await this.dataSource.transaction(async (tx) => {
      const t = await this.taughtVersion(viewer, versionId, tx, true);
      const next = nextStatus(t.version.status, action);
      if (!next) throw conflict('this attempt has been decided already', { status: t.version.status });
      const feedback = await this.current(tx, t.version.id, t.content);
      if (feedback.rowVersion !== expected) await this.conflictWithCurrent(tx, t, 'someone changed this feedback since you opened it');
      let score: number | null = null;
      if (action === 'GRADE') {
        score = rubricScore({ criteria: t.content.rubric }, Object.fromEntries(feedback.levels.map((l) => [l.criterionKey, l.level])));
        if (score === null) throw badInput('levels', 'choose a level for every criterion before grading');
      }
      const saved = await this.writeFeedback(tx, t, viewer, expected, { score, levels: feedback.levels, overallComment: feedback.overallComment });
      const now = new Date();
      await tx.update(WorkVersionEntity, { id: t.version.id }, { status: next, statusChangedAt: now, openedAt: t.version.openedAt ?? now });
      const recipients = await this.notifications.recipientsOfWork(tx, t.workId);
      published = await this.notifications.record(
        tx,
        recipients.map((userId) => ({ userId, kind: action === 'RETURN' ? ('RETURNED' as const) : ('FEEDBACK' as const), assignmentId: t.assignmentId, workId: t.workId, versionId: t.version.id })),
      );
      const version = await tx.findOneByOrFail(WorkVersionEntity, { id: t.version.id });
      return { feedback: viewFeedback(saved, version.status, await this.comments(tx, version.id), t.content, true)!, version };
    });
    await this.notifications.publish(published);
    return result;
  }

  /** Grades become visible to pupils: for the whole assignment, or only for some pupils. */
  async release(viewer: Viewer, input: ReleaseGradesInput): Promise<number> {
    if (!isUuid(input.assignmentId)) throw notFound('assignment');
    const pupilIds = input.pupilIds ?? null;
    if (pupilIds && !pupilIds.every(isUuid)) throw badInput('pupilIds', 'not pupils of this class');
    let published: NotificationEntity[] = [];
    const count = await this.dataSource.transaction(async (tx) => {
      const [a] = await tx.query(
        `SELECT a.id FROM assignment a WHERE a.id = $2 AND EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1)`,
        [viewer.id, input.assignmentId],
      );
      if (!a) throw notFound('assignment');
      const rows: { version_id: string; work_id: string }[] = await tx.query(
        // Wrapped in WITH so that both drivers hand back the returned rows as they are.
        `WITH released AS (
           UPDATE feedback f SET released_at = now()
             FROM work_version v JOIN work w ON w.id = v.work_id
            WHERE f.version_id = v.id AND w.assignment_id = $1 AND v.status = 'GRADED' AND f.released_at IS NULL
              AND ($2::uuid[] IS NULL OR w.pupil_id = ANY($2::uuid[])
                   OR EXISTS (SELECT 1 FROM team_member tm WHERE tm.team_id = w.team_id AND tm.pupil_id = ANY($2::uuid[])))
            RETURNING f.version_id, v.work_id)
         SELECT version_id, work_id FROM released`,
        [input.assignmentId, pupilIds],
      );
      const items = [];
      for (const r of rows) {
        for (const userId of await this.notifications.recipientsOfWork(tx, r.work_id)) {
          items.push({ userId, kind: 'GRADE_RELEASED' as const, assignmentId: input.assignmentId, workId: r.work_id, versionId: r.version_id });
        }
      }
      published = await this.notifications.record(tx, items);
      return rows.length;
    });
    await this.notifications.publish(published);
    return count;
  }

  async addComment(viewer: Viewer, input: AddPartCommentInput): Promise<PartComment> {
    const text = input.text.trim();
    if (text === '' || text.length > MAX_COMMENT) throw badInput('text', `a comment has 1 to ${MAX_COMMENT} characters`);
    return this.dataSource.transaction(async (tx) => {
      const t = await this.taughtVersion(viewer, input.versionId, tx);
      const part = t.version.parts.find((p) => p.partKey === input.partKey);
      if (!part) throw badInput('partKey', 'this attempt has no such part');
      if (input.evidenceId && !part.evidence.some((e) => e.id === input.evidenceId)) throw badInput('evidenceId', 'this part has no such evidence');
      const saved = await tx.save(tx.create(FeedbackCommentEntity, { versionId: t.version.id, partKey: input.partKey, evidenceId: input.evidenceId ?? null, text, authorId: viewer.id }));
      return mapComment(saved);
    });
  }

  async deleteComment(viewer: Viewer, id: string): Promise<boolean> {
    if (!isUuid(id)) throw notFound('comment');
    return this.dataSource.transaction(async (tx) => {
      const comment = await tx.findOneBy(FeedbackCommentEntity, { id });
      if (!comment) throw notFound('comment');
      await this.taughtVersion(viewer, comment.versionId, tx).catch((err: unknown) => {
        throw err instanceof DomainError && err.code === 'NOT_FOUND' ? notFound('comment') : err;
      });
      await tx.delete(FeedbackCommentEntity, { id });
      return true;
    });
  }

  async commentBank(viewer: Viewer): Promise<CommentBankEntry[]> {
    const rows = await this.dataSource.getRepository(CommentBankEntryEntity).find({ where: { teacherId: viewer.id }, order: { createdAt: 'ASC' }, take: 500 });
    return rows.map((r) => ({ id: r.id, text: r.text }));
  }

  async addToBank(viewer: Viewer, text: string): Promise<CommentBankEntry[]> {
    const clean = text.trim();
    if (clean === '' || clean.length > MAX_COMMENT) throw badInput('text', `a comment has 1 to ${MAX_COMMENT} characters`);
    const count = await this.dataSource.getRepository(CommentBankEntryEntity).countBy({ teacherId: viewer.id });
    if (count >= 500) throw badInput('text', 'the comment bank is full (500 comments)');
    await this.dataSource.getRepository(CommentBankEntryEntity).insert({ teacherId: viewer.id, text: clean });
    return this.commentBank(viewer);
  }

  async removeFromBank(viewer: Viewer, id: string): Promise<CommentBankEntry[]> {
    if (!isUuid(id)) throw notFound('comment');
    const result = await this.dataSource.getRepository(CommentBankEntryEntity).delete({ id, teacherId: viewer.id });
    if (result.affected !== 1) throw notFound('comment');
    return this.commentBank(viewer);
  }

  /** Quick feedback on a milestone before the final submission; no grade. */
  async addCheckIn(viewer: Viewer, input: AddCheckInInput): Promise<CheckIn> {
    const text = input.text.trim();
    if (text === '' || text.length > MAX_COMMENT) throw badInput('text', `a check-in has 1 to ${MAX_COMMENT} characters`);
    if (!isUuid(input.workId)) throw notFound('work');
    let published: NotificationEntity[] = [];
    const saved = await this.dataSource.transaction(async (tx) => {
      const rows: { assignment_id: string; content: BriefContent }[] = await tx.query(
        `SELECT w.assignment_id, bv.content FROM work w JOIN assignment a ON a.id = w.assignment_id
           JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version
          WHERE w.id = $2 AND ${TEACHES_VERSION}`,
        [viewer.id, input.workId],
      );
      if (!rows[0]) throw notFound('work');
      if (!rows[0].content.milestones.some((m) => m.key === input.milestoneKey)) throw badInput('milestoneKey', 'no such milestone in this assignment');
      const checkIn = await tx.save(tx.create(CheckInEntity, { workId: input.workId, milestoneKey: input.milestoneKey, text, authorId: viewer.id }));
      const recipients = await this.notifications.recipientsOfWork(tx, input.workId);
      published = await this.notifications.record(tx, recipients.map((userId) => ({ userId, kind: 'CHECK_IN' as const, assignmentId: rows[0]!.assignment_id, workId: input.workId })));
      return checkIn;
    });
    await this.notifications.publish(published);
    return { id: saved.id, milestoneKey: saved.milestoneKey, text: saved.text, createdAt: saved.createdAt };
  }

  /** For DataLoaders: feedback rows, comments and the briefs (for the rubric's points) of several attempts in three queries. */
  async feedbackOf(versionIds: readonly string[]) {
    const ids = [...versionIds];
    const [feedback, comments, contents] = await Promise.all([
      this.dataSource.getRepository(FeedbackEntity).findBy({ versionId: In(ids) }),
      this.dataSource.getRepository(FeedbackCommentEntity).find({ where: { versionId: In(ids) }, order: { createdAt: 'ASC' } }),
      this.dataSource.query(
        `SELECT v.id, bv.content FROM work_version v JOIN work w ON w.id = v.work_id JOIN assignment a ON a.id = w.assignment_id
           JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version WHERE v.id = ANY($1::uuid[])`,
        [ids],
      ) as Promise<{ id: string; content: BriefContent }[]>,
    ]);
    return versionIds.map((id) => ({
      feedback: feedback.find((f) => f.versionId === id) ?? null,
      comments: comments.filter((c) => c.versionId === id),
      content: contents.find((c) => c.id === id)?.content ?? null,
    }));
  }

  async checkInsOf(workIds: readonly string[]): Promise<CheckIn[][]> {
    const rows = await this.dataSource.getRepository(CheckInEntity).find({ where: { workId: In([...workIds]) }, order: { createdAt: 'ASC' } });
    return workIds.map((id) => rows.filter((r) => r.workId === id).map((r) => ({ id: r.id, milestoneKey: r.milestoneKey, text: r.text, createdAt: r.createdAt })));
  }
}

