import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ReviewScores } from '@lmr/domain';
import { UserEntity } from '../identity/user.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { MuseumEntity } from '../schools/museum.entity';

/** One museum educator's scores for one nomination against the museum's review rubric. */
@Entity('nomination_review')
@Index(['nominationId', 'reviewerId'], { unique: true })
export class NominationReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  nominationId: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id' })
  nomination?: NominationEntity;

  @Index()
  @Column('uuid')
  reviewerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewer_id' })
  reviewer?: UserEntity;

  /** Criterion key → 1..5 (REVIEW_CRITERIA in @lmr/domain). */
  @Column('jsonb')
  scores: ReviewScores;

  @Column('text', { nullable: true })
  comment: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * The museum's lead reviewers: educators who see everyone's scores side by side and decide.
 * A row here, set by the museum (the seed for the demo), rather than a role of its own, so a
 * lead is still an ordinary educator everywhere else.
 */
@Entity('lead_reviewer')
export class LeadReviewerEntity {
  @PrimaryColumn('uuid')
  educatorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: UserEntity;

  @Index()
  @Column('uuid')
  museumId: string;

  @ManyToOne(() => MuseumEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'museum_id' })
  museum?: MuseumEntity;
}
