import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { retentionDates, retentionStage, type RetentionDates, type RetentionStage } from '@lmr/domain';
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

  /** One run of the job at `now` (the injected clock by default). */
  async run(now: Date = this.clock()): Promise<RetentionRun> {
    const sent: NotificationEntity[] = [];
    const storageKeys: string[] = [];
    const result = await this.dataSource.transaction(async (tx): Promise<RetentionRun> => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RETENTION_LOCK]);
      if (!locked) return { ran: false, warned: [], purged: [] };
      const years = await this.schoolYears(tx, now);
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
          const purged = await this.purge(tx, year, purgeCohorts, now, storageKeys);
          if (purged) run.purged.push({ schoolId: year.schoolId, schoolYear: year.schoolYear, ...purged });
        }
      }
      return run;
    });
    await this.deletion.removeStoredBytes(storageKeys);
    await this.notifications.publish(sent);
    return result;
  }

  /** Warns the museum's admins once per school year that has something to purge. */
  private async warn(tx: EntityManager, year: SchoolYearRetention, now: Date): Promise<NotificationEntity[] | null> {
    const [{ pupils, works }] = await tx.query(
      `SELECT (SELECT count(DISTINCT pupil_id) FROM cohort_pupil WHERE cohort_id = ANY ($1::uuid[]))::int AS pupils,
              (SELECT count(*) FROM work w JOIN assignment a ON a.id = w.assignment_id WHERE a.cohort_id = ANY ($1::uuid[]))::int AS works`,
      [year.cohortIds],
    );
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
      details: { schoolYear: year.schoolYear, purgeAt: year.dates.purgeAt.toISOString(), pupils, works },
    });
    return rows;
  }

  /**
   * Removes the year's work (individual and team, with attempts, feedback, nominations and
   * files) and the accounts of pupils none of whose years is still kept.
   */
  private async purge(
    tx: EntityManager,
    year: SchoolYearRetention,
    purgeCohorts: Set<string>,
    now: Date,
    storageKeys: string[],
  ): Promise<{ pupilsRemoved: number; worksRemoved: number; filesRemoved: number } | null> {
    const pupils: { pupil_id: string }[] = await tx.query(
      `SELECT DISTINCT cp.pupil_id FROM cohort_pupil cp
        WHERE cp.cohort_id = ANY ($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM cohort_pupil other WHERE other.pupil_id = cp.pupil_id AND NOT (other.cohort_id = ANY ($2::uuid[])))`,
      [year.cohortIds, [...purgeCohorts]],
    );
    let worksRemoved = 0;
    let filesRemoved = 0;
    for (const { pupil_id } of pupils) {
      const outcome = await this.deletion.deleteInTransaction(tx, pupil_id);
      worksRemoved += outcome.worksRemoved;
      filesRemoved += outcome.filesRemoved;
      storageKeys.push(...outcome.storageKeys);
    }
    // What is left of the year: team work, and work of pupils who are still on a later class.
    const left = await this.purgeWork(tx, year.cohortIds, storageKeys);
    worksRemoved += left.works;
    filesRemoved += left.files;

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
