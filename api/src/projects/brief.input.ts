import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import type { Theme } from '@lmr/domain';
import { ThemeEnum } from '../common/theme.enum';

@InputType()
export class LocalizedTextInput {
  @Field(() => String, { nullable: true })
  zh?: string | null;

  @Field(() => String, { nullable: true })
  en?: string | null;
}

@InputType()
export class MilestoneInput {
  @Field(() => ID, { nullable: true, description: 'Keep the key of an existing milestone; leave empty for a new one' })
  key?: string | null;

  @Field(() => LocalizedTextInput)
  title: LocalizedTextInput;

  @Field(() => LocalizedTextInput)
  prompt: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  handIn?: LocalizedTextInput | null;
}

@InputType()
export class RubricLevelInput {
  @Field(() => Int, { nullable: true })
  points?: number | null;

  @Field(() => LocalizedTextInput)
  descriptor: LocalizedTextInput;
}

@InputType()
export class RubricCriterionInput {
  @Field(() => ID, { nullable: true })
  key?: string | null;

  @Field(() => LocalizedTextInput)
  title: LocalizedTextInput;

  @Field(() => [RubricLevelInput])
  levels: RubricLevelInput[];
}

@InputType()
export class BriefContentInput {
  @Field(() => LocalizedTextInput)
  title: LocalizedTextInput;

  @Field(() => ThemeEnum)
  theme: Theme;

  @Field(() => Int)
  gradeFrom: number;

  @Field(() => Int)
  gradeTo: number;

  @Field(() => LocalizedTextInput)
  drivingQuestion: LocalizedTextInput;

  @Field(() => [LocalizedTextInput], { nullable: true })
  learningGoals?: LocalizedTextInput[] | null;

  @Field(() => [ID], { nullable: true })
  suggestedObjectIds?: string[] | null;

  @Field(() => [MilestoneInput])
  milestones: MilestoneInput[];

  @Field(() => [RubricCriterionInput])
  rubric: RubricCriterionInput[];
}

@InputType()
export class CreateBriefInput {
  @Field(() => BriefContentInput)
  content: BriefContentInput;
}

@InputType()
export class UpdateBriefInput {
  @Field(() => ID)
  id: string;

  @Field(() => BriefContentInput)
  content: BriefContentInput;
}

@InputType()
export class BriefIdInput {
  @Field(() => ID)
  id: string;
}

@ArgsType()
export class BriefArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: 'A particular version; the current one when empty' })
  version?: number | null;
}

@ArgsType()
export class BriefListArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => ThemeEnum, { nullable: true })
  theme?: Theme | null;

  @Field(() => Int, { nullable: true, description: 'Briefs suitable for this grade' })
  grade?: number | null;

  @Field(() => String, { nullable: true })
  search?: string | null;
}
