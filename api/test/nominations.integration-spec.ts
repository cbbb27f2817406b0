import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newStaff, newWorld, signInStaff, type World } from './factories';
import { newAssignment, newBrief, newTeam, newWork } from './project-factories';
import { createTestApp, type TestApp } from './test-app';

const NOMINATE = `mutation ($input: NominateWorkInput!) {
  nominateWork(input: $input) {
    nomination { id versionId workId assignmentId pupilId teamId statement guardianConsent creditStyle nominatedById
                 consentRecordedById consentRecordedAt consentWithdrawnAt state createdAt }
  }
}`;
const WITHDRAW = `mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { nomination { id state consentWithdrawnAt } } }`;
const LIST = `query ($id: ID!) { classNominations(classId: $id) { id versionId state statement creditStyle guardianConsent } }`;

describe('nominating work for the museum', () => {
  let t: TestApp;
  let w: World;
  let teacher: string;
  let colleague: string;
  let admin: string;

  /** A project attempt of the world's pupil in the given state. */
  async function attempt(status: 'SUBMITTED' | 'RETURNED' | 'GRADED' | 'WITHDRAWN', scope = 'PROJECT'): Promise<string> {
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
    const { versionId } = await newWork(t, { assignmentId: assignment.id, pupilId: w.pupil.id, submitted: true });
    await t.dataSource.query(`UPDATE work_version SET status = $2, scope = $3 WHERE id = $1`, [versionId, status, scope]);
    return versionId!;
  }

  const input = (versionId: string, extra: Record<string, unknown> = {}) => ({
    input: { versionId, statement: '她把铜镜上的龙画得很仔细。', guardianConsent: true, creditStyle: 'FIRST_NAME_INITIAL_SCHOOL', ...extra },
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    teacher = await signInStaff(t, w.teacher);
    colleague = await signInStaff(t, w.colleague);
    admin = await signInStaff(t, w.admin);
  });
  afterAll(async () => t.close());

  it("records the teacher's nomination, the consent as given, who recorded it and when", async () => {
    const versionId = await attempt('GRADED');
    const before = Date.now();
    const res = await t.gql(NOMINATE, input(versionId, { statement: '  Looked closely at the dragon.  ', guardianConsent: false, creditStyle: 'ANONYMOUS' }), { token: teacher });
    expect(res.errors).toBeUndefined();
    const n = res.data!.nominateWork.nomination;
    expect(n).toMatchObject({
      versionId,
      pupilId: w.pupil.id,
      teamId: null,
      statement: 'Looked closely at the dragon.',
      guardianConsent: false,
      creditStyle: 'ANONYMOUS',
      nominatedById: w.teacher.id,
      consentRecordedById: w.teacher.id,
      consentWithdrawnAt: null,
      state: 'AWAITING_REVIEW',
    });
    expect(Date.parse(n.consentRecordedAt)).toBeGreaterThanOrEqual(before - 5000);
    const [row] = await t.dataSource.query(`SELECT consent_recorded_by_id, consent_recorded_at FROM nomination WHERE id = $1`, [n.id]);
    expect(row.consent_recorded_by_id).toBe(w.teacher.id);
  });

  it("nominates team work too, and names the team", async () => {
    const teamAssignment = await newAssignment(t, { classId: w.cls.id, briefId: (await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id })).id, createdById: w.teacher.id, mode: 'TEAM' });
    const team = await newTeam(t, teamAssignment.id, [w.pupil.id, w.classmate.id]);
    const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, team_id) VALUES ($1, $2) RETURNING id`, [teamAssignment.id, team.id]);
    const [version] = await t.dataSource.query(
      `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at)
       VALUES ($1, 'PROJECT', 1, 'team-key', '[]', 'GRADED', false, now(), now()) RETURNING id`,
      [work.id],
    );
    const res = await t.gql(NOMINATE, input(version.id), { token: teacher });
    expect(res.data!.nominateWork.nomination).toMatchObject({ teamId: team.id, pupilId: null, workId: work.id, assignmentId: teamAssignment.id });
  });

  it.each([
    ['submitted', 'SUBMITTED', 'PROJECT'],
    ['returned', 'RETURNED', 'PROJECT'],
    ['taken back', 'WITHDRAWN', 'PROJECT'],
  ] as const)('refuses a %s attempt, naming versionId', async (_label, status, scope) => {
    const res = await t.gql(NOMINATE, input(await attempt(status, scope)), { token: teacher });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'versionId' });
    expect(res.data?.nominateWork ?? null).toBeNull();
  });

  it('refuses a graded milestone check-in: only the whole project', async () => {
    const res = await t.gql(NOMINATE, input(await attempt('GRADED', 'some-milestone')), { token: teacher });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'versionId' });
  });

  it('answers a second nomination of the same attempt with CONFLICT, also when two arrive at once', async () => {
    const versionId = await attempt('GRADED');
    expect((await t.gql(NOMINATE, input(versionId), { token: teacher })).errors).toBeUndefined();
    const again = await t.gql(NOMINATE, input(versionId), { token: teacher });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'versionId' });

    // A second teacher of the class, at the same moment.
    await t.dataSource.query(`INSERT INTO cohort_teacher (cohort_id, teacher_id) VALUES ($1, $2)`, [w.cls.id, w.colleague.id]);
    try {
      const raced = await attempt('GRADED');
      const results = await Promise.all([t.gql(NOMINATE, input(raced), { token: teacher }), t.gql(NOMINATE, input(raced), { token: colleague })]);
      const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM nomination WHERE version_id = $1`, [raced])).toEqual([{ n: 1 }]);
    } finally {
      await t.dataSource.query(`DELETE FROM cohort_teacher WHERE cohort_id = $1 AND teacher_id = $2`, [w.cls.id, w.colleague.id]);
    }
  });

  it.each([
    ['empty', '   '],
    ['too long', '字'.repeat(1001)],
  ])('refuses a statement that is %s, naming statement', async (_label, statement) => {
    const res = await t.gql(NOMINATE, input(await attempt('GRADED'), { statement }), { token: teacher });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'statement' });
  });

  it('takes a statement of exactly 1000 characters', async () => {
    const res = await t.gql(NOMINATE, input(await attempt('GRADED'), { statement: '字'.repeat(1000) }), { token: teacher });
    expect(res.errors).toBeUndefined();
  });

  it('refuses a credit style outside the three', async () => {
    const res = await t.gql(NOMINATE, input(await attempt('GRADED'), { creditStyle: 'NICKNAME' }), { token: teacher });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("answers another class's teacher and unknown ids as if the attempt did not exist", async () => {
    const versionId = await attempt('GRADED');
    expect((await t.gql(NOMINATE, input(versionId), { token: colleague })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(NOMINATE, input('00000000-0000-4000-8000-000000000000'), { token: teacher })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(NOMINATE, input('not-an-id'), { token: teacher })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await t.dataSource.query(`SELECT 1 FROM nomination WHERE version_id = $1`, [versionId])).toEqual([]);
  });

  describe('withdrawing consent', () => {
    it('is recorded at once by a teacher of the class, and kept as it was when repeated', async () => {
      const nominated = await t.gql(NOMINATE, input(await attempt('GRADED')), { token: teacher });
      const id = nominated.data!.nominateWork.nomination.id;
      const first = await t.gql(WITHDRAW, { input: { nominationId: id } }, { token: teacher });
      expect(first.errors).toBeUndefined();
      expect(first.data!.withdrawConsent.nomination.state).toBe('CONSENT_WITHDRAWN');
      expect(first.data!.withdrawConsent.nomination.consentWithdrawnAt).toBeTruthy();
      const [row] = await t.dataSource.query(`SELECT consent_withdrawn_at FROM nomination WHERE id = $1`, [id]);
      expect(row.consent_withdrawn_at).not.toBeNull();

      const second = await t.gql(WITHDRAW, { input: { nominationId: id } }, { token: teacher });
      expect(second.data!.withdrawConsent.nomination.consentWithdrawnAt).toBe(first.data!.withdrawConsent.nomination.consentWithdrawnAt);
    });

    it("may be recorded by an admin of the school's museum, not by one of another museum", async () => {
      const id = (await t.gql(NOMINATE, input(await attempt('GRADED')), { token: teacher })).data!.nominateWork.nomination.id;
      const strangerMuseum = (await t.dataSource.query(`INSERT INTO museum (name_zh, name_en) VALUES ('别馆', 'Other') RETURNING id`))[0].id;
      const stranger = await signInStaff(t, await newStaff(t, { role: 'ADMIN', museumId: strangerMuseum }));
      expect((await t.gql(WITHDRAW, { input: { nominationId: id } }, { token: stranger })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql(WITHDRAW, { input: { nominationId: id } }, { token: colleague })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const res = await t.gql(WITHDRAW, { input: { nominationId: id } }, { token: admin });
      expect(res.data!.withdrawConsent.nomination.state).toBe('CONSENT_WITHDRAWN');
    });
  });

  describe("the class's nominations", () => {
    it('lists the class’s nominations with their state, newest first, for its teachers only', async () => {
      const world = await newWorld(t);
      const token = await signInStaff(t, world.teacher);
      const brief = await newBrief(t, { authorId: world.educator.id, museumId: world.museum.id });
      const a = await newAssignment(t, { classId: world.cls.id, briefId: brief.id, createdById: world.teacher.id });
      const ids: string[] = [];
      for (const pupilId of [world.pupil.id, world.classmate.id]) {
        const { versionId } = await newWork(t, { assignmentId: a.id, pupilId, submitted: true });
        await t.dataSource.query(`UPDATE work_version SET status = 'GRADED' WHERE id = $1`, [versionId]);
        ids.unshift((await t.gql(NOMINATE, input(versionId!), { token })).data!.nominateWork.nomination.id);
      }
      await t.gql(WITHDRAW, { input: { nominationId: ids[1] } }, { token });

      const res = await t.gql(LIST, { id: world.cls.id }, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data!.classNominations.map((n: any) => [n.id, n.state])).toEqual([
        [ids[0], 'AWAITING_REVIEW'],
        [ids[1], 'CONSENT_WITHDRAWN'],
      ]);
      // Another class's teacher (the world's own, whose class has other nominations) sees none of these.
      const other = await t.gql(LIST, { id: world.cls.id }, { token: teacher });
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const admins = await t.gql(LIST, { id: world.cls.id }, { token: await signInStaff(t, world.admin) });
      expect(admins.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(LIST, { id: 'nope' }, { token })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
