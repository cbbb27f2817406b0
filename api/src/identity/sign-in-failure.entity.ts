import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed sign-in, counted per account and per client address over a sliding window. Kept
 * in PostgreSQL so that every API process sees the same counts. The account key is a hash:
 * the table never holds an email address or a pupil's code.
 */
@Entity('sign_in_failure')
@Index(['accountKey', 'createdAt'])
@Index(['address', 'createdAt'])
export class SignInFailureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  accountKey: string;

  @Column('text')
  address: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
