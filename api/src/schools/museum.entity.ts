import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A museum running the programme. Nothing assumes there is only one. */
@Entity('museum')
export class MuseumEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  nameZh: string;

  @Column('text')
  nameEn: string;

  @Column('text', { nullable: true })
  cityZh: string | null;

  @Column('text', { nullable: true })
  cityEn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
