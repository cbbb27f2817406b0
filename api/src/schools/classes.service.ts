import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CLASS_CODE_LENGTH,
  collapse,
  isGrade,
  isSchoolYear,
  MAX_CLASS_NAME_LENGTH,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_STUDENT_NUMBER_LENGTH,
  newCode,
  parseRoster,
  PUPIL_CODE_LENGTH,
  pupilSignInPath,
  rosterHasProblems,
  type RosterRow,
} from '@lmr/domain';
import { AuditService } from '../audit/audit.service';
import { AccessService, COHORT_MANAGEABLE, COHORT_VISIBLE, viewerParams, type Queryable } from '../common/access.service';
import { badInput, conflict, DomainError, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { randomIndex } from '../common/tokens';
import { isUniqueViolation } from '../common/db-errors';
import type { Viewer } from '../common/viewer';
import { SessionService } from '../identity/session.service';
import type {
  AddPupilPayload,
  Class,
  ClassRoster,
  ClassSignInCards,
  Classmate,
  ImportRosterPayload,
  ResetPupilCodePayload,
  RosterPreview,
  RosterPupil,
} from './schools.model';

interface ClassRow {
  id: string;
  name: string;
  grade: number;
  school_year: string;
  archived_at: Date | null;
  class_code: string;
  school_id: string;
  school_name: string;
  district: string | null;
  time_zone: string;
  pupil_count: string;
  can_manage: boolean;
}

/** Classes, their teachers and their pupils: what teachers run day to day. */
@Injectable()
export class ClassesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** The viewer's classes: a teacher's own, a pupil's, or every class of an admin's museum. */
  async list(viewer: Viewer, args: { includeArchived: boolean; schoolId?: string | null }): Promise<Class[]> {
    if (args.schoolId && !isUuid(args.schoolId)) return [];
    return this.load(
      this.dataSource,
      viewer,
      `${COHORT_VISIBLE} AND ($4 OR c.archived_at IS NULL) AND ($5::uuid IS NULL OR c.school_id = $5::uuid)`,
      [args.includeArchived, args.schoolId ?? null],
    );
  }

  async get(viewer: Viewer, id: string): Promise<Class> {
    await this.access.requireCohort(viewer, id, 'read');
    return this.one(this.dataSource, viewer, id);
  }

  /** Pupils see their classmates' display names and nothing else about them. */
  async classmates(viewer: Viewer, classId: string): Promise<Classmate[]> {
    await this.access.requireCohort(viewer, classId, 'read');
    const rows: { id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name FROM cohort_pupil cp JOIN app_user u ON u.id = cp.pupil_id
        WHERE cp.cohort_id = $1 AND u.disabled_at IS NULL ORDER BY u.display_name, u.id`,
      [classId],
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  async roster(viewer: Viewer, classId: string): Promise<ClassRoster> {
    await this.access.requireCohort(viewer, classId, 'manage');
    const rows: { id: string; display_name: string; student_number: string | null; created_at: Date; disabled_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT u.id, u.display_name, u.student_number, cp.created_at, u.disabled_at
           FROM cohort_pupil cp JOIN app_user u ON u.id = cp.pupil_id
          WHERE cp.cohort_id = $1 ORDER BY u.display_name, u.id`,
        [classId],
      );
    return {
      class: await this.one(this.dataSource, viewer, classId),
      pupils: rows.map((r) => ({
        id: r.id,
        displayName: r.display_name,
        studentNumber: r.student_number,
        addedAt: new Date(r.created_at),
        disabled: r.disabled_at !== null,
      })),
    };
  }

  /** What the printable cards carry: the class code and each pupil's own code. */
  async signInCards(viewer: Viewer, classId: string): Promise<ClassSignInCards> {
    await this.access.requireCohort(viewer, classId, 'manage');
    const cohort: { name: string; class_code: string }[] = await this.dataSource.query(`SELECT name, class_code FROM cohort WHERE id = $1`, [classId]);
    const rows: { id: string; display_name: string; sign_in_code: string }[] = await this.dataSource.query(
      `SELECT u.id, u.display_name, cp.sign_in_code FROM cohort_pupil cp JOIN app_user u ON u.id = cp.pupil_id
        WHERE cp.cohort_id = $1 AND u.disabled_at IS NULL ORDER BY u.display_name, u.id`,
      [classId],
    );
    const classCode = cohort[0]!.class_code;
    return {
      classId,
      className: cohort[0]!.name,
      classCode,
      cards: rows.map((r) => ({ pupilId: r.id, displayName: r.display_name, pupilCode: r.sign_in_code, signInPath: pupilSignInPath(classCode, r.sign_in_code) })),
    };
  }

  /** A teacher's new class in their own school, with them as its teacher. */
  async create(viewer: Viewer, input: { name: string; grade: number; schoolYear: string }): Promise<Class> {
    const name = collapse(input.name);
    if (name === '') throw badInput('name', 'a class needs a name');
    if ([...name].length > MAX_CLASS_NAME_LENGTH) throw badInput('name', 'the name is too long');
    if (!isGrade(input.grade)) throw badInput('grade', 'the grade is a whole number from 1 to 12');
    const schoolYear = input.schoolYear.trim();
    if (!isSchoolYear(schoolYear)) throw badInput('schoolYear', 'write the school year like 2026-2027');
    if (!viewer.schoolId) throw badInput('name', 'your account belongs to no school');

    // A fresh class code can collide with one made at the same moment; then try again.
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.dataSource.transaction(async (tx) => {
          const classCode = await this.freeClassCode(tx);
          const rows: { id: string }[] = await tx.query(
            `INSERT INTO cohort (school_id, name, grade, school_year, class_code) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
            [viewer.schoolId, name, input.grade, schoolYear, classCode],
          );
          const id = rows[0]!.id;
          await tx.query(`INSERT INTO cohort_teacher (cohort_id, teacher_id) VALUES ($1, $2)`, [id, viewer.id]);
          await this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'CLASS_CREATED', subjectType: 'Class', subjectId: id });
          return this.one(tx, viewer, id);
        });
      } catch (err) {
        if (attempt < 3 && isUniqueViolation(err)) continue;
        throw err;
      }
    }
  }

  /** Adds a colleague from the same school as a teacher of the class. */
  async addTeacher(viewer: Viewer, input: { classId: string; teacherEmail: string }): Promise<Class> {
    const email = input.teacherEmail.trim().toLowerCase();
    return this.dataSource.transaction(async (tx) => {
      const cohort = await this.access.requireCohort(viewer, input.classId, 'manage', tx);
      const rows: { id: string }[] = email
        ? await tx.query(`SELECT id FROM app_user WHERE email = $1 AND role = 'TEACHER' AND school_id = $2 AND disabled_at IS NULL`, [email, cohort.schoolId])
        : [];
      if (!rows[0]) throw new DomainError('NOT_FOUND', 'no teacher with this email at the school', { field: 'teacherEmail' });
      const teacherId = rows[0].id;
      await tx.query(`INSERT INTO cohort_teacher (cohort_id, teacher_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [cohort.id, teacherId]);
      await this.audit.record(tx, {
        actorId: viewer.id,
        museumId: viewer.museumId,
        action: 'CLASS_TEACHER_ADDED',
        subjectType: 'Class',
        subjectId: cohort.id,
        details: { teacherId },
      });
      return this.one(tx, viewer, cohort.id);
    });
  }

  /** At the end of the year: the class stays readable, its pupils can no longer sign in with it. */
  async archive(viewer: Viewer, input: { classId: string }): Promise<Class> {
    return this.dataSource.transaction(async (tx) => {
      const cohort = await this.access.requireCohort(viewer, input.classId, 'manage', tx);
      if (!cohort.archived) {
        await tx.query(`UPDATE cohort SET archived_at = now() WHERE id = $1`, [cohort.id]);
        await this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'CLASS_ARCHIVED', subjectType: 'Class', subjectId: cohort.id });
      }
      return this.one(tx, viewer, cohort.id);
    });
  }

  async addPupil(viewer: Viewer, input: { classId: string; displayName: string; studentNumber?: string | null }): Promise<AddPupilPayload> {
    const displayName = collapse(input.displayName);
    if (displayName === '') throw badInput('displayName', 'a pupil needs a name');
    if ([...displayName].length > MAX_DISPLAY_NAME_LENGTH) throw badInput('displayName', 'the name is too long');
    const studentNumber = collapse(input.studentNumber ?? '') || null;
    if (studentNumber && [...studentNumber].length > MAX_STUDENT_NUMBER_LENGTH) throw badInput('studentNumber', 'the student number is too long');

    return this.dataSource.transaction(async (tx) => {
      const cohort = await this.lockForRosterChange(viewer, input.classId, tx);
      if (studentNumber && (await this.numbersInClass(tx, cohort.id, [studentNumber])).size > 0) {
        throw conflict('a pupil of this class already has this student number', { field: 'studentNumber' });
      }
      const [added] = await this.insertPupils(tx, cohort, [{ displayName, studentNumber }]);
      await this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'PUPIL_ADDED', subjectType: 'Pupil', subjectId: added!.pupil.id, details: { classId: cohort.id } });
      return added!;
    });
  }

  /** Reads a roster CSV and reports each row's problems; saves nothing. */
  async previewRoster(viewer: Viewer, input: { classId: string; csv: string }): Promise<RosterPreview> {
    await this.access.requireCohort(viewer, input.classId, 'manage');
    const rows = await this.checkRoster(this.dataSource, input.classId, input.csv);
    return { rows, valid: !rosterHasProblems(rows) };
  }

  /** Saves every row of the roster, or, if any row has a problem, nothing. */
  async importRoster(viewer: Viewer, input: { classId: string; csv: string }): Promise<ImportRosterPayload> {
    return this.dataSource.transaction(async (tx) => {
      const cohort = await this.lockForRosterChange(viewer, input.classId, tx);
      const rows = await this.checkRoster(tx, cohort.id, input.csv);
      if (rosterHasProblems(rows)) return { imported: false, importedCount: 0, rows };
      const added = await this.insertPupils(tx, cohort, rows);
      await this.audit.record(tx, {
        actorId: viewer.id,
        museumId: viewer.museumId,
        action: 'ROSTER_IMPORTED',
        subjectType: 'Class',
        subjectId: cohort.id,
        details: { pupilsAdded: added.length },
      });
      return { imported: true, importedCount: added.length, rows };
    });
  }

  /** Gives the pupil a new code; the old one stops working and their sessions end. */
  async resetPupilCode(viewer: Viewer, input: { classId: string; pupilId: string }): Promise<ResetPupilCodePayload> {
    return this.sessions.endingSessions(async (tx, endSessions) => {
      const cohort = await this.access.requirePupilOfCohort(viewer, input.classId, input.pupilId, tx);
      await tx.query(`SELECT id FROM cohort WHERE id = $1 FOR UPDATE`, [cohort.id]);
      const [code] = await this.freePupilCodes(tx, cohort.id, 1);
      await tx.query(`UPDATE cohort_pupil SET sign_in_code = $3 WHERE cohort_id = $1 AND pupil_id = $2`, [cohort.id, input.pupilId, code]);
      // Announced after the commit: the pupil's open subscriptions close on every API process.
      await endSessions(input.pupilId);
      await this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'PUPIL_CODE_RESET', subjectType: 'Pupil', subjectId: input.pupilId, details: { classId: cohort.id } });
      return { pupilId: input.pupilId, pupilCode: code! };
    });
  }

  /** Roster changes lock the class row, so two at once cannot hand out the same code. */
  private async lockForRosterChange(viewer: Viewer, classId: string, tx: EntityManager) {
    const cohort = await this.access.requireCohort(viewer, classId, 'manage', tx);
    if (cohort.archived) throw conflict('the class is archived', { field: 'classId' });
    await tx.query(`SELECT id FROM cohort WHERE id = $1 FOR UPDATE`, [cohort.id]);
    return cohort;
  }

  private async checkRoster(db: Queryable, classId: string, csv: string): Promise<RosterRow[]> {
    const parsed = parseRoster(csv);
    if (!parsed.ok) {
      const messages = { EMPTY: 'the file has no pupils', TOO_LARGE: 'the file is too large', TOO_MANY_ROWS: 'the file has more than 200 pupils' };
      throw badInput('csv', messages[parsed.problem], { reason: parsed.problem });
    }
    const numbers = parsed.rows.map((r) => r.studentNumber).filter((n): n is string => n !== null);
    const taken = await this.numbersInClass(db, classId, numbers);
    for (const row of parsed.rows) {
      if (row.studentNumber && taken.has(row.studentNumber)) row.problems.push('STUDENT_NUMBER_IN_CLASS');
    }
    return parsed.rows;
  }

  private async numbersInClass(db: Queryable, classId: string, numbers: string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows: { student_number: string }[] = await db.query(
      `SELECT u.student_number FROM cohort_pupil cp JOIN app_user u ON u.id = cp.pupil_id
        WHERE cp.cohort_id = $1 AND u.student_number = ANY($2::text[])`,
      [classId, numbers],
    );
    return new Set(rows.map((r) => r.student_number));
  }

  private async insertPupils(
    tx: EntityManager,
    cohort: { id: string; schoolId: string },
    pupils: { displayName: string; studentNumber: string | null }[],
  ): Promise<AddPupilPayload[]> {
    const codes = await this.freePupilCodes(tx, cohort.id, pupils.length);
    const added: AddPupilPayload[] = [];
    for (const [i, p] of pupils.entries()) {
      const users: { id: string }[] = await tx.query(
        `INSERT INTO app_user (role, display_name, school_id, student_number) VALUES ('PUPIL', $1, $2, $3) RETURNING id`,
        [p.displayName, cohort.schoolId, p.studentNumber],
      );
      const id = users[0]!.id;
      const links: { created_at: Date }[] = await tx.query(
        `INSERT INTO cohort_pupil (cohort_id, pupil_id, sign_in_code) VALUES ($1, $2, $3) RETURNING created_at`,
        [cohort.id, id, codes[i]],
      );
      const pupil: RosterPupil = { id, displayName: p.displayName, studentNumber: p.studentNumber, addedAt: new Date(links[0]!.created_at), disabled: false };
      added.push({ pupil, pupilCode: codes[i]! });
    }
    return added;
  }

  /** New codes unused in the class (the class row is locked by the caller). */
  private async freePupilCodes(tx: EntityManager, classId: string, count: number): Promise<string[]> {
    const rows: { sign_in_code: string }[] = await tx.query(`SELECT sign_in_code FROM cohort_pupil WHERE cohort_id = $1`, [classId]);
    const used = new Set(rows.map((r) => r.sign_in_code));
    const codes: string[] = [];
    while (codes.length < count) {
      const code = newCode(PUPIL_CODE_LENGTH, randomIndex);
      if (used.has(code)) continue;
      used.add(code);
      codes.push(code);
    }
    return codes;
  }

  private async freeClassCode(tx: EntityManager): Promise<string> {
    for (;;) {
      const code = newCode(CLASS_CODE_LENGTH, randomIndex);
      const rows: unknown[] = await tx.query(`SELECT 1 FROM cohort WHERE class_code = $1`, [code]);
      if (rows.length === 0) return code;
    }
  }

  private async one(db: Queryable, viewer: Viewer, id: string): Promise<Class> {
    const [row] = await this.load(db, viewer, `c.id = $4 AND ${COHORT_VISIBLE}`, [id]);
    if (!row) throw notFound('class');
    return row;
  }

  /** Classes with their schools and teachers in two queries; `where` may use $1–$3 (the viewer) and further parameters. */
  private async load(db: Queryable, viewer: Viewer, where: string, extra: unknown[]): Promise<Class[]> {
    const rows: ClassRow[] = await db.query(
      `SELECT c.id, c.name, c.grade, c.school_year, c.archived_at, c.class_code,
              s.id AS school_id, s.name AS school_name, s.district, s.time_zone,
              (SELECT count(*) FROM cohort_pupil cp2 WHERE cp2.cohort_id = c.id) AS pupil_count,
              ${COHORT_MANAGEABLE} AS can_manage
         FROM cohort c JOIN school s ON s.id = c.school_id
        WHERE ${where}
        ORDER BY c.archived_at IS NOT NULL, c.school_year DESC, c.grade, c.name, c.id`,
      [...viewerParams(viewer), ...extra],
    );
    if (rows.length === 0) return [];
    const teachers: { cohort_id: string; id: string; display_name: string }[] = await db.query(
      `SELECT ct.cohort_id, u.id, u.display_name FROM cohort_teacher ct JOIN app_user u ON u.id = ct.teacher_id
        WHERE ct.cohort_id = ANY($1::uuid[]) ORDER BY u.display_name, u.id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      grade: r.grade,
      schoolYear: r.school_year,
      archivedAt: r.archived_at ? new Date(r.archived_at) : null,
      school: { id: r.school_id, name: r.school_name, district: r.district, timeZone: r.time_zone },
      teachers: teachers.filter((t) => t.cohort_id === r.id).map((t) => ({ id: t.id, displayName: t.display_name })),
      viewerCanManage: r.can_manage,
      // Only those who manage the class see its code: a pupil has it on their card already.
      classCode: r.can_manage ? r.class_code : null,
      pupilCount: Number(r.pupil_count),
    }));
  }
}
