import type { Queryable } from '../common/access.service';
import type { CreditStyle } from '../nominations/nomination.entity';

/**
 * Appends to a nomination's consent history inside the caller's transaction. Kept as a plain
 * function so nominations/ can call it without depending on this module's providers.
 * A withdrawal is written only when the consent stood until now: withdrawing twice leaves
 * one record, as the nomination keeps its first withdrawal time.
 */
export async function recordConsentChange(
  db: Queryable,
  entry: { nominationId: string; change: 'GIVEN'; creditStyle: CreditStyle; recordedById: string | null; note?: string | null } | { nominationId: string; change: 'WITHDRAWN'; recordedById: string | null },
): Promise<void> {
  if (entry.change === 'GIVEN') {
    await db.query(`INSERT INTO consent_record (nomination_id, change, credit_style, note, recorded_by_id) VALUES ($1, 'GIVEN', $2, $3, $4)`, [
      entry.nominationId,
      entry.creditStyle,
      entry.note ?? null,
      entry.recordedById,
    ]);
    return;
  }
  // The nomination's consent columns are as they were: withdrawing sets only consent_withdrawn_at.
  await backfillInitialConsent(db, entry.nominationId);
  // The audit log hears of it in the same statement, only when a withdrawal was recorded.
  await db.query(
    `WITH added AS (
       INSERT INTO consent_record (nomination_id, change, recorded_by_id)
       SELECT $1, 'WITHDRAWN', $2
        WHERE NOT EXISTS (SELECT 1 FROM (SELECT change FROM consent_record WHERE nomination_id = $1 ORDER BY recorded_at DESC, id DESC LIMIT 1) latest
                           WHERE latest.change = 'WITHDRAWN')
       RETURNING nomination_id)
     INSERT INTO audit_entry (actor_id, museum_id, action, subject_type, subject_id)
     SELECT $2, s.museum_id, 'CONSENT_WITHDRAWN', 'Nomination', added.nomination_id
       FROM added
       JOIN nomination n ON n.id = added.nomination_id
       JOIN work_version v ON v.id = n.version_id
       JOIN work w ON w.id = v.work_id
       JOIN assignment a ON a.id = w.assignment_id
       JOIN cohort c ON c.id = a.cohort_id
       JOIN school s ON s.id = c.school_id`,
    [entry.nominationId, entry.recordedById],
  );
}

/**
 * Nominations made before consent histories were kept carry their first consent only in their
 * own columns: it becomes the history's first record before anything is added after it.
 * Call before the nomination's columns change.
 */
export async function backfillInitialConsent(db: Queryable, nominationId: string): Promise<void> {
  await db.query(
    `INSERT INTO consent_record (nomination_id, change, credit_style, recorded_by_id, recorded_at)
     SELECT n.id, 'GIVEN', n.credit_style, (SELECT u.id FROM app_user u WHERE u.id = n.consent_recorded_by_id), n.consent_recorded_at
       FROM nomination n
      WHERE n.id = $1 AND n.guardian_consent AND NOT EXISTS (SELECT 1 FROM consent_record cr WHERE cr.nomination_id = n.id)`,
    [nominationId],
  );
}
