import { Check, CreateDateColumn, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AssignmentEntity } from '../assignments/assignment.entity';
import { TeamEntity } from '../assignments/team.entity';
import { UserEntity } from '../identity/user.entity';

/** One pupil's (or one team's) research on one assignment. */
@Entity('work')
@Check('work_owner', `("pupil_id" IS NULL) <> ("team_id" IS NULL)`)
@Index(['assignmentId', 'pupilId'], { unique: true, where: '"pupil_id" IS NOT NULL' })
@Index(['assignmentId', 'teamId'], { unique: true, where: '"team_id" IS NOT NULL' })
export class WorkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  assignmentId: string;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: AssignmentEntity;

  @Column('uuid', { nullable: true })
  pupilId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id' })
  pupil?: UserEntity;

  /** A team's work outlives team changes: a team with work cannot be deleted. */
  @Column('uuid', { nullable: true })
  teamId: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
