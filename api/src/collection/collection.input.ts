import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
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
