import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { ClassesService } from './classes.service';
import { ClassesResolver, SchoolsResolver } from './schools.resolver';
import { SchoolsService } from './schools.service';

@Module({
  imports: [IdentityModule],
  providers: [SchoolsService, ClassesService, SchoolsResolver, ClassesResolver],
})
export class SchoolsModule {}
