import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { BriefVersionEntity } from '../projects/brief-version.entity';
import { CohortEntity } from '../schools/cohort.entity';

export type WorkMode = 'INDIVIDUAL' | 'TEAM';

export interface MuseumSession {
  kind: 'MUSEUM_VISIT' | 'SCHOOL_LESSON';
  /** Wall-clock date and time in the school's zone, as the teacher typed it. */
  at: string;
  /** The same moment as an ISO instant. */
  instant: string;
  place: string;
}

/** A brief version assigned to a class, with its dates in the school's time zone. */
@Entity('assignment')
@Check('assignment_mode', `"mode" IN ('INDIVIDUAL', 'TEAM')`)
@Check('assignment_dates', `"due_at" > "starts_at"`)
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  cohortId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @Index()
  @Column('uuid')
  briefId: string;

  @Column('int')
  briefVersion: number;

  @ManyToOne(() => BriefVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'brief_id', referencedColumnName: 'briefId' },
    { name: 'brief_version', referencedColumnName: 'version' },
  ])
  version?: BriefVersionEntity;

  @Column('text')
  mode: WorkMode;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  dueAt: Date;

  /** Milestone key → due instant (ISO). */
  @Column('jsonb', { default: () => "'{}'" })
  milestoneDueAt: Record<string, string>;

  @Column('jsonb', { nullable: true })
  museumSession: MuseumSession | null;

  @Column('uuid')
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
