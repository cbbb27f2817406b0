import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { BriefContent } from './brief-content';
import { BriefEntity } from './brief.entity';

/** The content of one version of a brief, kept whole: what pupils were assigned. */
@Entity('project_brief_version')
export class BriefVersionEntity {
  @PrimaryColumn('uuid')
  briefId: string;

  @PrimaryColumn('int')
  version: number;

  @ManyToOne(() => BriefEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'brief_id' })
  brief?: BriefEntity;

  @Column('jsonb')
  content: BriefContent;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
