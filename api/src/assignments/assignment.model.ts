import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Theme } from '@lmr/domain';
import { LocalizedText } from '../common/localized-text.model';
import { PageInfo } from '../common/pagination';
import { ThemeEnum } from '../common/theme.enum';
import { RubricCriterion } from '../projects/brief.model';

export const WorkModeEnum = { INDIVIDUAL: 'INDIVIDUAL', TEAM: 'TEAM' } as const;
registerEnumType(WorkModeEnum, { name: 'WorkMode' });

export const MuseumSessionKindEnum = { MUSEUM_VISIT: 'MUSEUM_VISIT', SCHOOL_LESSON: 'SCHOOL_LESSON' } as const;
registerEnumType(MuseumSessionKindEnum, {
  name: 'MuseumSessionKind',
  description: "A class visit to the museum, or a museum educator's lesson at school",
});

@ObjectType()
export class AssignedMilestone {
  @Field(() => ID)
  key: string;

  @Field(() => Int, { description: 'Position, from 1' })
  number: number;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => LocalizedText)
  prompt: LocalizedText;

  @Field(() => LocalizedText, { nullable: true })
  handIn: LocalizedText | null;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;
}

@ObjectType()
export class MuseumSessionModel {
  @Field(() => MuseumSessionKindEnum)
  kind: 'MUSEUM_VISIT' | 'SCHOOL_LESSON';

  @Field(() => Date)
  at: Date;

  @Field()
  place: string;
}

@ObjectType()
export class TeamMember {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType()
export class Team {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [TeamMember])
  members: TeamMember[];
}

@ObjectType()
export class Assignment {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  classId: string;

  @Field()
  className: string;

  @Field(() => ID)
  briefId: string;

  @Field(() => Int)
  briefVersion: number;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => ThemeEnum)
  theme: Theme;

  @Field(() => LocalizedText)
  drivingQuestion: LocalizedText;

  @Field(() => WorkModeEnum)
  mode: 'INDIVIDUAL' | 'TEAM';

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  dueAt: Date;

  @Field({ description: "The school's time zone, in which the dates were set" })
  timeZone: string;

  @Field(() => [AssignedMilestone])
  milestones: AssignedMilestone[];

  @Field(() => AssignedMilestone, { nullable: true, description: 'The next milestone that is not yet due' })
  nextMilestone: AssignedMilestone | null;

  @Field(() => [RubricCriterion])
  rubric: RubricCriterion[];

  @Field(() => MuseumSessionModel, { nullable: true })
  museumSession: MuseumSessionModel | null;
}

@ObjectType()
export class AssignmentEdge {
  @Field()
  cursor: string;

  @Field(() => Assignment)
  node: Assignment;
}

@ObjectType()
export class AssignmentConnection {
  @Field(() => [AssignmentEdge])
  edges: AssignmentEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType()
export class AssignmentPayload {
  @Field(() => Assignment)
  assignment: Assignment;
}

@ObjectType()
export class TeamsPayload {
  @Field(() => [Team])
  teams: Team[];
}
