import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { SchoolEntity } from './school.entity';

/** A class of pupils in one school year (called a cohort in code to keep `class` free). */
@Entity('cohort')
@Check('cohort_grade_range', '"grade" BETWEEN 1 AND 12')
export class CohortEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  schoolId: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: SchoolEntity;

  @Column('text')
  name: string;

  @Column('int')
  grade: number;

  /** For example "2026-2027". */
  @Column('text')
  schoolYear: string;

  /** What pupils type first when they sign in; unique across the platform. */
  @Index({ unique: true })
  @Column('text')
  classCode: string;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
