import { SetMetadata } from '@nestjs/common';
import type { Role } from '@lmr/domain';

export const ROLES = 'lmr:roles';

/**
 * The coarse check: only these roles may call the operation (put it on the resolver class
 * where every operation shares it). The service still checks each object.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
