import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuditAction } from '@lmr/domain';
import { badInput } from '../common/errors';
import { pageRequest, toPage } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { isUuid } from '../common/ids';
import { AuditEntryEntity } from './audit-entry.entity';
import { mapAuditEntry, type AuditEntryConnection } from './audit.model';

export interface AuditRecord {
  actorId: string | null;
  museumId: string | null;
  action: AuditAction;
  subjectType?: string;
  subjectId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/** Writes the audit log inside the caller's transaction, so a change and its record stand or fall together. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, entry: AuditRecord): Promise<void> {
    await tx.getRepository(AuditEntryEntity).insert({
      actorId: entry.actorId,
      museumId: entry.museumId,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      details: entry.details ?? {},
    });
  }

  /** Entries about the admin's museum, newest first. */
  async list(viewer: Viewer, args: { first?: number | null; after?: string | null }): Promise<AuditEntryConnection> {
    const page = pageRequest(args.first, args.after);
    const params: unknown[] = [viewer.museumId, page.limit + 1];
    let after = '';
    if (page.after) {
      const [createdAt, id] = page.after;
      if (typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) {
        throw badInput('after', 'after is not a cursor this list handed out');
      }
      params.push(createdAt, id);
      after = 'AND (a.created_at, a.id) < ($3::timestamptz, $4::uuid)';
    }
    // The cursor keeps the timestamp as PostgreSQL prints it: a JavaScript Date would drop the microseconds.
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id, a.action, a.actor_id, u.display_name AS actor_name, a.subject_type, a.subject_id, a.details,
              a.created_at, a.created_at::text AS created_key
         FROM audit_entry a
         LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.museum_id = $1 ${after}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $2`,
      params,
    );
    return toPage(rows, page.limit, (r) => [r.created_key, r.id], mapAuditEntry);
  }
}

interface AuditRow {
  id: string;
  action: AuditAction;
  actor_id: string | null;
  actor_name: string | null;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown> | string;
  created_at: Date;
  created_key: string;
}
