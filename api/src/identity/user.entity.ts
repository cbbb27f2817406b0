import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, JoinColumn, ManyToOne } from 'typeorm';
import type { Role } from '@lmr/domain';
import { SchoolEntity } from '../schools/school.entity';
import { MuseumEntity } from '../schools/museum.entity';

/**
 * Everyone who signs in. Pupils are children: they have a display name and, optionally,
 * the school's own student number, and never an email, birth date or phone number.
 */
@Entity('app_user')
@Check('app_user_role', `"role" IN ('PUPIL', 'TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN')`)
@Check('app_user_pupil_has_no_email', `"role" <> 'PUPIL' OR "email" IS NULL`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  role: Role;

  @Column('text')
  displayName: string;

  /** Staff only; stored lower-cased. */
  @Index({ unique: true, where: '"email" IS NOT NULL' })
  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  passwordHash: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  schoolId: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  museumId: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'school_id' })
  school?: SchoolEntity;

  @ManyToOne(() => MuseumEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'museum_id' })
  museum?: MuseumEntity;

  @Column('text', { nullable: true })
  studentNumber: string | null;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  /**
   * Pupils: when they stopped being in any class. Null while they are in one, and for a pupil
   * never put in one (then the account's creation counts). The retention job counts a pupil
   * in no class from here; a trigger on cohort_pupil (migration PupilsLeftLastClass) keeps it,
   * so that every way a class place comes or goes, cascades included, moves it in the same
   * transaction.
   */
  @Column('timestamptz', { nullable: true })
  leftLastClassAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
