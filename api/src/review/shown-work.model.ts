import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { RichDoc } from '@lmr/domain';
import { RichTextScalar } from '../common/json.scalar';
import { LocalizedText } from '../common/localized-text.model';
import { EvidenceKindEnum } from '../submissions/work.model';

/**
 * A nominated attempt as the museum's reviewers and the public exhibition show it: the frozen
 * parts, with cited collection objects linked to their public pages and files addressed
 * through a path of the reader's own (never a file id that /files/:id would open).
 */
@ObjectType()
export class CitedObject {
  @Field(() => ID, { description: 'A public collection object' })
  id: string;

  @Field()
  titleZh: string;

  @Field()
  titleEn: string;

  @Field({ description: "The object's public page, e.g. /collection/<id>" })
  path: string;
}

@ObjectType()
export class ShownEvidence {
  @Field(() => EvidenceKindEnum)
  kind: 'COLLECTION_OBJECT' | 'OUTSIDE_SOURCE';

  @Field(() => CitedObject, { nullable: true })
  object: CitedObject | null;

  @Field(() => String, { nullable: true })
  observation: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  author: string | null;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  seenOn: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType()
export class ShownFile {
  @Field(() => Int, { description: 'Position among the shown files of the work, from 0' })
  index: number;

  @Field()
  contentType: string;

  @Field({ description: 'Where to fetch it; works only while the reader may see the work' })
  url: string;
}

@ObjectType()
export class ShownPart {
  @Field({ description: 'A milestone key, or REFLECTION' })
  partKey: string;

  @Field(() => LocalizedText, { nullable: true, description: "The milestone's title in the brief" })
  title: LocalizedText | null;

  @Field(() => RichTextScalar)
  body: RichDoc;

  @Field(() => [ShownEvidence])
  evidence: ShownEvidence[];

  @Field(() => [ShownFile])
  files: ShownFile[];
}
