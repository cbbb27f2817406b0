import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isRetentionMonths, type Bilingual } from '@lmr/domain';
import { AuditService } from '../audit/audit.service';
import { mapAuditEntry, type AuditEntryConnection } from '../audit/audit.model';
import { COHORT_MANAGEABLE, viewerParams, type Queryable } from '../common/access.service';
import { badInput } from '../common/errors';
import { isUuid } from '../common/ids';
import { pageRequest, toPage } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import type { CreditStyle } from '../nominations/nomination.entity';
import type { NominationState } from '../nominations/nomination.model';
import { EXHIBITED } from '../review/nominated-work';
import { backfillInitialConsent, recordConsentChange } from './consent-log';
import { PupilAccess } from './pupil-access';
import { PUPIL_NOMINATIONS, PUPIL_WORKS } from './pupil-data/pupil-record';
import { PupilDeletionService } from './pupil-data/pupil-deletion.service';
import { RetentionService } from './pupil-data/retention.service';
import type { ConsentChange } from './privacy.entity';
import { confirmationMismatch, nominationNotFound, noteTooLong, pupilNotFound, retentionOutOfRange, schoolNotFound } from './privacy.errors';
import type { ConsentRecord, DeletePupilPayload, PupilNomination, PupilPrivacy, SchoolPrivacy } from './privacy.model';

const MAX_NOTE = 200;

interface NominationRow {
  id: string;
  title: Bilingual | null;
  team_id: string | null;
  guardian_consent: boolean;
  credit_style: CreditStyle;
  consent_recorded_at: Date;
  consent_recorded_by_name: string | null;
  consent_withdrawn_at: Date | null;
  outcome: string | null;
  exhibited: boolean;
}

const NOMINATION_COLUMNS = `n.id, bv.content->'title' AS title, w.team_id, n.guardian_consent, n.credit_style, n.consent_recorded_at,
  rb.display_name AS consent_recorded_by_name, n.consent_withdrawn_at, n.outcome, ${EXHIBITED} AS exhibited`;
const NOMINATION_FROM = `FROM nomination n
  JOIN work_version v ON v.id = n.version_id
  JOIN work w ON w.id = v.work_id
  JOIN assignment a ON a.id = w.assignment_id
  JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version
  LEFT JOIN app_user rb ON rb.id = n.consent_recorded_by_id`;

/**
 * Children's data: the school privacy page and its retention setting, a pupil's data page,
 * deleting a pupil, guardians' consent history, and who looked at a pupil's work.
 */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pupils: PupilAccess,
    private readonly deletion: PupilDeletionService,
    private readonly retention: RetentionService,
    private readonly audit: AuditService,
  ) {}

  async schoolPrivacy(viewer: Viewer, schoolId: string | null | undefined, db: Queryable = this.dataSource): Promise<SchoolPrivacy> {
    const id = schoolId ?? viewer.schoolId;
    if (!id || !isUuid(id)) throw schoolNotFound();
    const rows: { id: string; name: string; time_zone: string; retention_months: number }[] = await db.query(
      `SELECT s.id, s.name, s.time_zone, s.retention_months FROM school s
        WHERE s.id = $1 AND (($2 = 'ADMIN' AND s.museum_id = $3) OR ($2 = 'TEACHER' AND s.id = $4))`,
      [id, viewer.role, viewer.museumId, viewer.schoolId],
    );
    const school = rows[0];
    if (!school) throw schoolNotFound();
    const years = await this.retention.schoolGroups(db, new Date(), school.id);
    const counts: { school_year: string; classes: number; pupils: number }[] = await db.query(
      `SELECT c.school_year, count(DISTINCT c.id)::int AS classes, count(DISTINCT cp.pupil_id)::int AS pupils
         FROM cohort c LEFT JOIN cohort_pupil cp ON cp.cohort_id = c.id WHERE c.school_id = $1 GROUP BY c.school_year`,
      [school.id],
    );
    const notices: { school_year: string; warned_at: Date; purged_at: Date | null }[] = await db.query(
      `SELECT school_year, warned_at, purged_at FROM retention_notice WHERE school_id = $1`,
      [school.id],
    );
    return {
      schoolId: school.id,
      schoolName: school.name,
      timeZone: school.time_zone,
      retentionMonths: school.retention_months,
      canEdit: viewer.role === 'ADMIN',
      years: years
        .sort((a, b) => b.schoolYear.localeCompare(a.schoolYear))
        .map((y) => {
          const count = counts.find((c) => c.school_year === y.schoolYear);
          const notice = notices.find((n) => n.school_year === y.schoolYear);
          return {
            schoolYear: y.schoolYear,
            classCount: count?.classes ?? y.cohortIds.length,
            pupilCount: count?.pupils ?? 0,
            pupilsInNoClass: y.pupilsInNoClass.length,
            endedAt: y.dates.endedAt,
            warnAt: y.dates.warnAt,
            purgeAt: y.dates.purgeAt,
            stage: y.stage,
            warnedAt: notice ? new Date(notice.warned_at) : null,
            purgedAt: notice?.purged_at ? new Date(notice.purged_at) : null,
          };
        }),
    };
  }

  async setRetention(viewer: Viewer, input: { schoolId: string; months: number }): Promise<SchoolPrivacy> {
    if (!isUuid(input.schoolId)) throw schoolNotFound();
    if (!isRetentionMonths(input.months)) throw retentionOutOfRange();
    return this.dataSource.transaction(async (tx) => {
      const rows: { retention_months: number }[] = await tx.query(`SELECT retention_months FROM school WHERE id = $1 AND museum_id = $2 FOR UPDATE`, [
        input.schoolId,
        viewer.museumId,
      ]);
      if (!rows[0] || viewer.role !== 'ADMIN') throw schoolNotFound();
      if (rows[0].retention_months !== input.months) {
        await tx.query(`UPDATE school SET retention_months = $2 WHERE id = $1`, [input.schoolId, input.months]);
        // A notice made for the old date would stop the warning for the new one.
        await tx.query(`DELETE FROM retention_notice WHERE school_id = $1 AND purged_at IS NULL`, [input.schoolId]);
        await this.audit.record(tx, {
          actorId: viewer.id,
          museumId: viewer.museumId,
          action: 'RETENTION_CHANGED',
          subjectType: 'School',
          subjectId: input.schoolId,
          details: { from: rows[0].retention_months, to: input.months },
        });
      }
      return this.schoolPrivacy(viewer, input.schoolId, tx);
    });
  }

  async pupilPrivacy(viewer: Viewer, pupilId: string): Promise<PupilPrivacy> {
    const pupil = await this.pupils.require(viewer, pupilId, 'read');
    const classes: { id: string; name: string; school_year: string }[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.school_year FROM cohort c JOIN cohort_pupil cp ON cp.cohort_id = c.id WHERE cp.pupil_id = $1 ORDER BY c.school_year DESC, c.name`,
      [pupil.id],
    );
    const [{ works, files }] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM ${PUPIL_WORKS} pw)::int AS works, (SELECT count(*) FROM stored_file WHERE uploaded_by_id = $1)::int AS files`,
      [pupil.id],
    );
    return {
      id: pupil.id,
      displayName: pupil.displayName,
      classes: classes.map((c) => ({ id: c.id, name: c.name, schoolYear: c.school_year })),
      exportUrl: `/exports/pupils/${pupil.id}/record.zip`,
      canDelete: pupil.isAdmin,
      nominations: await this.nominationsOf(this.dataSource, `w.id IN ${PUPIL_WORKS}`, [pupil.id]),
      workCount: Number(works),
      fileCount: Number(files),
    };
  }

  async deletePupil(viewer: Viewer, input: { pupilId: string; confirmName: string }): Promise<DeletePupilPayload> {
    const { outcome, payload } = await this.dataSource.transaction(async (tx) => {
      const pupil = await this.pupils.require(viewer, input.pupilId, 'delete', tx);
      if (input.confirmName.trim() !== pupil.displayName.trim()) throw confirmationMismatch();
      const result = await this.deletion.deleteInTransaction(tx, pupil.id);
      await this.audit.record(tx, {
        actorId: viewer.id,
        museumId: viewer.museumId,
        action: 'PUPIL_DELETED',
        subjectType: 'Pupil',
        subjectId: null,
        details: PupilDeletionService.details(result, 'ADMIN'),
      });
      return {
        outcome: result,
        payload: { deletedPupilId: pupil.id, worksRemoved: result.worksRemoved, teamWorksKept: result.teamWorksKept, filesRemoved: result.filesRemoved },
      };
    });
    await this.deletion.removeStoredBytes(outcome.storageKeys);
    await this.deletion.announceEnded(outcome.endedSessionIds);
    return payload;
  }

  /** A guardian's consent recorded (again): the work may be shown, with this credit, from now on. */
  async recordConsent(viewer: Viewer, input: { nominationId: string; creditStyle: CreditStyle; note?: string | null }): Promise<PupilNomination> {
    if (!isUuid(input.nominationId)) throw nominationNotFound();
    const note = input.note?.trim() ? input.note.trim() : null;
    if (note && [...note].length > MAX_NOTE) throw noteTooLong(MAX_NOTE);
    return this.dataSource.transaction(async (tx) => {
      await this.manageableNomination(tx, viewer, input.nominationId);
      await backfillInitialConsent(tx, input.nominationId);
      await tx.query(
        `UPDATE nomination SET guardian_consent = true, credit_style = $2, consent_recorded_by_id = $3, consent_recorded_at = now(), consent_withdrawn_at = NULL WHERE id = $1`,
        [input.nominationId, input.creditStyle, viewer.id],
      );
      await recordConsentChange(tx, { nominationId: input.nominationId, change: 'GIVEN', creditStyle: input.creditStyle, recordedById: viewer.id, note });
      await this.audit.record(tx, {
        actorId: viewer.id,
        museumId: viewer.museumId,
        action: 'CONSENT_RECORDED',
        subjectType: 'Nomination',
        subjectId: input.nominationId,
        details: { creditStyle: input.creditStyle },
      });
      const [nomination] = await this.nominationsOf(tx, `n.id = $1`, [input.nominationId]);
      return nomination!;
    });
  }

  async consentHistory(viewer: Viewer, nominationId: string): Promise<ConsentRecord[]> {
    if (!isUuid(nominationId)) throw nominationNotFound();
    await this.manageableNomination(this.dataSource, viewer, nominationId);
    const [nomination] = await this.nominationsOf(this.dataSource, `n.id = $1`, [nominationId]);
    return nomination!.consentHistory;
  }

  /** Who read the pupil's work and grades, and the other audit entries about the pupil, newest first. */
  async accessLog(viewer: Viewer, args: { pupilId: string; first?: number | null; after?: string | null }): Promise<AuditEntryConnection> {
    const pupil = await this.pupils.require(viewer, args.pupilId, 'read');
    if (!pupil.isAdmin) throw pupilNotFound();
    const page = pageRequest(args.first, args.after);
    const params: unknown[] = [pupil.id, page.limit + 1, viewer.museumId];
    let after = '';
    if (page.after) {
      const [createdAt, id] = page.after;
      if (typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) {
        throw badInput('after', 'after is not a cursor this list handed out');
      }
      params.push(createdAt, id);
      after = 'AND (a.created_at, a.id) < ($4::timestamptz, $5::uuid)';
    }
    const rows: (Parameters<typeof mapAuditEntry>[0] & { created_key: string })[] = await this.dataSource.query(
      `SELECT a.id, a.action, a.actor_id, u.display_name AS actor_name, a.subject_type, a.subject_id, a.details, a.created_at, a.created_at::text AS created_key
         FROM audit_entry a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.museum_id = $3
          AND (a.subject_id = $1
               OR (a.subject_type = 'Work' AND a.subject_id IN ${PUPIL_WORKS})
               OR (a.subject_type = 'Nomination' AND a.subject_id IN ${PUPIL_NOMINATIONS})
               OR (a.action = 'PUPIL_GRADES_VIEWED' AND a.subject_type = 'Class' AND a.subject_id IN (SELECT cohort_id FROM cohort_pupil WHERE pupil_id = $1))
               OR (a.action = 'PUPIL_GRADES_VIEWED' AND a.subject_type = 'Assignment'
                   AND a.subject_id IN (SELECT x.id FROM assignment x JOIN cohort_pupil cp ON cp.cohort_id = x.cohort_id WHERE cp.pupil_id = $1)))
          ${after}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $2`,
      params,
    );
    return toPage(rows, page.limit, (r) => [r.created_key, r.id], mapAuditEntry);
  }

  private async manageableNomination(db: Queryable, viewer: Viewer, nominationId: string): Promise<void> {
    const rows: unknown[] = await db.query(
      `SELECT n.id FROM nomination n
         JOIN work_version v ON v.id = n.version_id
         JOIN work w ON w.id = v.work_id
         JOIN assignment a ON a.id = w.assignment_id
         JOIN cohort c ON c.id = a.cohort_id
         JOIN school s ON s.id = c.school_id
        WHERE n.id = $4 AND ${COHORT_MANAGEABLE}
        FOR UPDATE OF n`,
      [...viewerParams(viewer), nominationId],
    );
    if (rows.length === 0) throw nominationNotFound();
  }

  private async nominationsOf(db: Queryable, where: string, params: unknown[]): Promise<PupilNomination[]> {
    const rows: NominationRow[] = await db.query(`SELECT ${NOMINATION_COLUMNS} ${NOMINATION_FROM} WHERE ${where} ORDER BY n.created_at DESC, n.id DESC`, params);
    if (rows.length === 0) return [];
    const history: { id: string; nomination_id: string; change: ConsentChange; credit_style: CreditStyle | null; note: string | null; name: string | null; recorded_at: Date }[] =
      await db.query(
        `SELECT cr.id, cr.nomination_id, cr.change, cr.credit_style, cr.note, u.display_name AS name, cr.recorded_at
           FROM consent_record cr LEFT JOIN app_user u ON u.id = cr.recorded_by_id
          WHERE cr.nomination_id = ANY ($1::uuid[]) ORDER BY cr.recorded_at, cr.id`,
        [rows.map((r) => r.id)],
      );
    return rows.map((r) => {
      const own = history.filter((h) => h.nomination_id === r.id);
      const records: ConsentRecord[] = own.map((h) => ({
        id: h.id,
        change: h.change,
        creditStyle: h.credit_style,
        note: h.note,
        recordedByName: h.name,
        recordedAt: new Date(h.recorded_at),
      }));
      // Nominations made before histories were kept: what the nomination itself recorded.
      if (records.length === 0 && r.guardian_consent) {
        records.push({ id: null, change: 'GIVEN', creditStyle: r.credit_style, note: null, recordedByName: r.consent_recorded_by_name, recordedAt: new Date(r.consent_recorded_at) });
        if (r.consent_withdrawn_at) records.push({ id: null, change: 'WITHDRAWN', creditStyle: null, note: null, recordedByName: null, recordedAt: new Date(r.consent_withdrawn_at) });
      }
      const state: NominationState = r.consent_withdrawn_at ? 'CONSENT_WITHDRAWN' : r.outcome ? 'DECIDED' : 'AWAITING_REVIEW';
      return {
        id: r.id,
        projectTitle: r.title ? { zh: r.title.zh ?? null, en: r.title.en ?? null } : null,
        teamWork: r.team_id !== null,
        state,
        consentStands: r.guardian_consent && !r.consent_withdrawn_at,
        creditStyle: r.credit_style,
        exhibited: r.exhibited,
        consentHistory: records,
      };
    });
  }
}
