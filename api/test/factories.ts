import { randomBytes } from 'node:crypto';
import { argon2id, hash } from 'argon2';
import { newCode, CLASS_CODE_LENGTH, PUPIL_CODE_LENGTH, type Role } from '@lmr/domain';
import { hashToken, newToken, randomIndex } from '../src/common/tokens';
import type { TestApp } from './test-app';

/** The password every factory-made member of staff has. */
export const STAFF_PASSWORD = 'bronze-mirror-of-liao';

let staffHash: Promise<string> | null = null;
/** Hashing costs tens of milliseconds: once per test file is enough. */
function passwordHash(): Promise<string> {
  staffHash ??= hash(STAFF_PASSWORD, { type: argon2id });
  return staffHash;
}

const unique = () => randomBytes(4).toString('hex');

export interface Made {
  id: string;
}
export interface StaffMade extends Made {
  email: string;
  role: Role;
  schoolId: string | null;
  museumId: string | null;
}
export interface ClassMade extends Made {
  schoolId: string;
  classCode: string;
}
export interface PupilMade extends Made {
  classId: string;
  classCode: string;
  code: string;
  displayName: string;
}

async function one<T>(t: TestApp, sql: string, params: unknown[]): Promise<T> {
  const rows: T[] = await t.dataSource.query(sql, params);
  return rows[0]!;
}

export async function newMuseum(t: TestApp): Promise<Made> {
  return one(t, `INSERT INTO museum (name_zh, name_en) VALUES ($1, $2) RETURNING id`, [`博物馆 ${unique()}`, `Museum ${unique()}`]);
}

export async function newSchool(t: TestApp, opts: { museumId: string; name?: string }): Promise<Made & { museumId: string }> {
  const row = await one<Made>(t, `INSERT INTO school (museum_id, name) VALUES ($1, $2) RETURNING id`, [opts.museumId, opts.name ?? `School ${unique()}`]);
  return { ...row, museumId: opts.museumId };
}

/** A member of staff: teachers belong to a school, the others to a museum. */
export async function newStaff(
  t: TestApp,
  opts: { role: Exclude<Role, 'PUPIL'>; schoolId?: string; museumId?: string; email?: string },
): Promise<StaffMade> {
  const email = opts.email ?? `${opts.role.toLowerCase()}-${unique()}@test.example`;
  const schoolId = opts.role === 'TEACHER' ? (opts.schoolId ?? null) : null;
  const museumId = opts.role === 'TEACHER' ? null : (opts.museumId ?? null);
  const row = await one<Made>(
    t,
    `INSERT INTO app_user (role, display_name, email, password_hash, school_id, museum_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [opts.role, `Staff ${unique()}`, email, await passwordHash(), schoolId, museumId],
  );
  return { id: row.id, email, role: opts.role, schoolId, museumId };
}

export async function newClass(t: TestApp, opts: { schoolId: string; teacherIds?: string[]; archived?: boolean }): Promise<ClassMade> {
  const classCode = newCode(CLASS_CODE_LENGTH, randomIndex);
  const row = await one<Made>(
    t,
    `INSERT INTO cohort (school_id, name, grade, school_year, class_code, archived_at) VALUES ($1, $2, 4, '2026-2027', $3, $4) RETURNING id`,
    [opts.schoolId, `Class ${unique()}`, classCode, opts.archived ? new Date() : null],
  );
  for (const teacherId of opts.teacherIds ?? []) {
    await t.dataSource.query(`INSERT INTO cohort_teacher (cohort_id, teacher_id) VALUES ($1, $2)`, [row.id, teacherId]);
  }
  return { id: row.id, schoolId: opts.schoolId, classCode };
}

/** A pupil on a class; an existing pupil can be put on a further class with `pupilId`. */
export async function newPupil(t: TestApp, cls: ClassMade, opts: { pupilId?: string; studentNumber?: string } = {}): Promise<PupilMade> {
  const displayName = `Pupil ${unique()}`;
  const id =
    opts.pupilId ??
    (
      await one<Made>(t, `INSERT INTO app_user (role, display_name, school_id, student_number) VALUES ('PUPIL', $1, $2, $3) RETURNING id`, [
        displayName,
        cls.schoolId,
        opts.studentNumber ?? null,
      ])
    ).id;
  const code = newCode(PUPIL_CODE_LENGTH, randomIndex);
  await t.dataSource.query(`INSERT INTO cohort_pupil (cohort_id, pupil_id, sign_in_code) VALUES ($1, $2, $3)`, [cls.id, id, code]);
  return { id, classId: cls.id, classCode: cls.classCode, code, displayName };
}

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { token me { id role } } }`;
const SIGN_IN_PUPIL = `mutation SignInPupil($input: PupilSignInInput!) { signInPupil(input: $input) { token me { id role } } }`;

/** Signs a member of staff in through the API, as the portal does; returns the session token. */
export async function signInStaff(t: TestApp, staff: { email: string }, password = STAFF_PASSWORD): Promise<string> {
  const res = await t.gql(SIGN_IN, { input: { email: staff.email, password } });
  if (!res.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
  return res.data.signIn.token;
}

export async function signInPupil(t: TestApp, pupil: { classCode: string; code: string }): Promise<string> {
  const res = await t.gql(SIGN_IN_PUPIL, { input: { classCode: pupil.classCode, pupilCode: pupil.code } });
  if (!res.data?.signInPupil) throw new Error(`pupil sign-in failed: ${JSON.stringify(res.errors)}`);
  return res.data.signInPupil.token;
}

/** A session made straight in the database, for tests that use one up (sign-out, resets). */
export async function newSession(t: TestApp, userId: string): Promise<string> {
  const token = newToken();
  await t.dataSource.query(`INSERT INTO session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [hashToken(token), userId]);
  return token;
}

/** A one-time link straight in the database, with its token. */
export async function newAccountLink(
  t: TestApp,
  opts: { kind: 'INVITATION'; email?: string; role: Exclude<Role, 'PUPIL'>; museumId: string; schoolId?: string | null; expired?: boolean }
    | { kind: 'PASSWORD_RESET'; userId: string; museumId: string; expired?: boolean },
): Promise<{ token: string; email: string | null }> {
  const token = newToken();
  const email = opts.kind === 'INVITATION' ? (opts.email ?? `invited-${unique()}@test.example`) : null;
  await t.dataSource.query(
    `INSERT INTO account_link (kind, token_hash, email, role, school_id, museum_id, user_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + ($8 || ' hours')::interval)`,
    [
      opts.kind,
      hashToken(token),
      email,
      opts.kind === 'INVITATION' ? opts.role : null,
      opts.kind === 'INVITATION' ? (opts.schoolId ?? null) : null,
      opts.museumId,
      opts.kind === 'PASSWORD_RESET' ? opts.userId : null,
      opts.expired ? '-1' : '24',
    ],
  );
  return { token, email };
}

/**
 * The people of an access test: a museum with its admin and educator; school A with the
 * class's teacher, a colleague teaching another class, the pupil and a classmate; school B
 * with its own teacher, class and pupil.
 */
export async function newWorld(t: TestApp) {
  const museum = await newMuseum(t);
  const schoolA = await newSchool(t, { museumId: museum.id });
  const schoolB = await newSchool(t, { museumId: museum.id });
  const admin = await newStaff(t, { role: 'ADMIN', museumId: museum.id });
  const educator = await newStaff(t, { role: 'MUSEUM_EDUCATOR', museumId: museum.id });
  const teacher = await newStaff(t, { role: 'TEACHER', schoolId: schoolA.id });
  const colleague = await newStaff(t, { role: 'TEACHER', schoolId: schoolA.id });
  const otherSchoolTeacher = await newStaff(t, { role: 'TEACHER', schoolId: schoolB.id });
  const cls = await newClass(t, { schoolId: schoolA.id, teacherIds: [teacher.id] });
  const colleagueClass = await newClass(t, { schoolId: schoolA.id, teacherIds: [colleague.id] });
  const otherClass = await newClass(t, { schoolId: schoolB.id, teacherIds: [otherSchoolTeacher.id] });
  const pupil = await newPupil(t, cls);
  const classmate = await newPupil(t, cls);
  const otherSchoolPupil = await newPupil(t, otherClass);
  return { museum, schoolA, schoolB, admin, educator, teacher, colleague, otherSchoolTeacher, cls, colleagueClass, otherClass, pupil, classmate, otherSchoolPupil };
}
export type World = Awaited<ReturnType<typeof newWorld>>;
