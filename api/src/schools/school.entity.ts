import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { MuseumEntity } from './museum.entity';

@Entity('school')
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
