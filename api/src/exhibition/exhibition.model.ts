import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import type { GradeBand, NominationOutcome, Theme } from '@lmr/domain';
import { LocalizedText } from '../common/localized-text.model';
import { PageInfo } from '../common/pagination';
import { ThemeEnum } from '../common/theme.enum';
import { GradeBandEnum, NominationOutcomeEnum, SeasonModel } from '../review/review.model';
import { ShownPart } from '../review/shown-work.model';

/**
 * A work in the public exhibition. On purpose it carries no id of the pupil, the work, the
 * attempt, the nomination or the school: only its slug, and the credit the guardian allowed.
 */
@ObjectType()
export class ExhibitedWorkSummary {
  @Field({ description: 'The public address of the work: /exhibition/<slug>' })
  slug: string;

  @Field(() => LocalizedText, { nullable: true })
  projectTitle: LocalizedText | null;

  @Field(() => ThemeEnum)
  theme: Theme;

  @Field(() => GradeBandEnum)
  gradeBand: GradeBand;

  @Field(() => SeasonModel)
  season: SeasonModel;

  @Field(() => NominationOutcomeEnum)
  outcome: NominationOutcome;

  @Field(() => LocalizedText, { description: 'Credited exactly as the guardian consented' })
  credit: LocalizedText;

  @Field(() => LocalizedText)
  museumName: LocalizedText;

  @Field(() => String, { nullable: true, description: 'The first image, if any' })
  coverImageUrl: string | null;
}

@ObjectType()
export class ExhibitedWork extends ExhibitedWorkSummary {
  @Field(() => [ShownPart], { description: 'The nominated attempt, frozen; images only' })
  parts: ShownPart[];
}

@ObjectType()
export class ExhibitionEdge {
  @Field()
  cursor: string;

  @Field(() => ExhibitedWorkSummary)
  node: ExhibitedWorkSummary;
}

@ObjectType()
export class ExhibitionConnection {
  @Field(() => [ExhibitionEdge])
  edges: ExhibitionEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType()
export class ExhibitionSeason extends SeasonModel {
  @Field(() => Int)
  workCount: number;
}

@ArgsType()
export class ExhibitionArgs {
  @Field({ description: 'A season key, e.g. 2026-AUTUMN' })
  season: string;

  @Field(() => ThemeEnum, { nullable: true })
  theme?: Theme | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class ExhibitionWorkArgs {
  @Field()
  slug: string;
}
