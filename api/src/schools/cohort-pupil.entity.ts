import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { UserEntity } from '../identity/user.entity';

/** A pupil's place in a class, with the personal code they sign in with there. */
@Entity('cohort_pupil')
@Index(['cohortId', 'signInCode'], { unique: true })
export class CohortPupilEntity {
  @PrimaryColumn('uuid')
  cohortId: string;

  @Index()
  @PrimaryColumn('uuid')
  pupilId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id' })
  pupil?: UserEntity;

  @Column('text')
  signInCode: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
