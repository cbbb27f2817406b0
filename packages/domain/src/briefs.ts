import { isTheme, type Theme } from './themes.js';

/** A text written in Simplified Chinese, English or both. */
export interface Bilingual {
  zh?: string | null;
  en?: string | null;
}

export interface RubricLevelDraft {
  points?: number | null;
  descriptor?: Bilingual | null;
}

export interface RubricCriterionDraft {
  key?: string | null;
  title?: Bilingual | null;
  levels?: RubricLevelDraft[] | null;
}

export interface MilestoneDraft {
  key?: string | null;
  title?: Bilingual | null;
  prompt?: Bilingual | null;
  handIn?: Bilingual | null;
}

export interface BriefDraft {
  title?: Bilingual | null;
  theme?: string | null;
  gradeFrom?: number | null;
  gradeTo?: number | null;
  drivingQuestion?: Bilingual | null;
  learningGoals?: Bilingual[] | null;
  suggestedObjectIds?: string[] | null;
  milestones?: MilestoneDraft[] | null;
  rubric?: RubricCriterionDraft[] | null;
}

/** One problem with a draft: the path of the field (as the form names it) and what is wrong. */
export interface FieldProblem {
  field: string;
  problem: 'REQUIRED' | 'TOO_LONG' | 'OUT_OF_RANGE' | 'INVALID' | 'TOO_MANY' | 'DUPLICATE';
}

export const BRIEF_LIMITS = {
  shortText: 200,
  longText: 4000,
  milestones: 12,
  criteria: 10,
  levels: 6,
  goals: 12,
  suggestedObjects: 30,
  maxLevelPoints: 100,
} as const;

/** The five steps the museum suggests for a research project. */
export const SUGGESTED_MILESTONES = ['OBSERVE', 'ASK', 'INVESTIGATE', 'CREATE', 'SHARE_AND_REFLECT'] as const;

function hasText(text: Bilingual | null | undefined): boolean {
  return Boolean(text && ((text.zh ?? '').trim() !== '' || (text.en ?? '').trim() !== ''));
}

function checkText(problems: FieldProblem[], field: string, text: Bilingual | null | undefined, required: boolean, max: number) {
  if (!hasText(text)) {
    if (required) problems.push({ field, problem: 'REQUIRED' });
    return;
  }
  if ((text!.zh ?? '').length > max || (text!.en ?? '').length > max) problems.push({ field, problem: 'TOO_LONG' });
}

/** Every problem with a brief, in form order; an empty list means it can be saved. */
export function validateBrief(draft: BriefDraft): FieldProblem[] {
  const p: FieldProblem[] = [];
  const L = BRIEF_LIMITS;
  checkText(p, 'title', draft.title, true, L.shortText);
  if (!isTheme(draft.theme)) p.push({ field: 'theme', problem: draft.theme ? 'INVALID' : 'REQUIRED' });
  const from = draft.gradeFrom;
  const to = draft.gradeTo;
  if (!Number.isInteger(from) || from! < 1 || from! > 12) p.push({ field: 'gradeFrom', problem: 'OUT_OF_RANGE' });
  if (!Number.isInteger(to) || to! < 1 || to! > 12 || (Number.isInteger(from) && to! < from!)) p.push({ field: 'gradeTo', problem: 'OUT_OF_RANGE' });
  checkText(p, 'drivingQuestion', draft.drivingQuestion, true, L.longText);
  const goals = draft.learningGoals ?? [];
  if (goals.length > L.goals) p.push({ field: 'learningGoals', problem: 'TOO_MANY' });
  goals.forEach((g, i) => checkText(p, `learningGoals.${i}`, g, true, L.longText));
  if ((draft.suggestedObjectIds ?? []).length > L.suggestedObjects) p.push({ field: 'suggestedObjectIds', problem: 'TOO_MANY' });

  const milestones = draft.milestones ?? [];
  if (milestones.length === 0) p.push({ field: 'milestones', problem: 'REQUIRED' });
  if (milestones.length > L.milestones) p.push({ field: 'milestones', problem: 'TOO_MANY' });
  milestones.forEach((m, i) => {
    checkText(p, `milestones.${i}.title`, m.title, true, L.shortText);
    checkText(p, `milestones.${i}.prompt`, m.prompt, true, L.longText);
    checkText(p, `milestones.${i}.handIn`, m.handIn, false, L.longText);
  });

  const rubric = draft.rubric ?? [];
  if (rubric.length === 0) p.push({ field: 'rubric', problem: 'REQUIRED' });
  if (rubric.length > L.criteria) p.push({ field: 'rubric', problem: 'TOO_MANY' });
  rubric.forEach((c, i) => {
    checkText(p, `rubric.${i}.title`, c.title, true, L.shortText);
    const levels = c.levels ?? [];
    if (levels.length < 2) p.push({ field: `rubric.${i}.levels`, problem: 'REQUIRED' });
    if (levels.length > L.levels) p.push({ field: `rubric.${i}.levels`, problem: 'TOO_MANY' });
    const seen = new Set<number>();
    levels.forEach((level, j) => {
      const pts = level.points;
      if (pts === null || pts === undefined) p.push({ field: `rubric.${i}.levels.${j}.points`, problem: 'REQUIRED' });
      else if (!Number.isInteger(pts) || pts < 0 || pts > L.maxLevelPoints) p.push({ field: `rubric.${i}.levels.${j}.points`, problem: 'OUT_OF_RANGE' });
      else if (seen.has(pts)) p.push({ field: `rubric.${i}.levels.${j}.points`, problem: 'DUPLICATE' });
      else seen.add(pts);
      checkText(p, `rubric.${i}.levels.${j}.descriptor`, level.descriptor, true, L.longText);
    });
  });
  return p;
}

export interface Rubric {
  criteria: { key: string; levels: { points: number }[] }[];
}

/** The most points a piece of work can earn: the top level of every criterion. */
export function rubricMaxPoints(rubric: Rubric): number {
  return rubric.criteria.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0);
}

/**
 * Points for a set of chosen levels (criterion key → level index). Returns null while any
 * criterion has no level chosen, since a partial score would mislead.
 */
export function rubricScore(rubric: Rubric, chosen: Record<string, number>): number | null {
  let total = 0;
  for (const c of rubric.criteria) {
    const index = chosen[c.key];
    if (index === undefined || !Number.isInteger(index) || !c.levels[index]) return null;
    total += c.levels[index].points;
  }
  return total;
}

export function isThemeValue(value: unknown): value is Theme {
  return isTheme(value);
}
