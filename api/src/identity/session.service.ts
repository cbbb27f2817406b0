import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isRole, type Role } from '@lmr/domain';
import { APP_CONFIG } from '../common/app-config.module';
import { hashToken, newToken } from '../common/tokens';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { SubscriptionSessionsService } from '../notifications/subscription-sessions.service';
import { LIVE } from './live-sessions';
import { SessionCache } from './session-cache';
import { SessionEntity } from './session.entity';

export interface NewSession {
  token: string;
  expiresAt: Date;
  maxAgeSeconds: number;
}

/**
 * Server-side sessions: made at sign-in, looked up on every request (a lookup is reused for
 * SESSION_CACHE_MS, see SessionCache), revoked at will.
 */
@Injectable()
export class SessionService {
  private readonly cache: SessionCache;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subscriptionSessions: SubscriptionSessionsService,
  ) {
    this.cache = new SessionCache(config.sessionCacheMs);
    subscriptionSessions.onSessionsEnded((ids) => this.cache.forget(ids));
  }

  async start(tx: EntityManager, userId: string, role: Role): Promise<NewSession> {
    const hours = role === 'PUPIL' ? this.config.pupilSessionHours : this.config.staffSessionHours;
    const token = newToken();
    const expiresAt = new Date(Date.now() + hours * 3600_000);
    await tx.getRepository(SessionEntity).insert({ tokenHash: hashToken(token), userId, expiresAt, revokedAt: null });
    return { token, expiresAt, maxAgeSeconds: hours * 3600 };
  }

  /** The viewer behind a token, or null when the session is unknown, over, revoked or its account disabled. */
  async viewerFor(token: string): Promise<Viewer | null> {
    if (token.length < 20 || token.length > 200) return null;
    const tokenHash = hashToken(token);
    const remembered = this.cache.get(tokenHash);
    if (remembered) return remembered;
    const mark = this.cache.mark();
    const rows: { session_id: string; expires_at: Date; id: string; role: string; school_id: string | null; museum_id: string | null }[] =
      await this.dataSource.query(
        `SELECT s.id AS session_id, s.expires_at, u.id, u.role, u.school_id, COALESCE(u.museum_id, sc.museum_id) AS museum_id
           FROM session s
           JOIN app_user u ON u.id = s.user_id
           LEFT JOIN school sc ON sc.id = u.school_id
          WHERE s.token_hash = $1 AND ${LIVE}`,
        [tokenHash],
      );
    const row = rows[0];
    if (!row || !isRole(row.role)) return null;
    const viewer: Viewer = { id: row.id, role: row.role, schoolId: row.school_id, museumId: row.museum_id, sessionId: row.session_id };
    this.cache.set(tokenHash, viewer, new Date(row.expires_at), mark);
    return viewer;
  }

  /**
   * Ends one session (sign-out), and announces it: its subscriptions close and its remembered
   * viewer is forgotten on every process, this one before the call returns.
   */
  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
    await this.subscriptionSessions.sessionsEnded([sessionId]);
  }

  /**
   * Runs `work` in one transaction. The sessions it ends with `endSessions` (every session of
   * a user, except the one given) are announced once the transaction has committed: their
   * subscriptions close and their remembered viewers are forgotten, on every process. Never
   * before the commit, and not at all if it rolls back.
   */
  async endingSessions<T>(work: (tx: EntityManager, endSessions: (userId: string, except?: string | null) => Promise<void>) => Promise<T>): Promise<T> {
    const ended: string[] = [];
    const result = await this.dataSource.transaction((tx) =>
      work(tx, async (userId, except = null) => {
        ended.push(...(await this.revokeAll(tx, userId, except)));
      }),
    );
    await this.subscriptionSessions.sessionsEnded(ended);
    return result;
  }

  /** Ends every session of a user (except, when given, one) and returns the ids of those it ended. */
  private async revokeAll(tx: EntityManager, userId: string, except: string | null = null): Promise<string[]> {
    // A SELECT around the UPDATE: the rows come back the same way from pg and from PGlite.
    const ended: { id: string }[] = await tx.query(
      `WITH ended AS (
         UPDATE session SET revoked_at = now()
          WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)
          RETURNING id)
       SELECT id FROM ended`,
      [userId, except],
    );
    return ended.map((r) => r.id);
  }
}
