export const ROLES = ['PUPIL', 'TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
