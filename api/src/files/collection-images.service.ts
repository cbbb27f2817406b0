import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, forbidden, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { requestLoader } from '../common/loaders';
import type { Viewer } from '../common/viewer';
import { CollectionService } from '../collection/collection.service';
import type { CollectionObject } from '../collection/collection-object.model';
import { fileUrl, thumbnailUrl, type CollectionImage } from './files.model';

const CAPTION_MAX = 500;

interface ImageRow {
  object_id: string;
  file_id: string;
  thumbnail_key: string | null;
  width: number | null;
  height: number | null;
  caption: string | null;
}

function mapImage(r: ImageRow): CollectionImage {
  return {
    fileId: r.file_id,
    url: fileUrl(r.file_id),
    thumbnailUrl: r.thumbnail_key ? thumbnailUrl(r.file_id) : null,
    width: r.width,
    height: r.height,
    caption: r.caption,
  };
}

/** Images of collection objects: public like the collection, written by its museum's educators. */
@Injectable()
export class CollectionImagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly collection: CollectionService,
  ) {}

  /** The images of each object in display order; one query for all the objects a request lists. */
  imagesOf(context: object, objectId: string): Promise<CollectionImage[]> {
    return requestLoader<string, CollectionImage[]>(context, 'collectionObjectImages', async (ids) => {
      const rows: ImageRow[] = await this.dataSource.query(
        `SELECT i.object_id, i.file_id, f.thumbnail_key, f.width, f.height, i.caption
           FROM collection_object_image i JOIN stored_file f ON f.id = i.file_id
          WHERE i.object_id = ANY ($1::uuid[])
          ORDER BY i.position, f.created_at, i.file_id`,
        [ids.filter(isUuid)],
      );
      const byObject = new Map<string, CollectionImage[]>();
      for (const r of rows) {
        const list = byObject.get(r.object_id) ?? [];
        list.push(mapImage(r));
        byObject.set(r.object_id, list);
      }
      return ids.map((id) => byObject.get(id) ?? []);
    })
      .load(objectId)
      .then((images) => images ?? []);
  }

  /** Adds an image at the end, or changes its caption when it is there already. */
  async add(viewer: Viewer, input: { objectId: string; fileId: string; caption?: string | null }): Promise<CollectionObject> {
    const museumId = await this.requireWritable(viewer, input.objectId);
    const caption = (input.caption ?? '').trim();
    if (caption.length > CAPTION_MAX) throw badInput('caption', `caption is longer than ${CAPTION_MAX} characters`);
    await this.dataSource.transaction(async (tx) => {
      // Any educator of the museum may use an image a colleague uploaded; nobody else's files.
      const usable: unknown[] = isUuid(input.fileId)
        ? await tx.query(
            `SELECT 1 FROM stored_file f JOIN app_user u ON u.id = f.uploaded_by_id
              WHERE f.id = $1 AND f.purpose = 'COLLECTION_IMAGE' AND u.museum_id = $2`,
            [input.fileId, museumId],
          )
        : [];
      if (usable.length === 0) throw badInput('fileId', 'fileId is not a collection image uploaded at this museum');
      await tx.query(
        `INSERT INTO collection_object_image (object_id, file_id, position, caption)
         VALUES ($1, $2, (SELECT COALESCE(MAX(position) + 1, 0) FROM collection_object_image WHERE object_id = $1), $3)
         ON CONFLICT (object_id, file_id) DO UPDATE SET caption = EXCLUDED.caption`,
        [input.objectId, input.fileId, caption === '' ? null : caption],
      );
    });
    return this.collection.get(input.objectId);
  }

  /**
   * Takes one of the object's images off it. A fileId that is not one of its images (malformed,
   * another object's, or already removed) answers NOT_FOUND and changes nothing, so a client
   * learns that its view of the object is stale instead of hearing a success.
   */
  async remove(viewer: Viewer, input: { objectId: string; fileId: string }): Promise<CollectionObject> {
    await this.requireWritable(viewer, input.objectId);
    const removed: unknown[] = isUuid(input.fileId)
      ? await this.dataSource.query(
          // (Wrapped in WITH: TypeORM hands back DELETE results as [rows, count].)
          `WITH removed AS (DELETE FROM collection_object_image WHERE object_id = $1 AND file_id = $2 RETURNING file_id)
           SELECT file_id FROM removed`,
          [input.objectId, input.fileId],
        )
      : [];
    if (removed.length === 0) throw notFound('collection object image');
    return this.collection.get(input.objectId);
  }

  /** The object's museum, when the viewer is one of its educators. Everyone may see every object. */
  private async requireWritable(viewer: Viewer, objectId: string): Promise<string> {
    if (!isUuid(objectId)) throw notFound('collection object');
    const rows: { museum_id: string }[] = await this.dataSource.query(`SELECT museum_id FROM collection_object WHERE id = $1`, [objectId]);
    const row = rows[0];
    if (!row) throw notFound('collection object');
    if (viewer.role !== 'MUSEUM_EDUCATOR' || viewer.museumId !== row.museum_id) throw forbidden('only this museum’s educators change its records');
    return row.museum_id;
  }
}
