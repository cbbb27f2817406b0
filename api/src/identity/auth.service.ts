import { Inject, Injectable } from '@nestjs/common';
import { argon2id, hash, verify } from 'argon2';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { isCodeShape, normalizeCode, CLASS_CODE_LENGTH, PUPIL_CODE_LENGTH, MAX_PASSWORD_LENGTH, type Role } from '@lmr/domain';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG } from '../common/app-config.module';
import { clientAddress, throttleAddress } from '../common/client-address';
import { clearedSessionCookie, sessionCookie } from '../common/cookies';
import { badInput } from '../common/errors';
import type { AuthRequest } from '../common/request-context';
import { newToken } from '../common/tokens';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { tooManySignIns, wrongSignInDetails } from './identity.errors';
import type { SignInPayload } from './identity.model';
import { MeService } from './me.service';
import { pupilCounters, staffCounters, type SignInCounters } from './sign-in-delays';
import { SignInFailures, type SignInClaim } from './sign-in-failures.service';
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
    private readonly failures: SignInFailures,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signInStaff(input: { email: string; password: string }, http: HttpExchange): Promise<SignInPayload> {
    const email = input.email.trim().toLowerCase();
    const claim = await this.claimAttempt(staffCounters(email, throttleAddress(clientAddress(http.req, this.config.trustProxy)), this.config.signInThrottle), http);

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
      await this.failures.failed(claim);
      throw wrongSignInDetails();
    }
    return this.openSession(user.id, user.role, claim, http, true);
  }

  async signInPupil(input: { classCode: string; pupilCode: string }, http: HttpExchange): Promise<SignInPayload> {
    const classCode = normalizeCode(input.classCode);
    const pupilCode = normalizeCode(input.pupilCode);
    const claim = await this.claimAttempt(pupilCounters(classCode, throttleAddress(clientAddress(http.req, this.config.trustProxy)), this.config.signInThrottle), http);

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
      await this.failures.failed(claim);
      throw wrongSignInDetails();
    }
    return this.openSession(pupil.id, 'PUPIL', claim, http, false);
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

  private async openSession(userId: string, role: Role, claim: SignInClaim, http: HttpExchange, isStaff: boolean): Promise<SignInPayload> {
    const session = await this.dataSource.transaction(async (tx) => {
      const started = await this.sessions.start(tx, userId, role);
      await this.failures.succeeded(tx, claim);
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

  /**
   * Counts the attempt as a failure until it proves otherwise, or refuses it (before the details
   * are looked at) while one of its counters says wait. The wait is in the error and in a
   * Retry-After header, both the same whether the account exists or not.
   */
  private async claimAttempt(counters: SignInCounters, http: HttpExchange): Promise<SignInClaim> {
    const result = await this.failures.claim(counters);
    if (result.allowed) return result.claim;
    http.reply?.header('retry-after', String(result.retryAfterSeconds));
    throw tooManySignIns(result.retryAfterSeconds);
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
