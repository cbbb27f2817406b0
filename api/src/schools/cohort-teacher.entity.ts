import { Entity, Index, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { CohortEntity } from './cohort.entity';
import { UserEntity } from '../identity/user.entity';

@Entity('cohort_teacher')
export class CohortTeacherEntity {
  @PrimaryColumn('uuid')
  cohortId: string;

  @Index()
  @PrimaryColumn('uuid')
  teacherId: string;

  @ManyToOne(() => CohortEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: CohortEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teacher_id' })
  teacher?: UserEntity;
}
