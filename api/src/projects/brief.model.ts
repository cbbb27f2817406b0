import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { rubricMaxPoints, type Theme } from '@lmr/domain';
import { LocalizedText } from '../common/localized-text.model';
import { PageInfo } from '../common/pagination';
import { ThemeEnum } from '../common/theme.enum';
import type { BriefContent } from './brief-content';
import type { BriefEntity, BriefStatus } from './brief.entity';

export const BriefStatusEnum = { DRAFT: 'DRAFT', PUBLISHED: 'PUBLISHED' } as const;
registerEnumType(BriefStatusEnum, { name: 'BriefStatus' });

@ObjectType()
export class Milestone {
  @Field(() => ID, { description: 'Stable across versions of the brief' })
  key: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => LocalizedText, { description: "The pupil's prompt for this step" })
  prompt: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: 'What to hand in' })
  handIn: LocalizedText | null;
}

@ObjectType()
export class RubricLevel {
  @Field(() => Int)
  points: number;

  @Field(() => LocalizedText, { description: 'Written for children' })
  descriptor: LocalizedText;
}

@ObjectType()
export class RubricCriterion {
  @Field(() => ID)
  key: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => [RubricLevel])
  levels: RubricLevel[];
}

@ObjectType()
export class Brief {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version this object shows' })
  version: number;

  @Field(() => BriefStatusEnum)
  status: BriefStatus;

  @Field({ description: "True for the museum's library briefs" })
  inLibrary: boolean;

  @Field({ description: 'True when the viewer may edit it' })
  editable: boolean;

  @Field(() => ID, { nullable: true })
  copiedFromId: string | null;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => ThemeEnum)
  theme: Theme;

  @Field(() => Int)
  gradeFrom: number;

  @Field(() => Int)
  gradeTo: number;

  @Field(() => LocalizedText)
  drivingQuestion: LocalizedText;

  @Field(() => [LocalizedText])
  learningGoals: LocalizedText[];

  @Field(() => [Milestone])
  milestones: Milestone[];

  @Field(() => [RubricCriterion])
  rubric: RubricCriterion[];

  @Field(() => Int)
  maxPoints: number;

  @Field()
  updatedAt: Date;

  suggestedObjectIds: string[];
}

@ObjectType()
export class BriefEdge {
  @Field()
  cursor: string;

  @Field(() => Brief)
  node: Brief;
}

@ObjectType()
export class BriefConnection {
  @Field(() => [BriefEdge])
  edges: BriefEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType()
export class BriefPayload {
  @Field(() => Brief)
  brief: Brief;
}

export function mapBrief(row: BriefEntity, version: number, content: BriefContent, editable: boolean): Brief {
  return {
    id: row.id,
    version,
    status: row.status,
    inLibrary: row.museumId !== null,
    editable,
    copiedFromId: row.copiedFromId,
    title: content.title,
    theme: content.theme,
    gradeFrom: content.gradeFrom,
    gradeTo: content.gradeTo,
    drivingQuestion: content.drivingQuestion,
    learningGoals: content.learningGoals,
    milestones: content.milestones,
    rubric: content.rubric,
    maxPoints: rubricMaxPoints({ criteria: content.rubric }),
    updatedAt: row.updatedAt,
    suggestedObjectIds: content.suggestedObjectIds,
  };
}
