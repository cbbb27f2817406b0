import type { Queryable } from '../../common/access.service';

/**
 * Which rows of which table are a pupil's, in one place for the export and the deletion.
 * `$1` is always the pupil's id. The privacy integration test finds every table that refers to
 * a user (through foreign keys, transitively, and the few id columns without one) from the
 * database schema and fails when a table is missing here, so a new table cannot be forgotten.
 */

/** The pupil's work: their own, their teams', and any they wrote in or submitted before leaving a team. */
export const PUPIL_WORKS = `(SELECT w.id FROM work w WHERE w.pupil_id = $1
  UNION SELECT w.id FROM work w JOIN team_member tm ON tm.team_id = w.team_id WHERE tm.pupil_id = $1
  UNION SELECT wp.work_id FROM work_part wp WHERE wp.updated_by_id = $1
  UNION SELECT wv.work_id FROM work_version wv WHERE wv.submitted_by_id = $1)`;
const VERSIONS = `(SELECT wv.id FROM work_version wv WHERE wv.work_id IN ${PUPIL_WORKS})`;
export const PUPIL_NOMINATIONS = `(SELECT n.id FROM nomination n WHERE n.version_id IN ${VERSIONS})`;
const ASSIGNMENTS = `(SELECT w.assignment_id FROM work w WHERE w.id IN ${PUPIL_WORKS}
  UNION SELECT t.assignment_id FROM team t JOIN team_member tm ON tm.team_id = t.id WHERE tm.pupil_id = $1)`;
const COHORTS = `(SELECT cp.cohort_id FROM cohort_pupil cp WHERE cp.pupil_id = $1)`;

/** Files attached to the pupil's work (drafts and attempts) and files they uploaded. */
export const PUPIL_FILES = `(SELECT f.id FROM stored_file f WHERE f.uploaded_by_id = $1
  UNION SELECT unnest(wp.attachment_ids) FROM work_part wp WHERE wp.work_id IN ${PUPIL_WORKS}
  UNION SELECT (jsonb_array_elements_text(p.part->'attachmentIds'))::uuid
          FROM work_version wv CROSS JOIN LATERAL jsonb_array_elements(wv.parts) AS p(part)
         WHERE wv.work_id IN ${PUPIL_WORKS})`;

/**
 * Audit entries about the pupil: those naming them, those of their own actions, reads of their
 * work, and reads of the grades of their classes and assignments.
 */
export const PUPIL_AUDIT = `SELECT a.* FROM audit_entry a
  WHERE a.subject_id = $1 OR a.actor_id = $1
     OR (a.subject_type = 'Work' AND a.subject_id IN ${PUPIL_WORKS})
     OR (a.subject_type = 'Nomination' AND a.subject_id IN ${PUPIL_NOMINATIONS})
     OR (a.action = 'PUPIL_GRADES_VIEWED' AND a.subject_type = 'Class' AND a.subject_id IN ${COHORTS})
     OR (a.action = 'PUPIL_GRADES_VIEWED' AND a.subject_type = 'Assignment'
         AND a.subject_id IN (SELECT a2.id FROM assignment a2 WHERE a2.cohort_id IN ${COHORTS}))
  ORDER BY a.created_at, a.id`;

/**
 * Table → the pupil's rows. Secrets are left out (session and link token hashes, sign-in codes);
 * a few context rows (the classes, assignments and briefs the work belongs to) come along so the
 * record can be read on its own.
 */
export const PUPIL_TABLES: Record<string, string> = {
  app_user: `SELECT id, role, display_name, email, school_id, museum_id, student_number, disabled_at, left_last_class_at, created_at, updated_at FROM app_user WHERE id = $1`,
  school: `SELECT s.id, s.name, s.district, s.time_zone, s.retention_months FROM school s WHERE s.id = (SELECT school_id FROM app_user WHERE id = $1)`,
  cohort: `SELECT c.id, c.school_id, c.name, c.grade, c.school_year, c.archived_at, c.created_at FROM cohort c WHERE c.id IN ${COHORTS} ORDER BY c.school_year, c.name`,
  cohort_pupil: `SELECT cohort_id, pupil_id, created_at FROM cohort_pupil WHERE pupil_id = $1`,
  cohort_teacher: `SELECT * FROM cohort_teacher WHERE teacher_id = $1`,
  session: `SELECT id, user_id, created_at, expires_at, revoked_at FROM session WHERE user_id = $1 ORDER BY created_at`,
  account_link: `SELECT id, kind, email, role, school_id, museum_id, user_id, created_by_id, created_at, expires_at, used_at FROM account_link WHERE user_id = $1 OR created_by_id = $1`,
  upload_ticket: `SELECT * FROM upload_ticket WHERE user_id = $1`,
  stored_file: `SELECT * FROM stored_file WHERE id IN ${PUPIL_FILES} ORDER BY created_at, id`,
  collection_object_image: `SELECT * FROM collection_object_image WHERE file_id IN ${PUPIL_FILES}`,
  project_brief: `SELECT b.* FROM project_brief b WHERE b.author_id = $1 OR b.id IN (SELECT a.brief_id FROM assignment a WHERE a.id IN ${ASSIGNMENTS})`,
  project_brief_version: `SELECT bv.* FROM project_brief_version bv JOIN assignment a ON a.brief_id = bv.brief_id AND a.brief_version = bv.version WHERE a.id IN ${ASSIGNMENTS}`,
  assignment: `SELECT a.* FROM assignment a WHERE a.id IN ${ASSIGNMENTS} OR a.created_by_id = $1`,
  team: `SELECT t.* FROM team t WHERE t.id IN (SELECT team_id FROM team_member WHERE pupil_id = $1) OR t.id IN (SELECT w.team_id FROM work w WHERE w.id IN ${PUPIL_WORKS})`,
  team_member: `SELECT * FROM team_member WHERE pupil_id = $1`,
  work: `SELECT w.* FROM work w WHERE w.id IN ${PUPIL_WORKS} ORDER BY w.created_at, w.id`,
  work_part: `SELECT wp.* FROM work_part wp WHERE wp.work_id IN ${PUPIL_WORKS} ORDER BY wp.work_id, wp.part_key`,
  work_version: `SELECT wv.* FROM work_version wv WHERE wv.work_id IN ${PUPIL_WORKS} ORDER BY wv.work_id, wv.scope, wv.attempt`,
  feedback: `SELECT f.* FROM feedback f WHERE f.version_id IN ${VERSIONS} OR f.updated_by_id = $1`,
  feedback_comment: `SELECT fc.* FROM feedback_comment fc WHERE fc.version_id IN ${VERSIONS} OR fc.author_id = $1 ORDER BY fc.created_at, fc.id`,
  check_in: `SELECT ci.* FROM check_in ci WHERE ci.work_id IN ${PUPIL_WORKS} OR ci.author_id = $1 ORDER BY ci.created_at, ci.id`,
  comment_bank_entry: `SELECT * FROM comment_bank_entry WHERE teacher_id = $1`,
  notification: `SELECT * FROM notification WHERE user_id = $1 ORDER BY created_at, id`,
  nomination: `SELECT n.* FROM nomination n WHERE n.id IN ${PUPIL_NOMINATIONS} OR n.nominated_by_id = $1 OR n.decided_by_id = $1 OR n.consent_recorded_by_id = $1`,
  nomination_review: `SELECT r.* FROM nomination_review r WHERE r.nomination_id IN ${PUPIL_NOMINATIONS} OR r.reviewer_id = $1`,
  consent_record: `SELECT cr.* FROM consent_record cr WHERE cr.nomination_id IN ${PUPIL_NOMINATIONS} OR cr.recorded_by_id = $1 ORDER BY cr.recorded_at, cr.id`,
  lead_reviewer: `SELECT * FROM lead_reviewer WHERE educator_id = $1`,
  audit_entry: PUPIL_AUDIT,
};

export type PupilTables = Record<string, Record<string, unknown>[]>;

/** Every row of the pupil's record, table by table. */
export async function readPupilRecord(db: Queryable, pupilId: string): Promise<PupilTables> {
  const tables: PupilTables = {};
  for (const [table, sql] of Object.entries(PUPIL_TABLES)) {
    tables[table] = await db.query(sql, [pupilId]);
  }
  return tables;
}
