import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { GradeBand, Theme } from '@lmr/domain';
import { ThemeEnum } from '../common/theme.enum';
import { GradeBandEnum, SeasonModel } from './review.model';

/** One theme and grade band of the programme: what a chart draws as one bar group. */
@ObjectType()
export class ProgrammeFigureRow {
  @Field(() => ThemeEnum)
  theme: Theme;

  @Field(() => GradeBandEnum)
  gradeBand: GradeBand;

  @Field(() => Int)
  schools: number;

  @Field(() => Int)
  classes: number;

  @Field(() => Int, { description: 'Pupils on classes with an assignment of this theme' })
  pupils: number;

  @Field(() => Int, { description: 'Pupil-assignment pairs: each pupil once per assignment of their class' })
  pupilAssignments: number;

  @Field(() => Int, { description: 'Pupil-assignment pairs with a submitted project (own or team work)' })
  submitted: number;

  @Field(() => Float, { description: 'submitted / pupilAssignments, 0 to 1' })
  submissionRate: number;

  @Field(() => Int, { description: 'Pieces of work (individual or team) with a submitted project' })
  worksSubmitted: number;

  @Field(() => Int)
  nominations: number;

  @Field(() => Float, { description: 'nominations / worksSubmitted, 0 to 1' })
  nominationRate: number;

  @Field(() => Int)
  outstanding: number;

  @Field(() => Int)
  commended: number;

  @Field(() => Int)
  notSelected: number;

  @Field(() => Int, { description: 'Nominations still waiting for a decision' })
  awaitingDecision: number;
}

@ObjectType()
export class ProgrammeFigures {
  @Field(() => SeasonModel, { nullable: true, description: 'Null: every season' })
  season: SeasonModel | null;

  @Field(() => [ProgrammeFigureRow])
  rows: ProgrammeFigureRow[];
}

@ArgsType()
export class ProgrammeFiguresArgs {
  @Field(() => String, { nullable: true, description: 'A season key (e.g. 2026-AUTUMN); assignments count in the season they start' })
  season?: string | null;
}
