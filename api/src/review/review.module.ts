import { Module } from '@nestjs/common';
import { APP_CONFIG } from '../common/app-config.module';
import { fileStoreFor } from '../files/files.module';
import { FILE_STORE } from '../files/store/file-store';
import { NotificationsModule } from '../notifications/notifications.module';
import { FiguresController } from './figures.controller';
import { FiguresResolver } from './figures.resolver';
import { FiguresService } from './figures.service';
import { NominatedWork } from './nominated-work';
import { ReviewController } from './review.controller';
import { ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

/**
 * The museum's review of nominated work, and its programme figures. Reads work files from the same store as files/
 * (its own provider of the store: files/ does not export one). Exports NominatedWork for
 * the exhibition and certificates.
 */
@Module({
  imports: [NotificationsModule],
  controllers: [ReviewController, FiguresController],
  providers: [{ provide: FILE_STORE, useFactory: fileStoreFor, inject: [APP_CONFIG] }, NominatedWork, ReviewService, ReviewResolver, FiguresService, FiguresResolver],
  exports: [NominatedWork, FILE_STORE],
})
export class ReviewModule {}
