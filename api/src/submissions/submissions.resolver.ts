import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { AuditStaffRead } from '../privacy/staff-reads';
import { CompareArgs, MyWorkArgs, SaveWorkPartInput, SubmissionIdInput, SubmitWorkInput, WorkArgs } from './submissions.input';
import { SubmissionsService } from './submissions.service';
import { PartChanges, Work, WorkPartPayload, WorkVersion, WorkVersionPayload } from './work.model';

@Roles('PUPIL', 'TEACHER')
@Resolver(() => Work)
export class SubmissionsResolver {
  constructor(private readonly submissions: SubmissionsService) {}

  @Roles('PUPIL')
  @Query(() => Work, { description: "The pupil's own work (their team's, for team work) on an assignment" })
  myWork(@CurrentUser() viewer: Viewer, @Args() args: MyWorkArgs) {
    return this.submissions.mine(viewer, args.assignmentId);
  }

  @Query(() => Work)
  @AuditStaffRead((_args, work) => ({ action: 'PUPIL_WORK_VIEWED', view: 'WORK', subject: { subjectType: 'Work', subjectId: (work as Work).id } }))
  work(@CurrentUser() viewer: Viewer, @Args() args: WorkArgs) {
    return this.submissions.get(viewer, args.id);
  }

  @Query(() => WorkVersion, { description: 'One submitted attempt' })
  @AuditStaffRead((_args, v) => ({ action: 'PUPIL_WORK_VIEWED', view: 'ATTEMPT', subject: { subjectType: 'Work', subjectId: (v as WorkVersion).workId } }))
  workVersion(@CurrentUser() viewer: Viewer, @Args() args: WorkArgs) {
    return this.submissions.version(viewer, args.id);
  }

  @Query(() => [PartChanges], { description: 'What changed between two attempts, part by part' })
  @AuditStaffRead((args) => ({ action: 'PUPIL_WORK_VIEWED', view: 'COMPARE', subject: { subjectType: 'Work', versionId: String(args.fromVersionId) } }))
  compareWorkVersions(@CurrentUser() viewer: Viewer, @Args() args: CompareArgs) {
    return this.submissions.compare(viewer, args.fromVersionId, args.toVersionId);
  }

  @Roles('PUPIL')
  @Mutation(() => WorkPartPayload, { description: 'Saves one part of the draft; CONFLICT if it changed since baseRevision' })
  async saveWorkPart(@CurrentUser() viewer: Viewer, @Args('input') input: SaveWorkPartInput): Promise<WorkPartPayload> {
    return { part: await this.submissions.savePart(viewer, input) };
  }

  @Roles('PUPIL')
  @Mutation(() => WorkVersionPayload, { description: 'Freezes the project or a milestone as the next attempt' })
  async submitWork(@CurrentUser() viewer: Viewer, @Args('input') input: SubmitWorkInput): Promise<WorkVersionPayload> {
    return { version: await this.submissions.submit(viewer, input.workId, input.scope, input.idempotencyKey) };
  }

  @Roles('PUPIL')
  @Mutation(() => WorkVersionPayload, { description: 'Takes an attempt back while no teacher has opened it' })
  async withdrawSubmission(@CurrentUser() viewer: Viewer, @Args('input') input: SubmissionIdInput): Promise<WorkVersionPayload> {
    return { version: await this.submissions.withdraw(viewer, input.versionId) };
  }

  @Roles('TEACHER')
  @Mutation(() => WorkVersionPayload, { description: 'A teacher opens a submitted attempt; it can no longer be taken back' })
  async openSubmission(@CurrentUser() viewer: Viewer, @Args('input') input: SubmissionIdInput): Promise<WorkVersionPayload> {
    return { version: await this.submissions.open(viewer, input.versionId) };
  }
}
