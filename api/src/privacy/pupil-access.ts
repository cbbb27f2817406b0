import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../common/access.service';
import { isUuid } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { onlyAdminsDelete, pupilNotFound } from './privacy.errors';

export interface PupilSeen {
  id: string;
  displayName: string;
  schoolId: string | null;
  museumId: string | null;
  isTeacher: boolean;
  isAdmin: boolean;
}

/**
 * Who may act on a pupil's data: the teachers of any of the pupil's classes and the admins of
 * the museum whose programme the pupil's school is in. Anyone else, or a former-pupil stand-in
 * (no school), gets NOT_FOUND. Deleting is for those admins alone (FORBIDDEN for the teachers).
 */
@Injectable()
export class PupilAccess {
  constructor(private readonly dataSource: DataSource) {}

  async require(viewer: Viewer, pupilId: string, action: 'read' | 'export' | 'delete', db: Queryable = this.dataSource): Promise<PupilSeen> {
    if (!isUuid(pupilId) || (viewer.role !== 'TEACHER' && viewer.role !== 'ADMIN')) throw pupilNotFound();
    const rows: { id: string; display_name: string; school_id: string; museum_id: string; is_teacher: boolean; is_admin: boolean }[] = await db.query(
      `SELECT u.id, u.display_name, u.school_id, s.museum_id,
              EXISTS (SELECT 1 FROM cohort_pupil cp JOIN cohort_teacher ct ON ct.cohort_id = cp.cohort_id
                       WHERE cp.pupil_id = u.id AND ct.teacher_id = $1) AS is_teacher,
              ($2 = 'ADMIN' AND s.museum_id = $3) AS is_admin
         FROM app_user u JOIN school s ON s.id = u.school_id
        WHERE u.id = $4 AND u.role = 'PUPIL'
          ${action === 'delete' ? 'FOR UPDATE OF u' : ''}`,
      [viewer.id, viewer.role, viewer.museumId, pupilId],
    );
    const row = rows[0];
    if (!row || (!row.is_teacher && !row.is_admin)) throw pupilNotFound();
    if (action === 'delete' && !row.is_admin) throw onlyAdminsDelete();
    return { id: row.id, displayName: row.display_name, schoolId: row.school_id, museumId: row.museum_id, isTeacher: row.is_teacher, isAdmin: row.is_admin };
  }
}
