import { Inject, Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { isCodeShape, normalizeCode, CLASS_CODE_LENGTH, PUPIL_CODE_LENGTH, MAX_PASSWORD_LENGTH, type Role } from '@lmr/domain';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../common/app-config.module';
import { clientAddress } from '../common/client-address';
import { clearedSessionCookie, sessionCookie } from '../common/cookies';
import { badInput } from '../common/errors';
import type { AuthRequest } from '../common/request-context';
import { hashToken, newToken } from '../common/tokens';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { tooManySignIns, wrongSignInDetails } from './identity.errors';
import type { SignInPayload } from './identity.model';
import { MeService } from './me.service';
import { SessionService } from './session.service';
import { checkNewPassword } from './passwords';

export interface HttpExchange {
  req: AuthRequest | undefined;
  reply: FastifyReply | undefined;
}

/** Sign-in for staff (email + password) and pupils (class code + own code), sign-out, password change. */
@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so that a miss costs as long as a wrong password. */
  private decoyHash: Promise<string> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly me: MeService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signInStaff(input: { email: string; password: string }, http: HttpExchange): Promise<SignInPayload> {
    const email = input.email.trim().toLowerCase();
    const key = accountKey('staff', email);
    const address = clientAddress(http.req, this.config.trustProxy);
    await this.checkRate(key, address);

    const rows: { id: string; role: Role; password_hash: string | null; disabled_at: Date | null }[] =
      email.length > 0 && email.length <= 254
        ? await this.dataSource.query(`SELECT id, role, password_hash, disabled_at FROM app_user WHERE email = $1 AND role <> 'PUPIL'`, [email])
        : [];
    const user = rows[0];
    const password = input.password.slice(0, MAX_PASSWORD_LENGTH);
    const matches = user?.password_hash
      ? await verify(user.password_hash, password).catch(() => false)
      : await verify(await this.decoy(), password).then(() => false, () => false);
    if (!user || !matches || user.disabled_at) {
      await this.recordFailure(key, address);
      throw wrongSignInDetails();
    }
    return this.openSession(user.id, user.role, key, http, true);
  }

  async signInPupil(input: { classCode: string; pupilCode: string }, http: HttpExchange): Promise<SignInPayload> {
    const classCode = normalizeCode(input.classCode);
    const pupilCode = normalizeCode(input.pupilCode);
    const key = accountKey('pupil', `${classCode}:${pupilCode}`);
    const address = clientAddress(http.req, this.config.trustProxy);
    await this.checkRate(key, address);

    const rows: { id: string }[] =
      isCodeShape(classCode, CLASS_CODE_LENGTH) && isCodeShape(pupilCode, PUPIL_CODE_LENGTH)
        ? await this.dataSource.query(
            `SELECT u.id FROM cohort c
               JOIN cohort_pupil cp ON cp.cohort_id = c.id
               JOIN app_user u ON u.id = cp.pupil_id
              WHERE c.class_code = $1 AND cp.sign_in_code = $2 AND c.archived_at IS NULL
                AND u.disabled_at IS NULL AND u.role = 'PUPIL'`,
            [classCode, pupilCode],
          )
        : [];
    const pupil = rows[0];
    if (!pupil) {
      await this.recordFailure(key, address);
      throw wrongSignInDetails();
    }
    return this.openSession(pupil.id, 'PUPIL', key, http, false);
  }

  async signOut(viewer: Viewer, http: HttpExchange): Promise<{ signedOut: boolean }> {
    await this.sessions.signOut(viewer.sessionId);
    http.reply?.header('set-cookie', clearedSessionCookie(this.secureCookies));
    return { signedOut: true };
  }

  /** Changes a member of staff's password and ends their other sessions. */
  async changePassword(viewer: Viewer, input: { currentPassword: string; newPassword: string }) {
    checkNewPassword(input.newPassword, 'newPassword');
    const rows: { password_hash: string | null }[] = await this.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [viewer.id]);
    const current = rows[0]?.password_hash;
    const ok = current ? await verify(current, input.currentPassword.slice(0, MAX_PASSWORD_LENGTH)).catch(() => false) : false;
    if (!ok) throw badInput('currentPassword', 'the current password is wrong');
    const passwordHash = await hashPassword(input.newPassword);
    await this.sessions.endingSessions(async (tx, endSessions) => {
      await tx.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [viewer.id, passwordHash]);
      await endSessions(viewer.id, viewer.sessionId);
      await this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'PASSWORD_CHANGED', subjectType: 'Account', subjectId: viewer.id });
    });
    return { me: await this.me.get(viewer.id) };
  }

  private async openSession(userId: string, role: Role, key: string, http: HttpExchange, isStaff: boolean): Promise<SignInPayload> {
    const session = await this.dataSource.transaction(async (tx) => {
      const started = await this.sessions.start(tx, userId, role);
      await tx.query(`DELETE FROM sign_in_failure WHERE account_key = $1`, [key]);
      if (isStaff) {
        const museum: { museum_id: string | null }[] = await tx.query(
          `SELECT COALESCE(u.museum_id, s.museum_id) AS museum_id FROM app_user u LEFT JOIN school s ON s.id = u.school_id WHERE u.id = $1`,
          [userId],
        );
        await this.audit.record(tx, { actorId: userId, museumId: museum[0]?.museum_id ?? null, action: 'STAFF_SIGNED_IN', subjectType: 'Account', subjectId: userId });
      }
      return started;
    });
    http.reply?.header('set-cookie', sessionCookie(session.token, session.maxAgeSeconds, this.secureCookies));
    return { me: await this.me.get(userId), token: session.token, expiresAt: session.expiresAt };
  }

  /** Refuses before looking at the details, so a locked account and a missing one answer alike. */
  private async checkRate(key: string, address: string): Promise<void> {
    const rows: { by_account: string; by_address: string }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE account_key = $1) AS by_account, count(*) FILTER (WHERE address = $2) AS by_address
         FROM sign_in_failure
        WHERE (account_key = $1 OR address = $2) AND created_at > now() - make_interval(mins => $3)`,
      [key, address, this.config.signInWindowMinutes],
    );
    const counts = rows[0];
    if (
      Number(counts?.by_account ?? 0) >= this.config.signInMaxFailuresPerAccount ||
      Number(counts?.by_address ?? 0) >= this.config.signInMaxFailuresPerAddress
    ) {
      throw tooManySignIns(this.config.signInWindowMinutes);
    }
  }

  private async recordFailure(key: string, address: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO sign_in_failure (account_key, address) VALUES ($1, $2)`, [key, address]);
    // Old failures count for nothing; now and then sweep them away.
    if (Math.random() < 0.05) {
      await this.dataSource.query(`DELETE FROM sign_in_failure WHERE created_at < now() - make_interval(mins => $1)`, [this.config.signInWindowMinutes * 4]);
    }
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= hashPassword(newToken());
    return this.decoyHash;
  }

  private get secureCookies(): boolean {
    return this.config.nodeEnv === 'production';
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { type: argon2id });
}

/** The rate-limit key of an account: a hash, so the table holds no email address or code. */
function accountKey(kind: 'staff' | 'pupil', identifier: string): string {
  return hashToken(`${kind}:${identifier}`);
}
