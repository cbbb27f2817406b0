import type { Role } from '../../gql/graphql';

type Kind = 'CHECK_IN' | 'FEEDBACK' | 'RETURNED' | 'GRADE_RELEASED' | 'NOMINATION_DECIDED' | 'RETENTION_WARNING';
const kinds: readonly string[] = ['CHECK_IN', 'FEEDBACK', 'RETURNED', 'GRADE_RELEASED', 'NOMINATION_DECIDED', 'RETENTION_WARNING'] satisfies Kind[];

export interface NotificationAbout {
  kind: string;
  assignmentId?: string | null;
  versionId?: string | null;
}

/** The sentence for a notification: pupils read about their own work, staff about a pupil's. */
export function notificationKey(kind: string, role: Role) {
  if (!kinds.includes(kind)) return 'notifications.kind.other' as const;
  return role === 'PUPIL' ? (`notifications.kind.${kind as Kind}` as const) : (`notifications.staffKind.${kind as Kind}` as const);
}

/** Where the notification leads: the pupil's workspace, or the teacher's marking of that attempt. */
export function notificationPath(notification: NotificationAbout, role: Role): string | null {
  const { assignmentId, versionId } = notification;
  // Admins are warned a month before a school's pupils' data is purged: the privacy pages say what and when.
  if (notification.kind === 'RETENTION_WARNING') return role === 'ADMIN' ? '/privacy' : null;
  if (!assignmentId) return null;
  if (role === 'PUPIL') return `/my/assignments/${encodeURIComponent(assignmentId)}`;
  if (role !== 'TEACHER' && role !== 'ADMIN') return null;
  if (versionId) return `/assignments/${encodeURIComponent(assignmentId)}/grading/${encodeURIComponent(versionId)}`;
  return `/assignments/${encodeURIComponent(assignmentId)}/progress`;
}
