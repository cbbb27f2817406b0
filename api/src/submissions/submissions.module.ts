import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { SubmissionsResolver } from './submissions.resolver';
import { SubmissionsService } from './submissions.service';

@Module({
  imports: [FilesModule],
  providers: [SubmissionsResolver, SubmissionsService],
  exports: [SubmissionsService],
})
export class SubmissionsModule {}
