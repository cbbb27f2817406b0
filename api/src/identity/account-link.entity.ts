import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@lmr/domain';
import { SchoolEntity } from '../schools/school.entity';
import { MuseumEntity } from '../schools/museum.entity';
import { UserEntity } from './user.entity';

export type AccountLinkKind = 'INVITATION' | 'PASSWORD_RESET';

/**
 * A one-time link an admin hands to a member of staff: an invitation to create an account,
 * or a password reset for an existing one. Only the token's SHA-256 is stored.
 */
@Entity('account_link')
@Check('account_link_kind', `"kind" IN ('INVITATION', 'PASSWORD_RESET')`)
export class AccountLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: AccountLinkKind;

  @Index({ unique: true })
  @Column('text')
  tokenHash: string;

  /** Invitations: who is invited (lower-cased) and as what. */
  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  role: Role | null;

  @Column('uuid', { nullable: true })
  schoolId: string | null;

  @ManyToOne(() => SchoolEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id' })
  school?: SchoolEntity;

  /** The museum whose admin made the link; the new account belongs to it. */
  @Index()
  @Column('uuid')
  museumId: string;

  @ManyToOne(() => MuseumEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'museum_id' })
  museum?: MuseumEntity;

  /** Password resets: whose password; invitations: the account made from it. */
  @Column('uuid', { nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
