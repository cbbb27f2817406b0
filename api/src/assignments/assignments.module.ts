import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { AssignmentsResolver } from './assignments.resolver';
import { AssignmentsService } from './assignments.service';

@Module({
  imports: [ProjectsModule],
  providers: [AssignmentsResolver, AssignmentsService],
  exports: [AssignmentsService],
})
export class AssignmentsModule {}
