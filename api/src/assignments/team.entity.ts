import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';
import { AssignmentEntity } from './assignment.entity';

@Entity('team')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  assignmentId: string;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: AssignmentEntity;

  @Column('text')
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A pupil's team for one assignment: at most one team per pupil and assignment. */
@Entity('team_member')
@Index(['assignmentId', 'pupilId'], { unique: true })
export class TeamMemberEntity {
  @PrimaryColumn('uuid')
  teamId: string;

  @PrimaryColumn('uuid')
  pupilId: string;

  @Column('uuid')
  assignmentId: string;

  @ManyToOne(() => TeamEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id' })
  team?: TeamEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pupil_id' })
  pupil?: UserEntity;
}
