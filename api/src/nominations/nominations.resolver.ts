import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { ClassNominationsArgs, Nomination, NominationPayload, NominationResult } from './nomination.model';
import { NominateWorkInput, WithdrawConsentInput } from './nominations.input';
import { NominationsService } from './nominations.service';

@Roles('TEACHER')
@Resolver(() => Nomination)
export class NominationsResolver {
  constructor(private readonly nominations: NominationsService) {}

  @Query(() => [Nomination], { description: "The class's nominations for the museum, newest first (its teachers)" })
  classNominations(@CurrentUser() viewer: Viewer, @Args() args: ClassNominationsArgs) {
    return this.nominations.forClass(viewer, args.classId);
  }

  @Roles('PUPIL')
  @Query(() => [NominationResult], { description: "The museum's decisions on the pupil's nominated work, with its feedback (pupils)" })
  myNominationResults(@CurrentUser() viewer: Viewer) {
    return this.nominations.resultsForPupil(viewer);
  }

  @Mutation(() => NominationPayload, { description: 'A teacher of the class nominates a graded project attempt for the museum' })
  async nominateWork(@CurrentUser() viewer: Viewer, @Args('input') input: NominateWorkInput): Promise<NominationPayload> {
    return { nomination: await this.nominations.nominate(viewer, input) };
  }

  @Roles('TEACHER', 'ADMIN')
  @Mutation(() => NominationPayload, { description: "Records that the guardian withdrew consent: the work may be shown nowhere from now on" })
  async withdrawConsent(@CurrentUser() viewer: Viewer, @Args('input') input: WithdrawConsentInput): Promise<NominationPayload> {
    return { nomination: await this.nominations.withdrawConsent(viewer, input.nominationId) };
  }
}
