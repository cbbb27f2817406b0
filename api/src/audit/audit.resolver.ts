import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../common/current-user.decorator';
import { Roles } from '../common/roles.decorator';
import type { Viewer } from '../common/viewer';
import { AuditEntryConnection, AuditLogArgs } from './audit.model';
import { AuditService } from './audit.service';

@Roles('ADMIN')
@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, { description: "Who did what and when in the admin's museum, newest first" })
  auditLog(@CurrentUser() viewer: Viewer, @Args() args: AuditLogArgs) {
    return this.audit.list(viewer, args);
  }
}
