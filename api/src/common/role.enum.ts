import { registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '@lmr/domain';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };

registerEnumType(RoleEnum, { name: 'Role' });
