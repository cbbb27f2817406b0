import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { EvidenceItem, RichDoc, SubmissionStatus } from '@lmr/domain';
import type { WorkVersionEntity } from './work-version.entity';
import { RichTextScalar } from '../common/json.scalar';

export const SubmissionStatusEnum = { SUBMITTED: 'SUBMITTED', WITHDRAWN: 'WITHDRAWN', RETURNED: 'RETURNED', GRADED: 'GRADED' } as const;
registerEnumType(SubmissionStatusEnum, { name: 'SubmissionStatus' });

export const EvidenceKindEnum = { COLLECTION_OBJECT: 'COLLECTION_OBJECT', OUTSIDE_SOURCE: 'OUTSIDE_SOURCE' } as const;
registerEnumType(EvidenceKindEnum, { name: 'EvidenceKind' });

export const DiffOpEnum = { same: 'same', added: 'added', removed: 'removed' } as const;
registerEnumType(DiffOpEnum, { name: 'DiffOp' });

@ObjectType()
export class Evidence {
  @Field(() => ID)
  id: string;

  @Field(() => EvidenceKindEnum)
  kind: EvidenceItem['kind'];

  @Field(() => ID, { nullable: true, description: 'The cited collection object' })
  objectId: string | null;

  @Field(() => String, { nullable: true, description: 'What the pupil observed in the object' })
  observation: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  author: string | null;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'When the pupil looked at the source (YYYY-MM-DD)' })
  seenOn: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType()
export class WorkPart {
  @Field({ description: 'A milestone key, or REFLECTION' })
  partKey: string;

  @Field(() => RichTextScalar)
  body: RichDoc;

  @Field(() => [Evidence])
  evidence: Evidence[];

  @Field(() => [ID])
  attachmentIds: string[];

  @Field(() => Int, { description: 'Name this revision when saving the next change' })
  revision: number;

  @Field(() => Date, { nullable: true })
  updatedAt: Date | null;
}

@ObjectType()
export class WorkVersion {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  workId: string;

  @Field({ description: 'PROJECT, or the key of the milestone submitted on its own' })
  scope: string;

  @Field(() => Int)
  attempt: number;

  @Field(() => SubmissionStatusEnum)
  status: SubmissionStatus;

  @Field()
  late: boolean;

  @Field()
  submittedAt: Date;

  @Field({ description: 'Whether a teacher has opened it (then it can no longer be taken back)' })
  opened: boolean;

  @Field(() => [WorkPart])
  parts: WorkPart[];
}

@ObjectType()
export class Work {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  assignmentId: string;

  @Field(() => ID, { nullable: true })
  pupilId: string | null;

  @Field(() => ID, { nullable: true })
  teamId: string | null;

  @Field({ description: 'False while an attempt waits for the teacher or after grading' })
  editable: boolean;

  @Field(() => [WorkPart])
  parts: WorkPart[];

  @Field(() => [WorkVersion], { description: 'Every attempt, newest first' })
  versions: WorkVersion[];
}

@ObjectType()
export class DiffLineModel {
  @Field(() => DiffOpEnum)
  op: 'same' | 'added' | 'removed';

  @Field()
  text: string;
}

@ObjectType()
export class PartChanges {
  @Field()
  partKey: string;

  @Field(() => [DiffLineModel])
  lines: DiffLineModel[];
}

@ObjectType()
export class WorkPartPayload {
  @Field(() => WorkPart)
  part: WorkPart;
}

@ObjectType()
export class WorkVersionPayload {
  @Field(() => WorkVersion)
  version: WorkVersion;
}

export function mapEvidence(item: EvidenceItem): Evidence {
  return item.kind === 'COLLECTION_OBJECT'
    ? { id: item.id, kind: item.kind, objectId: item.objectId, observation: item.observation, title: null, author: null, url: null, seenOn: null, note: null }
    : { id: item.id, kind: item.kind, objectId: null, observation: null, title: item.title, author: item.author, url: item.url, seenOn: item.seenOn, note: item.note };
}

export function mapPart(p: { partKey: string; body: RichDoc; evidence: EvidenceItem[]; attachmentIds: string[]; revision: number; updatedAt?: Date | null }): WorkPart {
  return {
    partKey: p.partKey,
    body: p.body,
    evidence: p.evidence.map(mapEvidence),
    attachmentIds: p.attachmentIds,
    revision: p.revision,
    updatedAt: p.updatedAt ?? null,
  };
}

export function mapVersion(v: Pick<WorkVersionEntity, 'id' | 'workId' | 'scope' | 'attempt' | 'status' | 'late' | 'submittedAt' | 'openedAt' | 'parts'>): WorkVersion {
  return {
    id: v.id,
    workId: v.workId,
    scope: v.scope,
    attempt: v.attempt,
    status: v.status,
    late: v.late,
    submittedAt: v.submittedAt,
    opened: v.openedAt !== null,
    parts: v.parts.map((p) => mapPart(p)),
  };
}
