import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { RichTextScalar } from '../common/json.scalar';
import { EvidenceKindEnum } from './work.model';

@InputType()
export class EvidenceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => EvidenceKindEnum)
  kind: 'COLLECTION_OBJECT' | 'OUTSIDE_SOURCE';

  @Field(() => ID, { nullable: true })
  objectId?: string | null;

  @Field(() => String, { nullable: true })
  observation?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  author?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  seenOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class SaveWorkPartInput {
  @Field(() => ID)
  workId: string;

  @Field({ description: 'A milestone key of the assignment, or REFLECTION' })
  partKey: string;

  @Field(() => Int, { description: 'The revision this change started from; 0 for a part never saved' })
  baseRevision: number;

  @Field(() => RichTextScalar)
  body: unknown;

  @Field(() => [EvidenceInput], { nullable: true })
  evidence?: EvidenceInput[] | null;

  @Field(() => [ID], { nullable: true })
  attachmentIds?: string[] | null;
}

@InputType()
export class SubmitWorkInput {
  @Field(() => ID)
  workId: string;

  @Field({ description: 'PROJECT for the whole project, or a milestone key' })
  scope: string;

  @Field({ description: 'Made by the client once per submit intent; a retry with the same key returns the same attempt' })
  idempotencyKey: string;
}

@InputType()
export class SubmissionIdInput {
  @Field(() => ID)
  versionId: string;
}

@ArgsType()
export class MyWorkArgs {
  @Field(() => ID)
  assignmentId: string;
}

@ArgsType()
export class WorkArgs {
  @Field(() => ID)
  id: string;
}

@ArgsType()
export class CompareArgs {
  @Field(() => ID)
  fromVersionId: string;

  @Field(() => ID)
  toVersionId: string;
}
