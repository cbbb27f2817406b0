import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { MuseumSessionKindEnum, WorkModeEnum } from './assignment.model';

@InputType()
export class MilestoneDueInput {
  @Field(() => ID)
  milestoneKey: string;

  @Field({ description: 'Wall-clock date or date-time in the school time zone: 2026-12-01 or 2026-12-01T17:00' })
  dueAt: string;
}

@InputType()
export class MuseumSessionInput {
  @Field(() => MuseumSessionKindEnum)
  kind: 'MUSEUM_VISIT' | 'SCHOOL_LESSON';

  @Field({ description: 'Wall-clock date-time in the school time zone' })
  at: string;

  @Field()
  place: string;
}

@InputType()
export class CreateAssignmentInput {
  @Field(() => ID)
  classId: string;

  @Field(() => ID)
  briefId: string;

  @Field({ description: 'Wall-clock date or date-time in the school time zone; a date alone starts at 00:00' })
  startsAt: string;

  @Field({ description: 'Wall-clock date or date-time in the school time zone; a date alone means 23:59' })
  dueAt: string;

  @Field(() => [MilestoneDueInput], { nullable: true })
  milestoneDueDates?: MilestoneDueInput[] | null;

  @Field(() => WorkModeEnum)
  mode: 'INDIVIDUAL' | 'TEAM';

  @Field(() => MuseumSessionInput, { nullable: true })
  museumSession?: MuseumSessionInput | null;
}

@InputType()
export class TeamInput {
  @Field()
  name: string;

  @Field(() => [ID])
  pupilIds: string[];
}

@InputType()
export class SetTeamsInput {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => [TeamInput])
  teams: TeamInput[];
}

@InputType()
export class MakeBalancedTeamsInput {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => Int, { description: 'Pupils per team, 2 to 8; teams differ in size by at most one' })
  teamSize: number;
}

@InputType()
export class JoinTeamInput {
  @Field(() => ID)
  teamId: string;
}

@ArgsType()
export class AssignmentArgs {
  @Field(() => ID)
  id: string;
}

@ArgsType()
export class ClassAssignmentsArgs {
  @Field(() => ID)
  classId: string;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class MyAssignmentsArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
