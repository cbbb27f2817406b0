import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { retentionDates, type RetentionDates } from '@lmr/domain';
import { PupilsLeftLastClass1795628991997 } from '../src/database/migrations/1795628991997-PupilsLeftLastClass';
import { RetentionService } from '../src/privacy/pupil-data/retention.service';
import { newClass, newMuseum, newPupil, newSchool, newSession, newStaff, signInStaff, type ClassMade, type Made } from './factories';
import { newAssignment, newBrief } from './project-factories';
import { richPupil, storedBytesExist } from './privacy-fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * Retention of pupils who are in no class: taken off every class, or never put on one. The job
 * is run at chosen dates (the dates its clock would give); a pupil's leaving is stamped by the
 * database at the real time, so the dates to expect are worked out from that stamp. Schools are
 * in Asia/Shanghai (UTC+8 all year) and keep data 12 months, the defaults.
 */

const ZONE = 'Asia/Shanghai';

/** The school year an instant falls in, for a school in Shanghai: a year starts on 1 August. */
function shanghaiSchoolYear(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  return local.getUTCMonth() >= 7 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

function shiftYear(schoolYear: string, by: number): string {
  const first = Number(schoolYear.slice(0, 4)) + by;
  return `${first}-${first + 1}`;
}

function datesOf(schoolYear: string): RetentionDates {
  return retentionDates(schoolYear, ZONE, 12)!;
}

/** The last millisecond before `at`. */
const before = (at: Date) => new Date(at.getTime() - 1);

describe('retention of pupils in no class', () => {
  let t: TestApp;
  let retention: RetentionService;

  beforeAll(async () => {
    t = await createTestApp();
    retention = t.app.get(RetentionService);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A museum of its own (so its admin's notifications are this test's alone) with one school and a teacher. */
  async function newSetting() {
    const museum = await newMuseum(t);
    const admin = await newStaff(t, { role: 'ADMIN', museumId: museum.id });
    const educator = await newStaff(t, { role: 'MUSEUM_EDUCATOR', museumId: museum.id });
    const school = await newSchool(t, { museumId: museum.id });
    const teacher = await newStaff(t, { role: 'TEACHER', schoolId: school.id });
    return { museum, admin, educator, school, teacher };
  }

  async function classOf(school: Made, schoolYear: string, teacherId?: string): Promise<ClassMade> {
    const cls = await newClass(t, { schoolId: school.id, teacherIds: teacherId ? [teacherId] : [] });
    await t.dataSource.query(`UPDATE cohort SET school_year = $2 WHERE id = $1`, [cls.id, schoolYear]);
    return cls;
  }

  /** A pupil account of the school that was never put on a class, made at `createdAt`. */
  async function pupilNeverEnrolled(school: Made, createdAt: string): Promise<string> {
    const [row] = await t.dataSource.query(`INSERT INTO app_user (role, display_name, school_id, created_at) VALUES ('PUPIL', 'Never enrolled', $1, $2) RETURNING id`, [
      school.id,
      createdAt,
    ]);
    return row.id;
  }

  /** Takes pupils off a class; returns the time of the transaction that did it. */
  async function takeOff(classId: string, pupilIds: string[]): Promise<Date> {
    return t.dataSource.transaction(async (tx) => {
      await tx.query(`DELETE FROM cohort_pupil WHERE cohort_id = $1 AND pupil_id = ANY ($2::uuid[])`, [classId, pupilIds]);
      return new Date((await tx.query(`SELECT now() AS now`))[0].now);
    });
  }

  const exists = async (id: string) => (await t.dataSource.query(`SELECT 1 FROM app_user WHERE id = $1`, [id])).length === 1;
  const leftAt = async (id: string): Promise<Date | null> => {
    const [row] = await t.dataSource.query(`SELECT left_last_class_at FROM app_user WHERE id = $1`, [id]);
    return row.left_last_class_at ? new Date(row.left_last_class_at) : null;
  };
  const ofSchool = <T extends { schoolId: string }>(list: T[], schoolId: string) => list.filter((x) => x.schoolId === schoolId);

  it('purges a pupil never put on a class once the period has passed since the account was made, and not before', async () => {
    const { school } = await newSetting();
    // Made in school year 2024-2025, which ended on 31 July 2025 (15:59 UTC): kept until 31 July 2026.
    const pupil = await pupilNeverEnrolled(school, '2025-03-10T02:00:00Z');
    await newSession(t, pupil);
    await t.dataSource.query(`INSERT INTO upload_ticket (token_hash, user_id, purpose, expires_at) VALUES ('ticket-of-never-enrolled', $1, 'WORK_ATTACHMENT', now())`, [pupil]);

    const early = await retention.run(new Date('2026-07-31T15:58:59.999Z'));
    expect(ofSchool(early.purged, school.id)).toEqual([]);
    expect(await exists(pupil)).toBe(true);

    const due = await retention.run(new Date('2026-07-31T15:59:00.000Z'));
    expect(ofSchool(due.purged, school.id)).toEqual([{ schoolId: school.id, schoolYear: '2024-2025', pupilsRemoved: 1, worksRemoved: 0, filesRemoved: 0 }]);
    expect(await exists(pupil)).toBe(false);
    expect(await t.dataSource.query(`SELECT 1 FROM session WHERE user_id = $1 UNION ALL SELECT 1 FROM upload_ticket WHERE user_id = $1`, [pupil])).toEqual([]);
    const logged = await t.dataSource.query(`SELECT actor_id, details FROM audit_entry WHERE action = 'RETENTION_PURGED' AND subject_id = $1`, [school.id]);
    expect(logged).toEqual([{ actor_id: null, details: { schoolYear: '2024-2025', pupilsRemoved: 1, worksRemoved: 0, filesRemoved: 0 } }]);
  });

  it('purges a pupil taken off their last class once the period has passed since they were taken off', async () => {
    const { museum, educator, school, teacher } = await newSetting();
    // The class is of the year the pupil leaves in; an older class they left first is two years back.
    const now = new Date((await t.dataSource.query(`SELECT now() AS now`))[0].now);
    const year = shanghaiSchoolYear(now);
    const cls = await classOf(school, year, teacher.id);
    const oldClass = await classOf(school, shiftYear(year, -2), teacher.id);
    const teammate = await newPupil(t, cls);
    const p = await richPupil(t, { cls, teacher, educator, museumId: museum.id, teammate });
    // An account made long ago: counted from its creation, it would have gone years back.
    await t.dataSource.query(`UPDATE app_user SET created_at = '2019-10-01T00:00:00Z' WHERE id = $1`, [p.pupil.id]);
    // A second pupil who is only on the old class, with work there.
    const old = await newPupil(t, oldClass);
    const brief = await newBrief(t, { authorId: educator.id, museumId: museum.id });
    const oldAssignment = await newAssignment(t, { classId: oldClass.id, briefId: brief.id, createdById: teacher.id });
    const [oldWork] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [oldAssignment.id, old.id]);

    const leftP = await takeOff(cls.id, [p.pupil.id]);
    const leftOld = await takeOff(oldClass.id, [old.id]);
    expect(await leftAt(p.pupil.id)).toEqual(leftP);
    expect(await leftAt(old.id)).toEqual(leftOld);
    const dates = datesOf(shanghaiSchoolYear(leftP));
    expect(shanghaiSchoolYear(leftOld)).toBe(shanghaiSchoolYear(leftP));

    // The old class's year goes on its own date: its work, but not the pupil who left it later.
    const oldYear = await retention.run(datesOf(shiftYear(year, -2)).purgeAt);
    expect(ofSchool(oldYear.purged, school.id)).toEqual([{ schoolId: school.id, schoolYear: shiftYear(year, -2), pupilsRemoved: 0, worksRemoved: 1, filesRemoved: 0 }]);
    expect(await t.dataSource.query(`SELECT 1 FROM work WHERE id = $1`, [oldWork.id])).toEqual([]);
    expect(await exists(old.id)).toBe(true);

    const early = await retention.run(before(dates.purgeAt));
    expect(ofSchool(early.purged, school.id)).toEqual([]);
    expect([await exists(p.pupil.id), await exists(old.id)]).toEqual([true, true]);
    expect(await t.dataSource.query(`SELECT 1 FROM consent_record WHERE nomination_id = $1`, [p.nominationId])).toHaveLength(1);

    const due = await retention.run(dates.purgeAt);
    // The class's year ends with them: its other pupil goes too.
    expect(ofSchool(due.purged, school.id)).toMatchObject([{ schoolId: school.id, schoolYear: shanghaiSchoolYear(leftP), pupilsRemoved: 3 }]);
    expect([await exists(p.pupil.id), await exists(old.id), await exists(teammate.id)]).toEqual([false, false, false]);
    expect(await t.dataSource.query(`SELECT 1 FROM work WHERE id = ANY ($1::uuid[])`, [[p.soloWorkId, p.teamWorkId]])).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM nomination WHERE id = $1 UNION ALL SELECT 1 FROM consent_record WHERE nomination_id = $1`, [p.nominationId])).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM session WHERE user_id = $1 UNION ALL SELECT 1 FROM notification WHERE user_id = $1`, [p.pupil.id])).toEqual([]);
    expect([p.soloFileId, p.draftFileId, p.teamFileId].map((id) => storedBytesExist(t, id))).toEqual([false, false, false]);
  });

  it('keeps a pupil put on a class again before the purge, while one left in no class goes', async () => {
    const { school, admin } = await newSetting();
    const now = new Date((await t.dataSource.query(`SELECT now() AS now`))[0].now);
    const year = shanghaiSchoolYear(now);
    const cls = await classOf(school, year);
    const nextClass = await classOf(school, shiftYear(year, 1));
    const gone = await newPupil(t, cls);
    const back = await newPupil(t, cls);
    const left = await takeOff(cls.id, [gone.id, back.id]);
    const dates = datesOf(shanghaiSchoolYear(left));

    // Both are in the warning: the admins hear of the pupils in no class with the year's classes.
    const warned = await retention.run(dates.warnAt);
    expect(ofSchool(warned.warned, school.id)).toEqual([{ schoolId: school.id, schoolYear: shanghaiSchoolYear(left) }]);
    const [warning] = await t.dataSource.query(`SELECT details FROM audit_entry WHERE action = 'RETENTION_WARNED' AND subject_id = $1`, [school.id]);
    expect(warning.details).toMatchObject({ pupils: 2, pupilsInNoClass: 2 });
    expect(await t.dataSource.query(`SELECT kind FROM notification WHERE user_id = $1`, [admin.id])).toEqual([{ kind: 'RETENTION_WARNING' }]);

    await newPupil(t, nextClass, { pupilId: back.id });
    expect(await leftAt(back.id)).toBeNull();
    expect(await leftAt(gone.id)).toEqual(left);

    const due = await retention.run(dates.purgeAt);
    expect(ofSchool(due.purged, school.id)).toEqual([{ schoolId: school.id, schoolYear: shanghaiSchoolYear(left), pupilsRemoved: 1, worksRemoved: 0, filesRemoved: 0 }]);
    expect([await exists(gone.id), await exists(back.id)]).toEqual([false, true]);
    expect(await t.dataSource.query(`SELECT cohort_id FROM cohort_pupil WHERE pupil_id = $1`, [back.id])).toEqual([{ cohort_id: nextClass.id }]);
  });

  it('leaves pupils who are still on a class alone, however long ago their accounts were made', async () => {
    const { museum, educator, school, teacher } = await newSetting();
    const kept = await classOf(school, '2026-2027', teacher.id);
    const other = await classOf(school, '2026-2027', teacher.id);
    const stayer = await newPupil(t, kept);
    await newPupil(t, other, { pupilId: stayer.id });
    await t.dataSource.query(`UPDATE app_user SET created_at = '2019-10-01T00:00:00Z' WHERE id = $1`, [stayer.id]);
    const brief = await newBrief(t, { authorId: educator.id, museumId: museum.id });
    const assignment = await newAssignment(t, { classId: kept.id, briefId: brief.id, createdById: teacher.id });
    const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [assignment.id, stayer.id]);
    // Off one of their two classes: still on a class, so nothing is stamped.
    await takeOff(other.id, [stayer.id]);
    expect(await leftAt(stayer.id)).toBeNull();
    // Made in 2019-2020 and never on a class: long due.
    const neverEnrolled = await pupilNeverEnrolled(school, '2019-10-01T00:00:00Z');

    const run = await retention.run(new Date('2027-01-01T00:00:00Z'));
    expect(ofSchool(run.purged, school.id)).toEqual([{ schoolId: school.id, schoolYear: '2019-2020', pupilsRemoved: 1, worksRemoved: 0, filesRemoved: 0 }]);
    expect([await exists(neverEnrolled), await exists(stayer.id)]).toEqual([false, true]);
    expect(await t.dataSource.query(`SELECT 1 FROM work WHERE id = $1`, [work.id])).toHaveLength(1);
    expect(await t.dataSource.query(`SELECT cohort_id FROM cohort_pupil WHERE pupil_id = $1`, [stayer.id])).toEqual([{ cohort_id: kept.id }]);
  });

  it("warns the school's admins a month before, once, also for a year without classes", async () => {
    const { museum, admin, school } = await newSetting();
    // A second school of the museum, with a class of the same year and one of its pupils in no class.
    const withClass = await newSchool(t, { museumId: museum.id });
    const cls = await classOf(withClass, '2024-2025');
    await newPupil(t, cls);
    await pupilNeverEnrolled(school, '2025-03-10T02:00:00Z');
    await pupilNeverEnrolled(withClass, '2024-09-02T01:00:00Z');
    const warnings = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'RETENTION_WARNING'`, [admin.id]))[0].n as number;
    const mine = <T extends { schoolId: string }>(list: T[]) => list.filter((x) => x.schoolId === school.id || x.schoolId === withClass.id);

    // 2024-2025 goes on 31 July 2026 at 15:59 UTC; the warning is due from 30 June at 15:59.
    expect(mine((await retention.run(new Date('2026-06-30T15:58:59.999Z'))).warned)).toEqual([]);
    expect(await warnings()).toBe(0);

    const warned = await retention.run(new Date('2026-06-30T15:59:00.000Z'));
    expect(new Set(mine(warned.warned).map((w) => `${w.schoolId} ${w.schoolYear}`))).toEqual(new Set([`${school.id} 2024-2025`, `${withClass.id} 2024-2025`]));
    expect(mine(warned.warned)).toHaveLength(2);
    expect(await warnings()).toBe(2);
    const notices = await t.dataSource.query(`SELECT school_id, school_year, purge_at, purged_at FROM retention_notice WHERE school_id = ANY ($1::uuid[]) ORDER BY school_id`, [
      [school.id, withClass.id],
    ]);
    expect(notices.map((n: { purge_at: Date; purged_at: Date | null }) => [new Date(n.purge_at).toISOString(), n.purged_at])).toEqual([
      ['2026-07-31T15:59:00.000Z', null],
      ['2026-07-31T15:59:00.000Z', null],
    ]);
    const details = async (schoolId: string) =>
      (await t.dataSource.query(`SELECT details FROM audit_entry WHERE action = 'RETENTION_WARNED' AND subject_id = $1`, [schoolId])).map((r: { details: unknown }) => r.details);
    expect(await details(school.id)).toEqual([{ schoolYear: '2024-2025', purgeAt: '2026-07-31T15:59:00.000Z', pupils: 1, pupilsInNoClass: 1, works: 0 }]);
    expect(await details(withClass.id)).toEqual([{ schoolYear: '2024-2025', purgeAt: '2026-07-31T15:59:00.000Z', pupils: 2, pupilsInNoClass: 1, works: 0 }]);

    expect(mine((await retention.run(new Date('2026-07-15T00:00:00Z'))).warned)).toEqual([]);
    expect(await warnings()).toBe(2);

    const purged = await retention.run(new Date('2026-07-31T15:59:00.000Z'));
    const removed = (schoolId: string) => purged.purged.filter((p) => p.schoolId === schoolId).map((p) => p.pupilsRemoved);
    expect([removed(school.id), removed(withClass.id)]).toEqual([[1], [2]]);
    const done = await t.dataSource.query(`SELECT purged_at FROM retention_notice WHERE school_id = ANY ($1::uuid[])`, [[school.id, withClass.id]]);
    expect(done.map((n: { purged_at: Date }) => new Date(n.purged_at).toISOString())).toEqual(['2026-07-31T15:59:00.000Z', '2026-07-31T15:59:00.000Z']);
  });

  it('purges once when two runs start together, and finds nothing more afterwards', async () => {
    const { school } = await newSetting();
    const pupil = await pupilNeverEnrolled(school, '2019-10-01T00:00:00Z');
    const at = new Date('2027-02-01T00:00:00Z');
    const runs = await Promise.all([retention.run(at), retention.run(at)]);
    expect(runs.flatMap((r) => ofSchool(r.purged, school.id))).toEqual([{ schoolId: school.id, schoolYear: '2019-2020', pupilsRemoved: 1, worksRemoved: 0, filesRemoved: 0 }]);
    expect(await exists(pupil)).toBe(false);
    expect(ofSchool((await retention.run(new Date('2027-02-02T00:00:00Z'))).purged, school.id)).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM audit_entry WHERE action = 'RETENTION_PURGED' AND subject_id = $1`, [school.id])).toHaveLength(1);
  });

  it('waits for a pupil being put on a class as it purges, and keeps them', async () => {
    const url = (t.dataSource.options as { url?: string }).url;
    // PGlite is one session: there is no second transaction to race with.
    if (t.kind !== 'postgres' || !url) return;
    const { school } = await newSetting();
    const cls = await classOf(school, '2030-2031');
    const joining = await pupilNeverEnrolled(school, '2019-10-01T00:00:00Z');
    const alone = await pupilNeverEnrolled(school, '2019-10-02T00:00:00Z');
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`INSERT INTO cohort_pupil (cohort_id, pupil_id, sign_in_code) VALUES ($1, $2, 'JOINNG')`, [cls.id, joining]);
      const running = retention.run(new Date('2027-03-01T00:00:00Z'));
      let waiting = false;
      for (let i = 0; i < 100 && !waiting; i++) {
        const [row] = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`,
        );
        waiting = row.n > 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 50));
      }
      await other.query('COMMIT');
      expect(waiting).toBe(true);
      const run = await running;
      expect(ofSchool(run.purged, school.id)).toEqual([{ schoolId: school.id, schoolYear: '2019-2020', pupilsRemoved: 1, worksRemoved: 0, filesRemoved: 0 }]);
      expect([await exists(joining), await exists(alone)]).toEqual([true, false]);
    } finally {
      await other.end();
    }
  });

  it('stamps the leaving in the transaction that takes the last place, however it goes, and clears it on joining', async () => {
    const { school } = await newSetting();
    const first = await classOf(school, '2026-2027');
    const second = await classOf(school, '2026-2027');
    const pupil = await newPupil(t, first);
    await newPupil(t, second, { pupilId: pupil.id });
    expect(await leftAt(pupil.id)).toBeNull();

    await takeOff(first.id, [pupil.id]);
    expect(await leftAt(pupil.id)).toBeNull();

    // A class deleted with its places (ON DELETE CASCADE) in a transaction that rolls back leaves nothing behind.
    await expect(
      t.dataSource.transaction(async (tx) => {
        await tx.query(`DELETE FROM cohort WHERE id = $1`, [second.id]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await leftAt(pupil.id)).toBeNull();

    const deletedAt = await t.dataSource.transaction(async (tx) => {
      await tx.query(`DELETE FROM cohort WHERE id = $1`, [second.id]);
      return new Date((await tx.query(`SELECT now() AS now`))[0].now);
    });
    expect(await leftAt(pupil.id)).toEqual(deletedAt);

    await newPupil(t, first, { pupilId: pupil.id });
    expect(await leftAt(pupil.id)).toBeNull();
  });

  it('gives pupils already in no class the day of the migration, so none is purged by it', async () => {
    const { school } = await newSetting();
    const cls = await classOf(school, '2026-2027');
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const migration = new PupilsLeftLastClass1795628991997();
      await migration.down(runner);
      const [inNoClass] = await runner.query(`INSERT INTO app_user (role, display_name, school_id, created_at) VALUES ('PUPIL', 'Before', $1, '2019-10-01') RETURNING id`, [school.id]);
      const [onClass] = await runner.query(`INSERT INTO app_user (role, display_name, school_id, created_at) VALUES ('PUPIL', 'On a class', $1, '2019-10-01') RETURNING id`, [school.id]);
      await runner.query(`INSERT INTO cohort_pupil (cohort_id, pupil_id, sign_in_code) VALUES ($1, $2, 'BEFORE')`, [cls.id, onClass.id]);
      await migration.up(runner);
      const [{ now }] = await runner.query(`SELECT now() AS now`);
      const rows = await runner.query(`SELECT id, left_last_class_at FROM app_user WHERE id = ANY ($1::uuid[])`, [[inNoClass.id, onClass.id]]);
      const stamp = (id: string) => rows.find((r: { id: string }) => r.id === id).left_last_class_at;
      expect(new Date(stamp(inNoClass.id))).toEqual(new Date(now));
      expect(stamp(onClass.id)).toBeNull();
    } finally {
      // Nothing of this stays: the schema is as the migrations left it.
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE school_id = $1 AND display_name IN ('Before', 'On a class')`, [school.id])).toEqual([]);
    expect(await t.dataSource.query(`SELECT tgname FROM pg_trigger WHERE tgname = 'cohort_pupil_left_last_class'`)).toHaveLength(1);
  });

  it("shows the school's privacy page the pupils in no class beside the year they go with, even a year with no class", async () => {
    const { admin, school, teacher } = await newSetting();
    const cls = await classOf(school, '2025-2026', teacher.id);
    await newPupil(t, cls);
    await pupilNeverEnrolled(school, '2024-09-01T00:00:00Z');
    const leaving = await newPupil(t, cls);
    const leftAt = await takeOff(cls.id, [leaving.id]);
    const page = await t.gql(
      `query ($id: ID) { schoolPrivacy(schoolId: $id) { years { schoolYear classCount pupilCount pupilsInNoClass purgeAt } } }`,
      { id: school.id },
      { token: await signInStaff(t, admin) },
    );
    expect(page.errors).toBeUndefined();
    const years = page.data!.schoolPrivacy.years as { schoolYear: string; classCount: number; pupilCount: number; pupilsInNoClass: number; purgeAt: string }[];
    const leftYear = shanghaiSchoolYear(leftAt);
    const expected = new Map<string, { classCount: number; pupilCount: number; pupilsInNoClass: number }>([
      ['2024-2025', { classCount: 0, pupilCount: 0, pupilsInNoClass: 1 }],
      ['2025-2026', { classCount: 1, pupilCount: 1, pupilsInNoClass: 0 }],
    ]);
    const inLeftYear = expected.get(leftYear) ?? { classCount: 0, pupilCount: 0, pupilsInNoClass: 0 };
    expected.set(leftYear, { ...inLeftYear, pupilsInNoClass: inLeftYear.pupilsInNoClass + 1 });
    expect(years.map((y) => y.schoolYear).sort()).toEqual([...expected.keys()].sort());
    for (const y of years) {
      expect({ classCount: y.classCount, pupilCount: y.pupilCount, pupilsInNoClass: y.pupilsInNoClass }).toEqual(expected.get(y.schoolYear));
      expect(y.purgeAt).toBe(datesOf(y.schoolYear).purgeAt.toISOString());
    }
  });
});
