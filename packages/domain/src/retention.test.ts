import { describe, expect, it } from 'vitest';
import { addMonths, isRetentionMonths, retentionDates, retentionStage, schoolYearAt, schoolYearEnd } from './retention.js';

describe('retention', () => {
  it('ends a school year at the end of 31 July of its second year, in the school zone', () => {
    expect(schoolYearEnd('2025-2026', 'Asia/Shanghai')?.toISOString()).toBe('2026-07-31T15:59:00.000Z');
    expect(schoolYearEnd('2025-2027', 'Asia/Shanghai')).toBeNull();
    expect(schoolYearEnd('2025', 'Asia/Shanghai')).toBeNull();
    expect(schoolYearEnd('2025-2026', 'Not/AZone')).toBeNull();
  });

  it('names the school year a moment falls in, changing at the end of 31 July in the school zone', () => {
    expect(schoolYearAt(new Date('2026-01-15T00:00:00Z'), 'Asia/Shanghai')).toBe('2025-2026');
    expect(schoolYearAt(new Date('2026-07-31T15:58:00Z'), 'Asia/Shanghai')).toBe('2025-2026');
    expect(schoolYearAt(new Date('2026-07-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-2027');
    // The same instant is still 31 July in New York.
    expect(schoolYearAt(new Date('2026-07-31T16:00:00Z'), 'America/New_York')).toBe('2025-2026');
    expect(schoolYearAt(new Date('2026-08-01T04:00:00Z'), 'America/New_York')).toBe('2026-2027');
    expect(schoolYearAt(new Date('2026-12-31T23:00:00Z'), 'Asia/Shanghai')).toBe('2026-2027');
    expect(schoolYearAt(new Date('2026-01-15T00:00:00Z'), 'Not/AZone')).toBeNull();
  });

  it('adds calendar months, clamping the day', () => {
    expect(addMonths(new Date('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2026-07-31T15:59:00Z'), 12).toISOString()).toBe('2027-07-31T15:59:00.000Z');
    expect(addMonths(new Date('2027-07-31T15:59:00Z'), -1).toISOString()).toBe('2027-06-30T15:59:00.000Z');
  });

  it('purges a year after the chosen months and warns a month before', () => {
    const dates = retentionDates('2025-2026', 'Asia/Shanghai', 12)!;
    expect(dates.purgeAt.toISOString()).toBe('2027-07-31T15:59:00.000Z');
    expect(dates.warnAt.toISOString()).toBe('2027-06-30T15:59:00.000Z');
    expect(retentionStage(dates, new Date('2027-06-01T00:00:00Z'))).toBe('KEPT');
    expect(retentionStage(dates, new Date('2027-07-01T00:00:00Z'))).toBe('WARN');
    expect(retentionStage(dates, new Date('2027-07-31T15:59:00Z'))).toBe('PURGE');
  });

  it('accepts whole months from 1 to 120', () => {
    expect(isRetentionMonths(12)).toBe(true);
    expect(isRetentionMonths(0)).toBe(false);
    expect(isRetentionMonths(121)).toBe(false);
    expect(isRetentionMonths(1.5)).toBe(false);
  });
});
