import type { Theme } from '@lmr/domain';

export interface Text {
  zh: string | null;
  en: string | null;
}

export interface MilestoneContent {
  /** Stable across versions, so that work done on a milestone stays attached to it. */
  key: string;
  title: Text;
  prompt: Text;
  handIn: Text | null;
}

export interface RubricCriterionContent {
  key: string;
  title: Text;
  levels: { points: number; descriptor: Text }[];
}

/** What a version of a brief says; stored as one JSON document. */
export interface BriefContent {
  title: Text;
  theme: Theme;
  gradeFrom: number;
  gradeTo: number;
  drivingQuestion: Text;
  learningGoals: Text[];
  suggestedObjectIds: string[];
  milestones: MilestoneContent[];
  rubric: RubricCriterionContent[];
}
