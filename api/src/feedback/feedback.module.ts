import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { FeedbackResolver, WorkCheckInsResolver, WorkVersionFeedbackResolver } from './feedback.resolver';
import { FeedbackService } from './feedback.service';
import { GradebookController } from './gradebook.controller';
import { ProgressService } from './progress.service';

@Module({
  imports: [NotificationsModule],
  controllers: [GradebookController],
  providers: [FeedbackResolver, WorkVersionFeedbackResolver, WorkCheckInsResolver, FeedbackService, ProgressService],
})
export class FeedbackModule {}
