import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { RetentionStage } from '@lmr/domain';
import { LocalizedText } from '../common/localized-text.model';
import { CreditStyleEnum, NominationStateEnum, type NominationState } from '../nominations/nomination.model';
import type { CreditStyle } from '../nominations/nomination.entity';
import type { ConsentChange } from './privacy.entity';

export const RetentionStageEnum = { KEPT: 'KEPT', WARN: 'WARN', PURGE: 'PURGE' } as const satisfies { [K in RetentionStage]: K };
registerEnumType(RetentionStageEnum, { name: 'RetentionStage', description: 'Kept; inside the month before its purge; or due to be purged' });

export const ConsentChangeEnum = { GIVEN: 'GIVEN', WITHDRAWN: 'WITHDRAWN' } as const satisfies { [K in ConsentChange]: K };
registerEnumType(ConsentChangeEnum, { name: 'ConsentChange' });

/** A school year of a school's classes, with when its pupils' data is purged. */
@ObjectType()
export class RetentionYear {
  @Field({ description: 'For example 2025-2026' })
  schoolYear: string;

  @Field(() => Int)
  classCount: number;

  @Field(() => Int, { description: 'Pupils on those classes now' })
  pupilCount: number;

  @Field(() => Int, { description: 'Pupils in no class whose time counts from this year (taken off their last class in it, or never put on one and made in it); they go with the year' })
  pupilsInNoClass: number;

  @Field()
  endedAt: Date;

  @Field({ description: 'Admins are warned from this moment' })
  warnAt: Date;

  @Field({ description: 'Work of the year, and accounts with no later year, are purged from this moment' })
  purgeAt: Date;

  @Field(() => RetentionStageEnum)
  stage: RetentionStage;

  @Field(() => Date, { nullable: true })
  warnedAt: Date | null;

  @Field(() => Date, { nullable: true })
  purgedAt: Date | null;
}

/** What the privacy page of a school shows: its retention setting and its years. */
@ObjectType()
export class SchoolPrivacy {
  @Field(() => ID)
  schoolId: string;

  @Field()
  schoolName: string;

  @Field()
  timeZone: string;

  @Field(() => Int, { description: 'Months pupils’ accounts and work are kept after a school year ends' })
  retentionMonths: number;

  @Field({ description: 'Whether the viewer may change the retention setting (admins)' })
  canEdit: boolean;

  @Field(() => [RetentionYear], { description: 'Newest first' })
  years: RetentionYear[];
}

@ObjectType()
export class SchoolPrivacyPayload {
  @Field(() => SchoolPrivacy)
  privacy: SchoolPrivacy;
}

/** One entry of a nomination's consent history. */
@ObjectType()
export class ConsentRecord {
  @Field(() => ID, { nullable: true, description: 'Null for the consent recorded with a nomination made before histories were kept' })
  id: string | null;

  @Field(() => ConsentChangeEnum)
  change: ConsentChange;

  @Field(() => CreditStyleEnum, { nullable: true, description: 'The credit the guardian allowed' })
  creditStyle: CreditStyle | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it; null once their account is gone' })
  recordedByName: string | null;

  @Field()
  recordedAt: Date;
}

/** A nomination of the pupil's work, as the consent page shows it. */
@ObjectType()
export class PupilNomination {
  @Field(() => ID)
  id: string;

  @Field(() => LocalizedText, { nullable: true })
  projectTitle: LocalizedText | null;

  @Field()
  teamWork: boolean;

  @Field(() => NominationStateEnum)
  state: NominationState;

  @Field({ description: 'Whether a guardian’s consent stands now' })
  consentStands: boolean;

  @Field(() => CreditStyleEnum)
  creditStyle: CreditStyle;

  @Field({ description: 'Whether it is on the public exhibition now' })
  exhibited: boolean;

  @Field(() => [ConsentRecord], { description: 'Oldest first' })
  consentHistory: ConsentRecord[];
}

@ObjectType()
export class PupilClassRef {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  schoolYear: string;
}

/** The pupil's data page for a teacher of their class or an admin. */
@ObjectType()
export class PupilPrivacy {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => [PupilClassRef])
  classes: PupilClassRef[];

  @Field({ description: 'The address of the ZIP export (GET with the session)' })
  exportUrl: string;

  @Field({ description: 'Whether the viewer may delete the pupil (admins of the museum)' })
  canDelete: boolean;

  @Field(() => [PupilNomination])
  nominations: PupilNomination[];

  @Field(() => Int)
  workCount: number;

  @Field(() => Int)
  fileCount: number;
}

@ObjectType()
export class DeletePupilPayload {
  @Field(() => ID)
  deletedPupilId: string;

  @Field(() => Int)
  worksRemoved: number;

  @Field(() => Int, { description: 'Team work kept for the team, credited to a former pupil' })
  teamWorksKept: number;

  @Field(() => Int)
  filesRemoved: number;
}

@ObjectType()
export class ConsentPayload {
  @Field(() => PupilNomination)
  nomination: PupilNomination;
}
