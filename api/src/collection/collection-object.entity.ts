import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, JoinColumn, ManyToOne } from 'typeorm';
import type { Theme } from '@lmr/domain';
import { MuseumEntity } from '../schools/museum.entity';

/** A record of an object in a museum's collection. Bilingual fields hold zh and en side by side. */
@Entity('collection_object')
@Index(['museumId', 'accessionNumber'], { unique: true })
export class CollectionObjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  museumId: string;

  @ManyToOne(() => MuseumEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'museum_id' })
  museum?: MuseumEntity;

  @Column('text')
  accessionNumber: string;

  @Column('text')
  titleZh: string;

  @Column('text')
  titleEn: string;

  @Column('text', { nullable: true })
  makerZh: string | null;

  @Column('text', { nullable: true })
  makerEn: string | null;

  @Column('text', { nullable: true })
  periodZh: string | null;

  @Column('text', { nullable: true })
  periodEn: string | null;

  @Column('text', { nullable: true })
  kindZh: string | null;

  @Column('text', { nullable: true })
  kindEn: string | null;

  @Column('text', { nullable: true })
  descriptionZh: string | null;

  @Column('text', { nullable: true })
  descriptionEn: string | null;

  @Column('text', { nullable: true })
  location: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  themes: Theme[];

  @Column('text', { nullable: true })
  rightsStatement: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /**
   * Every column that collection search looks in, lower-cased, kept by PostgreSQL: a search
   * word is one LIKE on this instead of an ILIKE on each of eleven columns (10–33 ms → 2 ms to
   * count the matches among 5,000 objects). Never read or written by the application.
   */
  @Column({
    type: 'text',
    generatedType: 'STORED',
    asExpression: `lower(coalesce(title_zh, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(maker_zh, '') || ' ' || coalesce(maker_en, '') || ' ' || coalesce(period_zh, '') || ' ' || coalesce(period_en, '') || ' ' || coalesce(kind_zh, '') || ' ' || coalesce(kind_en, '') || ' ' || coalesce(description_zh, '') || ' ' || coalesce(description_en, '') || ' ' || coalesce(accession_number, ''))`,
    select: false,
    insert: false,
    update: false,
  })
  searchText?: string;
}
