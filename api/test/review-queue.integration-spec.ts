import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newClass, newWorld, signInStaff, type World } from './factories';
import { briefContent, newAssignment, newBrief } from './project-factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * The educator's review queue picks its page from the filters first and reads only that page
 * in full: every filter, the season's edges in each school's own time zone, and paging must
 * give exactly the nominations they name, in order.
 */
const QUEUE = `query ($season: String, $theme: Theme, $gradeBand: GradeBand, $schoolId: ID, $decided: Boolean, $first: Int, $after: String) {
  reviewQueue(season: $season, theme: $theme, gradeBand: $gradeBand, schoolId: $schoolId, decided: $decided, first: $first, after: $after) {
    edges { node { id theme gradeBand season { key } scoreCount outcome } } pageInfo { hasNextPage endCursor } } }`;

interface Made {
  id: string;
  school: 'A' | 'B';
  theme: string;
  grade: number;
  /** Local time in the school's zone. */
  local: string;
  decided: boolean;
}

describe("the educator's review queue", () => {
  let t: TestApp;
  let w: World;
  let token: string;
  const made: Made[] = [];

  /** A graded attempt of a new pupil in a class of `grade`, nominated at local time `local` of a school in `zone`. */
  async function nominate(spec: Omit<Made, 'id'>, zone: string) {
    const schoolId = spec.school === 'A' ? w.schoolA.id : w.schoolB.id;
    await t.dataSource.query(`UPDATE school SET time_zone = $2 WHERE id = $1`, [schoolId, zone]);
    const teacherId = spec.school === 'A' ? w.teacher.id : w.otherSchoolTeacher.id;
    const cohort = await newClass(t, { schoolId, teacherIds: [teacherId] });
    await t.dataSource.query(`UPDATE cohort SET grade = $2 WHERE id = $1`, [cohort.id, spec.grade]);
    const [pupil] = await t.dataSource.query(`INSERT INTO app_user (role, display_name, school_id) VALUES ('PUPIL', $1, $2) RETURNING id`, [`Pupil ${made.length}`, schoolId]);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id, content: briefContent({ theme: spec.theme as never }) });
    const assignment = await newAssignment(t, { classId: cohort.id, briefId: brief.id, createdById: teacherId });
    const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [assignment.id, pupil.id]);
    const [version] = await t.dataSource.query(
      `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at)
       VALUES ($1, 'PROJECT', 1, $2, '[]', 'GRADED', false, now(), now()) RETURNING id`,
      [work.id, `key-${made.length}`],
    );
    const [nomination] = await t.dataSource.query(
      `INSERT INTO nomination (version_id, statement, nominated_by_id, guardian_consent, credit_style, consent_recorded_by_id, consent_recorded_at, created_at, outcome, decided_at)
       VALUES ($1, 'Careful work', $2, true, 'ANONYMOUS', $2, now(), ($3::timestamp AT TIME ZONE $4), $5, CASE WHEN $5::text IS NULL THEN NULL ELSE now() END) RETURNING id`,
      [version.id, teacherId, spec.local, zone, spec.decided ? 'COMMENDED' : null],
    );
    made.push({ id: nomination.id, ...spec });
  }

  async function ids(variables: Record<string, unknown>): Promise<string[]> {
    const res = await t.gql(QUEUE, { first: 100, ...variables }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.reviewQueue.edges.map((e: { node: { id: string } }) => e.node.id);
  }

  /** The nominations `keep` names, in the queue's order (oldest first). */
  const expected = (keep: (m: Made) => boolean) => made.filter(keep).map((m) => m.id);

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'silent' });
    w = await newWorld(t);
    token = await signInStaff(t, w.educator);
    // School A keeps Beijing time and school B New York time, so the same instant falls in
    // different seasons: nominations on either side of each season's first local minute.
    const A = 'Asia/Shanghai';
    const B = 'America/New_York';
    await nominate({ school: 'A', theme: 'HISTORY', grade: 4, local: '2026-07-31 23:59:00', decided: false }, A);
    await nominate({ school: 'A', theme: 'HISTORY', grade: 4, local: '2026-08-01 00:00:00', decided: false }, A);
    await nominate({ school: 'A', theme: 'CRAFTS', grade: 8, local: '2026-10-01 09:00:00', decided: true }, A);
    await nominate({ school: 'A', theme: 'SCIENCE', grade: 2, local: '2027-01-31 23:59:00', decided: false }, A);
    await nominate({ school: 'A', theme: 'HISTORY', grade: 4, local: '2027-02-01 00:00:00', decided: false }, A);
    await nominate({ school: 'B', theme: 'HISTORY', grade: 4, local: '2026-07-31 22:00:00', decided: false }, B);
    await nominate({ school: 'B', theme: 'ART', grade: 11, local: '2026-08-01 02:00:00', decided: false }, B);
    await nominate({ school: 'B', theme: 'CRAFTS', grade: 4, local: '2027-01-31 20:00:00', decided: true }, B);
    // The order of the queue: by the instant of nomination (and id).
    const instants: { id: string; at: Date }[] = await t.dataSource.query(`SELECT id, created_at AS at FROM nomination WHERE id = ANY ($1::uuid[])`, [made.map((m) => m.id)]);
    const at = new Map(instants.map((r) => [r.id, new Date(r.at).getTime()]));
    made.sort((a, b) => at.get(a.id)! - at.get(b.id)! || (a.id < b.id ? -1 : 1));
  });
  afterAll(async () => t.close());

  const seasonOfLocal = (local: string) => {
    const [y, m] = local.split('-').map(Number) as [number, number];
    return m >= 8 ? `${y}-AUTUMN` : m === 1 ? `${y - 1}-AUTUMN` : `${y}-SPRING`;
  };
  const band = (grade: number) => (grade <= 3 ? 'LOWER_PRIMARY' : grade <= 6 ? 'UPPER_PRIMARY' : grade <= 9 ? 'JUNIOR_SECONDARY' : 'SENIOR_SECONDARY');

  it('lists every nomination of the museum, oldest first, each in the season of its local date', async () => {
    expect(await ids({})).toEqual(expected(() => true));
    const res = await t.gql(QUEUE, { first: 100 }, { token });
    const seasons = new Map(res.data!.reviewQueue.edges.map((e: { node: { id: string; season: { key: string } } }) => [e.node.id, e.node.season.key]));
    for (const m of made) expect(seasons.get(m.id)).toBe(seasonOfLocal(m.local));
  });

  it("filters by season at each school's own local midnight", async () => {
    for (const season of ['2026-SPRING', '2026-AUTUMN', '2027-SPRING', '2025-AUTUMN']) {
      expect(await ids({ season })).toEqual(expected((m) => seasonOfLocal(m.local) === season));
    }
  });

  it('filters by theme, grade band, school and decision, alone and together', async () => {
    expect(await ids({ theme: 'HISTORY' })).toEqual(expected((m) => m.theme === 'HISTORY'));
    expect(await ids({ gradeBand: 'UPPER_PRIMARY' })).toEqual(expected((m) => band(m.grade) === 'UPPER_PRIMARY'));
    expect(await ids({ schoolId: w.schoolB.id })).toEqual(expected((m) => m.school === 'B'));
    expect(await ids({ decided: true })).toEqual(expected((m) => m.decided));
    expect(await ids({ decided: false })).toEqual(expected((m) => !m.decided));
    expect(await ids({ season: '2026-AUTUMN', theme: 'HISTORY', schoolId: w.schoolA.id, decided: false })).toEqual(
      expected((m) => seasonOfLocal(m.local) === '2026-AUTUMN' && m.theme === 'HISTORY' && m.school === 'A' && !m.decided),
    );
    expect(await ids({ theme: 'ART', gradeBand: 'LOWER_PRIMARY' })).toEqual([]);
  });

  it('pages through a filtered list without losing or repeating a nomination', async () => {
    for (const variables of [{}, { decided: false }, { season: '2026-AUTUMN' }]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const res = await t.gql(QUEUE, { ...variables, first: 2, after }, { token });
        expect(res.errors).toBeUndefined();
        const queue: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = res.data!.reviewQueue;
        seen.push(...queue.edges.map((e) => e.node.id));
        if (!queue.pageInfo.hasNextPage) break;
        after = queue.pageInfo.endCursor;
      }
      expect(seen).toEqual(await ids(variables));
    }
  });

  it('refuses a season that is not one', async () => {
    const res = await t.gql(QUEUE, { season: '2026-WINTER' }, { token });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
