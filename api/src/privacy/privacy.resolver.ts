import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuditEntryConnection } from '../audit/audit.model';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { DeletePupilInput, NominationIdArgs, PupilAccessLogArgs, PupilArgs, RecordConsentInput, SchoolPrivacyArgs, SetRetentionInput } from './privacy.input';
import { ConsentPayload, ConsentRecord, DeletePupilPayload, PupilPrivacy, SchoolPrivacy, SchoolPrivacyPayload } from './privacy.model';
import { PrivacyService } from './privacy.service';

/** Children's data rights for teachers and admins; which school, pupil or nomination is checked per object in PrivacyService. */
@Roles('TEACHER', 'ADMIN')
@Resolver()
export class PrivacyResolver {
  constructor(private readonly privacy: PrivacyService) {}

  @Query(() => SchoolPrivacy, { description: "A school's privacy page: what is kept, and for how long after each school year" })
  schoolPrivacy(@CurrentUser() viewer: Viewer, @Args() args: SchoolPrivacyArgs) {
    return this.privacy.schoolPrivacy(viewer, args.schoolId);
  }

  @Roles('ADMIN')
  @Mutation(() => SchoolPrivacyPayload, { description: "Sets how many months pupils' accounts and work are kept after a school year ends" })
  async setRetentionPeriod(@CurrentUser() viewer: Viewer, @Args('input') input: SetRetentionInput): Promise<SchoolPrivacyPayload> {
    return { privacy: await this.privacy.setRetention(viewer, input) };
  }

  @Query(() => PupilPrivacy, { description: "A pupil's data page: export, deletion and guardians' consent (teachers of the pupil's classes, admins)" })
  pupilPrivacy(@CurrentUser() viewer: Viewer, @Args() args: PupilArgs) {
    return this.privacy.pupilPrivacy(viewer, args.pupilId);
  }

  @Roles('ADMIN')
  @Query(() => AuditEntryConnection, { description: "Who read the pupil's work and grades, and what else the audit log holds about the pupil, newest first" })
  pupilAccessLog(@CurrentUser() viewer: Viewer, @Args() args: PupilAccessLogArgs) {
    return this.privacy.accessLog(viewer, args);
  }

  @Roles('ADMIN')
  @Mutation(() => DeletePupilPayload, { description: 'Deletes a pupil and their data everywhere; team work stays, credited to a former pupil' })
  deletePupil(@CurrentUser() viewer: Viewer, @Args('input') input: DeletePupilInput) {
    return this.privacy.deletePupil(viewer, input);
  }

  @Mutation(() => ConsentPayload, { description: "Records a guardian's consent to public showing, with the credit allowed" })
  async recordGuardianConsent(@CurrentUser() viewer: Viewer, @Args('input') input: RecordConsentInput): Promise<ConsentPayload> {
    return { nomination: await this.privacy.recordConsent(viewer, input) };
  }

  @Query(() => [ConsentRecord], { description: "A nomination's consent history, oldest first (the class's teachers, admins)" })
  consentHistory(@CurrentUser() viewer: Viewer, @Args() args: NominationIdArgs) {
    return this.privacy.consentHistory(viewer, args.nominationId);
  }
}
