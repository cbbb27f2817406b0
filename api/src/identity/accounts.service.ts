import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MAX_DISPLAY_NAME_LENGTH, STAFF_ROLES, collapse, type Role } from '@lmr/domain';
import { AuditService } from '../audit/audit.service';
import { AccessService } from '../common/access.service';
import { APP_CONFIG } from '../common/app-config.module';
import { clearedSessionCookie, sessionCookie } from '../common/cookies';
import { badInput, conflict, DomainError, forbidden, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { hashToken, newToken } from '../common/tokens';
import { isUniqueViolation } from '../common/db-errors';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { AccountLinkEntity } from './account-link.entity';
import { hashPassword, type HttpExchange } from './auth.service';
import { linkNotUsable } from './identity.errors';
import type {
  CompletePasswordResetPayload,
  CreateInvitationPayload,
  CreatePasswordResetPayload,
  Invitation,
  SignInPayload,
  StaffMember,
} from './identity.model';
import { MeService } from './me.service';
import { checkNewPassword } from './passwords';
import { SessionService } from './session.service';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PASSWORD_RESET_HOURS = 24;

interface StaffRow {
  id: string;
  display_name: string;
  email: string | null;
  role: Role;
  disabled_at: Date | null;
  school_id: string | null;
  school_name: string | null;
  district: string | null;
  time_zone: string | null;
}

/**
 * Staff accounts, which admins manage: invitations, password resets, disabling. An admin
 * manages the staff of their own museum and of the schools in its programme.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly me: MeService,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async staffMembers(viewer: Viewer): Promise<StaffMember[]> {
    const rows: StaffRow[] = await this.dataSource.query(
      `${STAFF_SELECT} WHERE u.role <> 'PUPIL' AND COALESCE(u.museum_id, s.museum_id) = $1 ORDER BY u.display_name, u.id`,
      [viewer.museumId],
    );
    return rows.map(mapStaff);
  }

  async invitations(viewer: Viewer): Promise<Invitation[]> {
    const rows: InvitationRow[] = await this.dataSource.query(
      `${INVITATION_SELECT} WHERE l.kind = 'INVITATION' AND l.museum_id = $1 ORDER BY l.created_at DESC, l.id LIMIT 100`,
      [viewer.museumId],
    );
    return rows.map(mapInvitation);
  }

  async createInvitation(viewer: Viewer, input: { email: string; role: Role; schoolId?: string | null }): Promise<CreateInvitationPayload> {
    const museumId = this.access.museumOf(viewer);
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw badInput('email', 'this is not an email address');
    if (!STAFF_ROLES.includes(input.role)) throw badInput('role', 'only staff are invited; pupils are added by their teacher');
    let schoolId: string | null = null;
    if (input.role === 'TEACHER') {
      if (!input.schoolId) throw badInput('schoolId', 'a teacher needs a school');
      schoolId = await this.schoolOfMuseum(viewer, input.schoolId, 'schoolId');
    } else if (input.schoolId) {
      throw badInput('schoolId', 'only teachers belong to a school');
    }
    const taken: unknown[] = await this.dataSource.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    if (taken.length > 0) throw conflict('there is already an account with this email', { field: 'email' });

    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.invitationDays * 86400_000);
    const id = await this.dataSource.transaction(async (tx) => {
      const inserted = await tx.getRepository(AccountLinkEntity).insert({
        kind: 'INVITATION',
        tokenHash: hashToken(token),
        email,
        role: input.role,
        schoolId,
        museumId,
        createdById: viewer.id,
        expiresAt,
      });
      const linkId = (inserted.identifiers[0] as { id: string }).id;
      await this.audit.record(tx, {
        actorId: viewer.id,
        museumId: viewer.museumId,
        action: 'INVITATION_CREATED',
        subjectType: 'Invitation',
        subjectId: linkId,
        details: { role: input.role, schoolId },
      });
      return linkId;
    });
    const rows: InvitationRow[] = await this.dataSource.query(`${INVITATION_SELECT} WHERE l.id = $1`, [id]);
    return { invitation: mapInvitation(rows[0]!), token, acceptPath: `/accept-invitation?token=${token}` };
  }

  /** Makes the account an invitation promised, and signs its owner in. */
  async acceptInvitation(input: { token: string; displayName: string; password: string }, http: HttpExchange): Promise<SignInPayload> {
    const displayName = collapse(input.displayName);
    if (displayName === '') throw badInput('displayName', 'a name is needed');
    if ([...displayName].length > MAX_DISPLAY_NAME_LENGTH) throw badInput('displayName', 'the name is too long');
    checkNewPassword(input.password, 'password');
    const passwordHash = await hashPassword(input.password);

    const result = await this.dataSource.transaction(async (tx) => {
      const link = await this.takeLink(tx, input.token, 'INVITATION');
      const museumId = link.schoolId ? null : link.museumId;
      let userId: string;
      try {
        const inserted: { id: string }[] = await tx.query(
          `INSERT INTO app_user (role, display_name, email, password_hash, school_id, museum_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [link.role, displayName, link.email, passwordHash, link.schoolId, museumId],
        );
        userId = inserted[0]!.id;
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('there is already an account with this email', { field: 'token' });
        throw err;
      }
      await tx.query(`UPDATE account_link SET user_id = $2 WHERE id = $1`, [link.id, userId]);
      await this.audit.record(tx, {
        actorId: userId,
        museumId: link.museumId,
        action: 'INVITATION_ACCEPTED',
        subjectType: 'Account',
        subjectId: userId,
        details: { invitationId: link.id, role: link.role },
      });
      const session = await this.sessions.start(tx, userId, link.role!);
      return { userId, session };
    });
    http.reply?.header('set-cookie', sessionCookie(result.session.token, result.session.maxAgeSeconds, this.config.nodeEnv === 'production'));
    return { me: await this.me.get(result.userId), token: result.session.token, expiresAt: result.session.expiresAt };
  }

  async createPasswordReset(viewer: Viewer, input: { accountId: string }): Promise<CreatePasswordResetPayload> {
    const museumId = this.access.museumOf(viewer);
    const target = await this.staffOfMuseum(viewer, input.accountId);
    const token = newToken();
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_HOURS * 3600_000);
    await this.dataSource.transaction(async (tx) => {
      // A new link replaces any earlier one that was not used.
      await tx.query(`UPDATE account_link SET used_at = now() WHERE kind = 'PASSWORD_RESET' AND user_id = $1 AND used_at IS NULL`, [target.id]);
      await tx.getRepository(AccountLinkEntity).insert({
        kind: 'PASSWORD_RESET',
        tokenHash: hashToken(token),
        userId: target.id,
        museumId,
        createdById: viewer.id,
        expiresAt,
      });
      await this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'PASSWORD_RESET_CREATED', subjectType: 'Account', subjectId: target.id });
    });
    return { token, resetPath: `/reset-password?token=${token}`, expiresAt };
  }

  /** Sets a new password from a reset link and ends every session the account had. */
  async completePasswordReset(input: { token: string; newPassword: string }, http: HttpExchange): Promise<CompletePasswordResetPayload> {
    checkNewPassword(input.newPassword, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await this.sessions.endingSessions(async (tx, endSessions) => {
      const link = await this.takeLink(tx, input.token, 'PASSWORD_RESET');
      await tx.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [link.userId, passwordHash]);
      await endSessions(link.userId!);
      await this.audit.record(tx, { actorId: link.userId, museumId: link.museumId, action: 'PASSWORD_RESET_COMPLETED', subjectType: 'Account', subjectId: link.userId });
    });
    http.reply?.header('set-cookie', clearedSessionCookie(this.config.nodeEnv === 'production'));
    return { passwordChanged: true };
  }

  /** Disabling ends the account's sessions at once; enabling lets it sign in again. */
  async setDisabled(viewer: Viewer, input: { accountId: string; disabled: boolean }): Promise<StaffMember> {
    const target = await this.staffOfMuseum(viewer, input.accountId);
    if (target.id === viewer.id) throw forbidden('admins cannot disable their own account');
    await this.sessions.endingSessions(async (tx, endSessions) => {
      await tx.query(
        `UPDATE app_user SET disabled_at = CASE WHEN $2 THEN COALESCE(disabled_at, now()) ELSE NULL END, updated_at = now() WHERE id = $1`,
        [target.id, input.disabled],
      );
      if (input.disabled) await endSessions(target.id);
      await this.audit.record(tx, {
        actorId: viewer.id,
        museumId: viewer.museumId,
        action: input.disabled ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED',
        subjectType: 'Account',
        subjectId: target.id,
      });
    });
    const rows: StaffRow[] = await this.dataSource.query(`${STAFF_SELECT} WHERE u.id = $1`, [target.id]);
    return mapStaff(rows[0]!);
  }

  /** Locks the link's row and marks it used; unknown, used and expired links answer alike. */
  private async takeLink(tx: EntityManager, token: string, kind: AccountLinkEntity['kind']): Promise<AccountLinkEntity> {
    if (token.length < 20 || token.length > 200) throw linkNotUsable();
    const rows: { id: string; email: string | null; role: Role | null; school_id: string | null; museum_id: string; user_id: string | null }[] =
      await tx.query(
        // (Wrapped in WITH: TypeORM hands back UPDATE results as [rows, count].)
        `WITH taken AS (
           UPDATE account_link SET used_at = now()
            WHERE token_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > now()
            RETURNING id, email, role, school_id, museum_id, user_id)
         SELECT * FROM taken`,
        [hashToken(token), kind],
      );
    const r = rows[0];
    if (!r) throw linkNotUsable();
    return Object.assign(new AccountLinkEntity(), { id: r.id, kind, email: r.email, role: r.role, schoolId: r.school_id, museumId: r.museum_id, userId: r.user_id });
  }

  private async schoolOfMuseum(viewer: Viewer, schoolId: string, field: string): Promise<string> {
    const rows: unknown[] = isUuid(schoolId) ? await this.dataSource.query(`SELECT 1 FROM school WHERE id = $1 AND museum_id = $2`, [schoolId, viewer.museumId]) : [];
    if (rows.length === 0) throw new DomainError('NOT_FOUND', 'school not found', { field });
    return schoolId;
  }

  private async staffOfMuseum(viewer: Viewer, accountId: string): Promise<{ id: string }> {
    const rows: { id: string }[] = isUuid(accountId)
      ? await this.dataSource.query(
          `SELECT u.id FROM app_user u LEFT JOIN school s ON s.id = u.school_id
            WHERE u.id = $1 AND u.role <> 'PUPIL' AND COALESCE(u.museum_id, s.museum_id) = $2`,
          [accountId, viewer.museumId],
        )
      : [];
    if (!rows[0]) throw notFound('account');
    return rows[0];
  }
}

const STAFF_SELECT = `SELECT u.id, u.display_name, u.email, u.role, u.disabled_at, s.id AS school_id, s.name AS school_name, s.district, s.time_zone
  FROM app_user u LEFT JOIN school s ON s.id = u.school_id`;

function mapStaff(r: StaffRow): StaffMember {
  return {
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    role: r.role,
    disabled: r.disabled_at !== null,
    school: r.school_id ? { id: r.school_id, name: r.school_name!, district: r.district, timeZone: r.time_zone! } : null,
  };
}

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
  user_id: string | null;
  school_id: string | null;
  school_name: string | null;
  district: string | null;
  time_zone: string | null;
}

const INVITATION_SELECT = `SELECT l.id, l.email, l.role, l.created_at, l.expires_at, l.user_id, s.id AS school_id, s.name AS school_name, s.district, s.time_zone
  FROM account_link l LEFT JOIN school s ON s.id = l.school_id`;

function mapInvitation(r: InvitationRow): Invitation {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    createdAt: new Date(r.created_at),
    expiresAt: new Date(r.expires_at),
    accepted: r.user_id !== null,
    school: r.school_id ? { id: r.school_id, name: r.school_name!, district: r.district, timeZone: r.time_zone! } : null,
  };
}
