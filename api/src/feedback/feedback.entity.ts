import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, CreateDateColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { WorkVersionEntity } from '../submissions/work-version.entity';
import { WorkEntity } from '../submissions/work.entity';

/** The level a teacher chose for one rubric criterion, with an optional comment. */
export interface ChosenLevel {
  criterionKey: string;
  level: number;
  comment: string | null;
}

/**
 * A teacher's assessment of one submitted attempt. Every change names the `rowVersion` it
 * read; a save from an older one is refused (two teachers of one class never overwrite each
 * other silently).
 */
@Entity('feedback')
export class FeedbackEntity {
  @PrimaryColumn('uuid')
  versionId: string;

  @ManyToOne(() => WorkVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: WorkVersionEntity;

  @Column('jsonb', { default: () => "'[]'" })
  levels: ChosenLevel[];

  @Column('text', { nullable: true })
  overallComment: string | null;

  /** Set when graded: the rubric points of the chosen levels. */
  @Column('int', { nullable: true })
  score: number | null;

  @Column('int')
  maxPoints: number;

  /** When the grade became visible to the pupil (per pupil, or for the whole assignment). */
  @Column('timestamptz', { nullable: true })
  releasedAt: Date | null;

  @Column('int', { default: 1 })
  rowVersion: number;

  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy?: UserEntity;

  @Column('timestamptz')
  updatedAt: Date;
}

/** A teacher's comment on one part of an attempt (a milestone's section or one evidence item). */
@Entity('feedback_comment')
export class FeedbackCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  versionId: string;

  @ManyToOne(() => WorkVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id' })
  version?: WorkVersionEntity;

  @Column('text')
  partKey: string;

  @Column('text', { nullable: true })
  evidenceId: string | null;

  @Column('text')
  text: string;

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A teacher's reusable comments. */
@Entity('comment_bank_entry')
export class CommentBankEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  teacherId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: UserEntity;

  @Column('text')
  text: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Quick feedback on a milestone of a piece of work before the final submission, without a grade. */
@Entity('check_in')
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  workId: string;

  @ManyToOne(() => WorkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_id' })
  work?: WorkEntity;

  @Column('text')
  milestoneKey: string;

  @Column('text')
  text: string;

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
