import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EvidenceItem, RichDoc } from '@lmr/domain';
import { UserEntity } from '../identity/user.entity';
import { WorkEntity } from './work.entity';

/**
 * The draft of one part of a piece of work: a milestone's section, or the reflection.
 * Each save names the revision it started from; a save from an older revision is refused.
 */
@Entity('work_part')
export class WorkPartEntity {
  @PrimaryColumn('uuid')
  workId: string;

  /** A milestone key, or REFLECTION. */
  @PrimaryColumn('text')
  partKey: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_id' })
  work?: WorkEntity;

  @Column('jsonb')
  body: RichDoc;

  @Column('jsonb', { default: () => "'[]'" })
  evidence: EvidenceItem[];

  @Column('uuid', { array: true, default: () => "'{}'" })
  attachmentIds: string[];

  @Column('int')
  revision: number;

  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy?: UserEntity;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
