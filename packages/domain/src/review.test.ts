import { describe, expect, it } from 'vitest';
import { anonymousLabel, averageScores, checkReviewScores, formatCredit, gradeBandOf, parseSeason, redactNames, reviewTotal, seasonDates, seasonOf, shortName } from './review.js';

const full = [
  { criterion: 'RESEARCH_QUESTION', score: 4 },
  { criterion: 'EVIDENCE', score: 5 },
  { criterion: 'CREATIVITY', score: 3 },
  { criterion: 'PRESENTATION', score: 4 },
];

describe('review rubric', () => {
  it('takes every criterion once with whole scores 1 to 5', () => {
    const r = checkReviewScores(full);
    expect(r.ok).toBe(true);
    if (r.ok) expect(reviewTotal(r.scores)).toBe(16);
    expect(checkReviewScores(full.slice(1)).ok).toBe(false);
    expect(checkReviewScores([...full.slice(1), { criterion: 'RESEARCH_QUESTION', score: 6 }]).ok).toBe(false);
    expect(checkReviewScores([...full, { criterion: 'EVIDENCE', score: 2 }]).ok).toBe(false);
    expect(checkReviewScores([...full.slice(1), { criterion: 'SPELLING', score: 2 }]).ok).toBe(false);
  });
  it('averages per criterion', () => {
    const a = { RESEARCH_QUESTION: 4, EVIDENCE: 5, CREATIVITY: 3, PRESENTATION: 4 };
    const b = { RESEARCH_QUESTION: 5, EVIDENCE: 4, CREATIVITY: 3, PRESENTATION: 2 };
    expect(averageScores([a, b])).toEqual({ RESEARCH_QUESTION: 4.5, EVIDENCE: 4.5, CREATIVITY: 3, PRESENTATION: 3 });
    expect(averageScores([])).toBeNull();
  });
});

describe('seasons and bands', () => {
  it('puts August to January in the autumn season of the year it starts', () => {
    expect(seasonOf(2026, 9).key).toBe('2026-AUTUMN');
    expect(seasonOf(2027, 1).label).toEqual({ zh: '2026 秋季', en: 'Autumn 2026' });
    expect(seasonOf(2027, 3).key).toBe('2027-SPRING');
    expect(parseSeason('2026-AUTUMN')?.label.en).toBe('Autumn 2026');
    expect(parseSeason('autumn')).toBeNull();
  });
  it('bands grades', () => {
    expect(gradeBandOf(3)).toBe('LOWER_PRIMARY');
    expect(gradeBandOf(4)).toBe('UPPER_PRIMARY');
    expect(gradeBandOf(8)).toBe('JUNIOR_SECONDARY');
  });
  it('labels works without saying whose they are', () => {
    expect(anonymousLabel('0f8e9a3c-0000-4000-8000-00000000a1b2')).toEqual({ zh: '作品 #A1B2', en: 'Work #A1B2' });
  });
});

describe('credit', () => {
  it('shortens Chinese and Latin names', () => {
    expect(shortName('王小明')).toBe('王同学');
    expect(shortName('欧阳娜娜')).toBe('欧阳同学');
    expect(shortName('Fang Wang')).toBe('Fang W.');
  });
  it('credits as the consent allows', () => {
    expect(formatCredit('FULL_NAME', ['王小明'], '实验小学')).toEqual({ zh: '王小明', en: '王小明' });
    expect(formatCredit('FIRST_NAME_INITIAL_SCHOOL', ['王小明', '李华'], '实验小学')).toEqual({ zh: '王同学、李同学（实验小学）', en: '王同学, 李同学, 实验小学' });
    expect(formatCredit('ANONYMOUS', ['王小明'], '实验小学')).toEqual({ zh: '一位小小研究员', en: 'A young researcher' });
    expect(formatCredit('ANONYMOUS', ['王小明', '李华'], '实验小学').en).toBe('A team of young researchers');
  });
  it('redacts known names and given names', () => {
    expect(redactNames('王小明和小明的老师张丽在实验小学', ['王小明', '张丽', '实验小学'])).toBe('▇▇和▇▇的老师▇▇在▇▇');
    expect(redactNames('Fang Wang drew it', ['Fang Wang'])).toBe('▇▇ drew it');
  });
});

describe('seasonDates', () => {
  it('spans exactly the months seasonOf puts in the season', () => {
    for (const year of [2025, 2026]) {
      for (let month = 1; month <= 12; month++) {
        const key = seasonOf(year, month).key;
        const { from, until } = seasonDates(key)!;
        const day = `${year}-${String(month).padStart(2, '0')}-15`;
        expect(day >= from && day < until).toBe(true);
        // The first and last day of the month fall in the same season.
        const first = `${year}-${String(month).padStart(2, '0')}-01`;
        expect(first >= from && first < until).toBe(true);
      }
    }
    expect(seasonDates('2026-AUTUMN')).toEqual({ from: '2026-08-01', until: '2027-02-01' });
    expect(seasonDates('2027-SPRING')).toEqual({ from: '2027-02-01', until: '2027-08-01' });
    expect(seasonDates('2026-WINTER')).toBeNull();
  });
});
