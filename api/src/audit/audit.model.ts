import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AUDIT_ACTIONS, type AuditAction } from '@lmr/domain';
import { PageInfo } from '../common/pagination';

export const AuditActionEnum = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, a])) as { [K in AuditAction]: K };
registerEnumType(AuditActionEnum, { name: 'AuditAction' });

@ObjectType()
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field(() => AuditActionEnum)
  action: AuditAction;

  @Field(() => ID, { nullable: true, description: 'Who did it; null for a deleted account' })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field(() => String, { nullable: true, description: 'What kind of object it was done to, e.g. Class, Pupil, Account' })
  subjectType: string | null;

  @Field(() => ID, { nullable: true })
  subjectId: string | null;

  @Field(() => String, { description: 'Ids and counts as JSON; never a password, code or token' })
  details: string;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class AuditEntryEdge {
  @Field()
  cursor: string;

  @Field(() => AuditEntry)
  node: AuditEntry;
}

@ObjectType()
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: default 20, at most 100' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

export function mapAuditEntry(r: {
  id: string;
  action: AuditAction;
  actor_id: string | null;
  actor_name: string | null;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown> | string;
  created_at: Date;
}): AuditEntry {
  return {
    id: r.id,
    action: r.action,
    actorId: r.actor_id,
    actorName: r.actor_name,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    details: typeof r.details === 'string' ? r.details : JSON.stringify(r.details ?? {}),
    createdAt: new Date(r.created_at),
  };
}
