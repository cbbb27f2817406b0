import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CreditStyle } from './nomination.entity';

export const CreditStyleEnum = {
  FULL_NAME: 'FULL_NAME',
  FIRST_NAME_INITIAL_SCHOOL: 'FIRST_NAME_INITIAL_SCHOOL',
  ANONYMOUS: 'ANONYMOUS',
} as const satisfies { [K in CreditStyle]: K };
registerEnumType(CreditStyleEnum, {
  name: 'CreditStyle',
  description: "How the pupil's name may appear with the work: full name; first name, initial and school; or not at all",
});

/** Where a nomination stands. The museum's review (a later issue) adds its decisions here. */
export type NominationState = 'AWAITING_REVIEW' | 'CONSENT_WITHDRAWN';
export const NominationStateEnum = { AWAITING_REVIEW: 'AWAITING_REVIEW', CONSENT_WITHDRAWN: 'CONSENT_WITHDRAWN' } as const satisfies {
  [K in NominationState]: K;
};
registerEnumType(NominationStateEnum, { name: 'NominationState' });

/** A teacher's nomination of a graded attempt for the museum; seen by the class's teachers. */
@ObjectType()
export class Nomination {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The graded attempt nominated' })
  versionId: string;

  @Field(() => ID)
  workId: string;

  @Field(() => ID)
  assignmentId: string;

  @Field(() => ID, { nullable: true, description: "The pupil, for a pupil's own work" })
  pupilId: string | null;

  @Field(() => ID, { nullable: true, description: 'The team, for team work' })
  teamId: string | null;

  @Field({ description: "The teacher's statement for the museum" })
  statement: string;

  @Field({ description: 'Whether a guardian agreed to the work being shown publicly, as the teacher recorded it' })
  guardianConsent: boolean;

  @Field(() => CreditStyleEnum)
  creditStyle: CreditStyle;

  @Field(() => ID, { nullable: true, description: 'The teacher who nominated; null once their account is gone' })
  nominatedById: string | null;

  @Field(() => ID, { nullable: true, description: 'Who recorded the consent' })
  consentRecordedById: string | null;

  @Field()
  consentRecordedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When consent was withdrawn; the work may then be shown nowhere' })
  consentWithdrawnAt: Date | null;

  @Field(() => NominationStateEnum)
  state: NominationState;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class NominationPayload {
  @Field(() => Nomination)
  nomination: Nomination;
}

@ArgsType()
export class ClassNominationsArgs {
  @Field(() => ID)
  classId: string;
}

export interface NominationRow {
  id: string;
  version_id: string;
  work_id: string;
  assignment_id: string;
  pupil_id: string | null;
  team_id: string | null;
  statement: string;
  guardian_consent: boolean;
  credit_style: CreditStyle;
  nominated_by_id: string | null;
  consent_recorded_by_id: string | null;
  consent_recorded_at: Date;
  consent_withdrawn_at: Date | null;
  created_at: Date;
}

export function mapNomination(r: NominationRow): Nomination {
  return {
    id: r.id,
    versionId: r.version_id,
    workId: r.work_id,
    assignmentId: r.assignment_id,
    pupilId: r.pupil_id,
    teamId: r.team_id,
    statement: r.statement,
    guardianConsent: r.guardian_consent,
    creditStyle: r.credit_style,
    nominatedById: r.nominated_by_id,
    consentRecordedById: r.consent_recorded_by_id,
    consentRecordedAt: new Date(r.consent_recorded_at),
    consentWithdrawnAt: r.consent_withdrawn_at ? new Date(r.consent_withdrawn_at) : null,
    state: r.consent_withdrawn_at ? 'CONSENT_WITHDRAWN' : 'AWAITING_REVIEW',
    createdAt: new Date(r.created_at),
  };
}
