import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Theme } from '@lmr/domain';
import { LocalizedText, localized } from '../common/localized-text.model';
import { PageInfo } from '../common/pagination';
import { ThemeEnum } from '../common/theme.enum';
import type { CollectionObjectEntity } from './collection-object.entity';

@ObjectType()
export class CollectionObject {
  @Field(() => ID)
  id: string;

  @Field()
  accessionNumber: string;

  @Field(() => LocalizedText)
  title: LocalizedText;

  @Field(() => LocalizedText, { nullable: true })
  maker: LocalizedText | null;

  @Field(() => LocalizedText, { nullable: true })
  period: LocalizedText | null;

  @Field(() => LocalizedText, { nullable: true, description: 'Kind and material' })
  kind: LocalizedText | null;

  @Field(() => LocalizedText, { nullable: true })
  description: LocalizedText | null;

  @Field(() => String, { nullable: true, description: 'Gallery or store where the object is' })
  location: string | null;

  @Field(() => [ThemeEnum])
  themes: Theme[];

  @Field(() => String, { nullable: true })
  rightsStatement: string | null;
}

@ObjectType()
export class CollectionObjectEdge {
  @Field()
  cursor: string;

  @Field(() => CollectionObject)
  node: CollectionObject;
}

@ObjectType()
export class CollectionObjectConnection {
  @Field(() => [CollectionObjectEdge])
  edges: CollectionObjectEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Counted only when a client asks for totalCount. */
  countAll: () => Promise<number>;
}

export function mapCollectionObject(e: CollectionObjectEntity): CollectionObject {
  return {
    id: e.id,
    accessionNumber: e.accessionNumber,
    title: { zh: e.titleZh, en: e.titleEn },
    maker: localized(e.makerZh, e.makerEn),
    period: localized(e.periodZh, e.periodEn),
    kind: localized(e.kindZh, e.kindEn),
    description: localized(e.descriptionZh, e.descriptionEn),
    location: e.location,
    themes: e.themes,
    rightsStatement: e.rightsStatement,
  };
}


@ObjectType()
export class CollectionObjectPayload {
  @Field(() => CollectionObject)
  object: CollectionObject;
}

@ObjectType()
export class ImportCollectionPayload {
  @Field(() => Int, { description: 'How many records were added (all of the file)' })
  imported: number;
}
