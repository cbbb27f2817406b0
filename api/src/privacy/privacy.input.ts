import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import type { CreditStyle } from '../nominations/nomination.entity';
import { CreditStyleEnum } from '../nominations/nomination.model';

@ArgsType()
export class SchoolPrivacyArgs {
  @Field(() => ID, { nullable: true, description: "Admins name the school; a teacher's own school when left out" })
  schoolId?: string | null;
}

@InputType()
export class SetRetentionInput {
  @Field(() => ID)
  schoolId: string;

  @Field(() => Int, { description: 'Whole months, 1 to 120' })
  months: number;
}

@ArgsType()
export class PupilArgs {
  @Field(() => ID)
  pupilId: string;
}

@ArgsType()
export class PupilAccessLogArgs {
  @Field(() => ID)
  pupilId: string;

  @Field(() => Int, { nullable: true, description: 'Page size: default 20, at most 100' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class DeletePupilInput {
  @Field(() => ID)
  pupilId: string;

  @Field({ description: "The pupil's name typed again, to confirm" })
  confirmName: string;
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID)
  nominationId: string;

  @Field(() => CreditStyleEnum, { description: 'The credit the guardian allows' })
  creditStyle: CreditStyle;

  @Field(() => String, { nullable: true, description: 'How the consent reached the school, e.g. a signed form; at most 200 characters, no names' })
  note?: string | null;
}

@ArgsType()
export class NominationIdArgs {
  @Field(() => ID)
  nominationId: string;
}
