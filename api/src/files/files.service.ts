import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Queryable } from '../common/access.service';
import { APP_CONFIG } from '../common/app-config.module';
import { forbidden } from '../common/errors';
import { isUuid } from '../common/ids';
import { hashToken, newToken } from '../common/tokens';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { detectContentType } from './content-type';
import { FileHttpError, fileNotFound } from './files.errors';
import type { RequestUploadPayload, UploadedFile } from './files.model';
import { FILE_STORE, type FileStore, type StoredObject } from './store/file-store';
import type { FilePurpose } from './stored-file.entity';
import { describeImage, discardRest, receiveUpload, withoutMetadata } from './upload-receiver';

export const UPLOAD_PATH = '/files/upload';
const TICKET_MINUTES = 10;

/**
 * Who may read a WORK_ATTACHMENT file `f`, for viewer `$1`: the one who uploaded it, and anyone
 * who may see a piece of work it is attached to (in a draft part, or in a submitted attempt):
 * the work's pupil, the members of its team, the teachers of the assignment's class.
 */
const WORK_FILE_READABLE = `(f.uploaded_by_id = $1 OR EXISTS (
  SELECT 1
    FROM work w
    JOIN assignment a ON a.id = w.assignment_id
   WHERE (w.pupil_id = $1
          OR EXISTS (SELECT 1 FROM team_member tm
                      WHERE tm.team_id = w.team_id AND tm.assignment_id = w.assignment_id AND tm.pupil_id = $1)
          OR EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1))
     AND (EXISTS (SELECT 1 FROM work_part wp WHERE wp.work_id = w.id AND f.id = ANY (wp.attachment_ids))
          OR EXISTS (SELECT 1 FROM work_version wv
                      WHERE wv.work_id = w.id
                        AND wv.parts @> jsonb_build_array(jsonb_build_object('attachmentIds', jsonb_build_array(f.id::text)))))))`;

/** A file as the GET endpoints serve it. */
export interface ServedFile extends StoredObject {
  contentType: string;
  cacheControl: string;
  contentDisposition: string;
}

interface ReadableFileRow {
  content_type: string;
  purpose: FilePurpose;
  storage_key: string;
  thumbnail_key: string | null;
  original_name: string | null;
}

/**
 * Uploaded files: upload tickets, the upload itself (checked, measured, thumbnailed, stored)
 * and reading files back for the people who may see them.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('FilesService');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  /** Where uploads are written while they arrive; emptied as each one ends. */
  private get incomingDir(): string {
    return join(this.config.dataDir, 'tmp', 'uploads');
  }

  async requestUpload(viewer: Viewer, purpose: FilePurpose): Promise<RequestUploadPayload> {
    if (purpose === 'WORK_ATTACHMENT' && viewer.role !== 'PUPIL' && viewer.role !== 'TEACHER') {
      throw forbidden('only pupils and teachers attach files to work');
    }
    if (purpose === 'COLLECTION_IMAGE' && (viewer.role !== 'MUSEUM_EDUCATOR' || !viewer.museumId)) {
      throw forbidden('only museum educators upload collection images');
    }
    const ticket = newToken();
    const expiresAt = new Date(Date.now() + TICKET_MINUTES * 60_000);
    await this.dataSource.transaction(async (tx) => {
      // Housekeeping while we are here: the viewer's own tickets that can no longer be used.
      await tx.query(`DELETE FROM upload_ticket WHERE user_id = $1 AND expires_at < now() - interval '1 day'`, [viewer.id]);
      await tx.query(`INSERT INTO upload_ticket (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)`, [
        hashToken(ticket),
        viewer.id,
        purpose,
        expiresAt,
      ]);
    });
    return { ticket, uploadUrl: UPLOAD_PATH, maxBytes: this.config.fileMaxBytes, expiresAt };
  }

  /**
   * Receives one file for a ticket. The ticket must be valid when the upload starts (a slow
   * upload that ends after the ticket's ten minutes still counts); it is used up in the same
   * transaction that records the file, so of two uploads racing with one ticket one wins.
   */
  async upload(ticketToken: string | null, body: Readable, declaredBytes: number | null, originalName: string | null): Promise<UploadedFile> {
    const ticket = await this.usableTicket(ticketToken);
    if (!ticket) {
      discardRest(body, this.config.fileMaxBytes);
      throw new FileHttpError('UNAUTHENTICATED');
    }
    const maxBytes = this.config.fileMaxBytes;
    if (declaredBytes !== null && declaredBytes > maxBytes) {
      discardRest(body, maxBytes);
      throw new FileHttpError('PAYLOAD_TOO_LARGE', { maxBytes });
    }

    const received = await receiveUpload(body, this.incomingDir, maxBytes);
    try {
      const detected = detectContentType(received.head, received.hasVideo);
      if (!detected || (ticket.purpose === 'COLLECTION_IMAGE' && detected.kind !== 'image')) {
        throw new FileHttpError('UNSUPPORTED_MEDIA_TYPE');
      }
      const image = detected.kind === 'image' ? await describeImage(received.path) : null;
      const cleaned = image ? await withoutMetadata(received.path, detected.contentType) : null;
      const stored = cleaned ?? received;

      const fileId = randomUUID();
      const storageKey = `originals/${fileId}`;
      const thumbnailKey = image ? `thumbnails/${fileId}.webp` : null;
      const written: string[] = [];
      try {
        await this.store.put(storageKey, createReadStream(stored.path), { contentType: detected.contentType, sizeBytes: stored.sizeBytes });
        written.push(storageKey);
        if (image && thumbnailKey) {
          await this.store.put(thumbnailKey, Readable.from([image.thumbnail]), { contentType: 'image/webp', sizeBytes: image.thumbnail.length });
          written.push(thumbnailKey);
        }
        await this.dataSource.transaction(async (tx) => {
          const claimed: unknown[] = await tx.query(
            `WITH claimed AS (
               UPDATE upload_ticket SET used_at = now(), file_id = $2
                WHERE token_hash = $1 AND used_at IS NULL
                RETURNING user_id)
             SELECT user_id FROM claimed`,
            [ticket.tokenHash, fileId],
          );
          if (claimed.length === 0) throw new FileHttpError('UNAUTHENTICATED');
          await tx.query(
            `INSERT INTO stored_file (id, uploaded_by_id, purpose, content_type, size_bytes, sha256, storage_key, thumbnail_key, width, height, original_name)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
            [
              fileId,
              ticket.userId,
              ticket.purpose,
              detected.contentType,
              stored.sizeBytes,
              stored.sha256,
              storageKey,
              thumbnailKey,
              image?.width ?? null,
              image?.height ?? null,
              originalName,
            ],
          );
        });
      } catch (err) {
        await Promise.all(
          written.map((key) =>
            this.store.delete(key).catch((cleanupErr: unknown) => this.logger.error(`could not delete ${key} of a refused upload: ${String(cleanupErr)}`)),
          ),
        );
        throw err;
      }
      return { fileId, contentType: detected.contentType, sizeBytes: stored.sizeBytes, thumbnail: thumbnailKey !== null };
    } finally {
      await rm(received.path, { force: true });
      await rm(`${received.path}.clean`, { force: true });
    }
  }

  private async usableTicket(token: string | null): Promise<{ tokenHash: string; userId: string; purpose: FilePurpose } | null> {
    if (!token || token.length < 20 || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const rows: { user_id: string; purpose: FilePurpose }[] = await this.dataSource.query(
      `SELECT t.user_id, t.purpose
         FROM upload_ticket t JOIN app_user u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    const row = rows[0];
    return row ? { tokenHash, userId: row.user_id, purpose: row.purpose } : null;
  }

  /**
   * A file, or its thumbnail, for whoever asks (null: nobody signed in). Collection images are
   * public; work attachments are read by the people WORK_FILE_READABLE names. Everything
   * else, including a file that does not exist, is the same NOT_FOUND.
   */
  async open(viewer: Viewer | null, id: string, variant: 'original' | 'thumbnail'): Promise<ServedFile> {
    if (!isUuid(id)) throw fileNotFound();
    const rows: ReadableFileRow[] = await this.dataSource.query(
      `SELECT f.content_type, f.purpose, f.storage_key, f.thumbnail_key, f.original_name
         FROM stored_file f
        WHERE f.id = $2
          AND (f.purpose = 'COLLECTION_IMAGE' OR ($1::uuid IS NOT NULL AND f.purpose = 'WORK_ATTACHMENT' AND ${WORK_FILE_READABLE}))`,
      [viewer?.id ?? null, id],
    );
    const row = rows[0];
    const key = variant === 'original' ? row?.storage_key : row?.thumbnail_key;
    if (!row || !key) throw fileNotFound();
    const stored = await this.store.get(key);
    if (!stored) {
      this.logger.error(`stored file ${id} has nothing under ${key} in the file store`);
      throw fileNotFound();
    }
    const contentType = variant === 'original' ? row.content_type : 'image/webp';
    return {
      ...stored,
      contentType,
      // Collection images are public and never change under their id; work files are private
      // and a pupil's access can end (a team change), so browsers keep them briefly.
      cacheControl: row.purpose === 'COLLECTION_IMAGE' ? 'public, max-age=86400' : 'private, max-age=300',
      contentDisposition: disposition(contentType, variant === 'original' ? row.original_name : null),
    };
  }

  /**
   * For the submissions module: of `ids`, the work attachments the viewer may attach to work,
   * namely those they uploaded or can already read (a teammate's file on their team's work).
   * Pass the transaction's manager when inside one. Order follows `ids`, without repeats.
   */
  async attachableIds(viewer: Viewer, ids: readonly string[], tx: Queryable = this.dataSource): Promise<string[]> {
    const candidates = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (candidates.length === 0) return [];
    const rows: { id: string }[] = await tx.query(
      `SELECT f.id FROM stored_file f
        WHERE f.id = ANY ($2::uuid[]) AND f.purpose = 'WORK_ATTACHMENT' AND ${WORK_FILE_READABLE}`,
      [viewer.id, candidates],
    );
    const found = new Set(rows.map((r) => r.id));
    return candidates.filter((id) => found.has(id));
  }
}

/** Images and recordings open in the page; anything else (PDF) is downloaded, never rendered on our origin. */
function disposition(contentType: string, originalName: string | null): string {
  const kind = contentType.startsWith('image/') || contentType.startsWith('audio/') ? 'inline' : 'attachment';
  return originalName ? `${kind}; filename*=UTF-8''${encodeURIComponent(originalName)}` : kind;
}
