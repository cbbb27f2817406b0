import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { SubmissionStatus } from '@lmr/domain';
import { UserEntity } from '../identity/user.entity';
import type { FrozenPart } from './work-content';
import { WorkEntity } from './work.entity';

/**
 * A submitted attempt, frozen: its parts never change. Attempts count 1, 2, … per scope
 * (the whole project, or one milestone). The client's idempotency key makes a double
 * click or a retried request land once.
 */
@Entity('work_version')
@Check('work_version_status', `"status" IN ('SUBMITTED', 'WITHDRAWN', 'RETURNED', 'GRADED')`)
@Index(['workId', 'scope', 'attempt'], { unique: true })
@Index(['workId', 'idempotencyKey'], { unique: true })
export class WorkVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  workId: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_id' })
  work?: WorkEntity;

  /** PROJECT, or the key of the milestone submitted on its own. */
  @Column('text')
  scope: string;

  @Column('int')
  attempt: number;

  @Column('text')
  idempotencyKey: string;

  @Column('jsonb')
  parts: FrozenPart[];

  @Column('text')
  status: SubmissionStatus;

  @Column('boolean')
  late: boolean;

  @Column('timestamptz')
  submittedAt: Date;

  @Column('uuid', { nullable: true })
  submittedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: UserEntity;

  /** When a teacher first opened it; from then on the pupil cannot take it back. */
  @Column('timestamptz', { nullable: true })
  openedAt: Date | null;

  @Column('timestamptz')
  statusChangedAt: Date;
}
