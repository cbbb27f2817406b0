import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GRADE_BANDS, NOMINATION_OUTCOMES, REVIEW_CRITERIA, type GradeBand, type NominationOutcome, type ReviewCriterion, type Theme } from '@lmr/domain';
import { LocalizedText } from '../common/localized-text.model';
import { PageInfo } from '../common/pagination';
import { ThemeEnum } from '../common/theme.enum';
import { ShownPart } from './shown-work.model';

export const ReviewCriterionEnum = Object.fromEntries(REVIEW_CRITERIA.map((c) => [c.key, c.key])) as { [K in ReviewCriterion]: K };
registerEnumType(ReviewCriterionEnum, { name: 'ReviewCriterion', description: "The museum's review rubric (names in @lmr/domain REVIEW_CRITERIA), each scored 1 to 5" });

export const NominationOutcomeEnum = Object.fromEntries(NOMINATION_OUTCOMES.map((o) => [o, o])) as { [K in NominationOutcome]: K };
registerEnumType(NominationOutcomeEnum, { name: 'NominationOutcome' });

export const GradeBandEnum = Object.fromEntries(GRADE_BANDS.map((b) => [b.key, b.key])) as { [K in GradeBand]: K };
registerEnumType(GradeBandEnum, { name: 'GradeBand' });

@ObjectType()
export class SeasonModel {
  @Field({ description: 'For example 2026-AUTUMN' })
  key: string;

  @Field(() => LocalizedText)
  label: LocalizedText;
}

@ObjectType()
export class CriterionScore {
  @Field(() => ReviewCriterionEnum)
  criterion: ReviewCriterion;

  @Field(() => Float)
  score: number;
}

/** A nomination in the review queue. Blind: nothing here names the pupil, the school or the teacher. */
@ObjectType()
export class ReviewItem {
  @Field(() => ID, { description: 'The nomination' })
  id: string;

  @Field(() => LocalizedText, { description: 'How reviewers refer to the work, e.g. 作品 #A1B2' })
  label: LocalizedText;

  @Field(() => LocalizedText, { nullable: true, description: "The brief's title" })
  projectTitle: LocalizedText | null;

  @Field(() => ThemeEnum)
  theme: Theme;

  @Field(() => GradeBandEnum)
  gradeBand: GradeBand;

  @Field(() => SeasonModel)
  season: SeasonModel;

  @Field({ description: 'Team work rather than one pupil' })
  teamWork: boolean;

  @Field({ description: 'Whether a guardian consented to public showing: only then can a selected work be exhibited' })
  mayBeExhibited: boolean;

  @Field()
  nominatedAt: Date;

  @Field(() => Int, { description: 'How many educators have scored it' })
  scoreCount: number;

  @Field(() => [CriterionScore], { nullable: true, description: "The viewer's own scores, if given" })
  myScores: CriterionScore[] | null;

  @Field(() => NominationOutcomeEnum, { nullable: true })
  outcome: NominationOutcome | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;
}

@ObjectType()
export class ReviewEdge {
  @Field()
  cursor: string;

  @Field(() => ReviewItem)
  node: ReviewItem;
}

@ObjectType()
export class ReviewConnection {
  @Field(() => [ReviewEdge])
  edges: ReviewEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType()
export class Reviewer {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType()
export class ReviewScoreSet {
  @Field(() => Reviewer)
  reviewer: Reviewer;

  @Field(() => [CriterionScore])
  scores: CriterionScore[];

  @Field(() => Int)
  total: number;

  @Field(() => String, { nullable: true })
  comment: string | null;

  @Field()
  updatedAt: Date;
}

/** Who made the work: shown to reviewers only once the museum has decided. */
@ObjectType()
export class RevealedCredit {
  @Field(() => [String])
  pupilNames: string[];

  @Field()
  schoolName: string;

  @Field(() => [String])
  teacherNames: string[];
}

@ObjectType()
export class NominationForReview {
  @Field(() => ReviewItem)
  item: ReviewItem;

  @Field(() => [ShownPart], { description: 'The nominated attempt, frozen; names of the pupils, school and teachers blanked (▇▇) until decided' })
  parts: ShownPart[];

  @Field({ description: "The teacher's statement, with the same names blanked until decided" })
  statement: string;

  @Field({ description: 'Whether the viewer is a lead reviewer (sees every score set, decides)' })
  viewerIsLead: boolean;

  @Field(() => [ReviewScoreSet], { description: "Every educator's scores for a lead; only the viewer's own for others" })
  reviews: ReviewScoreSet[];

  @Field(() => [CriterionScore], { nullable: true, description: 'Mean per criterion over every score set (leads only)' })
  averages: CriterionScore[] | null;

  @Field(() => String, { nullable: true })
  decisionFeedback: string | null;

  @Field(() => RevealedCredit, { nullable: true, description: 'Null until decided: review is blind' })
  revealed: RevealedCredit | null;
}

@ArgsType()
export class ReviewQueueArgs {
  @Field(() => ThemeEnum, { nullable: true })
  theme?: Theme | null;

  @Field(() => GradeBandEnum, { nullable: true })
  gradeBand?: GradeBand | null;

  @Field(() => ID, { nullable: true })
  schoolId?: string | null;

  @Field(() => String, { nullable: true, description: 'A season key, e.g. 2026-AUTUMN' })
  season?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: decided only; false: awaiting a decision only; null: both' })
  decided?: boolean | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class CriterionScoreInput {
  @Field(() => ReviewCriterionEnum)
  criterion: ReviewCriterion;

  @Field(() => Int)
  score: number;
}

@InputType()
export class ScoreNominationInput {
  @Field(() => ID)
  nominationId: string;

  @Field(() => [CriterionScoreInput], { description: 'Every criterion once, 1 to 5' })
  scores: CriterionScoreInput[];

  @Field(() => String, { nullable: true, description: 'A note for the other reviewers, up to 1000 characters' })
  comment?: string | null;
}

@InputType()
export class DecideNominationInput {
  @Field(() => ID)
  nominationId: string;

  @Field(() => NominationOutcomeEnum)
  outcome: NominationOutcome;

  @Field({ description: 'For the teacher and the pupil: 1 to 2000 characters' })
  feedback: string;
}

@ObjectType()
export class NominationReviewPayload {
  @Field(() => NominationForReview)
  nomination: NominationForReview;
}
