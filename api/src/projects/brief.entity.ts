import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Theme } from '@lmr/domain';
import { UserEntity } from '../identity/user.entity';
import { MuseumEntity } from '../schools/museum.entity';
import { SchoolEntity } from '../schools/school.entity';

export type BriefStatus = 'DRAFT' | 'PUBLISHED';

/**
 * A project brief. Its content lives in versions: a version that a class has been assigned
 * is never changed again, so editing such a brief writes the next version.
 * Library briefs belong to a museum; a teacher's own briefs belong to the teacher.
 */
@Entity('project_brief')
@Check('project_brief_status', `"status" IN ('DRAFT', 'PUBLISHED')`)
@Check('project_brief_owner', `("museum_id" IS NOT NULL) OR ("school_id" IS NOT NULL)`)
export class BriefEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Set for the museum's library briefs. */
  @Index()
  @Column('uuid', { nullable: true })
  museumId: string | null;

  @ManyToOne(() => MuseumEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'museum_id' })
  museum?: MuseumEntity;

  /** Set for a teacher's own briefs. */
  @Index()
  @Column('uuid', { nullable: true })
  schoolId: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: SchoolEntity;

  @Index()
  @Column('uuid')
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column('text', { default: 'DRAFT' })
  status: BriefStatus;

  @Column('uuid', { nullable: true })
  copiedFromId: string | null;

  @Column('int', { default: 1 })
  currentVersion: number;

  // Copied from the current version so that the library can be filtered in SQL.
  @Column('text')
  theme: Theme;

  @Column('int')
  gradeFrom: number;

  @Column('int')
  gradeTo: number;

  @Column('text', { default: '' })
  searchText: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
