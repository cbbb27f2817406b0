/**
 * The museum's own review of nominated work: a fixed rubric every educator scores from 1 to 5,
 * the outcomes a lead educator decides, the programme's seasons and grade bands, and how a
 * pupil is credited in public. Pure rules; the API and the portal share them.
 */


export const REVIEW_CRITERIA = [
  { key: 'RESEARCH_QUESTION', name: { zh: '研究问题', en: 'Research question' } },
  { key: 'EVIDENCE', name: { zh: '证据运用', en: 'Use of evidence' } },
  { key: 'CREATIVITY', name: { zh: '创意', en: 'Creativity' } },
  { key: 'PRESENTATION', name: { zh: '表达呈现', en: 'Presentation' } },
] as const;
export type ReviewCriterion = (typeof REVIEW_CRITERIA)[number]['key'];
export const REVIEW_SCORE_MIN = 1;
export const REVIEW_SCORE_MAX = 5;

export const NOMINATION_OUTCOMES = ['OUTSTANDING', 'COMMENDED', 'NOT_SELECTED'] as const;
export type NominationOutcome = (typeof NOMINATION_OUTCOMES)[number];
export const OUTCOME_NAMES: Record<NominationOutcome, { zh: string; en: string }> = {
  OUTSTANDING: { zh: '优秀作品', en: 'Outstanding' },
  COMMENDED: { zh: '表彰作品', en: 'Commended' },
  NOT_SELECTED: { zh: '未入选', en: 'Not selected' },
};
/** Outcomes that put the work in the public exhibition (when consent allows) and earn a certificate. */
export function isSelected(outcome: NominationOutcome | null | undefined): boolean {
  return outcome === 'OUTSTANDING' || outcome === 'COMMENDED';
}

export type ReviewScores = Record<ReviewCriterion, number>;

/** Checks one educator's score set: every criterion once, each a whole number 1–5. */
export function checkReviewScores(items: { criterion: string; score: number }[]): { ok: true; scores: ReviewScores } | { ok: false; problem: string } {
  const scores: Partial<Record<string, number>> = {};
  for (const item of items) {
    if (!REVIEW_CRITERIA.some((c) => c.key === item.criterion)) return { ok: false, problem: `unknown criterion ${item.criterion}` };
    if (item.criterion in scores) return { ok: false, problem: `criterion ${item.criterion} scored twice` };
    if (!Number.isInteger(item.score) || item.score < REVIEW_SCORE_MIN || item.score > REVIEW_SCORE_MAX) {
      return { ok: false, problem: `scores are whole numbers from ${REVIEW_SCORE_MIN} to ${REVIEW_SCORE_MAX}` };
    }
    scores[item.criterion] = item.score;
  }
  const missing = REVIEW_CRITERIA.filter((c) => !(c.key in scores));
  if (missing.length > 0) return { ok: false, problem: `missing ${missing.map((c) => c.key).join(', ')}` };
  return { ok: true, scores: scores as ReviewScores };
}

export function reviewTotal(scores: ReviewScores): number {
  return REVIEW_CRITERIA.reduce((sum, c) => sum + scores[c.key], 0);
}

/** Mean per criterion over several educators' score sets, to one decimal; null when nobody scored. */
export function averageScores(sets: ReviewScores[]): ReviewScores | null {
  if (sets.length === 0) return null;
  const out = {} as ReviewScores;
  for (const c of REVIEW_CRITERIA) out[c.key] = Math.round((sets.reduce((s, set) => s + set[c.key], 0) / sets.length) * 10) / 10;
  return out;
}

/**
 * Seasons follow the school year: the autumn term runs August to January, the spring term
 * February to July. A nomination belongs to the season of the date it was made (in the
 * school's time zone), so nobody has to set one.
 */
export type SeasonTerm = 'SPRING' | 'AUTUMN';
export interface Season {
  key: string;
  label: { zh: string; en: string };
}

export function seasonOf(year: number, month: number): Season {
  if (month >= 8) return season(year, 'AUTUMN');
  if (month === 1) return season(year - 1, 'AUTUMN');
  return season(year, 'SPRING');
}

export function season(year: number, term: SeasonTerm): Season {
  return {
    key: `${year}-${term}`,
    label: term === 'AUTUMN' ? { zh: `${year} 秋季`, en: `Autumn ${year}` } : { zh: `${year} 春季`, en: `Spring ${year}` },
  };
}

/**
 * The local dates a season runs from (inclusive) and until (exclusive), as seasonOf reads a
 * date: autumn from 1 August to the end of January, spring from 1 February to the end of July.
 */
export function seasonDates(key: string): { from: string; until: string } | null {
  const m = /^(\d{4})-(SPRING|AUTUMN)$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  return m[2] === 'AUTUMN' ? { from: `${year}-08-01`, until: `${year + 1}-02-01` } : { from: `${year}-02-01`, until: `${year}-08-01` };
}

export function parseSeason(key: string): Season | null {
  const m = /^(\d{4})-(SPRING|AUTUMN)$/.exec(key);
  return m ? season(Number(m[1]), m[2] as SeasonTerm) : null;
}

/** Grade bands the museum reports on (its programme is for pupils of about 8 to 15). */
export const GRADE_BANDS = [
  { key: 'LOWER_PRIMARY', from: 1, to: 3, name: { zh: '小学低年级（1–3年级）', en: 'Lower primary (grades 1–3)' } },
  { key: 'UPPER_PRIMARY', from: 4, to: 6, name: { zh: '小学高年级（4–6年级）', en: 'Upper primary (grades 4–6)' } },
  { key: 'JUNIOR_SECONDARY', from: 7, to: 9, name: { zh: '初中（7–9年级）', en: 'Junior secondary (grades 7–9)' } },
  { key: 'SENIOR_SECONDARY', from: 10, to: 12, name: { zh: '高中（10–12年级）', en: 'Senior secondary (grades 10–12)' } },
] as const;
export type GradeBand = (typeof GRADE_BANDS)[number]['key'];

export function gradeBandOf(grade: number): GradeBand {
  return (GRADE_BANDS.find((b) => grade >= b.from && grade <= b.to) ?? GRADE_BANDS[GRADE_BANDS.length - 1]!).key;
}

/** A short label that lets reviewers tell works apart without knowing whose they are. */
export function anonymousLabel(id: string): { zh: string; en: string } {
  const code = id.replace(/-/g, '').slice(-4).toUpperCase();
  return { zh: `作品 #${code}`, en: `Work #${code}` };
}

export type CreditStyle = 'FULL_NAME' | 'FIRST_NAME_INITIAL_SCHOOL' | 'ANONYMOUS';

const HAN = /^[\u3400-\u9fff\uf900-\ufaff]+$/u;
/** Two-character family names common enough to matter; anything else takes one character. */
const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '尉迟', '公孙', '夏侯', '端木', '长孙', '宇文'];

/**
 * A name shortened for FIRST_NAME_INITIAL_SCHOOL. Chinese names (family name first, no
 * letters to take an initial from) become the family name plus 同学, as schools write it
 * when they publish pupils' work: 王小明 → 王同学. Names in Latin letters keep the first word
 * and the initial of the last: "Fang Wang" → "Fang W.".
 */
export function shortName(displayName: string): string {
  const name = displayName.trim().replace(/\s+/g, ' ');
  if (HAN.test(name)) {
    const family = name.length >= 3 && COMPOUND_SURNAMES.some((s) => name.startsWith(s)) ? name.slice(0, 2) : name.slice(0, 1);
    return `${family}同学`;
  }
  const words = name.split(' ');
  if (words.length < 2) return name;
  return `${words[0]} ${[...words[words.length - 1]!][0]!.toUpperCase()}.`;
}

/** How work is credited where the public sees it: exactly as far as the guardian's consent goes. */
export function formatCredit(style: CreditStyle, pupilNames: string[], schoolName: string): { zh: string; en: string } {
  const team = pupilNames.length > 1;
  switch (style) {
    case 'FULL_NAME':
      return { zh: pupilNames.join('、'), en: pupilNames.join(', ') };
    case 'FIRST_NAME_INITIAL_SCHOOL': {
      const short = pupilNames.map(shortName);
      return { zh: `${short.join('、')}（${schoolName}）`, en: `${short.join(', ')}, ${schoolName}` };
    }
    case 'ANONYMOUS':
      return team ? { zh: '一组小小研究员', en: 'A team of young researchers' } : { zh: '一位小小研究员', en: 'A young researcher' };
  }
}

/**
 * Hides known names in free text (a teacher's statement, a pupil's writing) before it reaches
 * someone who must not learn them: each name, and for Chinese names their given name too.
 */
export function redactNames(text: string, names: string[]): string {
  const parts = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name.length < 2) continue;
    parts.add(name);
    if (HAN.test(name) && name.length >= 3) parts.add(name.slice(COMPOUND_SURNAMES.some((s) => name.startsWith(s)) && name.length >= 4 ? 2 : 1));
    for (const word of name.split(/\s+/)) if (word.length >= 3) parts.add(word);
  }
  let out = text;
  for (const part of [...parts].sort((a, b) => b.length - a.length)) out = out.split(part).join('▇▇');
  return out;
}


