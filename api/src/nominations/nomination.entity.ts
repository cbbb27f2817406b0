import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { WorkVersionEntity } from '../submissions/work-version.entity';

export type CreditStyle = 'FULL_NAME' | 'FIRST_NAME_INITIAL_SCHOOL' | 'ANONYMOUS';

/**
 * A teacher's nomination of a graded attempt for the museum, with the guardian's consent
 * to public showing as the teacher recorded it, and how the pupil may be credited.
 */
@Entity('nomination')
@Check('nomination_credit', `"credit_style" IN ('FULL_NAME', 'FIRST_NAME_INITIAL_SCHOOL', 'ANONYMOUS')`)
export class NominationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column('uuid')
  versionId: string;

  @ManyToOne(() => WorkVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: WorkVersionEntity;

  @Column('text')
  statement: string;

  @Column('uuid', { nullable: true })
  nominatedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'nominated_by_id' })
  nominatedBy?: UserEntity;

  /** Whether a guardian agreed to the work being shown publicly. */
  @Column('boolean')
  guardianConsent: boolean;

  @Column('text')
  creditStyle: CreditStyle;

  @Column('uuid', { nullable: true })
  consentRecordedById: string | null;

  @Column('timestamptz')
  consentRecordedAt: Date;

  /** Consent withdrawn: the work leaves any public showing at once. */
  @Column('timestamptz', { nullable: true })
  consentWithdrawnAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
