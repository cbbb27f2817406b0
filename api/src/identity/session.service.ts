import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isRole, type Role } from '@lmr/domain';
import { APP_CONFIG } from '../common/app-config.module';
import { hashToken, newToken } from '../common/tokens';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { SessionEntity } from './session.entity';

export interface NewSession {
  token: string;
  expiresAt: Date;
  maxAgeSeconds: number;
}

/** Server-side sessions: made at sign-in, looked up on every request, revoked at will. */
@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
    const rows: { session_id: string; id: string; role: string; school_id: string | null; museum_id: string | null }[] =
      await this.dataSource.query(
        `SELECT s.id AS session_id, u.id, u.role, u.school_id, COALESCE(u.museum_id, sc.museum_id) AS museum_id
           FROM session s
           JOIN app_user u ON u.id = s.user_id
           LEFT JOIN school sc ON sc.id = u.school_id
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
        [hashToken(token)],
      );
    const row = rows[0];
    if (!row || !isRole(row.role)) return null;
    return { id: row.id, role: row.role, schoolId: row.school_id, museumId: row.museum_id, sessionId: row.session_id };
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** Ends every session of a user (except, when given, the one making the change). */
  async revokeAll(tx: EntityManager, userId: string, except: string | null = null): Promise<void> {
    await tx.query(
      `UPDATE session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, except],
    );
  }
}
