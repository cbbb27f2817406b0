import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hashToken } from '../src/common/tokens';
import { newPupil, type ClassMade, type PupilMade, type StaffMade } from './factories';
import { newAssignment, newBrief, newTeam } from './project-factories';
import { newStoredImage } from './review-factories';
import type { TestApp } from './test-app';

/** Schema discovery for the privacy tests: which tables and columns can hold a person's data. */
export interface ForeignKey {
  table: string;
  columns: string[];
  parent: string;
  parentColumns: string[];
}

export async function foreignKeys(t: TestApp): Promise<ForeignKey[]> {
  const rows: { tbl: string; cols: string[]; parent: string; parent_cols: string[] }[] = await t.dataSource.query(
    `SELECT c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS parent,
            (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
            (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS parent_cols
       FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
      WHERE c.contype = 'f' AND ns.nspname = 'public'`,
  );
  return rows.map((r) => ({ table: r.tbl.replace(/"/g, ''), columns: r.cols, parent: r.parent.replace(/"/g, ''), parentColumns: r.parent_cols }));
}

/** Every table that refers to app_user through foreign keys, directly or through other such tables. */
export function tablesReferringToUsers(fks: ForeignKey[]): Set<string> {
  const found = new Set<string>(['app_user']);
  let grew = true;
  while (grew) {
    grew = false;
    for (const fk of fks) {
      if (found.has(fk.parent) && !found.has(fk.table)) {
        found.add(fk.table);
        grew = true;
      }
    }
  }
  return found;
}

/** Columns of uuid type (or uuid[]) that are neither a foreign key nor a table's own `id`: ids kept without a constraint. */
export async function idColumnsWithoutForeignKey(t: TestApp): Promise<string[]> {
  const rows: { name: string }[] = await t.dataSource.query(
    `SELECT col.table_name || '.' || col.column_name AS name
       FROM information_schema.columns col
      WHERE col.table_schema = 'public' AND col.udt_name IN ('uuid', '_uuid') AND col.column_name <> 'id'
        AND NOT EXISTS (
          SELECT 1 FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
           WHERE c.contype = 'f' AND c.conrelid = (quote_ident(col.table_name))::regclass AND a.attname = col.column_name)
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

export async function primaryKeys(t: TestApp): Promise<Map<string, string[]>> {
  const rows: { tbl: string; cols: string[] }[] = await t.dataSource.query(
    `SELECT c.conrelid::regclass::text AS tbl,
            (SELECT array_agg(a.attname::text ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols
       FROM pg_constraint c JOIN pg_namespace ns ON ns.oid = c.connamespace
      WHERE c.contype = 'p' AND ns.nspname = 'public'`,
  );
  return new Map(rows.map((r) => [r.tbl.replace(/"/g, ''), r.cols]));
}

/** A row's primary key as comparable text (the same from SQL's jsonb and from an exported row). */
export function keyOf(row: Record<string, unknown>, pk: string[]): string {
  return JSON.stringify(pk.map((c) => (row[c] instanceof Date ? (row[c] as Date).toISOString() : row[c])));
}

/**
 * The rows that belong to a person by the schema alone: their app_user row, then every row
 * whose foreign key points at a row already found, until nothing more is found.
 */
export async function rowsReachableFrom(t: TestApp, userId: string, fks: ForeignKey[], pks: Map<string, string[]>): Promise<Map<string, Set<string>>> {
  const owned = new Map<string, Set<string>>([['app_user', new Set([JSON.stringify([userId])])]]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const fk of fks) {
      const parentKeys = owned.get(fk.parent);
      const parentPk = pks.get(fk.parent);
      const pk = pks.get(fk.table);
      if (!parentKeys || parentKeys.size === 0 || !parentPk || !pk) continue;
      const rows: { k: string }[] = await t.dataSource.query(
        `SELECT jsonb_build_array(${pk.map((c) => `c."${c}"`).join(', ')})::text AS k FROM "${fk.table}" c
          WHERE (${fk.columns.map((c) => `c."${c}"`).join(', ')}) IN (
            SELECT ${fk.parentColumns.map((c) => `p."${c}"`).join(', ')} FROM "${fk.parent}" p
             WHERE jsonb_build_array(${parentPk.map((c) => `p."${c}"`).join(', ')}) = ANY ($1::jsonb[]))`,
        [[...parentKeys]],
      );
      const set = owned.get(fk.table) ?? new Set<string>();
      for (const r of rows) {
        const key = JSON.stringify(JSON.parse(r.k));
        if (!set.has(key)) {
          set.add(key);
          grew = true;
        }
      }
      owned.set(fk.table, set);
    }
  }
  return owned;
}

export interface RichPupil {
  pupil: PupilMade;
  soloWorkId: string;
  soloVersionId: string;
  soloFileId: string;
  draftFileId: string;
  teamWorkId: string;
  teamFileId: string;
  nominationId: string;
  slug: string;
  soloMarker: string;
  teamMarker: string;
  studentNumber: string;
  fileName: string;
}

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/**
 * A pupil with a row in every table a pupil can have rows in: own work with a draft, a graded
 * attempt with files, feedback, a part comment, a check-in, a nomination with consent and a
 * museum review, shown in the exhibition; team work with a teammate; a session, an upload
 * ticket, a notification, a sign-in failure and audit entries.
 */
export async function richPupil(
  t: TestApp,
  opts: { cls: ClassMade; teacher: StaffMade; educator: StaffMade; museumId: string; teammate: PupilMade },
): Promise<RichPupil> {
  const studentNumber = `SN-${randomUUID().slice(0, 8)}`;
  const pupil = await newPupil(t, opts.cls, { studentNumber });
  const soloMarker = `solo-${randomUUID().slice(0, 8)}`;
  const teamMarker = `team-${randomUUID().slice(0, 8)}`;
  const fileName = `drawing-${randomUUID().slice(0, 8)}.png`;
  const brief = await newBrief(t, { authorId: opts.educator.id, museumId: opts.museumId });
  const solo = await newAssignment(t, { classId: opts.cls.id, briefId: brief.id, createdById: opts.teacher.id });
  const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [solo.id, pupil.id]);
  const soloFileId = await newStoredImage(t, pupil.id);
  const draftFileId = await newStoredImage(t, pupil.id);
  await t.dataSource.query(`UPDATE stored_file SET original_name = $2 WHERE id = $1`, [soloFileId, fileName]);
  await t.dataSource.query(`INSERT INTO work_part (work_id, part_key, body, revision, attachment_ids, updated_by_id) VALUES ($1, 'REFLECTION', $2, 2, $3, $4)`, [
    work.id,
    JSON.stringify(doc(`${soloMarker} draft`)),
    [draftFileId],
    pupil.id,
  ]);
  const parts = [{ partKey: 'REFLECTION', body: doc(`${soloMarker} attempt`), evidence: [], attachmentIds: [soloFileId], revision: 1 }];
  const [version] = await t.dataSource.query(
    `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at, submitted_by_id)
     VALUES ($1, 'PROJECT', 1, $2, $3, 'GRADED', false, now(), now(), $4) RETURNING id`,
    [work.id, `key-${randomUUID()}`, JSON.stringify(parts), pupil.id],
  );
  await t.dataSource.query(`INSERT INTO feedback (version_id, levels, overall_comment, score, max_points, updated_by_id, updated_at, released_at) VALUES ($1, '[]', 'Lovely', 3, 3, $2, now(), now())`, [
    version.id,
    opts.teacher.id,
  ]);
  await t.dataSource.query(`INSERT INTO feedback_comment (version_id, part_key, text, author_id) VALUES ($1, 'REFLECTION', 'Look closer', $2)`, [version.id, opts.teacher.id]);
  await t.dataSource.query(`INSERT INTO check_in (work_id, milestone_key, text, author_id) VALUES ($1, 'REFLECTION', 'Good start', $2)`, [work.id, opts.teacher.id]);
  const slug = randomUUID().replace(/-/g, '').slice(0, 16);
  const [nomination] = await t.dataSource.query(
    `INSERT INTO nomination (version_id, statement, nominated_by_id, guardian_consent, credit_style, consent_recorded_by_id, consent_recorded_at, outcome, decision_feedback, decided_at, decided_by_id, exhibition_slug)
     VALUES ($1, 'Careful drawing', $2, true, 'FULL_NAME', $2, now(), 'OUTSTANDING', 'Wonderful', now(), $3, $4) RETURNING id`,
    [version.id, opts.teacher.id, opts.educator.id, slug],
  );
  await t.dataSource.query(`INSERT INTO consent_record (nomination_id, change, credit_style, recorded_by_id) VALUES ($1, 'GIVEN', 'FULL_NAME', $2)`, [nomination.id, opts.teacher.id]);
  await t.dataSource.query(`INSERT INTO nomination_review (nomination_id, reviewer_id, scores) VALUES ($1, $2, '{}')`, [nomination.id, opts.educator.id]);

  const teamAssignment = await newAssignment(t, { classId: opts.cls.id, briefId: brief.id, createdById: opts.teacher.id, mode: 'TEAM' });
  const team = await newTeam(t, teamAssignment.id, [pupil.id, opts.teammate.id]);
  const [teamWork] = await t.dataSource.query(`INSERT INTO work (assignment_id, team_id) VALUES ($1, $2) RETURNING id`, [teamAssignment.id, team.id]);
  const teamFileId = await newStoredImage(t, pupil.id);
  await t.dataSource.query(`UPDATE stored_file SET original_name = $2 WHERE id = $1`, [teamFileId, `team-${fileName}`]);
  await t.dataSource.query(`INSERT INTO work_part (work_id, part_key, body, revision, attachment_ids, updated_by_id) VALUES ($1, 'REFLECTION', $2, 1, $3, $4)`, [
    teamWork.id,
    JSON.stringify(doc(`${teamMarker} together`)),
    [teamFileId],
    pupil.id,
  ]);
  await t.dataSource.query(
    `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at, submitted_by_id)
     VALUES ($1, 'PROJECT', 1, $2, $3, 'SUBMITTED', false, now(), now(), $4)`,
    [teamWork.id, `key-${randomUUID()}`, JSON.stringify([{ partKey: 'REFLECTION', body: doc(`${teamMarker} together`), evidence: [], attachmentIds: [teamFileId], revision: 1 }]), pupil.id],
  );

  await t.dataSource.query(`INSERT INTO session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [hashToken(randomUUID()), pupil.id]);
  await t.dataSource.query(`INSERT INTO upload_ticket (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, 'WORK_ATTACHMENT', now())`, [hashToken(randomUUID()), pupil.id]);
  await t.dataSource.query(`INSERT INTO notification (user_id, kind, work_id, version_id) VALUES ($1, 'GRADE_RELEASED', $2, $3)`, [pupil.id, work.id, version.id]);
  await t.dataSource.query(`INSERT INTO notification (user_id, kind, work_id) VALUES ($1, 'FEEDBACK', $2)`, [opts.teacher.id, work.id]);
  await t.dataSource.query(`INSERT INTO audit_entry (actor_id, museum_id, action, subject_type, subject_id, details) VALUES ($1, $2, 'PUPIL_ADDED', 'Pupil', $3, $4)`, [
    opts.teacher.id,
    opts.museumId,
    pupil.id,
    JSON.stringify({ classId: opts.cls.id }),
  ]);
  return {
    pupil,
    soloWorkId: work.id,
    soloVersionId: version.id,
    soloFileId,
    draftFileId,
    teamWorkId: teamWork.id,
    teamFileId,
    nominationId: nomination.id,
    slug,
    soloMarker,
    teamMarker,
    studentNumber,
    fileName,
  };
}

export function storedBytesExist(t: TestApp, fileId: string): boolean {
  return existsSync(join(t.dataDir, 'files', 'originals', fileId));
}
