import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashToken } from '../src/common/tokens';
import { createTestApp, type TestApp } from './test-app';
import { newClass, newMuseum, newPupil, newSchool, newSession, newStaff, signInPupil, signInStaff, STAFF_PASSWORD, type StaffMade } from './factories';

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { token expiresAt me { id role email } } }`;
const SIGN_IN_PUPIL = `mutation ($input: PupilSignInInput!) { signInPupil(input: $input) { token expiresAt me { id role displayName email } } }`;
const ME = `{ me { id role } }`;
const SIGN_OUT = `mutation { signOut { signedOut } }`;

/** Each test signs in from its own address, so failures counted in one do not slow another (sign-in-throttle.integration-spec.ts tests the throttling). */
let addressCount = 0;
const fromNewAddress = () => ({ 'x-forwarded-for': `203.0.113.${++addressCount}` });

describe('sign-in and sessions', () => {
  let t: TestApp;
  let teacher: StaffMade;
  let museumId: string;
  let schoolId: string;

  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_SQL_COUNT: 'true', TRUST_PROXY: 'true' });
    museumId = (await newMuseum(t)).id;
    schoolId = (await newSchool(t, { museumId })).id;
    teacher = await newStaff(t, { role: 'TEACHER', schoolId });
  });
  afterAll(async () => t.close());

  it('signs staff in with a cookie the portal cannot read and a token API clients can send', async () => {
    const res = await t.gql(SIGN_IN, { input: { email: `  ${teacher.email.toUpperCase()} `, password: STAFF_PASSWORD } }, { headers: fromNewAddress() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.signIn.me).toMatchObject({ id: teacher.id, role: 'TEACHER' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^lmr_session=[^;]+;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const fromCookie = await t.gql(ME, {}, { cookie: cookie.split(';')[0]! });
    expect(fromCookie.data!.me.id).toBe(teacher.id);
    const fromBearer = await t.gql(ME, {}, { token: res.data!.signIn.token });
    expect(fromBearer.data!.me.id).toBe(teacher.id);
    const stored: { token_hash: string }[] = await t.dataSource.query(`SELECT token_hash FROM session WHERE user_id = $1`, [teacher.id]);
    expect(stored.map((s) => s.token_hash)).not.toContain(res.data!.signIn.token);
  });

  it('marks the cookie Secure in production', async () => {
    const prod = await createTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
    try {
      const m = await newMuseum(prod);
      const admin = await newStaff(prod, { role: 'ADMIN', museumId: m.id });
      const res = await prod.gql(SIGN_IN, { input: { email: admin.email, password: STAFF_PASSWORD } });
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await prod.close();
    }
  });

  it('answers a wrong password, an unknown email and a disabled account alike', async () => {
    const headers = fromNewAddress();
    const disabled = await newStaff(t, { role: 'TEACHER', schoolId });
    await t.dataSource.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [disabled.id]);
    const answers = [
      await t.gql(SIGN_IN, { input: { email: teacher.email, password: 'not-the-password' } }, { headers }),
      await t.gql(SIGN_IN, { input: { email: 'nobody@test.example', password: STAFF_PASSWORD } }, { headers }),
      await t.gql(SIGN_IN, { input: { email: disabled.email, password: STAFF_PASSWORD } }, { headers }),
    ];
    for (const res of answers) {
      expect(res.data).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({ message: 'the sign-in details are wrong', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('signs pupils in with the class code and their own code, however they type them', async () => {
    const cls = await newClass(t, { schoolId });
    const pupil = await newPupil(t, cls);
    const typed = `  ${pupil.classCode.toLowerCase().slice(0, 3)}-${pupil.classCode.toLowerCase().slice(3)} `;
    const res = await t.gql(SIGN_IN_PUPIL, { input: { classCode: typed, pupilCode: ` ${pupil.code.toLowerCase()}` } }, { headers: fromNewAddress() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.signInPupil.me).toEqual({ id: pupil.id, role: 'PUPIL', displayName: pupil.displayName, email: null });
    // Pupils' sessions are shorter than staff sessions (8 hours by default).
    const hours = (Date.parse(res.data!.signInPupil.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);

    const headers = fromNewAddress();
    const wrongCode = await t.gql(SIGN_IN_PUPIL, { input: { classCode: pupil.classCode, pupilCode: 'ZZZZZZ' } }, { headers });
    const wrongClass = await t.gql(SIGN_IN_PUPIL, { input: { classCode: 'ZZZZZZ', pupilCode: pupil.code } }, { headers });
    const nonsense = await t.gql(SIGN_IN_PUPIL, { input: { classCode: '', pupilCode: '0' } }, { headers });
    for (const r of [wrongCode, wrongClass, nonsense]) {
      expect(r.errors![0]).toMatchObject({ message: 'the sign-in details are wrong', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('refuses pupils of an archived class', async () => {
    const cls = await newClass(t, { schoolId, archived: true });
    const pupil = await newPupil(t, cls);
    const res = await t.gql(SIGN_IN_PUPIL, { input: { classCode: pupil.classCode, pupilCode: pupil.code } }, { headers: fromNewAddress() });
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('stops honouring a session the moment it expires, even one it has just checked', async () => {
    const token = await newSession(t, teacher.id);
    await t.dataSource.query(`UPDATE session SET expires_at = now() + interval '600 milliseconds' WHERE token_hash = $1`, [hashToken(token)]);
    expect((await t.gql(ME, {}, { token })).data!.me.id).toBe(teacher.id);
    await new Promise((r) => setTimeout(r, 700));
    const res = await t.gql(ME, {}, { token });
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('checks a session in PostgreSQL once per SESSION_CACHE_MS, and sees an unannounced change after it', async () => {
    const token = await newSession(t, teacher.id);
    const statements = async () => {
      const res = await t.gql(ME, {}, { token });
      expect(res.data!.me.id).toBe(teacher.id);
      return res.body.extensions!.sqlStatements as number;
    };
    const first = await statements();
    expect(await statements()).toBe(first - 1);
    // A change nobody announces (an edit by hand) shows within the window: here 2 s, the default.
    await t.dataSource.query(`UPDATE session SET revoked_at = now() WHERE token_hash = $1`, [hashToken(token)]);
    await new Promise((r) => setTimeout(r, 2000));
    expect((await t.gql(ME, {}, { token })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const token = await newSession(t, teacher.id);
    const out = await t.gql(SIGN_OUT, {}, { token });
    expect(out.data!.signOut.signedOut).toBe(true);
    expect(String(out.headers['set-cookie'])).toMatch(/^lmr_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax/);
    expect((await t.gql(ME, {}, { token })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('ends a pupil’s sessions when their code is reset, and only the new code works', async () => {
    const cls = await newClass(t, { schoolId, teacherIds: [teacher.id] });
    const pupil = await newPupil(t, cls);
    const pupilToken = await signInPupil(t, pupil);
    expect((await t.gql(ME, {}, { token: pupilToken })).data!.me.id).toBe(pupil.id);
    const teacherToken = await newSession(t, teacher.id);
    const reset = await t.gql(
      `mutation ($input: ResetPupilCodeInput!) { resetPupilCode(input: $input) { pupilId pupilCode } }`,
      { input: { classId: cls.id, pupilId: pupil.id } },
      { token: teacherToken },
    );
    expect(reset.errors).toBeUndefined();
    const newCode = reset.data!.resetPupilCode.pupilCode;
    expect(newCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect((await t.gql(ME, {}, { token: pupilToken })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const old = await t.gql(SIGN_IN_PUPIL, { input: { classCode: cls.classCode, pupilCode: pupil.code } }, { headers: fromNewAddress() });
    if (newCode !== pupil.code) expect(old.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await signInPupil(t, { classCode: cls.classCode, code: newCode })).toEqual(expect.any(String));
  });

  it('ends an account’s sessions when an admin disables it', async () => {
    const admin = await newStaff(t, { role: 'ADMIN', museumId });
    const victim = await newStaff(t, { role: 'TEACHER', schoolId });
    const victimToken = await newSession(t, victim.id);
    // Just checked, so remembered (SESSION_CACHE_MS): disabling must end it at once all the same.
    expect((await t.gql(ME, {}, { token: victimToken })).data!.me.id).toBe(victim.id);
    const res = await t.gql(
      `mutation ($input: SetAccountDisabledInput!) { setAccountDisabled(input: $input) { account { id disabled } } }`,
      { input: { accountId: victim.id, disabled: true } },
      { token: await newSession(t, admin.id) },
    );
    expect(res.data!.setAccountDisabled.account).toEqual({ id: victim.id, disabled: true });
    expect((await t.gql(ME, {}, { token: victimToken })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const again = await t.gql(SIGN_IN, { input: { email: victim.email, password: STAFF_PASSWORD } }, { headers: fromNewAddress() });
    expect(again.errors![0]).toMatchObject({ message: 'the sign-in details are wrong', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('ends other sessions on a password change, keeping the one that made it', async () => {
    const staff = await newStaff(t, { role: 'MUSEUM_EDUCATOR', museumId });
    const current = await newSession(t, staff.id);
    const other = await newSession(t, staff.id);
    expect((await t.gql(ME, {}, { token: other })).data!.me.id).toBe(staff.id);
    const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { me { id } } }`;
    const weak = await t.gql(CHANGE, { input: { currentPassword: STAFF_PASSWORD, newPassword: 'password123' } }, { token: current });
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword', reason: 'TOO_COMMON' });
    const wrong = await t.gql(CHANGE, { input: { currentPassword: 'wrong-password', newPassword: 'a quiet gallery at dusk' } }, { token: current });
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const ok = await t.gql(CHANGE, { input: { currentPassword: STAFF_PASSWORD, newPassword: 'a quiet gallery at dusk' } }, { token: current });
    expect(ok.errors).toBeUndefined();
    expect((await t.gql(ME, {}, { token: current })).data!.me.id).toBe(staff.id);
    expect((await t.gql(ME, {}, { token: other })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await signInStaff(t, staff, 'a quiet gallery at dusk')).toEqual(expect.any(String));
  });

  it('needs a session for every operation not marked public, and lets health probes through', async () => {
    const res = await t.gql(ME);
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const garbage = await t.gql(ME, {}, { token: 'not-a-real-token-but-long-enough' });
    expect(garbage.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await t.http().get('/health/live')).status).toBe(200);
    const audit: { action: string; details: unknown }[] = await t.dataSource.query(`SELECT action, details FROM audit_entry WHERE action = 'STAFF_SIGNED_IN'`);
    expect(audit.length).toBeGreaterThan(0);
  });
});
