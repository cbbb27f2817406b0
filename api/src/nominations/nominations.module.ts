import { Module } from '@nestjs/common';
import { NominationsResolver } from './nominations.resolver';
import { NominationsService } from './nominations.service';

/** Teachers nominate outstanding graded work for the museum; the museum's review comes later. */
@Module({
  providers: [NominationsResolver, NominationsService],
  exports: [NominationsService],
})
export class NominationsModule {}
