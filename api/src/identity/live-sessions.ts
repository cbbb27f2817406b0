import type { EntityManager } from 'typeorm';

/** What makes a session usable: not revoked, not over, and its account not disabled (s = session, u = app_user). */
export const LIVE = `s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`;

/**
 * Which of these sessions can still be used, in one statement however many there are. A
 * plain function, so the notifications side can ask without depending on this module.
 */
export async function liveSessionIds(db: Pick<EntityManager, 'query'>, sessionIds: string[]): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const rows: { id: string }[] = await db.query(
    `SELECT s.id FROM session s JOIN app_user u ON u.id = s.user_id WHERE s.id = ANY ($1::uuid[]) AND ${LIVE}`,
    [sessionIds],
  );
  return new Set(rows.map((r) => r.id));
}
