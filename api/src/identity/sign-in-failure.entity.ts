import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One counter of failed sign-ins: of an account from one address, of an account from
 * everywhere, of one address, of a class code (see sign-in-delays.ts for which ones exist).
 * Kept in PostgreSQL so that every API process counts together. The key is a hash: the table
 * never holds an email address, a code or a client address as such.
 */
@Entity('sign_in_failure_count')
@Index(['blockedUntil'])
export class SignInFailureCountEntity {
  @PrimaryColumn('text')
  key: string;

  /** Failures since the counter was last forgotten (a whole window with none). */
  @Column('integer', { default: 0 })
  failures: number;

  /** Before this moment the next attempt waits; it also dates the counter, which is forgotten a window later. */
  @Column('timestamptz', { default: () => 'now()' })
  blockedUntil: Date;
}
