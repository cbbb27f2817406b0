import { zonedToInstant } from './dates.js';

/**
 * How long a school keeps pupils' accounts and work after a school year ends. Schools choose;
 * a year is the default because it covers the museum's exhibition season that follows.
 */
export const DEFAULT_RETENTION_MONTHS = 12;
export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

/** Admins hear of a purge this many months before it happens. */
export const RETENTION_WARNING_MONTHS = 1;

/** The name kept on team work in place of a pupil whose data was deleted. */
export const FORMER_PUPIL_NAME = '一位前学员 · a former pupil';

export function isRetentionMonths(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_RETENTION_MONTHS && value <= MAX_RETENTION_MONTHS;
}

/**
 * The moment a school year ("2026-2027") ends in the school's zone: the end of 31 July of its
 * second year, when Chinese schools close for the summer. Null for a malformed year or zone.
 */
export function schoolYearEnd(schoolYear: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{4})$/.exec(schoolYear.trim());
  if (!m || Number(m[2]) !== Number(m[1]) + 1) return null;
  return zonedToInstant(`${m[2]}-07-31`, timeZone);
}

/**
 * The school year ("2025-2026") that `at` falls in, in the school's zone: school years run to
 * the end of 31 July, as schoolYearEnd has it. Null for a malformed zone.
 */
export function schoolYearAt(at: Date, timeZone: string): string | null {
  // 31 July is far from New Year, so the UTC year names the same calendar year as the school's zone.
  const year = at.getUTCFullYear();
  const ending = `${year - 1}-${year}`;
  const end = schoolYearEnd(ending, timeZone);
  if (!end) return null;
  return at.getTime() < end.getTime() ? ending : `${year}-${year + 1}`;
}

/** `at` moved by whole calendar months, the day clamped to the month's length (31 Jan + 1 = 28/29 Feb). */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export interface RetentionDates {
  /** When the school year ended. */
  endedAt: Date;
  /** From this moment the year's pupils' work (and accounts with no later year) may be purged. */
  purgeAt: Date;
  /** From this moment admins are warned of the purge. */
  warnAt: Date;
}

/** The retention dates of a class's school year; null when the year or zone cannot be read. */
export function retentionDates(schoolYear: string, timeZone: string, months: number): RetentionDates | null {
  const endedAt = schoolYearEnd(schoolYear, timeZone);
  if (!endedAt) return null;
  const purgeAt = addMonths(endedAt, months);
  return { endedAt, purgeAt, warnAt: addMonths(purgeAt, -RETENTION_WARNING_MONTHS) };
}

export type RetentionStage = 'KEPT' | 'WARN' | 'PURGE';

/** Where a school year stands at `now`: still kept, inside the warning month, or past retention. */
export function retentionStage(dates: RetentionDates, now: Date): RetentionStage {
  if (now.getTime() >= dates.purgeAt.getTime()) return 'PURGE';
  if (now.getTime() >= dates.warnAt.getTime()) return 'WARN';
  return 'KEPT';
}
