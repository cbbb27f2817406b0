import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { MuseumEntity } from './museum.entity';

@Entity('school')
@Check('school_retention_months', '"retention_months" BETWEEN 1 AND 120')
export class SchoolEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The museum whose programme the school takes part in. */
  @Index()
  @Column('uuid')
  museumId: string;

  @ManyToOne(() => MuseumEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'museum_id' })
  museum?: MuseumEntity;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  district: string | null;

  /** IANA time zone in which the school's due dates are set. */
  @Column('text', { default: 'Asia/Shanghai' })
  timeZone: string;

  /** How many months pupils' accounts and work are kept after a school year ends (privacy/). */
  @Column('int', { default: 12 })
  retentionMonths: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
