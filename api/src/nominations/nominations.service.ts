import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PROJECT_SCOPE } from '@lmr/domain';
import { AccessService, COHORT_MANAGEABLE, viewerParams, type Queryable } from '../common/access.service';
import { isUniqueViolation } from '../common/db-errors';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { EXHIBITED as EXHIBITED_SQL } from '../review/nominated-work';
import { mapNomination, mapNominationResult, type NominationResult, type NominationResultRow, type Nomination, type NominationRow } from './nomination.model';
import type { NominateWorkInput } from './nominations.input';
import { recordConsentChange } from '../privacy/consent-log';

export const MAX_STATEMENT = 1000;

/** A nomination with what it is about. `n` is the nomination, `w` the work, `a` the assignment. */
const NOMINATION_SELECT = `SELECT n.id, n.version_id, v.work_id, w.assignment_id, w.pupil_id, w.team_id, n.statement, n.guardian_consent,
       n.credit_style, n.nominated_by_id, n.consent_recorded_by_id, n.consent_recorded_at, n.consent_withdrawn_at, n.created_at,
       n.outcome, n.decision_feedback, n.decided_at, CASE WHEN ${EXHIBITED_SQL} THEN n.exhibition_slug END AS exhibited_slug
  FROM nomination n
  JOIN work_version v ON v.id = n.version_id
  JOIN work w ON w.id = v.work_id
  JOIN assignment a ON a.id = w.assignment_id`;

@Injectable()
export class NominationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** A teacher of the work's class nominates one of its graded project attempts. */
  async nominate(viewer: Viewer, input: NominateWorkInput): Promise<Nomination> {
    const statement = input.statement.trim();
    const length = [...statement].length;
    if (length < 1 || length > MAX_STATEMENT) throw badInput('statement', `the statement has 1 to ${MAX_STATEMENT} characters`);
    if (!isUuid(input.versionId)) throw notFound('submission');
    try {
      return await this.dataSource.transaction(async (tx) => {
        const rows: { scope: string; status: string; is_teacher: boolean }[] = await tx.query(
          `SELECT v.scope, v.status,
                  EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1) AS is_teacher
             FROM work_version v
             JOIN work w ON w.id = v.work_id
             JOIN assignment a ON a.id = w.assignment_id
            WHERE v.id = $2
              AND EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1)
              FOR SHARE OF v`,
          [viewer.id, input.versionId],
        );
        const version = rows[0];
        if (!version) throw notFound('submission');
        if (!version.is_teacher) throw forbidden('only the teachers of this class nominate its work');
        if (version.scope !== PROJECT_SCOPE || version.status !== 'GRADED') {
          throw badInput('versionId', 'only a graded attempt of the whole project can be nominated', { scope: version.scope, status: version.status });
        }
        const existing: unknown[] = await tx.query(`SELECT 1 FROM nomination WHERE version_id = $1`, [input.versionId]);
        if (existing.length > 0) throw conflict('this attempt is already nominated', { field: 'versionId' });
        const [{ id }] = await tx.query(
          `INSERT INTO nomination (version_id, statement, nominated_by_id, guardian_consent, credit_style, consent_recorded_by_id, consent_recorded_at)
           VALUES ($1, $2, $3, $4, $5, $3, now()) RETURNING id`,
          [input.versionId, statement, viewer.id, input.guardianConsent, input.creditStyle],
        );
        if (input.guardianConsent) await recordConsentChange(tx, { nominationId: id, change: 'GIVEN', creditStyle: input.creditStyle, recordedById: viewer.id });
        return this.one(tx, id);
      });
    } catch (err) {
      // Two teachers nominated the same attempt at the same moment: the unique index kept one.
      if (isUniqueViolation(err)) throw conflict('this attempt is already nominated', { field: 'versionId' });
      throw err;
    }
  }

  /**
   * The guardian took their consent back: recorded at once, and kept as it was when it is
   * withdrawn twice. The class's teachers and the admins of the school's museum may do this.
   */
  async withdrawConsent(viewer: Viewer, nominationId: string): Promise<Nomination> {
    if (!isUuid(nominationId)) throw notFound('nomination');
    return this.dataSource.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        `SELECT n.id
           FROM nomination n
           JOIN work_version v ON v.id = n.version_id
           JOIN work w ON w.id = v.work_id
           JOIN assignment a ON a.id = w.assignment_id
           JOIN cohort c ON c.id = a.cohort_id
           JOIN school s ON s.id = c.school_id
          WHERE n.id = $4 AND ${COHORT_MANAGEABLE}
            FOR UPDATE OF n`,
        [...viewerParams(viewer), nominationId],
      );
      if (rows.length === 0) throw notFound('nomination');
      await tx.query(`UPDATE nomination SET consent_withdrawn_at = now() WHERE id = $1 AND consent_withdrawn_at IS NULL`, [nominationId]);
      await recordConsentChange(tx, { nominationId, change: 'WITHDRAWN', recordedById: viewer.id });
      return this.one(tx, nominationId);
    });
  }

  /** The class's nominations, newest first, for its teachers. */
  async forClass(viewer: Viewer, classId: string): Promise<Nomination[]> {
    if (viewer.role !== 'TEACHER') throw forbidden('only the teachers of this class see its nominations');
    await this.access.requireCohort(viewer, classId, 'manage');
    const rows: NominationRow[] = await this.dataSource.query(`${NOMINATION_SELECT} WHERE a.cohort_id = $1 ORDER BY n.created_at DESC, n.id DESC`, [classId]);
    return rows.map(mapNomination);
  }

  /** The museum's decisions on the viewer's own (or their team's) nominated work, newest first. */
  async resultsForPupil(viewer: Viewer): Promise<NominationResult[]> {
    if (viewer.role !== 'PUPIL') throw forbidden('pupils see the decisions on their own work');
    const rows: NominationResultRow[] = await this.dataSource.query(
      `SELECT n.id, w.id AS work_id, w.assignment_id, bv.content->'title' AS title, n.outcome, n.decision_feedback, n.decided_at,
              CASE WHEN ${EXHIBITED_SQL} THEN n.exhibition_slug END AS exhibited_slug
         FROM nomination n
         JOIN work_version v ON v.id = n.version_id
         JOIN work w ON w.id = v.work_id
         JOIN assignment a ON a.id = w.assignment_id
         JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version
        WHERE n.outcome IS NOT NULL
          AND (w.pupil_id = $1 OR EXISTS (SELECT 1 FROM team_member tm WHERE tm.team_id = w.team_id AND tm.pupil_id = $1))
        ORDER BY n.decided_at DESC, n.id DESC`,
      [viewer.id],
    );
    return rows.map(mapNominationResult);
  }

  private async one(db: Queryable, id: string): Promise<Nomination> {
    const [row]: NominationRow[] = await db.query(`${NOMINATION_SELECT} WHERE n.id = $1`, [id]);
    return mapNomination(row!);
  }
}
