import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from '@lmr/domain';

/**
 * Who did what to which object, and when. Rows are only ever inserted. `details` holds ids
 * and counts, never a password, code, token or a pupil's name. No foreign keys: the record
 * must outlive the rows it names.
 */
@Entity('audit_entry')
@Index(['museumId', 'createdAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  /** The museum whose admins may read the entry. */
  @Column('uuid', { nullable: true })
  museumId: string | null;

  @Column('text')
  action: AuditAction;

  @Column('text', { nullable: true })
  subjectType: string | null;

  @Column('uuid', { nullable: true })
  subjectId: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  details: Record<string, string | number | boolean | null>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
