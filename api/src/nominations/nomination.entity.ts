import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { NominationOutcome } from '@lmr/domain';
import { UserEntity } from '../identity/user.entity';
import { WorkVersionEntity } from '../submissions/work-version.entity';

export type CreditStyle = 'FULL_NAME' | 'FIRST_NAME_INITIAL_SCHOOL' | 'ANONYMOUS';

/**
 * A teacher's nomination of a graded attempt for the museum, with the guardian's consent
 * to public showing as the teacher recorded it, and how the pupil may be credited.
 */
@Entity('nomination')
@Check('nomination_credit', `"credit_style" IN ('FULL_NAME', 'FIRST_NAME_INITIAL_SCHOOL', 'ANONYMOUS')`)
@Check('nomination_outcome', `"outcome" IS NULL OR "outcome" IN ('OUTSTANDING', 'COMMENDED', 'NOT_SELECTED')`)
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

  /** The museum's decision (review/): null while the nomination waits for it. */
  @Column('text', { nullable: true })
  outcome: NominationOutcome | null;

  /** The lead educator's feedback with the decision, for the teacher and the pupil. */
  @Column('text', { nullable: true })
  decisionFeedback: string | null;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { nullable: true })
  decidedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: UserEntity;

  /**
   * The public address of a selected work in the exhibition: random, so it opens nothing
   * else and says nothing about the pupil, the work or the nomination.
   */
  @Index({ unique: true, where: '"exhibition_slug" IS NOT NULL' })
  @Column('text', { nullable: true })
  exhibitionSlug: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
