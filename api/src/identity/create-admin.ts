import type { DataSource, EntityManager } from 'typeorm';
import { collapse } from '@lmr/domain';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { badInput, conflict } from '../common/errors';
import { hashToken, newToken } from '../common/tokens';
import { AccountLinkEntity } from './account-link.entity';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_MUSEUM_NAME = 200;

export interface CreateAdminInput {
  email: string;
  /** The museum's name in Chinese; needed when there is no museum yet, or to pick one of several. */
  museum?: string;
  museumEn?: string;
  city?: string;
  cityEn?: string;
  invitationDays: number;
}

export interface CreatedAdminInvitation {
  museum: { id: string; nameZh: string; nameEn: string; created: boolean };
  email: string;
  token: string;
  acceptPath: string;
  expiresAt: Date;
}

/**
 * The first admin of an install (or a new admin when every admin is locked out): the museum
 * if none exists, and a one-time invitation to an ADMIN account, the same kind of link an admin
 * sends staff. The person it is for chooses their own name and password on the portal's
 * accept-invitation page, so nobody else, not even the operator who ran the command, learns
 * the password. Only the token's hash is stored; a newer link for the same address replaces
 * an unused older one.
 */
export async function createAdminInvitation(dataSource: DataSource, input: CreateAdminInput): Promise<CreatedAdminInvitation> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) throw badInput('email', `"${input.email}" is not an email address`);
  const names = {
    zh: optionalName(input.museum, 'museum'),
    en: optionalName(input.museumEn, 'museum-en'),
    cityZh: optionalName(input.city, 'city'),
    cityEn: optionalName(input.cityEn, 'city-en'),
  };

  return dataSource.transaction(async (tx) => {
    // Two operators running the command at once must not make two first museums.
    await tx.query(`LOCK TABLE museum IN SHARE ROW EXCLUSIVE MODE`);
    const taken: unknown[] = await tx.query(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    if (taken.length > 0) {
      throw conflict(`there is already an account with ${email}; an admin can send it a password reset from the staff page`, { field: 'email' });
    }
    const museum = await findOrCreateMuseum(tx, names);
    const token = newToken();
    const expiresAt = new Date(Date.now() + input.invitationDays * 86400_000);
    await tx.query(`UPDATE account_link SET used_at = now() WHERE kind = 'INVITATION' AND email = $1 AND used_at IS NULL`, [email]);
    const inserted = await tx.getRepository(AccountLinkEntity).insert({
      kind: 'INVITATION',
      tokenHash: hashToken(token),
      email,
      role: 'ADMIN',
      schoolId: null,
      museumId: museum.id,
      createdById: null,
      expiresAt,
    });
    // No one is signed in: the audit entry has no actor and says where the invitation came from.
    await tx.getRepository(AuditEntryEntity).insert({
      actorId: null,
      museumId: museum.id,
      action: 'INVITATION_CREATED',
      subjectType: 'Invitation',
      subjectId: (inserted.identifiers[0] as { id: string }).id,
      details: { role: 'ADMIN', schoolId: null, via: 'create-admin' },
    });
    return { museum, email, token, acceptPath: `/accept-invitation?token=${token}`, expiresAt };
  });
}

function optionalName(raw: string | undefined, option: string): string | null {
  if (raw === undefined) return null;
  const name = collapse(raw);
  if (name === '') throw badInput(option, `--${option} is empty`);
  if ([...name].length > MAX_MUSEUM_NAME) throw badInput(option, `--${option} is longer than ${MAX_MUSEUM_NAME} characters`);
  return name;
}

async function findOrCreateMuseum(
  tx: EntityManager,
  names: { zh: string | null; en: string | null; cityZh: string | null; cityEn: string | null },
): Promise<CreatedAdminInvitation['museum']> {
  const museums: { id: string; name_zh: string; name_en: string }[] = await tx.query(`SELECT id, name_zh, name_en FROM museum ORDER BY created_at, id`);
  const wanted = [names.zh, names.en].filter((n): n is string => n !== null);
  if (museums.length === 0) {
    if (names.zh === null) throw badInput('museum', 'there is no museum yet: name it with --museum "<name in Chinese>" (and --museum-en "<name in English>")');
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO museum (name_zh, name_en, city_zh, city_en) VALUES ($1, $2, $3, $4) RETURNING id`,
      // Without an English name the English portal shows the Chinese one.
      [names.zh, names.en ?? names.zh, names.cityZh, names.cityEn],
    );
    return { id: rows[0]!.id, nameZh: names.zh, nameEn: names.en ?? names.zh, created: true };
  }
  const match = wanted.length === 0 ? (museums.length === 1 ? museums[0] : undefined) : museums.find((m) => wanted.includes(m.name_zh) || wanted.includes(m.name_en));
  if (!match) {
    // A typo must not quietly found a second museum.
    const list = museums.map((m) => `"${m.name_zh}" (${m.name_en})`).join(', ');
    throw badInput('museum', wanted.length === 0 ? `there are several museums: pick one with --museum (${list})` : `no museum here is called ${wanted.map((w) => `"${w}"`).join(' or ')}; there is ${list}`);
  }
  return { id: match.id, nameZh: match.name_zh, nameEn: match.name_en, created: false };
}
