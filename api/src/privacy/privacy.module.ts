import { Global, Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReviewModule } from '../review/review.module';
import { PupilAccess } from './pupil-access';
import { PupilDeletionService } from './pupil-data/pupil-deletion.service';
import { PupilExportController } from './pupil-data/pupil-export.controller';
import { PupilExportService } from './pupil-data/pupil-export.service';
import { RETENTION_CLOCK, RetentionService } from './pupil-data/retention.service';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';
import { StaffReadInterceptor, StaffReadsService } from './staff-reads';

/**
 * Children's data rights: export, deletion, retention, consent records and the audit of
 * staff reads. Global so that read paths elsewhere can mark themselves @AuditStaffRead().
 * Reaches the file store through ReviewModule's provider (files/ does not export one).
 */
@Global()
@Module({
  imports: [ReviewModule, NotificationsModule],
  controllers: [PupilExportController],
  providers: [
    { provide: RETENTION_CLOCK, useValue: () => new Date() },
    PupilAccess,
    PupilDeletionService,
    PupilExportService,
    RetentionService,
    PrivacyService,
    PrivacyResolver,
    StaffReadsService,
    StaffReadInterceptor,
  ],
  exports: [StaffReadsService, StaffReadInterceptor],
})
export class PrivacyModule {}
