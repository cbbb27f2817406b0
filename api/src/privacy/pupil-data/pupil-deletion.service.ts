import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FORMER_PUPIL_NAME } from '@lmr/domain';
import { FILE_STORE, type FileStore } from '../../files/store/file-store';
import { SubscriptionSessionsService } from '../../notifications/subscription-sessions.service';

export interface DeletionOutcome {
  worksRemoved: number;
  teamWorksKept: number;
  filesRemoved: number;
  /** Storage keys to remove from the file store once the transaction has committed. */
  storageKeys: string[];
  /** The pupil's live sessions, whose open subscriptions close once the transaction has committed (`announceEnded`). */
  endedSessionIds: string[];
}

/**
 * A file may go when no surviving work uses it: `$2` lists the works being removed. Files of a
 * team's work stay with the team even when the leaving pupil uploaded them.
 */
const USED_BY_SURVIVING_WORK = `(EXISTS (SELECT 1 FROM work_part wp WHERE NOT (wp.work_id = ANY ($2::uuid[])) AND f.id = ANY (wp.attachment_ids))
  OR EXISTS (SELECT 1 FROM work_version wv WHERE NOT (wv.work_id = ANY ($2::uuid[]))
               AND wv.parts @> jsonb_build_array(jsonb_build_object('attachmentIds', jsonb_build_array(f.id::text)))))`;

/**
 * Removes a pupil and everything about them, inside the caller's transaction: the account,
 * class places, sessions, their own work with its attempts, feedback, nominations, consent
 * records and files (so the exhibition and certificates lose it at once). Team work stays
 * with the team, credited to "a former pupil": an account with that name and no school or
 * class takes the pupil's place in the team, so nothing links it to the child. Audit entries
 * about the pupil keep what happened and lose whom it was about.
 */
@Injectable()
export class PupilDeletionService {
  private readonly logger = new Logger('PupilDeletionService');

  constructor(
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly subscriptionSessions: SubscriptionSessionsService,
  ) {}

  async deleteInTransaction(tx: EntityManager, pupilId: string): Promise<DeletionOutcome> {
    const own: { id: string }[] = await tx.query(`SELECT id FROM work WHERE pupil_id = $1`, [pupilId]);
    const ownIds = own.map((w) => w.id);
    const files: { id: string; storage_key: string; thumbnail_key: string | null; surviving: boolean }[] = await tx.query(
      `SELECT f.id, f.storage_key, f.thumbnail_key, ${USED_BY_SURVIVING_WORK} AS surviving
         FROM stored_file f
        WHERE f.purpose = 'WORK_ATTACHMENT'
          AND (f.uploaded_by_id = $1
               OR EXISTS (SELECT 1 FROM work_part wp WHERE wp.work_id = ANY ($2::uuid[]) AND f.id = ANY (wp.attachment_ids))
               OR EXISTS (SELECT 1 FROM work_version wv WHERE wv.work_id = ANY ($2::uuid[])
                            AND wv.parts @> jsonb_build_array(jsonb_build_object('attachmentIds', jsonb_build_array(f.id::text)))))`,
      [pupilId, ownIds],
    );
    const removed = files.filter((f) => !f.surviving);
    const kept = files.filter((f) => f.surviving);
    const [{ team_works }] = await tx.query(
      `SELECT count(DISTINCT w.id)::int AS team_works FROM work w
        WHERE w.team_id IS NOT NULL
          AND (w.team_id IN (SELECT team_id FROM team_member WHERE pupil_id = $1)
               OR w.id IN (SELECT work_id FROM work_part WHERE updated_by_id = $1 UNION SELECT work_id FROM work_version WHERE submitted_by_id = $1))`,
      [pupilId],
    );

    const hasTeamTraces: { n: number }[] = await tx.query(
      `SELECT ((SELECT count(*) FROM team_member WHERE pupil_id = $1)
             + (SELECT count(*) FROM work_part wp JOIN work w ON w.id = wp.work_id WHERE wp.updated_by_id = $1 AND w.team_id IS NOT NULL)
             + (SELECT count(*) FROM work_version wv JOIN work w ON w.id = wv.work_id WHERE wv.submitted_by_id = $1 AND w.team_id IS NOT NULL))::int AS n`,
      [pupilId],
    );
    if (hasTeamTraces[0]!.n > 0 || kept.length > 0) {
      const [former] = await tx.query(
        `INSERT INTO app_user (role, display_name, disabled_at) VALUES ('PUPIL', $1, now()) RETURNING id`,
        [FORMER_PUPIL_NAME],
      );
      await tx.query(`UPDATE team_member SET pupil_id = $2 WHERE pupil_id = $1`, [pupilId, former.id]);
      await tx.query(`UPDATE work_part SET updated_by_id = $2 WHERE updated_by_id = $1 AND NOT (work_id = ANY ($3::uuid[]))`, [pupilId, former.id, ownIds]);
      await tx.query(`UPDATE work_version SET submitted_by_id = $2 WHERE submitted_by_id = $1 AND NOT (work_id = ANY ($3::uuid[]))`, [pupilId, former.id, ownIds]);
      // The name the file had on the child's device may be the child's name.
      await tx.query(`UPDATE stored_file SET uploaded_by_id = $2, original_name = NULL WHERE id = ANY ($1::uuid[])`, [kept.map((f) => f.id), former.id]);
    }

    // Audit entries keep what happened, not whom it was about.
    await tx.query(
      `UPDATE audit_entry SET subject_id = NULL
        WHERE subject_id = $1 OR (subject_type = 'Work' AND subject_id = ANY ($2::uuid[]))
           OR (subject_type = 'Nomination' AND subject_id IN (SELECT n.id FROM nomination n JOIN work_version v ON v.id = n.version_id WHERE v.work_id = ANY ($2::uuid[])))`,
      [pupilId, ownIds],
    );
    await tx.query(`UPDATE audit_entry SET actor_id = NULL WHERE actor_id = $1`, [pupilId]);
    // Teachers' notifications about the work name it by id only, but point at nothing once it is gone.
    await tx.query(`DELETE FROM notification WHERE work_id = ANY ($1::uuid[])`, [ownIds]);
    await tx.query(`DELETE FROM stored_file WHERE id = ANY ($1::uuid[])`, [removed.map((f) => f.id)]);
    // Cascades to parts, attempts, feedback, comments, check-ins, nominations, reviews and consent records.
    await tx.query(`DELETE FROM work WHERE id = ANY ($1::uuid[])`, [ownIds]);
    const sessions: { id: string }[] = await tx.query(`SELECT id FROM session WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`, [pupilId]);
    // Cascades to class places, sessions, upload tickets and the pupil's notifications.
    await tx.query(`DELETE FROM app_user WHERE id = $1`, [pupilId]);

    return {
      worksRemoved: ownIds.length,
      teamWorksKept: Number(team_works),
      filesRemoved: removed.length,
      storageKeys: removed.flatMap((f) => (f.thumbnail_key ? [f.storage_key, f.thumbnail_key] : [f.storage_key])),
      endedSessionIds: sessions.map((s) => s.id),
    };
  }

  /**
   * After the commit: the bytes go from the file store. A failure is logged with the key (the
   * rows are already gone, so nobody can open the file); the keys hold no personal data.
   */
  async removeStoredBytes(keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.store.delete(key).catch((err: unknown) => this.logger.error(`could not delete ${key} from the file store: ${String(err)}`));
    }
  }

  /**
   * After the commit: the deleted pupils' open subscriptions close, on every API process. Only
   * after it, so a deletion that rolls back leaves the pupil's live updates alone; the periodic
   * check in SubscriptionSessionsService closes anything an announcement misses.
   */
  async announceEnded(sessionIds: string[]): Promise<void> {
    await this.subscriptionSessions.sessionsEnded(sessionIds);
  }

  /** Helper for audit details: the counts only. */
  static details(outcome: DeletionOutcome, reason: 'ADMIN' | 'RETENTION') {
    return { reason, worksRemoved: outcome.worksRemoved, teamWorksKept: outcome.teamWorksKept, filesRemoved: outcome.filesRemoved };
  }
}
