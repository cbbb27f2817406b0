import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { requestLoader } from '../common/loaders';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { AuditStaffRead } from '../privacy/staff-reads';
import { mapVersion, Work, WorkVersion } from '../submissions/work.model';
import {
  AddBankCommentInput,
  AddCheckInInput,
  AddPartCommentInput,
  AssignmentIdArgs,
  ClassIdArgs,
  DecideInput,
  IdInput,
  ReleaseGradesInput,
  SaveFeedbackInput,
  VersionArgs,
} from './feedback.input';
import {
  CheckIn,
  CheckInPayload,
  ClassProgress,
  CommentBankEntry,
  CommentBankPayload,
  DeletedPayload,
  Feedback,
  FeedbackPayload,
  Gradebook,
  GradingView,
  PartCommentPayload,
  ReleaseGradesPayload,
} from './feedback.model';
import { FeedbackService, viewFeedback } from './feedback.service';
import { ProgressService } from './progress.service';

@Roles('TEACHER')
@Resolver()
export class FeedbackResolver {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly progress: ProgressService,
  ) {}

  @Query(() => ClassProgress, { description: 'Every pupil or team of an assignment with their state per milestone' })
  @AuditStaffRead((args) => ({ action: 'PUPIL_GRADES_VIEWED', view: 'CLASS_PROGRESS', subject: { subjectType: 'Assignment', subjectId: String(args.assignmentId) } }))
  classProgress(@CurrentUser() viewer: Viewer, @Args() args: AssignmentIdArgs) {
    return this.progress.classProgress(viewer, args.assignmentId);
  }

  @Query(() => GradingView, { description: 'A submitted attempt beside its rubric' })
  @AuditStaffRead((_args, view) => ({ action: 'PUPIL_WORK_VIEWED', view: 'GRADING_VIEW', subject: { subjectType: 'Work', subjectId: (view as GradingView).version.workId } }))
  gradingView(@CurrentUser() viewer: Viewer, @Args() args: VersionArgs) {
    return this.progress.gradingView(viewer, args.versionId);
  }

  @Query(() => Gradebook)
  @AuditStaffRead((args) => ({ action: 'PUPIL_GRADES_VIEWED', view: 'GRADEBOOK', subject: { subjectType: 'Class', subjectId: String(args.classId) } }))
  gradebook(@CurrentUser() viewer: Viewer, @Args() args: ClassIdArgs) {
    return this.progress.gradebook(viewer, args.classId);
  }

  @Query(() => [CommentBankEntry], { description: "The teacher's reusable comments" })
  commentBank(@CurrentUser() viewer: Viewer) {
    return this.feedback.commentBank(viewer);
  }

  @Mutation(() => FeedbackPayload, { description: 'Saves rubric levels and comments; CONFLICT if someone changed them since expectedRowVersion' })
  async saveFeedback(@CurrentUser() viewer: Viewer, @Args('input') input: SaveFeedbackInput): Promise<FeedbackPayload> {
    const { feedback, version } = await this.feedback.save(viewer, input);
    return { feedback, version: mapVersion(version) };
  }

  @Mutation(() => FeedbackPayload, { description: 'Returns the attempt for revision; the pupil submits the next attempt' })
  async returnWork(@CurrentUser() viewer: Viewer, @Args('input') input: DecideInput): Promise<FeedbackPayload> {
    const { feedback, version } = await this.feedback.decide(viewer, input.versionId, input.expectedRowVersion, 'RETURN');
    return { feedback, version: mapVersion(version) };
  }

  @Mutation(() => FeedbackPayload, { description: 'Grades the attempt; the pupil sees the grade once it is released' })
  async gradeWork(@CurrentUser() viewer: Viewer, @Args('input') input: DecideInput): Promise<FeedbackPayload> {
    const { feedback, version } = await this.feedback.decide(viewer, input.versionId, input.expectedRowVersion, 'GRADE');
    return { feedback, version: mapVersion(version) };
  }

  @Mutation(() => ReleaseGradesPayload, { description: 'Shows grades to pupils: the whole assignment, or some pupils' })
  async releaseGrades(@CurrentUser() viewer: Viewer, @Args('input') input: ReleaseGradesInput): Promise<ReleaseGradesPayload> {
    return { released: await this.feedback.release(viewer, input) };
  }

  @Mutation(() => PartCommentPayload, { description: "A comment on one part of an attempt (a milestone's section or an evidence item)" })
  async addPartComment(@CurrentUser() viewer: Viewer, @Args('input') input: AddPartCommentInput): Promise<PartCommentPayload> {
    return { comment: await this.feedback.addComment(viewer, input) };
  }

  @Mutation(() => DeletedPayload)
  async deletePartComment(@CurrentUser() viewer: Viewer, @Args('input') input: IdInput): Promise<DeletedPayload> {
    return { deleted: await this.feedback.deleteComment(viewer, input.id) };
  }

  @Mutation(() => CommentBankPayload)
  async addBankComment(@CurrentUser() viewer: Viewer, @Args('input') input: AddBankCommentInput): Promise<CommentBankPayload> {
    return { entries: await this.feedback.addToBank(viewer, input.text) };
  }

  @Mutation(() => CommentBankPayload)
  async removeBankComment(@CurrentUser() viewer: Viewer, @Args('input') input: IdInput): Promise<CommentBankPayload> {
    return { entries: await this.feedback.removeFromBank(viewer, input.id) };
  }

  @Mutation(() => CheckInPayload, { description: 'Quick feedback on a milestone before the final submission, without a grade' })
  async addCheckIn(@CurrentUser() viewer: Viewer, @Args('input') input: AddCheckInInput): Promise<CheckInPayload> {
    return { checkIn: await this.feedback.addCheckIn(viewer, input) };
  }
}

/** Feedback on an attempt the viewer already may see (the parent was access-checked), batched per request. */
@Resolver(() => WorkVersion)
export class WorkVersionFeedbackResolver {
  constructor(private readonly feedbackService: FeedbackService) {}

  @ResolveField(() => Feedback, { nullable: true })
  async feedback(@Parent() version: WorkVersion, @CurrentUser() viewer: Viewer, @Context() context: object): Promise<Feedback | null> {
    const loader = requestLoader(context, 'feedbackByVersion', (ids: readonly string[]) => this.feedbackService.feedbackOf(ids));
    const found = await loader.load(version.id);
    if (!found?.feedback) return null;
    return viewFeedback(found.feedback, version.status, found.comments, found.content, viewer.role === 'TEACHER');
  }
}

@Resolver(() => Work)
export class WorkCheckInsResolver {
  constructor(private readonly feedback: FeedbackService) {}

  @ResolveField(() => [CheckIn])
  async checkIns(@Parent() work: Work, @Context() context: object): Promise<CheckIn[]> {
    const loader = requestLoader(context, 'checkInsByWork', (ids: readonly string[]) => this.feedback.checkInsOf(ids));
    return (await loader.load(work.id)) ?? [];
  }
}
