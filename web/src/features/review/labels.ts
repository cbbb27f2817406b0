import { GRADE_BANDS, REVIEW_CRITERIA, season, type GradeBand, type ReviewCriterion, type Season } from '@lmr/domain';
import { pickLocalized, type Language } from '../../app/i18n';

/** The museum's own names for grade bands and review criteria live in @lmr/domain, in both languages. */
export function gradeBandName(band: GradeBand, language: Language): string {
  return pickLocalized(GRADE_BANDS.find((b) => b.key === band)?.name, language)?.text ?? band;
}

export function criterionName(criterion: ReviewCriterion, language: Language): string {
  return pickLocalized(REVIEW_CRITERIA.find((c) => c.key === criterion)?.name, language)?.text ?? criterion;
}

export const gradeBands: readonly GradeBand[] = GRADE_BANDS.map((b) => b.key);

export function isGradeBand(value: unknown): value is GradeBand {
  return typeof value === 'string' && GRADE_BANDS.some((b) => b.key === value);
}

/**
 * The seasons a picker offers: the current one and the ones before it. The API has no list of
 * seasons with nominations or assignments, and the programme is young, so a few years back is enough.
 */
export function recentSeasons(today: Date = new Date(), count = 6): Season[] {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  let current = month >= 8 ? { year, term: 'AUTUMN' as const } : month === 1 ? { year: year - 1, term: 'AUTUMN' as const } : { year, term: 'SPRING' as const };
  const out: Season[] = [];
  for (let i = 0; i < count; i++) {
    out.push(season(current.year, current.term));
    current = current.term === 'AUTUMN' ? { year: current.year, term: 'SPRING' } : { year: current.year - 1, term: 'AUTUMN' };
  }
  return out;
}
