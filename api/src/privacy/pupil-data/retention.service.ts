import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { retentionDates, retentionStage, schoolYearAt, type RetentionDates, type RetentionStage } from '@lmr/domain';
import { AuditService } from '../../audit/audit.service';
import { APP_CONFIG } from '../../common/app-config.module';
import type { AppConfig } from '../../config/config';
import type { NotificationEntity } from '../../notifications/notification.entity';
import { NotificationsService } from '../../notifications/notifications.service';
import { PupilDeletionService } from './pupil-deletion.service';

/** The job's clock; tests provide their own to run it at chosen dates. */
export const RETENTION_CLOCK = Symbol('RetentionClock');
export type Clock = () => Date;

/** One key for the whole product: of several API processes, one runs the job at a time. */
const RETENTION_LOCK = 7_310_010;
/** How often the job runs (the first run is a minute after start-up). */
export const RETENTION_INTERVAL_MS = 3_600_000;

export interface SchoolYearRetention {
  schoolId: string;
  museumId: string;
  schoolYear: string;
  cohortIds: string[];
  dates: RetentionDates;
  stage: RetentionStage;
}

/** A pupil in no class, with the moment their time is counted from (see pupilsInNoClass). */
interface PupilInNoClass {
  pupilId: string;
  since: Date;
}

/** What one school year's warning and purge cover: its classes, and the pupils in no class counted from within it. */
export interface RetentionGroup extends SchoolYearRetention {
  pupilsInNoClass: PupilInNoClass[];
}

export interface RetentionRun {
  /** False when another process held the lock. */
  ran: boolean;
  warned: { schoolId: string; schoolYear: string }[];
  purged: { schoolId: string; schoolYear: string; pupilsRemoved: number; worksRemoved: number; filesRemoved: number }[];
}

/**
 * Retention: each school keeps pupils' work for its chosen months after a school year ends,
 * and a pupil's account until the last of their school years has passed that too. An
 * in-process timer runs the job hourly (unless RETENTION_JOB=false); a transaction-scoped
 * advisory lock lets one API process at a time run it, and a notice row per school year makes
 * the warning go out once.
 *
 * Pupils in no class (taken off every class, or never put on one) have no class year to go
 * with, so they would otherwise be kept for ever. Such a pupil counts as belonging to the
 * school year in which they left their last class, or, if they were never on one, in which
 * their account was made; from there it is as for a class: the end of that school year plus
 * the school's months, and the admins' warning a month before. They join that year's warning
 * and purge (one notice row, one audit entry per school year), whether or not the school has
 * classes in that year. A pupil put on a class again before the purge is kept: only pupils
 * still in no class when the purge runs are removed, checked under a lock on their row.
 * Counting from the leaving rather than from the class's own year means that taking a pupil
 * off a past year's class keeps them until that later school year has passed.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RetentionService');
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly deletion: PupilDeletionService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(RETENTION_CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.retentionJob) return;
    const tick = () => void this.run().catch((err: unknown) => this.logger.error(`retention job failed: ${String(err)}`));
    this.timers = [setInterval(tick, RETENTION_INTERVAL_MS), setTimeout(tick, 60_000)];
    for (const timer of this.timers) timer.unref();
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
  }

  /** Every class's school year with its retention dates and stage at `now`, grouped by school and year. */
  async schoolYears(db: Pick<EntityManager, 'query'>, now: Date, schoolId?: string): Promise<SchoolYearRetention[]> {
    const rows: { cohort_id: string; school_year: string; school_id: string; museum_id: string; time_zone: string; retention_months: number }[] = await db.query(
      `SELECT c.id AS cohort_id, c.school_year, s.id AS school_id, s.museum_id, s.time_zone, s.retention_months
         FROM cohort c JOIN school s ON s.id = c.school_id
        WHERE ($1::uuid IS NULL OR s.id = $1)
        ORDER BY s.id, c.school_year`,
      [schoolId ?? null],
    );
    const groups = new Map<string, SchoolYearRetention>();
    for (const r of rows) {
      const key = `${r.school_id}:${r.school_year}`;
      const existing = groups.get(key);
      if (existing) {
        existing.cohortIds.push(r.cohort_id);
        continue;
      }
      const dates = retentionDates(r.school_year, r.time_zone, r.retention_months);
      if (!dates) continue;
      groups.set(key, { schoolId: r.school_id, museumId: r.museum_id, schoolYear: r.school_year, cohortIds: [r.cohort_id], dates, stage: retentionStage(dates, now) });
    }
    return [...groups.values()];
  }

  /**
   * Pupils of a school who are in no class, grouped by the school year their time is counted
   * from: the one in which they left their last class, or in which their account was made if
   * they were never on one. Former-pupil stand-ins have no school and go with their teams.
   */
  private async pupilsInNoClass(db: Pick<EntityManager, 'query'>, now: Date, schoolId?: string): Promise<RetentionGroup[]> {
    const rows: { id: string; since: Date; school_id: string; museum_id: string; time_zone: string; retention_months: number }[] = await db.query(
      `SELECT u.id, COALESCE(u.left_last_class_at, u.created_at) AS since, s.id AS school_id, s.museum_id, s.time_zone, s.retention_months
         FROM app_user u JOIN school s ON s.id = u.school_id
        WHERE u.role = 'PUPIL' AND NOT EXISTS (SELECT 1 FROM cohort_pupil cp WHERE cp.pupil_id = u.id)
          AND ($1::uuid IS NULL OR s.id = $1)
        ORDER BY s.id, u.id`,
      [schoolId ?? null],
    );
    const groups = new Map<string, RetentionGroup>();
    for (const r of rows) {
      const since = new Date(r.since);
      const schoolYear = schoolYearAt(since, r.time_zone);
      const dates = schoolYear ? retentionDates(schoolYear, r.time_zone, r.retention_months) : null;
      if (!schoolYear || !dates) continue;
      const key = `${r.school_id}:${schoolYear}`;
      const group = groups.get(key) ?? { schoolId: r.school_id, museumId: r.museum_id, schoolYear, cohortIds: [], pupilsInNoClass: [], dates, stage: retentionStage(dates, now) };
      group.pupilsInNoClass.push({ pupilId: r.id, since });
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  /**
   * A school's years as the job sees them at `now`: its classes' years, and the years its pupils
   * in no class count from, one group per year (the privacy page shows what will be purged when).
   */
  async schoolGroups(db: Pick<EntityManager, 'query'>, now: Date, schoolId: string): Promise<RetentionGroup[]> {
    return withPupilsInNoClass(await this.schoolYears(db, now, schoolId), await this.pupilsInNoClass(db, now, schoolId));
  }

  /** One run of the job at `now` (the injected clock by default). */
  async run(now: Date = this.clock()): Promise<RetentionRun> {
    const sent: NotificationEntity[] = [];
    const storageKeys: string[] = [];
    const endedSessionIds: string[] = [];
    const result = await this.dataSource.transaction(async (tx): Promise<RetentionRun> => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RETENTION_LOCK]);
      if (!locked) return { ran: false, warned: [], purged: [] };
      const years = withPupilsInNoClass(await this.schoolYears(tx, now), await this.pupilsInNoClass(tx, now));
      const purgeCohorts = new Set(years.filter((y) => y.stage === 'PURGE').flatMap((y) => y.cohortIds));
      const run: RetentionRun = { ran: true, warned: [], purged: [] };
      for (const year of years) {
        if (year.stage === 'WARN') {
          const notified = await this.warn(tx, year, now);
          if (notified) {
            sent.push(...notified);
            run.warned.push({ schoolId: year.schoolId, schoolYear: year.schoolYear });
          }
        } else if (year.stage === 'PURGE') {
          const purged = await this.purge(tx, year, purgeCohorts, now, storageKeys, endedSessionIds);
          if (purged) run.purged.push({ schoolId: year.schoolId, schoolYear: year.schoolYear, ...purged });
        }
      }
      return run;
    });
    await this.deletion.removeStoredBytes(storageKeys);
    await this.deletion.announceEnded(endedSessionIds);
    await this.notifications.publish(sent);
    return result;
  }

  /** Warns the museum's admins once per school year that has something to purge. */
  private async warn(tx: EntityManager, year: RetentionGroup, now: Date): Promise<NotificationEntity[] | null> {
    const noClassIds = year.pupilsInNoClass.map((p) => p.pupilId);
    const [{ class_pupils, works }] = await tx.query(
      `SELECT (SELECT count(DISTINCT pupil_id) FROM cohort_pupil WHERE cohort_id = ANY ($1::uuid[]))::int AS class_pupils,
              (SELECT count(*) FROM work w JOIN assignment a ON a.id = w.assignment_id
                WHERE a.cohort_id = ANY ($1::uuid[]) OR w.pupil_id = ANY ($2::uuid[]))::int AS works`,
      [year.cohortIds, noClassIds],
    );
    const pupils = Number(class_pupils) + noClassIds.length;
    if (pupils === 0 && works === 0) return null;
    const inserted: unknown[] = await tx.query(
      `INSERT INTO retention_notice (school_id, school_year, purge_at, warned_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (school_id, school_year) DO NOTHING RETURNING id`,
      [year.schoolId, year.schoolYear, year.dates.purgeAt, now],
    );
    if (inserted.length === 0) return null;
    const admins: { id: string }[] = await tx.query(`SELECT id FROM app_user WHERE role = 'ADMIN' AND museum_id = $1 AND disabled_at IS NULL`, [year.museumId]);
    const rows = await this.notifications.record(tx, admins.map((a) => ({ userId: a.id, kind: 'RETENTION_WARNING' as const })));
    await this.audit.record(tx, {
      actorId: null,
      museumId: year.museumId,
      action: 'RETENTION_WARNED',
      subjectType: 'School',
      subjectId: year.schoolId,
      details: { schoolYear: year.schoolYear, purgeAt: year.dates.purgeAt.toISOString(), pupils, pupilsInNoClass: noClassIds.length, works },
    });
    return rows;
  }

  /**
   * Removes the year's work (individual and team, with attempts, feedback, nominations and
   * files), the accounts of pupils none of whose years is still kept, and those of the year's
   * pupils in no class who are still in none.
   */
  private async purge(
    tx: EntityManager,
    year: RetentionGroup,
    purgeCohorts: Set<string>,
    now: Date,
    storageKeys: string[],
    endedSessionIds: string[],
  ): Promise<{ pupilsRemoved: number; worksRemoved: number; filesRemoved: number } | null> {
    const classPupils: { pupil_id: string }[] = await tx.query(
      `SELECT DISTINCT cp.pupil_id FROM cohort_pupil cp
        WHERE cp.cohort_id = ANY ($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM cohort_pupil other WHERE other.pupil_id = cp.pupil_id AND NOT (other.cohort_id = ANY ($2::uuid[])))`,
      [year.cohortIds, [...purgeCohorts]],
    );
    const pupils = [...classPupils.map((p) => p.pupil_id), ...(await this.stillInNoClass(tx, year.pupilsInNoClass))];
    let worksRemoved = 0;
    let filesRemoved = 0;
    for (const pupilId of pupils) {
      const outcome = await this.deletion.deleteInTransaction(tx, pupilId);
      worksRemoved += outcome.worksRemoved;
      filesRemoved += outcome.filesRemoved;
      storageKeys.push(...outcome.storageKeys);
      endedSessionIds.push(...outcome.endedSessionIds);
    }
    // What is left of the year: team work, and work of pupils who are still on a later class.
    if (year.cohortIds.length > 0) {
      const left = await this.purgeWork(tx, year.cohortIds, storageKeys);
      worksRemoved += left.works;
      filesRemoved += left.files;
    }

    const notice: { purged_at: Date | null }[] = await tx.query(`SELECT purged_at FROM retention_notice WHERE school_id = $1 AND school_year = $2`, [year.schoolId, year.schoolYear]);
    const removedSomething = pupils.length + worksRemoved + filesRemoved > 0;
    if (!removedSomething && notice[0]?.purged_at) return null;
    if (!removedSomething && !notice[0]) return null;
    await tx.query(
      `INSERT INTO retention_notice (school_id, school_year, purge_at, warned_at, purged_at) VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (school_id, school_year) DO UPDATE SET purged_at = EXCLUDED.purged_at`,
      [year.schoolId, year.schoolYear, year.dates.purgeAt, now],
    );
    const summary = { pupilsRemoved: pupils.length, worksRemoved, filesRemoved };
    await this.audit.record(tx, {
      actorId: null,
      museumId: year.museumId,
      action: 'RETENTION_PURGED',
      subjectType: 'School',
      subjectId: year.schoolId,
      details: { schoolYear: year.schoolYear, ...summary },
    });
    return summary;
  }

  /**
   * Of the pupils found in no class, those still in none and still counted from the same
   * moment. Their rows are locked first and looked at again in a later statement (which sees
   * what committed meanwhile): a pupil being put on a class right now holds their row (the
   * cohort_pupil trigger locks it), so the purge waits for that and then keeps them, and one
   * put on a class after the lock waits for the purge and finds the account gone.
   */
  private async stillInNoClass(tx: EntityManager, found: PupilInNoClass[]): Promise<string[]> {
    if (found.length === 0) return [];
    const ids = found.map((p) => p.pupilId);
    await tx.query(`SELECT id FROM app_user WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
    const rows: { id: string; since: Date }[] = await tx.query(
      `SELECT u.id, COALESCE(u.left_last_class_at, u.created_at) AS since FROM app_user u
        WHERE u.id = ANY ($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM cohort_pupil cp WHERE cp.pupil_id = u.id)
        ORDER BY u.id`,
      [ids],
    );
    const sinceOf = new Map(found.map((p) => [p.pupilId, p.since.getTime()]));
    // A pupil put on a class and taken off again in between counts from the new date: a later run decides.
    return rows.filter((r) => new Date(r.since).getTime() === sinceOf.get(r.id)).map((r) => r.id);
  }

  /** Work on the classes' assignments, its files unless a surviving work uses them, its teams, and former-pupil stand-ins left without a team. */
  private async purgeWork(tx: EntityManager, cohortIds: string[], storageKeys: string[]): Promise<{ works: number; files: number }> {
    const works: { id: string }[] = await tx.query(
      `SELECT w.id FROM work w JOIN assignment a ON a.id = w.assignment_id WHERE a.cohort_id = ANY ($1::uuid[])`,
      [cohortIds],
    );
    const workIds = works.map((w) => w.id);
    const teams: { id: string }[] = await tx.query(`SELECT t.id FROM team t JOIN assignment a ON a.id = t.assignment_id WHERE a.cohort_id = ANY ($1::uuid[])`, [cohortIds]);
    const formerMembers: { pupil_id: string }[] = await tx.query(
      `SELECT DISTINCT tm.pupil_id FROM team_member tm JOIN app_user u ON u.id = tm.pupil_id
        WHERE tm.team_id = ANY ($1::uuid[]) AND u.school_id IS NULL AND u.role = 'PUPIL'`,
      [teams.map((t) => t.id)],
    );
    let files = 0;
    if (workIds.length > 0) {
      const removed: { id: string; storage_key: string; thumbnail_key: string | null }[] = await tx.query(
        `SELECT f.id, f.storage_key, f.thumbnail_key FROM stored_file f
          WHERE f.purpose = 'WORK_ATTACHMENT'
            AND (EXISTS (SELECT 1 FROM work_part wp WHERE wp.work_id = ANY ($1::uuid[]) AND f.id = ANY (wp.attachment_ids))
                 OR EXISTS (SELECT 1 FROM work_version wv WHERE wv.work_id = ANY ($1::uuid[])
                              AND wv.parts @> jsonb_build_array(jsonb_build_object('attachmentIds', jsonb_build_array(f.id::text)))))
            AND NOT EXISTS (SELECT 1 FROM work_part wp WHERE NOT (wp.work_id = ANY ($1::uuid[])) AND f.id = ANY (wp.attachment_ids))
            AND NOT EXISTS (SELECT 1 FROM work_version wv WHERE NOT (wv.work_id = ANY ($1::uuid[]))
                              AND wv.parts @> jsonb_build_array(jsonb_build_object('attachmentIds', jsonb_build_array(f.id::text))))`,
        [workIds],
      );
      files = removed.length;
      storageKeys.push(...removed.flatMap((f) => (f.thumbnail_key ? [f.storage_key, f.thumbnail_key] : [f.storage_key])));
      await tx.query(`DELETE FROM stored_file WHERE id = ANY ($1::uuid[])`, [removed.map((f) => f.id)]);
      await tx.query(
        `UPDATE audit_entry SET subject_id = NULL
          WHERE (subject_type = 'Work' AND subject_id = ANY ($1::uuid[]))
             OR (subject_type = 'Nomination' AND subject_id IN (SELECT n.id FROM nomination n JOIN work_version v ON v.id = n.version_id WHERE v.work_id = ANY ($1::uuid[])))`,
        [workIds],
      );
      await tx.query(`DELETE FROM notification WHERE work_id = ANY ($1::uuid[])`, [workIds]);
      await tx.query(`DELETE FROM work WHERE id = ANY ($1::uuid[])`, [workIds]);
    }
    await tx.query(`DELETE FROM team WHERE id = ANY ($1::uuid[])`, [teams.map((t) => t.id)]);
    // Stand-ins for deleted pupils that no team names any more.
    await tx.query(
      `DELETE FROM app_user u WHERE u.id = ANY ($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM team_member tm WHERE tm.pupil_id = u.id)
         AND NOT EXISTS (SELECT 1 FROM stored_file f WHERE f.uploaded_by_id = u.id)`,
      [formerMembers.map((m) => m.pupil_id)],
    );
    return { works: workIds.length, files };
  }
}

/** The class years and the groups of pupils in no class, one group per school and year, in school and year order. */
function withPupilsInNoClass(years: SchoolYearRetention[], noClass: RetentionGroup[]): RetentionGroup[] {
  const groups = new Map<string, RetentionGroup>(years.map((y) => [`${y.schoolId}:${y.schoolYear}`, { ...y, pupilsInNoClass: [] }]));
  for (const group of noClass) {
    const key = `${group.schoolId}:${group.schoolYear}`;
    const year = groups.get(key);
    if (year) year.pupilsInNoClass.push(...group.pupilsInNoClass);
    else groups.set(key, group);
  }
  const order = (g: RetentionGroup) => `${g.schoolId}:${g.schoolYear}`;
  return [...groups.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
