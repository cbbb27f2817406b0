import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { briefContent, newAssignment, newBrief } from './project-factories';
import type { TestApp } from './test-app';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A work attachment in the test app's local file store, uploaded by `uploadedById`. */
export async function newStoredImage(t: TestApp, uploadedById: string): Promise<string> {
  const id = randomUUID();
  const key = `originals/${id}`;
  mkdirSync(join(t.dataDir, 'files', 'originals'), { recursive: true });
  writeFileSync(join(t.dataDir, 'files', key), PNG);
  await t.dataSource.query(
    `INSERT INTO stored_file (id, uploaded_by_id, purpose, content_type, size_bytes, sha256, storage_key, width, height)
     VALUES ($1, $2, 'WORK_ATTACHMENT', 'image/png', $3, '', $4, 1, 1)`,
    [id, uploadedById, PNG.length, key],
  );
  return id;
}

/**
 * A graded project attempt of one pupil: a reflection whose text names `mention` (to see it
 * blanked), citing a collection object, with one image.
 */
export async function gradedAttempt(
  t: TestApp,
  opts: { classId: string; teacherId: string; pupilId: string; museumId: string; educatorId: string; objectId: string; mention: string; title?: { zh: string; en: string } },
): Promise<{ versionId: string; workId: string; fileId: string }> {
  const brief = await newBrief(t, { authorId: opts.educatorId, museumId: opts.museumId, content: briefContent(opts.title ? { title: opts.title } : {}) });
  const assignment = await newAssignment(t, { classId: opts.classId, briefId: brief.id, createdById: opts.teacherId });
  const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [assignment.id, opts.pupilId]);
  const fileId = await newStoredImage(t, opts.pupilId);
  const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `我是${opts.mention}，我在铜镜上看到了一条龙。` }] }] };
  const parts = [
    {
      partKey: 'REFLECTION',
      body,
      evidence: [{ id: randomUUID(), kind: 'COLLECTION_OBJECT', objectId: opts.objectId, observation: '龙的尾巴很长' }],
      attachmentIds: [fileId],
      revision: 1,
    },
  ];
  const [version] = await t.dataSource.query(
    `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at)
     VALUES ($1, 'PROJECT', 1, $2, $3, 'GRADED', false, now(), now()) RETURNING id`,
    [work.id, `key-${randomUUID()}`, JSON.stringify(parts)],
  );
  return { versionId: version.id, workId: work.id, fileId };
}
