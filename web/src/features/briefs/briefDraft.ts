import { validateBrief, type BriefDraft, type FieldProblem } from '@lmr/domain';
import type { BriefContentInput, Theme } from '../../gql/graphql';

/** Both languages of one text as the form holds them: plain strings, empty when not written. */
export interface TextPair {
  zh: string;
  en: string;
}

export interface MilestoneState {
  uid: number;
  key: string | null;
  title: TextPair;
  prompt: TextPair;
  handIn: TextPair;
}

export interface LevelState {
  uid: number;
  points: string;
  descriptor: TextPair;
}

export interface CriterionState {
  uid: number;
  key: string | null;
  title: TextPair;
  levels: LevelState[];
}

export interface BriefFormState {
  title: TextPair;
  theme: Theme | '';
  gradeFrom: string;
  gradeTo: string;
  drivingQuestion: TextPair;
  goals: { uid: number; text: TextPair }[];
  milestones: MilestoneState[];
  rubric: CriterionState[];
  suggestedObjectIds: string[];
}

let lastUid = 0;
/** A React key for a row the person adds; never sent to the API. */
export function nextUid(): number {
  lastUid += 1;
  return lastUid;
}

export const emptyPair = (): TextPair => ({ zh: '', en: '' });

export function pairOf(value: { zh?: string | null; en?: string | null } | null | undefined): TextPair {
  return { zh: value?.zh ?? '', en: value?.en ?? '' };
}

// Content, not interface words: a new brief starts with the museum's five research steps in both languages.
const suggestedSteps: TextPair[] = [
  { zh: '观察', en: 'Observe' },
  { zh: '提问', en: 'Ask' },
  { zh: '调查', en: 'Investigate' },
  { zh: '创作', en: 'Create' },
  { zh: '分享与反思', en: 'Share and reflect' },
];

export function newLevel(points = ''): LevelState {
  return { uid: nextUid(), points, descriptor: emptyPair() };
}

export function newCriterion(): CriterionState {
  return { uid: nextUid(), key: null, title: emptyPair(), levels: [newLevel('1'), newLevel('2'), newLevel('3')] };
}

export function newMilestone(title: TextPair = emptyPair()): MilestoneState {
  return { uid: nextUid(), key: null, title, prompt: emptyPair(), handIn: emptyPair() };
}

export function newBriefState(): BriefFormState {
  return {
    title: emptyPair(),
    theme: '',
    gradeFrom: '',
    gradeTo: '',
    drivingQuestion: emptyPair(),
    goals: [{ uid: nextUid(), text: emptyPair() }],
    milestones: suggestedSteps.map((step) => newMilestone({ ...step })),
    rubric: [newCriterion()],
    suggestedObjectIds: [],
  };
}

function text(pair: TextPair): { zh: string | null; en: string | null } {
  const zh = pair.zh.trim();
  const en = pair.en.trim();
  return { zh: zh === '' ? null : zh, en: en === '' ? null : en };
}

function hasText(pair: TextPair): boolean {
  return pair.zh.trim() !== '' || pair.en.trim() !== '';
}

function whole(value: string): number | null {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : Number.NaN;
}

/** What the API receives; the same shape is checked by the domain's validateBrief first. */
export function contentOf(state: BriefFormState): BriefContentInput & BriefDraft {
  return {
    title: text(state.title),
    theme: state.theme as Theme,
    gradeFrom: whole(state.gradeFrom) as number,
    gradeTo: whole(state.gradeTo) as number,
    drivingQuestion: text(state.drivingQuestion),
    learningGoals: state.goals.filter((goal) => hasText(goal.text)).map((goal) => text(goal.text)),
    suggestedObjectIds: state.suggestedObjectIds,
    milestones: state.milestones.map((milestone) => ({
      ...(milestone.key ? { key: milestone.key } : {}),
      title: text(milestone.title),
      prompt: text(milestone.prompt),
      handIn: hasText(milestone.handIn) ? text(milestone.handIn) : null,
    })),
    rubric: state.rubric.map((criterion) => ({
      ...(criterion.key ? { key: criterion.key } : {}),
      title: text(criterion.title),
      levels: criterion.levels.map((level) => ({ points: whole(level.points), descriptor: text(level.descriptor) })),
    })),
  };
}

/**
 * Problems by field path (`rubric.0.levels.1.points`). Empty goal rows are dropped before
 * sending, so goal paths are mapped back to the rows the person sees.
 */
export function problemsOf(state: BriefFormState): Map<string, FieldProblem['problem']> {
  const content = contentOf(state);
  const keptGoals = state.goals.map((goal, index) => ({ index, kept: hasText(goal.text) })).filter((goal) => goal.kept);
  const problems = new Map<string, FieldProblem['problem']>();
  for (const { field, problem } of validateBrief(content)) {
    const goal = /^learningGoals\.(\d+)$/.exec(field);
    const mapped = goal ? `learningGoals.${keptGoals[Number(goal[1])]?.index ?? goal[1]}` : field;
    if (!problems.has(mapped)) problems.set(mapped, problem);
  }
  return problems;
}

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
