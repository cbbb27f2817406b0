import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OUTCOME_NAMES, type NominationOutcome } from '@lmr/domain';
import { LocalizedText } from '../common/localized-text.model';
import { NominationOutcomeEnum } from '../review/review.model';
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

/** Where a nomination stands: waiting for the museum, decided (see outcome), or withdrawn. */
export type NominationState = 'AWAITING_REVIEW' | 'DECIDED' | 'CONSENT_WITHDRAWN';
export const NominationStateEnum = { AWAITING_REVIEW: 'AWAITING_REVIEW', DECIDED: 'DECIDED', CONSENT_WITHDRAWN: 'CONSENT_WITHDRAWN' } as const satisfies {
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

  @Field(() => NominationOutcomeEnum, { nullable: true, description: "The museum's decision, once made" })
  outcome: NominationOutcome | null;

  @Field(() => String, { nullable: true, description: "The museum's feedback with its decision" })
  decisionFeedback: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The certificate (PDF) of an Outstanding or Commended work' })
  certificateUrl: string | null;

  @Field(() => String, { nullable: true, description: "The work's public exhibition page, while it is exhibited" })
  exhibitionPath: string | null;

  @Field()
  createdAt: Date;
}

/** The museum's decision on a pupil's nominated work, as the pupil sees it. */
@ObjectType()
export class NominationResult {
  @Field(() => ID, { description: 'The nomination' })
  id: string;

  @Field(() => ID)
  workId: string;

  @Field(() => ID)
  assignmentId: string;

  @Field(() => LocalizedText, { nullable: true })
  projectTitle: LocalizedText | null;

  @Field(() => NominationOutcomeEnum)
  outcome: NominationOutcome;

  @Field(() => LocalizedText)
  outcomeName: LocalizedText;

  @Field()
  feedback: string;

  @Field()
  decidedAt: Date;

  @Field(() => String, { nullable: true })
  certificateUrl: string | null;

  @Field(() => String, { nullable: true })
  exhibitionPath: string | null;
}

export interface NominationResultRow {
  id: string;
  work_id: string;
  assignment_id: string;
  title: { zh?: string | null; en?: string | null } | null;
  outcome: NominationOutcome;
  decision_feedback: string;
  decided_at: Date;
  exhibited_slug: string | null;
}

export function mapNominationResult(r: NominationResultRow): NominationResult {
  return {
    id: r.id,
    workId: r.work_id,
    assignmentId: r.assignment_id,
    projectTitle: r.title ? { zh: r.title.zh ?? null, en: r.title.en ?? null } : null,
    outcome: r.outcome,
    outcomeName: OUTCOME_NAMES[r.outcome],
    feedback: r.decision_feedback,
    decidedAt: new Date(r.decided_at),
    certificateUrl: certificateUrl(r.id, r.outcome),
    exhibitionPath: r.exhibited_slug ? `/exhibition/works/${r.exhibited_slug}` : null,
  };
}

export function certificateUrl(id: string, outcome: NominationOutcome | null): string | null {
  return outcome === 'OUTSTANDING' || outcome === 'COMMENDED' ? `/certificates/${id}.pdf` : null;
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
  outcome: NominationOutcome | null;
  decision_feedback: string | null;
  decided_at: Date | null;
  exhibited_slug: string | null;
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
    state: r.consent_withdrawn_at ? 'CONSENT_WITHDRAWN' : r.outcome ? 'DECIDED' : 'AWAITING_REVIEW',
    outcome: r.outcome,
    decisionFeedback: r.decision_feedback,
    decidedAt: r.decided_at ? new Date(r.decided_at) : null,
    certificateUrl: certificateUrl(r.id, r.outcome),
    exhibitionPath: r.exhibited_slug ? `/exhibition/works/${r.exhibited_slug}` : null,
    createdAt: new Date(r.created_at),
  };
}
