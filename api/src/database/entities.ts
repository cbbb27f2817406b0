import { AssignmentEntity } from '../assignments/assignment.entity';
import { TeamEntity, TeamMemberEntity } from '../assignments/team.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { CollectionObjectEntity } from '../collection/collection-object.entity';
import { CheckInEntity, CommentBankEntryEntity, FeedbackCommentEntity, FeedbackEntity } from '../feedback/feedback.entity';
import { CollectionObjectImageEntity } from '../files/collection-image.entity';
import { StoredFileEntity, UploadTicketEntity } from '../files/stored-file.entity';
import { AccountLinkEntity } from '../identity/account-link.entity';
import { SessionEntity } from '../identity/session.entity';
import { SignInFailureCountEntity } from '../identity/sign-in-failure.entity';
import { UserEntity } from '../identity/user.entity';
import { CohortPupilEntity } from '../schools/cohort-pupil.entity';
import { CohortTeacherEntity } from '../schools/cohort-teacher.entity';
import { CohortEntity } from '../schools/cohort.entity';
import { MuseumEntity } from '../schools/museum.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { ConsentRecordEntity, RetentionNoticeEntity } from '../privacy/privacy.entity';
import { LeadReviewerEntity, NominationReviewEntity } from '../review/review.entity';
import { BriefVersionEntity } from '../projects/brief-version.entity';
import { BriefEntity } from '../projects/brief.entity';
import { SchoolEntity } from '../schools/school.entity';
import { WorkPartEntity } from '../submissions/work-part.entity';
import { WorkVersionEntity } from '../submissions/work-version.entity';
import { WorkEntity } from '../submissions/work.entity';

/** Every entity of the product; the data source and the migration generator both read this list. */
export const ENTITIES = [
  MuseumEntity,
  SchoolEntity,
  CohortEntity,
  CohortTeacherEntity,
  CohortPupilEntity,
  UserEntity,
  SessionEntity,
  SignInFailureCountEntity,
  AccountLinkEntity,
  AuditEntryEntity,
  CollectionObjectEntity,
  BriefEntity,
  BriefVersionEntity,
  AssignmentEntity,
  TeamEntity,
  TeamMemberEntity,
  StoredFileEntity,
  UploadTicketEntity,
  CollectionObjectImageEntity,
  WorkEntity,
  WorkPartEntity,
  WorkVersionEntity,
  FeedbackEntity,
  FeedbackCommentEntity,
  CommentBankEntryEntity,
  CheckInEntity,
  NotificationEntity,
  NominationEntity,
  NominationReviewEntity,
  LeadReviewerEntity,
  ConsentRecordEntity,
  RetentionNoticeEntity,
];
