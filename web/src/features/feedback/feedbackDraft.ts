import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ChosenLevelInput } from '../../gql/graphql';

/** The teacher's marking as it is being edited: a level (index) and a comment per criterion. */
export interface FeedbackDraft {
  levels: Record<string, { level: number | null; comment: string }>;
  overall: string;
}

interface SavedFeedback {
  levels?: readonly { criterionKey: string; level: number; comment?: string | null }[] | null;
  overallComment?: string | null;
}

export function draftFromFeedback(feedback: SavedFeedback | null | undefined): FeedbackDraft {
  const levels: FeedbackDraft['levels'] = {};
  for (const chosen of feedback?.levels ?? []) levels[chosen.criterionKey] = { level: chosen.level, comment: chosen.comment ?? '' };
  return { levels, overall: feedback?.overallComment ?? '' };
}

/** Only criteria with a chosen level are sent: the API keeps a comment with its level. */
export function levelsInput(draft: FeedbackDraft): ChosenLevelInput[] {
  return Object.entries(draft.levels)
    .filter(([, chosen]) => chosen.level !== null)
    .map(([criterionKey, chosen]) => ({ criterionKey, level: chosen.level!, comment: chosen.comment.trim() || null }));
}

export function sameDraft(a: FeedbackDraft, b: FeedbackDraft): boolean {
  return JSON.stringify(levelsInput(a)) === JSON.stringify(levelsInput(b)) && a.overall.trim() === b.overall.trim();
}

/** The sum of the chosen levels' points, or null while a criterion has none. */
export function draftScore(draft: FeedbackDraft, rubric: readonly { key: string; levels: readonly { points: number }[] }[]): number | null {
  let score = 0;
  for (const criterion of rubric) {
    const level = draft.levels[criterion.key]?.level;
    const points = level != null ? criterion.levels[level]?.points : undefined;
    if (points === undefined) return null;
    score += points;
  }
  return score;
}

export interface FeedbackConflictState {
  /** The marking saved by the other teacher, as the API sent it with CONFLICT. */
  theirs: FeedbackDraft;
  rowVersion: number;
}

/**
 * The API answers a stale save with CONFLICT carrying the current feedback; null when the
 * error is something else (or the attempt was decided meanwhile, which carries no feedback).
 */
export function conflictOf(error: unknown): FeedbackConflictState | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const item of error.errors) {
    const extensions = item.extensions as { code?: unknown; current?: unknown } | undefined;
    if (extensions?.code !== 'CONFLICT' || typeof extensions.current !== 'object' || extensions.current === null) continue;
    const current = extensions.current as SavedFeedback & { rowVersion?: unknown };
    if (typeof current.rowVersion !== 'number') continue;
    return { theirs: draftFromFeedback(current), rowVersion: current.rowVersion };
  }
  return null;
}
