import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import type { CreditStyle } from '../nominations/nomination.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { SchoolEntity } from '../schools/school.entity';

export type ConsentChange = 'GIVEN' | 'WITHDRAWN';

/**
 * The history of a guardian's consent to public showing of one nominated work: every time it
 * was given (with the credit the guardian allowed) or withdrawn, who recorded it and when.
 * The nomination keeps the current state, which the exhibition reads on every request.
 */
@Entity('consent_record')
@Check('consent_record_change', `"change" IN ('GIVEN', 'WITHDRAWN')`)
@Check('consent_record_credit', `"credit_style" IS NULL OR "credit_style" IN ('FULL_NAME', 'FIRST_NAME_INITIAL_SCHOOL', 'ANONYMOUS')`)
@Index(['nominationId', 'recordedAt'])
export class ConsentRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  nominationId: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  @Column('text')
  change: ConsentChange;

  /** The credit the guardian allowed; null for a withdrawal. */
  @Column('text', { nullable: true })
  creditStyle: CreditStyle | null;

  /** How the consent reached the school (a signed form, a message); never the guardian's name. */
  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { nullable: true })
  recordedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by_id' })
  recordedBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

/**
 * A school year's coming purge, as the retention job warned the admins of it: one row per
 * school and purge date, so a warning goes out once however often the job runs.
 */
@Entity('retention_notice')
@Index(['schoolId', 'schoolYear'], { unique: true })
export class RetentionNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: SchoolEntity;

  @Column('text')
  schoolYear: string;

  @Column('timestamptz')
  purgeAt: Date;

  @Column('timestamptz')
  warnedAt: Date;

  /** When the purge ran; null until then. */
  @Column('timestamptz', { nullable: true })
  purgedAt: Date | null;
}
