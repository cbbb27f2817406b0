import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canEditDraft,
  canSubmitAfter,
  checkEvidence,
  diffLines,
  docText,
  isLate,
  MAX_ATTACHMENTS_PER_PART,
  nextStatus,
  PROJECT_SCOPE,
  REFLECTION_PART,
  sanitizeDoc,
  type EvidenceItem,
  type SubmissionStatus,
} from '@lmr/domain';
import { badInput, conflict, DomainError, forbidden, notFound } from '../common/errors';
import { isUniqueViolation } from '../common/db-errors';
import { isUuid } from '../common/ids';
import { FilesService } from '../files/files.service';
import type { Viewer } from '../common/viewer';
import type { EvidenceInput, SaveWorkPartInput } from './submissions.input';
import type { FrozenPart } from './work-content';
import { WorkPartEntity } from './work-part.entity';
import { WorkVersionEntity } from './work-version.entity';
import { mapPart, mapVersion, type PartChanges, type Work, type WorkPart, type WorkVersion } from './work.model';

type Db = Pick<EntityManager, 'query'>;

/**
 * Who may see a piece of work `w` (with its assignment `a`): its pupil, the members of its
 * team, and the teachers of the class. $1 is the viewer.
 */
export const WORK_VISIBLE = `(w.pupil_id = $1
  OR EXISTS (SELECT 1 FROM team_member tm WHERE tm.team_id = w.team_id AND tm.pupil_id = $1)
  OR EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1))`;

interface WorkRow {
  id: string;
  assignment_id: string;
  pupil_id: string | null;
  team_id: string | null;
  cohort_id: string;
  due_at: Date;
  milestone_due_at: Record<string, string>;
  brief_id: string;
  brief_version: number;
  is_teacher: boolean;
}

const MAX_IDEMPOTENCY_KEY = 100;

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FilesService,
  ) {}

  /** A piece of work the viewer may see; NOT_FOUND otherwise. `lock` takes the row for the transaction. */
  private async visibleWork(viewer: Viewer, workId: string, db: Db = this.dataSource, lock = false): Promise<WorkRow> {
    if (!isUuid(workId)) throw notFound('work');
    const rows: WorkRow[] = await db.query(
      `SELECT w.id, w.assignment_id, w.pupil_id, w.team_id, a.cohort_id, a.due_at, a.milestone_due_at, a.brief_id, a.brief_version,
              EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1) AS is_teacher
         FROM work w JOIN assignment a ON a.id = w.assignment_id
        WHERE w.id = $2 AND ${WORK_VISIBLE}${lock ? ' FOR UPDATE OF w' : ''}`,
      [viewer.id, workId],
    );
    if (!rows[0]) throw notFound('work');
    return rows[0];
  }

  /** The pupil's own work on an assignment (their team's, for team work), made on first opening. */
  async mine(viewer: Viewer, assignmentId: string): Promise<Work> {
    if (viewer.role !== 'PUPIL') throw forbidden('only pupils have their own work');
    if (!isUuid(assignmentId)) throw notFound('assignment');
    const id = await this.dataSource.transaction(async (tx) => {
      const rows: { mode: 'INDIVIDUAL' | 'TEAM'; team_id: string | null }[] = await tx.query(
        `SELECT a.mode, (SELECT tm.team_id FROM team_member tm WHERE tm.assignment_id = a.id AND tm.pupil_id = $1) AS team_id
           FROM assignment a
          WHERE a.id = $2 AND EXISTS (SELECT 1 FROM cohort_pupil cp WHERE cp.cohort_id = a.cohort_id AND cp.pupil_id = $1)`,
        [viewer.id, assignmentId],
      );
      const a = rows[0];
      if (!a) throw notFound('assignment');
      if (a.mode === 'TEAM' && !a.team_id) throw forbidden('join a team first');
      const owner = a.mode === 'TEAM' ? { column: 'team_id', value: a.team_id } : { column: 'pupil_id', value: viewer.id };
      await tx.query(
        `INSERT INTO work (assignment_id, ${owner.column}) VALUES ($1, $2) ON CONFLICT (assignment_id, ${owner.column}) WHERE ${owner.column} IS NOT NULL DO NOTHING`,
        [assignmentId, owner.value],
      );
      const [row] = await tx.query(`SELECT id FROM work WHERE assignment_id = $1 AND ${owner.column} = $2`, [assignmentId, owner.value]);
      return row.id as string;
    });
    return this.get(viewer, id);
  }

  async get(viewer: Viewer, workId: string): Promise<Work> {
    const work = await this.visibleWork(viewer, workId);
    const parts = await this.dataSource.getRepository(WorkPartEntity).find({ where: { workId }, order: { partKey: 'ASC' } });
    const versions = await this.dataSource.getRepository(WorkVersionEntity).find({ where: { workId }, order: { submittedAt: 'DESC', attempt: 'DESC' } });
    const latestProject = versions.find((v) => v.scope === PROJECT_SCOPE)?.status ?? null;
    return {
      id: work.id,
      assignmentId: work.assignment_id,
      pupilId: work.pupil_id,
      teamId: work.team_id,
      editable: !work.is_teacher && canEditDraft(latestProject),
      parts: parts.map(mapPart),
      versions: versions.map(mapVersion),
    };
  }

  private async partKeys(db: Db, work: WorkRow): Promise<Set<string>> {
    const [row] = await db.query(`SELECT content FROM project_brief_version WHERE brief_id = $1 AND version = $2`, [work.brief_id, work.brief_version]);
    return new Set<string>([...row.content.milestones.map((m: { key: string }) => m.key), REFLECTION_PART]);
  }

  private async latestStatus(db: Db, workId: string, scope: string): Promise<SubmissionStatus | null> {
    const rows: { status: SubmissionStatus }[] = await db.query(
      `SELECT status FROM work_version WHERE work_id = $1 AND scope = $2 ORDER BY attempt DESC LIMIT 1`,
      [workId, scope],
    );
    return rows[0]?.status ?? null;
  }

  /**
   * Saves one part of the draft if nobody saved it since `baseRevision`; otherwise answers
   * CONFLICT carrying the part as it is now, so the pupil can keep one or merge by hand.
   */
  async savePart(viewer: Viewer, input: SaveWorkPartInput): Promise<WorkPart> {
    if (viewer.role !== 'PUPIL') throw forbidden('only pupils write their work');
    const sanitized = sanitizeDoc(input.body);
    if (!sanitized.ok) throw badInput('body', sanitized.problem === 'TOO_LONG' ? 'the text is too long' : 'the text is not a document');
    const evidence = checkEvidence((input.evidence ?? []) as EvidenceInput[]);
    if (evidence.problems.length > 0) {
      const p = evidence.problems[0]!;
      throw badInput(`evidence.${p.index}.${p.field}`, `evidence ${p.index + 1}: ${p.field} ${p.problem.toLowerCase()}`, { problems: evidence.problems });
    }
    const attachmentIds = [...new Set((input.attachmentIds ?? []).map((id) => id.toLowerCase()))];
    if (attachmentIds.length > MAX_ATTACHMENTS_PER_PART) throw badInput('attachmentIds', `at most ${MAX_ATTACHMENTS_PER_PART} attachments`);
    if (!Number.isInteger(input.baseRevision) || input.baseRevision < 0) throw badInput('baseRevision', 'baseRevision is a revision this part had');

    return this.dataSource.transaction(async (tx) => {
      const work = await this.visibleWork(viewer, input.workId, tx, true);
      if (!(await this.partKeys(tx, work)).has(input.partKey)) throw badInput('partKey', 'no such part in this assignment');
      if (!canEditDraft(await this.latestStatus(tx, work.id, PROJECT_SCOPE))) throw forbidden('the work waits for the teacher; take it back to change it');
      await this.checkObjects(tx, evidence.items);
      await this.checkAttachments(tx, viewer, attachmentIds);

      const current = await tx.findOneBy(WorkPartEntity, { workId: work.id, partKey: input.partKey });
      const currentRevision = current?.revision ?? 0;
      if (currentRevision !== input.baseRevision) {
        throw conflict('this part was saved elsewhere since you started', {
          field: 'baseRevision',
          current: current ? mapPart(current) : null,
        });
      }
      const values = { body: sanitized.doc, evidence: evidence.items, attachmentIds, revision: currentRevision + 1, updatedById: viewer.id };
      if (current) {
        await tx.update(WorkPartEntity, { workId: work.id, partKey: input.partKey, revision: currentRevision }, values);
      } else {
        await tx.insert(WorkPartEntity, { workId: work.id, partKey: input.partKey, ...values });
      }
      await tx.query(`UPDATE work SET updated_at = now() WHERE id = $1`, [work.id]);
      return mapPart((await tx.findOneByOrFail(WorkPartEntity, { workId: work.id, partKey: input.partKey })));
    });
  }

  private async checkObjects(tx: Db, items: EvidenceItem[]) {
    const ids = [...new Set(items.flatMap((i) => (i.kind === 'COLLECTION_OBJECT' ? [i.objectId] : [])))];
    if (ids.length === 0) return;
    const found: { id: string }[] = await tx.query(`SELECT id FROM collection_object WHERE id = ANY($1::uuid[])`, [ids]);
    const known = new Set(found.map((r) => r.id));
    const index = items.findIndex((i) => i.kind === 'COLLECTION_OBJECT' && !known.has(i.objectId));
    if (index >= 0) throw badInput(`evidence.${index}.objectId`, 'the cited object is not in the collection');
  }

  /** Attachments must be files the pupil may read already: their own uploads, or files on their work. */
  private async checkAttachments(tx: EntityManager, viewer: Viewer, ids: string[]) {
    if (ids.length === 0) return;
    const allowed = await this.files.attachableIds(viewer, ids, tx);
    if (allowed.length !== ids.length) throw badInput('attachmentIds', 'an attachment is not a file you uploaded');
  }

  /**
   * Freezes the project (or one milestone) as the next attempt. The same idempotency key
   * always answers with the same attempt, however often and however concurrently it is sent.
   */
  async submit(viewer: Viewer, workId: string, scope: string, idempotencyKey: string): Promise<WorkVersion> {
    if (viewer.role !== 'PUPIL') throw forbidden('only pupils submit their work');
    const key = idempotencyKey.trim();
    if (key === '' || key.length > MAX_IDEMPOTENCY_KEY) throw badInput('idempotencyKey', `idempotencyKey has 1 to ${MAX_IDEMPOTENCY_KEY} characters`);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const work = await this.visibleWork(viewer, workId, tx, true);
        const existing = await tx.findOneBy(WorkVersionEntity, { workId: work.id, idempotencyKey: key });
        if (existing) return mapVersion(existing);
        const keys = await this.partKeys(tx, work);
        if (scope !== PROJECT_SCOPE && (!keys.has(scope) || scope === REFLECTION_PART)) throw badInput('scope', 'scope is PROJECT or a milestone key');
        const latest = await this.latestStatus(tx, work.id, scope);
        if (!canSubmitAfter(latest)) throw conflict('this is already submitted', { field: 'scope', status: latest });
        if (scope !== PROJECT_SCOPE && !canSubmitAfter(await this.latestStatus(tx, work.id, PROJECT_SCOPE))) {
          throw conflict('the whole project is already submitted', { field: 'scope' });
        }
        const parts = await tx.find(WorkPartEntity, { where: { workId: work.id }, order: { partKey: 'ASC' } });
        const frozen: FrozenPart[] = parts
          .filter((p) => scope === PROJECT_SCOPE || p.partKey === scope)
          .map((p) => ({ partKey: p.partKey, body: p.body, evidence: p.evidence, attachmentIds: p.attachmentIds, revision: p.revision }));
        if (frozen.every((p) => docText(p.body).trim() === '' && p.evidence.length === 0 && p.attachmentIds.length === 0)) {
          throw badInput('scope', 'there is nothing to submit yet');
        }
        const [{ next }] = await tx.query(`SELECT COALESCE(MAX(attempt), 0) + 1 AS next FROM work_version WHERE work_id = $1 AND scope = $2`, [work.id, scope]);
        const now = new Date();
        const dueIso = scope === PROJECT_SCOPE ? null : work.milestone_due_at[scope];
        const due = dueIso ? new Date(dueIso) : new Date(work.due_at);
        await tx.query(`UPDATE work SET updated_at = now() WHERE id = $1`, [work.id]);
        const saved = await tx.save(
          tx.create(WorkVersionEntity, {
            workId: work.id,
            scope,
            attempt: Number(next),
            idempotencyKey: key,
            parts: frozen,
            status: 'SUBMITTED',
            late: isLate(now, due),
            submittedAt: now,
            submittedById: viewer.id,
            openedAt: null,
            statusChangedAt: now,
          }),
        );
        return mapVersion(saved);
      });
    } catch (err) {
      // Two requests with one key raced past the check: the unique index kept one; answer with it.
      if (isUniqueViolation(err)) {
        const existing = await this.dataSource.getRepository(WorkVersionEntity).findOneBy({ workId, idempotencyKey: key });
        if (existing) return mapVersion(existing);
      }
      throw err;
    }
  }

  private async visibleVersion(viewer: Viewer, versionId: string, manager: EntityManager, lock = false): Promise<{ version: WorkVersionEntity; work: WorkRow }> {
    if (!isUuid(versionId)) throw notFound('submission');
    const version = await manager.findOneBy(WorkVersionEntity, { id: versionId });
    if (!version) throw notFound('submission');
    const work = await this.visibleWork(viewer, version.workId, manager, lock).catch((err: unknown) => {
      throw err instanceof DomainError && err.code === 'NOT_FOUND' ? notFound('submission') : err;
    });
    return { version, work };
  }

  async version(viewer: Viewer, versionId: string): Promise<WorkVersion> {
    return mapVersion((await this.visibleVersion(viewer, versionId, this.dataSource.manager)).version);
  }

  /** The pupil takes an attempt back while no teacher has opened it. */
  async withdraw(viewer: Viewer, versionId: string): Promise<WorkVersion> {
    return this.dataSource.transaction(async (tx) => {
      const { version, work } = await this.visibleVersion(viewer, versionId, tx, true);
      if (work.is_teacher || viewer.role !== 'PUPIL') throw forbidden('only the pupil takes work back');
      const next = nextStatus(version.status, 'WITHDRAW', { openedByTeacher: version.openedAt !== null });
      if (!next) throw conflict('the teacher has opened this work already', { status: version.status, opened: version.openedAt !== null });
      await tx.update(WorkVersionEntity, { id: version.id }, { status: next, statusChangedAt: new Date() });
      return mapVersion(await tx.findOneByOrFail(WorkVersionEntity, { id: version.id }));
    });
  }

  /** A teacher opens a submitted attempt (the grading view does this); the pupil can no longer take it back. */
  async open(viewer: Viewer, versionId: string): Promise<WorkVersion> {
    return this.dataSource.transaction(async (tx) => {
      const { version, work } = await this.visibleVersion(viewer, versionId, tx, true);
      if (!work.is_teacher) throw forbidden('only the class’s teachers open submissions');
      if (version.openedAt === null) await tx.update(WorkVersionEntity, { id: version.id }, { openedAt: new Date() });
      return mapVersion(await tx.findOneByOrFail(WorkVersionEntity, { id: version.id }));
    });
  }

  /** What changed between two attempts of the same work, part by part. */
  async compare(viewer: Viewer, fromId: string, toId: string): Promise<PartChanges[]> {
    const from = await this.visibleVersion(viewer, fromId, this.dataSource.manager);
    const to = await this.visibleVersion(viewer, toId, this.dataSource.manager);
    if (from.version.workId !== to.version.workId) throw badInput('toVersionId', 'both attempts must be of the same work');
    const text = (parts: FrozenPart[], key: string) => {
      const part = parts.find((p) => p.partKey === key);
      if (!part) return '';
      const evidence = part.evidence.map((e) => (e.kind === 'COLLECTION_OBJECT' ? `[${e.objectId}] ${e.observation}` : `[${e.title}] ${e.note ?? ''}`));
      return [docText(part.body), ...evidence].join('\n');
    };
    const keys = [...new Set([...from.version.parts.map((p) => p.partKey), ...to.version.parts.map((p) => p.partKey)])].sort();
    return keys.map((partKey) => ({ partKey, lines: diffLines(text(from.version.parts, partKey), text(to.version.parts, partKey)) }));
  }
}
