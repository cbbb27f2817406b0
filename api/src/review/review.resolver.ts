import { Args, ArgsType, Field, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { AuditStaffRead } from '../privacy/staff-reads';
import { DecideNominationInput, NominationForReview, NominationReviewPayload, ReviewConnection, ReviewQueueArgs, ScoreNominationInput } from './review.model';
import { ReviewService } from './review.service';


@ArgsType()
class NominationIdArgs {
  @Field(() => ID)
  id: string;
}

/** The museum's educators review the nominations of the schools in their museum's programme. */
@Roles('MUSEUM_EDUCATOR')
@Resolver()
export class ReviewResolver {
  constructor(private readonly review: ReviewService) {}

  @Query(() => ReviewConnection, { description: 'Nominations awaiting (or past) review, oldest first, blind: no pupil, school or teacher names' })
  reviewQueue(@CurrentUser() viewer: Viewer, @Args() args: ReviewQueueArgs) {
    return this.review.queue(viewer, args);
  }

  @Query(() => NominationForReview, { description: "A nomination with its frozen attempt and the review scores (every educator's for a lead)" })
  @AuditStaffRead((args) => ({ action: 'PUPIL_WORK_VIEWED', view: 'MUSEUM_REVIEW', subject: { subjectType: 'Work', nominationId: String(args.id) } }))
  nominationForReview(@CurrentUser() viewer: Viewer, @Args() args: NominationIdArgs) {
    return this.review.forReview(viewer, args.id);
  }

  @Mutation(() => NominationReviewPayload, { description: "Saves the viewer's scores for a nomination; editable until it is decided" })
  async scoreNomination(@CurrentUser() viewer: Viewer, @Args('input') input: ScoreNominationInput): Promise<NominationReviewPayload> {
    return { nomination: await this.review.score(viewer, input) };
  }

  @Mutation(() => NominationReviewPayload, { description: 'A lead reviewer decides; the teachers and the pupils are told and see the feedback' })
  async decideNomination(@CurrentUser() viewer: Viewer, @Args('input') input: DecideNominationInput): Promise<NominationReviewPayload> {
    return { nomination: await this.review.decide(viewer, input) };
  }
}
