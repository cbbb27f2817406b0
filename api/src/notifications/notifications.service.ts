import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput } from '../common/errors';
import { isUuid } from '../common/ids';
import { pageRequest, toPage } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { EventBus } from './event-bus';
import { NotificationEntity, type NotificationKind } from './notification.entity';
import { SubscriptionSessionsService, type SubscriptionSocket } from './subscription-sessions.service';
import {
  mapNotification,
  toEvent,
  type MarkNotificationsReadPayload,
  type Notification,
  type NotificationConnection,
  type NotificationEvent,
} from './notification.model';

export interface NotificationItem {
  userId: string;
  kind: NotificationKind;
  assignmentId?: string | null;
  workId?: string | null;
  versionId?: string | null;
}

/** Most ids one markNotificationsRead call takes; a client with more sends null (all). */
const MAX_IDS = 500;

/** The bus channel of one person's notifications: a subscriber only ever listens on their own. */
export function notificationChannel(userId: string): string {
  return `notifications:${userId}`;
}

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  assignment_id: string | null;
  work_id: string | null;
  version_id: string | null;
  created_at: Date;
  created_key: string;
  read_at: Date | null;
}

function mapRow(r: NotificationRow): Notification {
  return mapNotification({ id: r.id, kind: r.kind, assignmentId: r.assignment_id, workId: r.work_id, versionId: r.version_id, createdAt: r.created_at, readAt: r.read_at });
}

/**
 * Notifications are written in the transaction of the change they are about (record) and
 * sent to subscribers once that transaction has committed (publish), so nobody hears of a
 * change that was rolled back.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('NotificationsService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    private readonly subscriptionSessions: SubscriptionSessionsService,
  ) {}

  async record(tx: EntityManager, items: NotificationItem[]): Promise<NotificationEntity[]> {
    if (items.length === 0) return [];
    const repository = tx.getRepository(NotificationEntity);
    const rows = items.map((item) =>
      repository.create({
        userId: item.userId,
        kind: item.kind,
        assignmentId: item.assignmentId ?? null,
        workId: item.workId ?? null,
        versionId: item.versionId ?? null,
        readAt: null,
      }),
    );
    await repository.insert(rows);
    return rows;
  }

  /**
   * Sends committed notifications to their people's subscriptions. The change they are about
   * has happened whatever the bus does, so a failure is logged, not thrown: the notification
   * list still has them.
   */
  async publish(rows: NotificationEntity[]): Promise<void> {
    await Promise.all(
      rows.map((row) =>
        this.bus.publish(notificationChannel(row.userId), toEvent(row)).catch((err: unknown) => {
          this.logger.warn(`could not publish notification ${row.id}: ${err instanceof Error ? err.message : String(err)}`);
        }),
      ),
    );
  }

  /** Who hears about a piece of work: its pupil, or every member of its team. */
  async recipientsOfWork(db: Pick<EntityManager, 'query'>, workId: string): Promise<string[]> {
    const rows: { pupil_id: string }[] = await db.query(
      `SELECT w.pupil_id FROM work w WHERE w.id = $1 AND w.pupil_id IS NOT NULL
       UNION
       SELECT tm.pupil_id FROM work w JOIN team_member tm ON tm.team_id = w.team_id WHERE w.id = $1`,
      [workId],
    );
    return rows.map((r) => r.pupil_id);
  }

  /** The viewer's own notifications, newest first. */
  async list(viewer: Viewer, args: { first?: number | null; after?: string | null }): Promise<NotificationConnection> {
    const page = pageRequest(args.first, args.after);
    const params: unknown[] = [viewer.id, page.limit + 1];
    let after = '';
    if (page.after) {
      const [createdAt, id] = page.after;
      if (typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) {
        throw badInput('after', 'after is not a cursor this list handed out');
      }
      params.push(createdAt, id);
      after = 'AND (n.created_at, n.id) < ($3::timestamptz, $4::uuid)';
    }
    // The cursor keeps the timestamp as PostgreSQL prints it: a JavaScript Date would drop the microseconds.
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.assignment_id, n.work_id, n.version_id, n.created_at, n.created_at::text AS created_key, n.read_at
         FROM notification n
        WHERE n.user_id = $1 ${after}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $2`,
      params,
    );
    return { ...toPage(rows, page.limit, (r) => [r.created_key, r.id], mapRow), unreadCount: await this.unreadCount(viewer) };
  }

  /** Marks the viewer's own notifications read; ids of anyone else's are passed over as if they did not exist. */
  async markRead(viewer: Viewer, ids: string[] | null | undefined): Promise<MarkNotificationsReadPayload> {
    if (ids) {
      if (ids.length > MAX_IDS) throw badInput('ids', `at most ${MAX_IDS} ids; send null to mark all`);
      if (!ids.every(isUuid)) throw badInput('ids', 'an id is not a notification id');
    }
    // A SELECT around the UPDATE: the rows come back the same way from pg and from PGlite.
    const marked: NotificationRow[] = await this.dataSource.query(
      `WITH marked AS (
         UPDATE notification n SET read_at = now()
          WHERE n.user_id = $1 AND n.read_at IS NULL AND ($2::uuid[] IS NULL OR n.id = ANY($2::uuid[]))
          RETURNING n.id, n.kind, n.assignment_id, n.work_id, n.version_id, n.created_at, n.read_at)
       SELECT * FROM marked ORDER BY created_at DESC, id DESC`,
      [viewer.id, ids ?? null],
    );
    return { notifications: marked.map(mapRow), unreadCount: await this.unreadCount(viewer) };
  }

  /**
   * The viewer's new notifications as they are published; listening has begun when this
   * resolves. The socket is closed when the viewer's session ends (see SubscriptionSessionsService).
   */
  subscribe(viewer: Viewer, socket: SubscriptionSocket | undefined): Promise<AsyncIterableIterator<NotificationEvent>> {
    // Fails closed: a subscription that could outlive its session is not started.
    if (!socket) throw new Error('a subscription arrived without its WebSocket in the context');
    this.subscriptionSessions.track(viewer, socket);
    return this.bus.subscribe<NotificationEvent>(notificationChannel(viewer.id));
  }

  private async unreadCount(viewer: Viewer): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [viewer.id]);
    return Number(row.n);
  }
}
