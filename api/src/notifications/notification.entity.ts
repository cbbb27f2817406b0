import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

export type NotificationKind = 'FEEDBACK' | 'RETURNED' | 'GRADE_RELEASED' | 'CHECK_IN' | 'NOMINATION_DECIDED' | 'RETENTION_WARNING';

/** Something a person should see: new feedback, returned work, a released grade. */
@Entity('notification')
@Check('notification_kind_list', `"kind" IN ('FEEDBACK', 'RETURNED', 'GRADE_RELEASED', 'CHECK_IN', 'NOMINATION_DECIDED', 'RETENTION_WARNING')`)
@Index(['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('text')
  kind: NotificationKind;

  /** What it is about, for the portal's link: ids only, never names or grades. */
  @Column('uuid', { nullable: true })
  assignmentId: string | null;

  @Column('uuid', { nullable: true })
  workId: string | null;

  @Column('uuid', { nullable: true })
  versionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
