import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CollectionObjectEntity } from '../collection/collection-object.entity';
import { StoredFileEntity } from './stored-file.entity';

/** An image of a collection object, in display order. Collection images are public. */
@Entity('collection_object_image')
export class CollectionObjectImageEntity {
  @PrimaryColumn('uuid')
  objectId: string;

  @PrimaryColumn('uuid')
  fileId: string;

  @ManyToOne(() => CollectionObjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'object_id' })
  object?: CollectionObjectEntity;

  @ManyToOne(() => StoredFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFileEntity;

  @Column('int', { default: 0 })
  position: number;

  @Column('text', { nullable: true })
  caption: string | null;
}
