import { Field, ObjectType } from '@nestjs/graphql';

/** A text in Simplified Chinese and English; either may be missing. */
@ObjectType()
export class LocalizedText {
  @Field(() => String, { nullable: true })
  zh: string | null;

  @Field(() => String, { nullable: true })
  en: string | null;
}

export function localized(zh: string | null, en: string | null): LocalizedText | null {
  return zh === null && en === null ? null : { zh, en };
}
