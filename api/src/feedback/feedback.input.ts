import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class ChosenLevelInput {
  @Field()
  criterionKey: string;

  @Field(() => Int)
  level: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
export class SaveFeedbackInput {
  @Field(() => ID)
  versionId: string;

  @Field(() => Int, { description: 'The rowVersion the teacher read; 0 when there was no feedback yet' })
  expectedRowVersion: number;

  @Field(() => [ChosenLevelInput])
  levels: ChosenLevelInput[];

  @Field(() => String, { nullable: true })
  overallComment?: string | null;
}

@InputType()
export class DecideInput {
  @Field(() => ID)
  versionId: string;

  @Field(() => Int)
  expectedRowVersion: number;
}

@InputType()
export class ReleaseGradesInput {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => [ID], { nullable: true, description: 'Only these pupils (and their teams); everyone graded when empty' })
  pupilIds?: string[] | null;
}

@InputType()
export class AddPartCommentInput {
  @Field(() => ID)
  versionId: string;

  @Field()
  partKey: string;

  @Field(() => String, { nullable: true })
  evidenceId?: string | null;

  @Field()
  text: string;
}

@InputType()
export class IdInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class AddCheckInInput {
  @Field(() => ID)
  workId: string;

  @Field()
  milestoneKey: string;

  @Field()
  text: string;
}

@InputType()
export class AddBankCommentInput {
  @Field()
  text: string;
}

@ArgsType()
export class VersionArgs {
  @Field(() => ID)
  versionId: string;
}

@ArgsType()
export class AssignmentIdArgs {
  @Field(() => ID)
  assignmentId: string;
}

@ArgsType()
export class ClassIdArgs {
  @Field(() => ID)
  classId: string;
}
