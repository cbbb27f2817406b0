import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, notFound } from './errors';
import { isUuid } from './ids';
import type { Viewer } from './viewer';

/** Something that runs SQL: the data source, or inside a transaction that transaction's manager. */
export type Queryable = Pick<DataSource | EntityManager, 'query'>;

export type CohortAction = 'read' | 'manage';

export interface CohortAccess {
  id: string;
  schoolId: string;
  archived: boolean;
  canManage: boolean;
}

/**
 * Who may see a class: its teachers, its pupils, and the admins of the museum whose
 * programme the school is in. Who may change it and see its roster: its teachers and those
 * admins. Parameters $1 viewer id, $2 role, $3 museum id; `c` is the cohort, `s` its school.
 */
export const COHORT_VISIBLE = `(EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = c.id AND ct.teacher_id = $1)
  OR EXISTS (SELECT 1 FROM cohort_pupil cp WHERE cp.cohort_id = c.id AND cp.pupil_id = $1)
  OR ($2 = 'ADMIN' AND s.museum_id = $3))`;
export const COHORT_MANAGEABLE = `(EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = c.id AND ct.teacher_id = $1)
  OR ($2 = 'ADMIN' AND s.museum_id = $3))`;

export function viewerParams(viewer: Viewer): [string, string, string | null] {
  return [viewer.id, viewer.role, viewer.museumId];
}

/**
 * Per-object checks, each one SQL query. A class the viewer may not see answers exactly like a
 * missing one (NOT_FOUND); FORBIDDEN only when they may see it but not do this to it.
 */
@Injectable()
export class AccessService {
  constructor(private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager when inside one (PGlite has a single session). */
  async requireCohort(viewer: Viewer, cohortId: string, action: CohortAction, db: Queryable = this.dataSource): Promise<CohortAccess> {
    if (!isUuid(cohortId)) throw notFound('class');
    const rows: { id: string; school_id: string; archived: boolean; can_manage: boolean }[] = await db.query(
      `SELECT c.id, c.school_id, c.archived_at IS NOT NULL AS archived, ${COHORT_MANAGEABLE} AS can_manage
         FROM cohort c JOIN school s ON s.id = c.school_id
        WHERE c.id = $4 AND ${COHORT_VISIBLE}`,
      [...viewerParams(viewer), cohortId],
    );
    const row = rows[0];
    if (!row) throw notFound('class');
    if (action === 'manage' && !row.can_manage) throw forbidden('only the teachers of this class may do this');
    return { id: row.id, schoolId: row.school_id, archived: row.archived, canManage: row.can_manage };
  }

  /** A pupil on a class the viewer manages; any other id is not found. */
  async requirePupilOfCohort(viewer: Viewer, cohortId: string, pupilId: string, db: Queryable = this.dataSource): Promise<CohortAccess> {
    const cohort = await this.requireCohort(viewer, cohortId, 'manage', db);
    if (!isUuid(pupilId)) throw notFound('pupil');
    const rows: unknown[] = await db.query(`SELECT 1 FROM cohort_pupil WHERE cohort_id = $1 AND pupil_id = $2`, [cohortId, pupilId]);
    if (rows.length === 0) throw notFound('pupil');
    return cohort;
  }

  /** The museum an admin acts for; an admin account without one may do nothing museum-wide. */
  museumOf(viewer: Viewer): string {
    if (!viewer.museumId) throw forbidden('this account belongs to no museum');
    return viewer.museumId;
  }

  /** A school of the admin's museum. */
  async requireSchoolForAdmin(viewer: Viewer, schoolId: string, db: Queryable = this.dataSource): Promise<void> {
    if (viewer.role !== 'ADMIN' || !isUuid(schoolId)) throw notFound('school');
    const rows: unknown[] = await db.query(`SELECT 1 FROM school WHERE id = $1 AND museum_id = $2`, [schoolId, viewer.museumId]);
    if (rows.length === 0) throw notFound('school');
  }
}
