import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format';
import { languages } from './language';

describe('formatting', () => {
  it('writes every count under a thousand exactly as Intl would, in both languages', () => {
    for (const language of languages) {
      const intl = new Intl.NumberFormat(language);
      for (let value = -999; value <= 999; value++) expect(formatNumber(value, language)).toBe(intl.format(value));
      expect(formatNumber(12345, language)).toBe(intl.format(12345));
      expect(formatNumber(0.5, language)).toBe(intl.format(0.5));
      expect(formatNumber(0.5, language, { style: 'percent' })).toBe(new Intl.NumberFormat(language, { style: 'percent' }).format(0.5));
    }
  });

  it('formats dates with the options given, whichever was asked for before', () => {
    const day = '2026-12-08T03:00:00Z';
    expect(formatDate(day, 'en', { dateStyle: 'long', timeZone: 'UTC' })).toBe('December 8, 2026');
    expect(formatDate(day, 'en', { dateStyle: 'short', timeZone: 'UTC' })).toBe('12/8/26');
    expect(formatDate(day, 'zh-CN', { dateStyle: 'long', timeZone: 'UTC' })).toBe('2026年12月8日');
  });
});
