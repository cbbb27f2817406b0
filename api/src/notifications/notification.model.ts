import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../common/pagination';
import type { NotificationEntity, NotificationKind } from './notification.entity';

export const NotificationKindEnum = {
  FEEDBACK: 'FEEDBACK',
  RETURNED: 'RETURNED',
  GRADE_RELEASED: 'GRADE_RELEASED',
  CHECK_IN: 'CHECK_IN',
  NOMINATION_DECIDED: 'NOMINATION_DECIDED',
  RETENTION_WARNING: 'RETENTION_WARNING',
} as const satisfies { [K in NotificationKind]: K };
registerEnumType(NotificationKindEnum, { name: 'NotificationKind' });

/**
 * Something the viewer should look at. Only the kind and ids: the portal fetches what it
 * links to through the usual access checks, so no name, text or grade travels here.
 */
@ObjectType()
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKindEnum)
  kind: NotificationKind;

  @Field(() => ID, { nullable: true })
  assignmentId: string | null;

  @Field(() => ID, { nullable: true })
  workId: string | null;

  @Field(() => ID, { nullable: true, description: 'The submitted attempt it is about' })
  versionId: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the viewer marked it read; null while unread' })
  readAt: Date | null;
}

@ObjectType()
export class NotificationEdge {
  @Field()
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int, { description: "How many of the viewer's notifications are unread, on every page" })
  unreadCount: number;
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => [Notification], { description: 'The notifications this call marked read (those already read are left out)' })
  notifications: Notification[];

  @Field(() => Int)
  unreadCount: number;
}

@ArgsType()
export class NotificationsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: default 20, at most 100' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** What travels on the event bus: JSON, so dates are ISO strings. */
export interface NotificationEvent {
  id: string;
  userId: string;
  kind: NotificationKind;
  assignmentId: string | null;
  workId: string | null;
  versionId: string | null;
  createdAt: string;
}

export function mapNotification(n: Pick<NotificationEntity, 'id' | 'kind' | 'assignmentId' | 'workId' | 'versionId' | 'createdAt' | 'readAt'>): Notification {
  return {
    id: n.id,
    kind: n.kind,
    assignmentId: n.assignmentId,
    workId: n.workId,
    versionId: n.versionId,
    createdAt: new Date(n.createdAt),
    readAt: n.readAt ? new Date(n.readAt) : null,
  };
}

export function toEvent(n: NotificationEntity): NotificationEvent {
  return {
    id: n.id,
    userId: n.userId,
    kind: n.kind,
    assignmentId: n.assignmentId,
    workId: n.workId,
    versionId: n.versionId,
    createdAt: new Date(n.createdAt).toISOString(),
  };
}

export function fromEvent(e: NotificationEvent): Notification {
  return mapNotification({ ...e, createdAt: new Date(e.createdAt), readAt: null });
}
