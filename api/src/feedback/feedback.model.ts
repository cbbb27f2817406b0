import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ProgressState } from '@lmr/domain';
import { LocalizedText } from '../common/localized-text.model';
import { RubricCriterion } from '../projects/brief.model';
import { WorkVersion } from '../submissions/work.model';

export const ProgressStateEnum = { NOT_STARTED: 'NOT_STARTED', DRAFTING: 'DRAFTING', SUBMITTED: 'SUBMITTED', RETURNED: 'RETURNED', GRADED: 'GRADED' } as const;
registerEnumType(ProgressStateEnum, { name: 'ProgressState' });

@ObjectType()
export class ChosenLevelModel {
  @Field()
  criterionKey: string;

  @Field(() => Int, { description: 'Index of the chosen level in the criterion' })
  level: number;

  @Field(() => Int)
  points: number;

  @Field(() => String, { nullable: true })
  comment: string | null;
}

@ObjectType()
export class PartComment {
  @Field(() => ID)
  id: string;

  @Field()
  partKey: string;

  @Field(() => String, { nullable: true })
  evidenceId: string | null;

  @Field()
  text: string;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: 'A teacher’s assessment of one attempt. Pupils see it once the work is returned or graded, and the grade once released.' })
export class Feedback {
  @Field(() => ID)
  versionId: string;

  @Field(() => [ChosenLevelModel], { nullable: true, description: 'Hidden from the pupil until the grade is released' })
  levels: ChosenLevelModel[] | null;

  @Field(() => String, { nullable: true })
  overallComment: string | null;

  @Field(() => Int, { nullable: true, description: 'Hidden from the pupil until the grade is released' })
  score: number | null;

  @Field(() => Int)
  maxPoints: number;

  @Field()
  released: boolean;

  @Field(() => Int, { description: 'Name this when saving the next change' })
  rowVersion: number;

  @Field(() => [PartComment])
  comments: PartComment[];
}

@ObjectType()
export class CheckIn {
  @Field(() => ID)
  id: string;

  @Field()
  milestoneKey: string;

  @Field()
  text: string;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class CommentBankEntry {
  @Field(() => ID)
  id: string;

  @Field()
  text: string;
}

@ObjectType()
export class PersonRef {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType()
export class GradingView {
  @Field(() => WorkVersion)
  version: WorkVersion;

  @Field(() => ID)
  assignmentId: string;

  @Field(() => LocalizedText)
  assignmentTitle: LocalizedText;

  @Field(() => String, { description: 'The pupil, or the team’s name' })
  ownerName: string;

  @Field(() => [PersonRef])
  members: PersonRef[];

  @Field(() => [RubricCriterion])
  rubric: RubricCriterion[];

  @Field(() => Feedback, { nullable: true })
  feedback: Feedback | null;

  @Field(() => [CheckIn])
  checkIns: CheckIn[];

  @Field(() => ID, { nullable: true, description: 'The previous submitted attempt waiting in this assignment (by name)' })
  previousVersionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The next submitted attempt waiting in this assignment (by name)' })
  nextVersionId: string | null;
}

@ObjectType()
export class MilestoneProgress {
  @Field()
  milestoneKey: string;

  @Field(() => ProgressStateEnum)
  state: ProgressState;

  @Field()
  late: boolean;
}

@ObjectType()
export class ProgressRow {
  @Field(() => ID, { description: 'The work, once started' , nullable: true })
  workId: string | null;

  @Field()
  name: string;

  @Field(() => [PersonRef])
  members: PersonRef[];

  @Field(() => ProgressStateEnum)
  state: ProgressState;

  @Field()
  late: boolean;

  @Field(() => Int, { nullable: true })
  attempt: number | null;

  @Field(() => ID, { nullable: true, description: 'The latest attempt of the whole project' })
  versionId: string | null;

  @Field(() => Int, { nullable: true })
  score: number | null;

  @Field({ description: 'Whether the grade of the latest attempt of the whole project was released to the pupil' })
  released: boolean;

  @Field({ description: 'Submitted and waiting for the teacher, or late' })
  needsAttention: boolean;

  @Field(() => [ProgressStateEnum], { description: "Each milestone's state, in the order of the assignment's milestoneKeys: the row of the class's grid" })
  milestoneStates: ProgressState[];

  @Field(() => [Boolean], { description: 'Whether each milestone is late, in the order of milestoneKeys' })
  lateMilestones: boolean[];

  @Field(() => [MilestoneProgress], { description: 'The same as milestoneStates and lateMilestones, one object per milestone (a grid reads the two lists, which cost the server far less than an object per cell)' })
  milestones: MilestoneProgress[];
}

@ObjectType()
export class StateCount {
  @Field(() => ProgressStateEnum)
  state: ProgressState;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class CriterionResult {
  @Field()
  criterionKey: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => [Int], { description: 'How many graded works chose each level, in level order' })
  levelCounts: number[];
}

@ObjectType()
export class ClassProgress {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => [LocalizedText])
  milestoneTitles: LocalizedText[];

  @Field(() => [String], { description: "The milestones' keys, in the order of milestoneTitles and of each row's milestoneStates" })
  milestoneKeys: string[];

  @Field(() => [ProgressRow])
  rows: ProgressRow[];

  @Field(() => [StateCount])
  stateCounts: StateCount[];

  @Field(() => [CriterionResult])
  rubricResults: CriterionResult[];
}

@ObjectType()
export class GradebookCell {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => ProgressStateEnum)
  state: ProgressState;

  @Field(() => Int, { nullable: true })
  score: number | null;

  @Field(() => Int)
  maxPoints: number;

  @Field()
  late: boolean;
}

@ObjectType()
export class GradebookRow {
  @Field(() => PersonRef)
  pupil: PersonRef;

  @Field(() => String, { nullable: true })
  studentNumber: string | null;

  @Field(() => [GradebookCell])
  cells: GradebookCell[];

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  totalMax: number;
}

@ObjectType()
export class GradebookColumn {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => Int)
  maxPoints: number;
}

@ObjectType()
export class Gradebook {
  @Field(() => ID)
  classId: string;

  @Field(() => [GradebookColumn])
  columns: GradebookColumn[];

  @Field(() => [GradebookRow])
  rows: GradebookRow[];
}

@ObjectType()
export class FeedbackPayload {
  @Field(() => Feedback)
  feedback: Feedback;

  @Field(() => WorkVersion)
  version: WorkVersion;
}

@ObjectType()
export class PartCommentPayload {
  @Field(() => PartComment)
  comment: PartComment;
}

@ObjectType()
export class CheckInPayload {
  @Field(() => CheckIn)
  checkIn: CheckIn;
}

@ObjectType()
export class CommentBankPayload {
  @Field(() => [CommentBankEntry])
  entries: CommentBankEntry[];
}

@ObjectType()
export class ReleaseGradesPayload {
  @Field(() => Int, { description: 'How many grades became visible' })
  released: number;
}

@ObjectType()
export class DeletedPayload {
  @Field()
  deleted: boolean;
}
