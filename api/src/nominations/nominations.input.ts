import { Field, ID, InputType } from '@nestjs/graphql';
import type { CreditStyle } from './nomination.entity';
import { CreditStyleEnum } from './nomination.model';

@InputType()
export class NominateWorkInput {
  @Field(() => ID, { description: 'A graded attempt of the whole project' })
  versionId: string;

  @Field({ description: 'Why this work stands out: 1 to 1000 characters' })
  statement: string;

  @Field({ description: 'Whether a guardian agreed to the work being shown publicly' })
  guardianConsent: boolean;

  @Field(() => CreditStyleEnum)
  creditStyle: CreditStyle;
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID)
  nominationId: string;
}
