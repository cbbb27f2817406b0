import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { ExhibitionController } from './exhibition.controller';
import { ExhibitionPageController } from './exhibition-page';
import { ExhibitionResolver } from './exhibition.resolver';
import { ExhibitionService } from './exhibition.service';

/** The public online exhibition of selected work, its images, its shared pages' Open Graph tags, and the private certificates. */
@Module({
  imports: [ReviewModule],
  controllers: [ExhibitionController, ExhibitionPageController, CertificatesController],
  providers: [ExhibitionService, ExhibitionResolver, CertificatesService],
})
export class ExhibitionModule {}
