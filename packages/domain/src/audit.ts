/** What the audit log records. Details never hold passwords, codes or tokens. */
export const AUDIT_ACTIONS = [
  'STAFF_SIGNED_IN',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET_CREATED',
  'PASSWORD_RESET_COMPLETED',
  'INVITATION_CREATED',
  'INVITATION_ACCEPTED',
  'ACCOUNT_DISABLED',
  'ACCOUNT_ENABLED',
  'SCHOOL_CREATED',
  'SCHOOL_UPDATED',
  'CLASS_CREATED',
  'CLASS_ARCHIVED',
  'CLASS_TEACHER_ADDED',
  'PUPIL_ADDED',
  'ROSTER_IMPORTED',
  'PUPIL_CODE_RESET',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
