import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import type { Theme } from '@lmr/domain';
import { ThemeEnum } from '../common/theme.enum';

@ArgsType()
export class CollectionObjectsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size: default 20, at most 100' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => String, { nullable: true, description: 'Words to find in Chinese or English titles, makers, periods and descriptions' })
  search?: string | null;

  @Field(() => ThemeEnum, { nullable: true })
  theme?: Theme | null;
}

@ArgsType()
export class CollectionObjectArgs {
  @Field(() => ID)
  id: string;
}

@InputType()
export class CollectionObjectFields {
  @Field()
  accessionNumber: string;

  @Field()
  titleZh: string;

  @Field()
  titleEn: string;

  @Field(() => String, { nullable: true })
  makerZh?: string | null;

  @Field(() => String, { nullable: true })
  makerEn?: string | null;

  @Field(() => String, { nullable: true })
  periodZh?: string | null;

  @Field(() => String, { nullable: true })
  periodEn?: string | null;

  @Field(() => String, { nullable: true })
  kindZh?: string | null;

  @Field(() => String, { nullable: true })
  kindEn?: string | null;

  @Field(() => String, { nullable: true })
  descriptionZh?: string | null;

  @Field(() => String, { nullable: true })
  descriptionEn?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => [ThemeEnum], { nullable: true })
  themes?: Theme[] | null;

  @Field(() => String, { nullable: true })
  rightsStatement?: string | null;
}

@InputType()
export class CreateCollectionObjectInput {
  @Field(() => CollectionObjectFields)
  object: CollectionObjectFields;
}

@InputType()
export class UpdateCollectionObjectInput {
  @Field(() => ID)
  id: string;

  @Field(() => CollectionObjectFields)
  object: CollectionObjectFields;
}

export const ImportFormatEnum = { CSV: 'CSV', JSON: 'JSON' } as const;
registerEnumType(ImportFormatEnum, { name: 'ImportFormat' });

@InputType()
export class ImportCollectionInput {
  @Field(() => ImportFormatEnum)
  format: 'CSV' | 'JSON';

  @Field({ description: 'The file: CSV with a header line naming the columns, or a JSON array of records' })
  content: string;
}
