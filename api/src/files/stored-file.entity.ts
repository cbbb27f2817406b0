import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../identity/user.entity';

export type FilePurpose = 'WORK_ATTACHMENT' | 'COLLECTION_IMAGE';

/**
 * An uploaded file. The bytes live in the file store (DATA_DIR on disk, or S3-compatible
 * storage); this row says what they are and who uploaded them. Who may read a file follows
 * from what it is attached to: a pupil's work, or a public collection record.
 */
@Entity('stored_file')
@Check('stored_file_purpose', `"purpose" IN ('WORK_ATTACHMENT', 'COLLECTION_IMAGE')`)
export class StoredFileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  uploadedById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'uploaded_by_id' })
  uploadedBy?: UserEntity;

  @Column('text')
  purpose: FilePurpose;

  /** Detected from the content, never taken from the client. */
  @Column('text')
  contentType: string;

  @Column('bigint')
  sizeBytes: string;

  @Column('text')
  sha256: string;

  @Column('text')
  storageKey: string;

  @Column('text', { nullable: true })
  thumbnailKey: string | null;

  @Column('int', { nullable: true })
  width: number | null;

  @Column('int', { nullable: true })
  height: number | null;

  /** The name the file had on the pupil's device, shortened; shown only beside the work. */
  @Column('text', { nullable: true })
  originalName: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A short-lived, single-use permission to upload one file to the HTTP endpoint. */
@Entity('upload_ticket')
export class UploadTicketEntity {
  /** SHA-256 of the ticket token; the token itself is only ever in the client's hands. */
  @Column('text', { primary: true })
  tokenHash: string;

  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column('text')
  purpose: FilePurpose;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('uuid', { nullable: true })
  fileId: string | null;
}
