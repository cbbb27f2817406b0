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

/** The columns a CollectionObject is made of (an entity, or a row read with COLLECTION_OBJECT_COLUMNS). */
export type CollectionObjectRow = Pick<
  CollectionObjectEntity,
  'id' | 'accessionNumber' | 'titleZh' | 'titleEn' | 'makerZh' | 'makerEn' | 'periodZh' | 'periodEn' | 'kindZh' | 'kindEn' | 'descriptionZh' | 'descriptionEn' | 'location' | 'themes' | 'rightsStatement'
>;

/** Those columns of `o` in SQL, named as the entity's properties. */
export const COLLECTION_OBJECT_COLUMNS = `o.id, o.accession_number AS "accessionNumber", o.title_zh AS "titleZh", o.title_en AS "titleEn",
  o.maker_zh AS "makerZh", o.maker_en AS "makerEn", o.period_zh AS "periodZh", o.period_en AS "periodEn", o.kind_zh AS "kindZh", o.kind_en AS "kindEn",
  o.description_zh AS "descriptionZh", o.description_en AS "descriptionEn", o.location, o.themes, o.rights_statement AS "rightsStatement"`;

export function mapCollectionObject(e: CollectionObjectRow): CollectionObject {
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
