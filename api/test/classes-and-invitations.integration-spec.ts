import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type GraphQLResult, type TestApp } from './test-app';
import { newAccountLink, newPupil, newSession, newWorld, signInStaff, type World } from './factories';

const PREVIEW = `query ($id: ID!, $csv: String!) { previewRoster(classId: $id, csv: $csv) { valid rows { line displayName studentNumber problems } } }`;
const IMPORT = `mutation ($input: ImportRosterInput!) { importRoster(input: $input) { imported importedCount rows { line problems } } }`;
const ROSTER = `query ($id: ID!) { classRoster(classId: $id) { class { id pupilCount } pupils { id displayName studentNumber } } }`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token me { id role email school { id } } } }`;

describe('classes, pupils and rosters', () => {
  let t: TestApp;
  let w: World;
  let teacherToken: string;
  const pupilsOf = async (classId: string): Promise<number> =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM cohort_pupil WHERE cohort_id = $1`, [classId]))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    teacherToken = await newSession(t, w.teacher.id);
  });
  afterAll(async () => t.close());

  it('creates a class with a fresh code in the teacher’s school, and checks each field', async () => {
    const CREATE = `mutation ($input: CreateClassInput!) { createClass(input: $input) { class { id name grade schoolYear classCode school { id } teachers { id } viewerCanManage } } }`;
    const res = await t.gql(CREATE, { input: { name: ' 四年级  三班 ', grade: 4, schoolYear: '2026-2027' } }, { token: teacherToken });
    expect(res.errors).toBeUndefined();
    const cls = res.data!.createClass.class;
    expect(cls).toMatchObject({ name: '四年级 三班', grade: 4, schoolYear: '2026-2027', school: { id: w.schoolA.id }, teachers: [{ id: w.teacher.id }], viewerCanManage: true });
    expect(cls.classCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    const badGrade = await t.gql(CREATE, { input: { name: 'x', grade: 13, schoolYear: '2026-2027' } }, { token: teacherToken });
    expect(badGrade.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'grade' });
    const badYear = await t.gql(CREATE, { input: { name: 'x', grade: 4, schoolYear: '2026' } }, { token: teacherToken });
    expect(badYear.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolYear' });
  });

  it('lists only the viewer’s classes, and shows pupils names but no codes', async () => {
    const list = await t.gql(`{ classes { id } }`, {}, { token: await newSession(t, w.colleague.id) });
    expect(list.data!.classes.map((c: { id: string }) => c.id)).toEqual([w.colleagueClass.id]);
    const pupilToken = await newSession(t, w.pupil.id);
    const mine = await t.gql(`{ classes { id classCode viewerCanManage } }`, {}, { token: pupilToken });
    expect(mine.data!.classes).toEqual([{ id: w.cls.id, classCode: null, viewerCanManage: false }]);
    const mates = await t.gql(`query ($id: ID!) { classmates(classId: $id) { id displayName } }`, { id: w.cls.id }, { token: pupilToken });
    expect(mates.data!.classmates.map((m: { id: string }) => m.id).sort()).toEqual([w.pupil.id, w.classmate.id].sort());
    // The pupil may see the class but not its roster: FORBIDDEN, not NOT_FOUND.
    const roster = await t.gql(ROSTER, { id: w.cls.id }, { token: pupilToken });
    expect(roster.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('adds a pupil with a personal code for the sign-in cards', async () => {
    const ADD = `mutation ($input: AddPupilInput!) { addPupil(input: $input) { pupilCode pupil { id displayName studentNumber } } }`;
    const res = await t.gql(ADD, { input: { classId: w.cls.id, displayName: '王子涵', studentNumber: 'S-100' } }, { token: teacherToken });
    expect(res.errors).toBeUndefined();
    const cards = await t.gql(`query ($id: ID!) { signInCards(classId: $id) { classCode cards { pupilId pupilCode signInPath } } }`, { id: w.cls.id }, { token: teacherToken });
    const card = cards.data!.signInCards.cards.find((c: { pupilId: string }) => c.pupilId === res.data!.addPupil.pupil.id);
    expect(card.pupilCode).toBe(res.data!.addPupil.pupilCode);
    expect(card.signInPath).toBe(`/pupil-sign-in?class=${w.cls.classCode}&code=${card.pupilCode}`);
    const again = await t.gql(ADD, { input: { classId: w.cls.id, displayName: '李欣', studentNumber: 'S-100' } }, { token: teacherToken });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'studentNumber' });
    const noName = await t.gql(ADD, { input: { classId: w.cls.id, displayName: '  ' } }, { token: teacherToken });
    expect(noName.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'displayName' });
  });

  it('previews a roster row by row and saves nothing', async () => {
    const before = await pupilsOf(w.cls.id);
    const res = await t.gql(PREVIEW, { id: w.cls.id, csv: '姓名,学号\n赵敏,S-200\n,S-201\n陈宇,S-200\n孙丽,S-100' }, { token: teacherToken });
    expect(res.errors).toBeUndefined();
    expect(res.data!.previewRoster.valid).toBe(false);
    expect(res.data!.previewRoster.rows.map((r: { line: number; problems: string[] }) => [r.line, r.problems])).toEqual([
      [2, ['DUPLICATE_STUDENT_NUMBER']],
      [3, ['MISSING_NAME']],
      [4, ['DUPLICATE_STUDENT_NUMBER']],
      [5, ['STUDENT_NUMBER_IN_CLASS']],
    ]);
    expect(await pupilsOf(w.cls.id)).toBe(before);
  });

  it('imports nothing when one row is bad, and everything when all are good', async () => {
    const before = await pupilsOf(w.cls.id);
    const users = Number((await t.dataSource.query(`SELECT count(*) AS n FROM app_user`))[0].n);
    const bad = await t.gql(IMPORT, { input: { classId: w.cls.id, csv: `赵敏,S-300\n陈宇,S-301\n${'长'.repeat(41)},S-302` } }, { token: teacherToken });
    expect(bad.errors).toBeUndefined();
    expect(bad.data!.importRoster).toMatchObject({ imported: false, importedCount: 0 });
    expect(bad.data!.importRoster.rows[2].problems).toEqual(['NAME_TOO_LONG']);
    expect(await pupilsOf(w.cls.id)).toBe(before);
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM app_user`))[0].n)).toBe(users);

    const good = await t.gql(IMPORT, { input: { classId: w.cls.id, csv: '赵敏,S-300\n陈宇,S-301\n"Sun, Li",' } }, { token: teacherToken });
    expect(good.data!.importRoster).toMatchObject({ imported: true, importedCount: 3 });
    expect(await pupilsOf(w.cls.id)).toBe(before + 3);
    const roster = await t.gql(ROSTER, { id: w.cls.id }, { token: teacherToken });
    expect(roster.data!.classRoster.pupils.map((p: { displayName: string }) => p.displayName)).toEqual(expect.arrayContaining(['赵敏', '陈宇', 'Sun, Li']));
    const codes: { sign_in_code: string }[] = await t.dataSource.query(`SELECT sign_in_code FROM cohort_pupil WHERE cohort_id = $1`, [w.cls.id]);
    expect(new Set(codes.map((c) => c.sign_in_code)).size).toBe(codes.length);

    const empty = await t.gql(IMPORT, { input: { classId: w.cls.id, csv: '\n' } }, { token: teacherToken });
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
  });

  it('adds a colleague from the same school only, and archives the class', async () => {
    const ADD = `mutation ($input: AddClassTeacherInput!) { addClassTeacher(input: $input) { class { teachers { id } } } }`;
    const cls = await t.gql(`mutation { createClass(input: { name: "五年级一班", grade: 5, schoolYear: "2026-2027" }) { class { id } } }`, {}, { token: teacherToken });
    const classId = cls.data!.createClass.class.id;
    const other = await t.gql(ADD, { input: { classId, teacherEmail: w.otherSchoolTeacher.email } }, { token: teacherToken });
    expect(other.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'teacherEmail' });
    const ok = await t.gql(ADD, { input: { classId, teacherEmail: w.colleague.email.toUpperCase() } }, { token: teacherToken });
    expect(ok.data!.addClassTeacher.class.teachers.map((x: { id: string }) => x.id).sort()).toEqual([w.teacher.id, w.colleague.id].sort());
    const archived = await t.gql(`mutation ($input: ArchiveClassInput!) { archiveClass(input: $input) { class { archivedAt } } }`, { input: { classId } }, { token: await newSession(t, w.colleague.id) });
    expect(archived.data!.archiveClass.class.archivedAt).toEqual(expect.any(String));
    const add = await t.gql(`mutation ($input: AddPupilInput!) { addPupil(input: $input) { pupilCode } }`, { input: { classId, displayName: 'Late' } }, { token: teacherToken });
    expect(add.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'classId' });
    const listed = await t.gql(`{ classes { id } }`, {}, { token: teacherToken });
    expect(listed.data!.classes.map((c: { id: string }) => c.id)).not.toContain(classId);
  });

  it('answers a class of another school like a missing one', async () => {
    const res = await t.gql(ROSTER, { id: w.otherClass.id }, { token: teacherToken });
    const missing = await t.gql(ROSTER, { id: '00000000-0000-4000-8000-000000000000' }, { token: teacherToken });
    expect(res.errors![0]).toEqual(missing.errors![0]);
    expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const pupil = await newPupil(t, w.otherClass);
    const reset = await t.gql(`mutation ($input: ResetPupilCodeInput!) { resetPupilCode(input: $input) { pupilCode } }`, { input: { classId: w.cls.id, pupilId: pupil.id } }, { token: teacherToken });
    expect(reset.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('invitations and the audit log', () => {
  let t: TestApp;
  let w: World;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    adminToken = await newSession(t, w.admin.id);
  });
  afterAll(async () => t.close());

  it('invites a teacher with a token shown once, which works once', async () => {
    const CREATE = `mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { token acceptPath invitation { id email role accepted school { id } } } }`;
    const noSchool = await t.gql(CREATE, { input: { email: 'new.teacher@test.example', role: 'TEACHER' } }, { token: adminToken });
    expect(noSchool.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolId' });
    const pupilRole = await t.gql(CREATE, { input: { email: 'kid@test.example', role: 'PUPIL' } }, { token: adminToken });
    expect(pupilRole.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    const taken = await t.gql(CREATE, { input: { email: w.teacher.email, role: 'TEACHER', schoolId: w.schoolA.id } }, { token: adminToken });
    expect(taken.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });

    const res = await t.gql(CREATE, { input: { email: ' New.Teacher@Test.example ', role: 'TEACHER', schoolId: w.schoolA.id } }, { token: adminToken });
    expect(res.errors).toBeUndefined();
    const { token, acceptPath, invitation } = res.data!.createInvitation;
    expect(invitation).toMatchObject({ email: 'new.teacher@test.example', role: 'TEACHER', accepted: false, school: { id: w.schoolA.id } });
    expect(acceptPath).toBe(`/accept-invitation?token=${token}`);
    const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM account_link`));
    expect(stored).not.toContain(token);

    const weak = await t.gql(ACCEPT, { input: { token, displayName: 'Zhou Jie', password: 'short' } });
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password', reason: 'TOO_SHORT' });
    const common = await t.gql(ACCEPT, { input: { token, displayName: 'Zhou Jie', password: 'qwertyuiop' } });
    expect(common.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password', reason: 'TOO_COMMON' });

    const accepted = await t.gql(ACCEPT, { input: { token, displayName: 'Zhou Jie', password: 'the liao river in spring' } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation.me).toMatchObject({ role: 'TEACHER', email: 'new.teacher@test.example', school: { id: w.schoolA.id } });
    expect(String(accepted.headers['set-cookie'])).toMatch(/^lmr_session=/);
    expect(await signInStaff(t, { email: 'new.teacher@test.example' }, 'the liao river in spring')).toEqual(expect.any(String));

    const twice = await t.gql(ACCEPT, { input: { token, displayName: 'Someone Else', password: 'the liao river in spring' } });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'token' });
    const list = await t.gql(`{ invitations { id accepted } }`, {}, { token: adminToken });
    expect(list.data!.invitations).toContainEqual({ id: invitation.id, accepted: true });
  });

  it('refuses an expired invitation like an unknown one', async () => {
    const { token } = await newAccountLink(t, { kind: 'INVITATION', role: 'MUSEUM_EDUCATOR', museumId: w.museum.id, expired: true });
    const expired = await t.gql(ACCEPT, { input: { token, displayName: 'Late Comer', password: 'the liao river in spring' } });
    const unknown = await t.gql(ACCEPT, { input: { token: 'x'.repeat(43), displayName: 'Late Comer', password: 'the liao river in spring' } });
    expect(expired.errors![0]).toEqual(unknown.errors![0]);
    expect(expired.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'token' });
  });

  it('resets a password through a one-time link, ending the account’s sessions', async () => {
    const oldSession = await newSession(t, w.colleague.id);
    const made = await t.gql(`mutation ($input: CreatePasswordResetInput!) { createPasswordReset(input: $input) { token resetPath } }`, { input: { accountId: w.colleague.id } }, { token: adminToken });
    const token = made.data!.createPasswordReset.token;
    const COMPLETE = `mutation ($input: CompletePasswordResetInput!) { completePasswordReset(input: $input) { passwordChanged } }`;
    const done = await t.gql(COMPLETE, { input: { token, newPassword: 'porcelain from jingdezhen' } });
    expect(done.data!.completePasswordReset.passwordChanged).toBe(true);
    expect((await t.gql(`{ me { id } }`, {}, { token: oldSession })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(COMPLETE, { input: { token, newPassword: 'another fine passphrase' } })).errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('keeps an audit log for admins, newest first, a page at a time, with no secrets in it', async () => {
    const LOG = `query ($after: String) { auditLog(first: 2, after: $after) { edges { node { action actorId subjectId details createdAt } } pageInfo { hasNextPage endCursor } } }`;
    const seen: { action: string; createdAt: string; details: string }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res: GraphQLResult = await t.gql(LOG, { after }, { token: adminToken });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.auditLog.edges.map((e: { node: { action: string; createdAt: string; details: string } }) => e.node));
      if (!res.data!.auditLog.pageInfo.hasNextPage) break;
      after = res.data!.auditLog.pageInfo.endCursor;
    }
    const actions = seen.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['INVITATION_CREATED', 'INVITATION_ACCEPTED', 'STAFF_SIGNED_IN', 'PASSWORD_RESET_CREATED', 'PASSWORD_RESET_COMPLETED']));
    const times = seen.map((e) => Date.parse(e.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const everything = JSON.stringify(await t.dataSource.query(`SELECT * FROM audit_entry`));
    // No password, hash or one-time token (43 URL-safe characters) was written.
    expect(everything).not.toMatch(/porcelain|liao river|\$argon2|"[A-Za-z0-9_-]{43}"/);
  });
});
