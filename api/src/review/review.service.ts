import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  anonymousLabel,
  averageScores,
  checkReviewScores,
  isSelected,
  isTheme,
  parseSeason,
  redactNames,
  REVIEW_CRITERIA,
  reviewTotal,
  seasonDates,
  type GradeBand,
  type ReviewScores,
  type Theme,
} from '@lmr/domain';
import type { Queryable } from '../common/access.service';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { pageRequest, toPage } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { NotificationsService } from '../notifications/notifications.service';
import { GRADE_BAND_SQL, NOMINATED_COLUMNS, NOMINATION_FROM, NominatedWork, type NominatedRow } from './nominated-work';
import type { CriterionScore, DecideNominationInput, NominationForReview, ReviewConnection, ReviewItem, ReviewQueueArgs, ScoreNominationInput } from './review.model';

const MAX_COMMENT = 1000;
const MAX_FEEDBACK = 2000;

interface QueueRow extends NominatedRow {
  score_count: number;
  my_scores: ReviewScores | null;
}

/** Where reviewers fetch a nominated attempt's files: their own path, checked per request. */
export const reviewFileUrl = (nominationId: string) => (index: number) => `/review/nominations/${nominationId}/files/${index}`;

/** Slugs for the exhibition: 16 characters from an alphabet without look-alikes. */
function newSlug(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

const scoreList = (scores: ReviewScores): CriterionScore[] => REVIEW_CRITERIA.map((c) => ({ criterion: c.key, score: scores[c.key] }));

/**
 * The museum's review of nominated work. Every query is scoped to the viewer's museum (the
 * museum whose programme the work's school is in) and leaves out nominations whose consent
 * was withdrawn. Review is blind: until a decision, nothing returned names the pupils, their
 * school or their teachers, and known names are blanked out of the free text.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly work: NominatedWork,
    private readonly notifications: NotificationsService,
  ) {}

  private museumOf(viewer: Viewer): string {
    if (viewer.role !== 'MUSEUM_EDUCATOR' || !viewer.museumId) throw forbidden('only the museum’s educators review nominations');
    return viewer.museumId;
  }

  async isLead(viewer: Viewer, db: Queryable = this.dataSource): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM lead_reviewer WHERE educator_id = $1 AND museum_id = $2`, [viewer.id, viewer.museumId]);
    return rows.length > 0;
  }

  async queue(viewer: Viewer, args: ReviewQueueArgs): Promise<ReviewConnection> {
    const museumId = this.museumOf(viewer);
    const page = pageRequest(args.first, args.after);
    const params: unknown[] = [museumId, viewer.id];
    // The page is chosen first, from the few columns its filters need, and only its rows are
    // then read in full (the attempt, the brief, the review counts): reading every nomination of
    // the museum in full before filtering made this the slowest page at district size. Filters
    // apply to the inner select's columns (the subquery is named n again).
    const where = [`n.consent_withdrawn_at IS NULL`];
    if (args.theme) where.push(`n.theme = $${params.push(args.theme)}`);
    if (args.gradeBand) where.push(`n.grade_band = $${params.push(args.gradeBand)}`);
    if (args.schoolId) {
      if (!isUuid(args.schoolId)) throw badInput('schoolId', 'not a school id');
      where.push(`n.school_id = $${params.push(args.schoolId)}`);
    }
    if (args.season) {
      const dates = seasonDates(args.season);
      if (!dates) throw badInput('season', 'a season looks like 2026-AUTUMN');
      // The season's local dates in each school's zone: the same nominations as SEASON_SQL
      // picks, without working out every nomination's season first.
      where.push(`n.created_at >= ($${params.push(dates.from)}::timestamp AT TIME ZONE n.time_zone)`);
      where.push(`n.created_at < ($${params.push(dates.until)}::timestamp AT TIME ZONE n.time_zone)`);
    }
    if (args.decided === true) where.push(`n.outcome IS NOT NULL`);
    if (args.decided === false) where.push(`n.outcome IS NULL`);
    if (page.after) {
      const [at, id] = page.after;
      if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id)) throw badInput('after', 'after is not a cursor this list handed out');
      where.push(`(n.created_at, n.id) > ($${params.push(at)}::timestamptz, $${params.push(id)}::uuid)`);
    }
    const rows: QueueRow[] = await this.dataSource.query(
      `WITH page AS MATERIALIZED (
         SELECT n.id FROM (
           SELECT n.id, n.created_at, n.consent_withdrawn_at, n.outcome, s.id AS school_id, s.time_zone, ${GRADE_BAND_SQL} AS grade_band
                  ${args.theme ? `, (SELECT bv.content->>'theme' FROM project_brief_version bv WHERE bv.brief_id = a.brief_id AND bv.version = a.brief_version) AS theme` : ''}
             FROM nomination n JOIN work_version v ON v.id = n.version_id JOIN work w ON w.id = v.work_id
             JOIN assignment a ON a.id = w.assignment_id JOIN cohort c ON c.id = a.cohort_id JOIN school s ON s.id = c.school_id
            WHERE s.museum_id = $1
           -- A fence: without it the planner pushes the season filter (which needs the school's
           -- time zone) into a join of every nomination with every school (~70 ms at district size).
           OFFSET 0) n
          WHERE ${where.join(' AND ')}
          ORDER BY n.created_at, n.id
          LIMIT ${page.limit + 1})
       SELECT ${NOMINATED_COLUMNS},
              (SELECT count(*)::int FROM nomination_review r WHERE r.nomination_id = n.id) AS score_count,
              (SELECT r.scores FROM nomination_review r WHERE r.nomination_id = n.id AND r.reviewer_id = $2) AS my_scores
         ${NOMINATION_FROM.replace('FROM nomination n', 'FROM page JOIN nomination n ON n.id = page.id')}
        ORDER BY n.created_at, n.id`,
      params,
    );
    return toPage(rows, page.limit, (r) => [new Date(r.created_at).toISOString(), r.id], (r) => this.item(r, r.score_count, r.my_scores));
  }

  private item(r: NominatedRow, scoreCount: number, myScores: ReviewScores | null): ReviewItem {
    const season = parseSeason(r.season)!;
    return {
      id: r.id,
      label: anonymousLabel(r.id),
      projectTitle: r.title ? { zh: r.title.zh ?? null, en: r.title.en ?? null } : null,
      theme: (isTheme(r.theme) ? r.theme : 'HISTORY') as Theme,
      gradeBand: r.grade_band as GradeBand,
      season: { key: season.key, label: season.label },
      teamWork: r.team_id !== null,
      mayBeExhibited: r.guardian_consent,
      nominatedAt: new Date(r.created_at),
      scoreCount,
      myScores: myScores ? scoreList(myScores) : null,
      outcome: r.outcome,
      decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    };
  }

  /** A nomination of the viewer's museum with consent standing; anything else is NOT_FOUND. */
  private async load(viewer: Viewer, nominationId: string, db: Queryable = this.dataSource, lock = false): Promise<NominatedRow> {
    const museumId = this.museumOf(viewer);
    if (!isUuid(nominationId)) throw notFound('nomination');
    const rows: NominatedRow[] = await db.query(
      `SELECT ${NOMINATED_COLUMNS} ${NOMINATION_FROM}
        WHERE n.id = $1 AND s.museum_id = $2 AND n.consent_withdrawn_at IS NULL ${lock ? 'FOR UPDATE OF n' : ''}`,
      [nominationId, museumId],
    );
    if (!rows[0]) throw notFound('nomination');
    return rows[0];
  }

  async forReview(viewer: Viewer, nominationId: string, db: Queryable = this.dataSource): Promise<NominationForReview> {
    const row = await this.load(viewer, nominationId, db);
    const lead = await this.isLead(viewer, db);
    const reviews: { reviewer_id: string; display_name: string; scores: ReviewScores; comment: string | null; updated_at: Date }[] = await db.query(
      `SELECT r.reviewer_id, u.display_name, r.scores, r.comment, r.updated_at
         FROM nomination_review r JOIN app_user u ON u.id = r.reviewer_id
        WHERE r.nomination_id = $1 ${lead ? '' : 'AND r.reviewer_id = $2'}
        ORDER BY r.updated_at, r.id`,
      lead ? [row.id] : [row.id, viewer.id],
    );
    const mine = reviews.find((r) => r.reviewer_id === viewer.id);
    const people = await this.work.people(row, db);
    const decided = row.outcome !== null;
    const hide = decided ? [] : [...people.pupilNames, ...people.teacherNames, row.school_name, ...(people.teamName ? [people.teamName] : [])];
    const averages = lead ? averageScores(reviews.map((r) => r.scores)) : null;
    return {
      item: this.item(row, lead ? reviews.length : Number((await db.query(`SELECT count(*)::int AS n FROM nomination_review WHERE nomination_id = $1`, [row.id]))[0].n), mine?.scores ?? null),
      parts: await this.work.parts(row, { hide, fileUrl: reviewFileUrl(row.id), imagesOnly: false }, db),
      statement: hide.length ? redactNames(row.statement, hide) : row.statement,
      viewerIsLead: lead,
      reviews: reviews.map((r) => ({
        reviewer: { id: r.reviewer_id, displayName: r.display_name },
        scores: scoreList(r.scores),
        total: reviewTotal(r.scores),
        comment: r.comment,
        updatedAt: new Date(r.updated_at),
      })),
      averages: averages ? scoreList(averages) : null,
      decisionFeedback: row.decision_feedback,
      revealed: decided ? { pupilNames: people.pupilNames, schoolName: row.school_name, teacherNames: people.teacherNames } : null,
    };
  }

  /** The viewer's score set for a nomination: one per educator, changed freely until decided. */
  async score(viewer: Viewer, input: ScoreNominationInput): Promise<NominationForReview> {
    const checked = checkReviewScores(input.scores);
    if (!checked.ok) throw badInput('scores', checked.problem);
    const comment = input.comment?.trim() || null;
    if (comment && [...comment].length > MAX_COMMENT) throw badInput('comment', `a comment has up to ${MAX_COMMENT} characters`);
    return this.dataSource.transaction(async (tx) => {
      const row = await this.load(viewer, input.nominationId, tx, true);
      if (row.outcome !== null) throw conflict('this nomination has been decided; scores can no longer change');
      await tx.query(
        `INSERT INTO nomination_review (nomination_id, reviewer_id, scores, comment) VALUES ($1, $2, $3, $4)
         ON CONFLICT (nomination_id, reviewer_id) DO UPDATE SET scores = EXCLUDED.scores, comment = EXCLUDED.comment, updated_at = now()`,
        [row.id, viewer.id, JSON.stringify(checked.scores), comment],
      );
      return this.forReview(viewer, row.id, tx);
    });
  }

  /**
   * A lead reviewer decides, once. The class's teachers and the pupils hear of it; a selected
   * work gets its exhibition slug (shown only while consent stands).
   */
  async decide(viewer: Viewer, input: DecideNominationInput): Promise<NominationForReview> {
    const feedback = input.feedback.trim();
    const length = [...feedback].length;
    if (length < 1 || length > MAX_FEEDBACK) throw badInput('feedback', `feedback has 1 to ${MAX_FEEDBACK} characters`);
    const { result, notes } = await this.dataSource.transaction(async (tx) => {
      const row = await this.load(viewer, input.nominationId, tx, true);
      if (!(await this.isLead(viewer, tx))) throw forbidden('only a lead reviewer decides');
      if (row.outcome !== null) throw conflict('this nomination has already been decided');
      await tx.query(
        `UPDATE nomination SET outcome = $2, decision_feedback = $3, decided_at = now(), decided_by_id = $4, exhibition_slug = $5 WHERE id = $1`,
        [row.id, input.outcome, feedback, viewer.id, isSelected(input.outcome) ? newSlug() : null],
      );
      const people = await this.work.people(row, tx);
      const teachers: { teacher_id: string }[] = await tx.query(`SELECT teacher_id FROM cohort_teacher WHERE cohort_id = $1`, [row.cohort_id]);
      const userIds = [...new Set([...teachers.map((t) => t.teacher_id), ...people.pupilIds])];
      const notes = await this.notifications.record(
        tx,
        userIds.map((userId) => ({ userId, kind: 'NOMINATION_DECIDED' as const, assignmentId: row.assignment_id, workId: row.work_id, versionId: row.version_id })),
      );
      return { result: await this.forReview(viewer, row.id, tx), notes };
    });
    await this.notifications.publish(notes);
    return result;
  }

  /** For the review file route: the n-th file of a nomination the educator may review. */
  async openFile(viewer: Viewer, nominationId: string, index: number) {
    const row = await this.load(viewer, nominationId);
    return this.work.openFile(row, index, false);
  }
}
