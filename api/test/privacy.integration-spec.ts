import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { unzipSync, strFromU8 } from 'fflate';
import pg from 'pg';
import { FORMER_PUPIL_NAME } from '@lmr/domain';
import { loadConfig } from '../src/config/config';
import { RETENTION_INTERVAL_MS, RetentionService } from '../src/privacy/pupil-data/retention.service';
import { newClass, newPupil, newSchool, newWorld, signInPupil, signInStaff, type World } from './factories';
import { newAssignment, newBrief, newTeam } from './project-factories';
import { newStoredImage, PNG } from './review-factories';
import {
  foreignKeys,
  idColumnsWithoutForeignKey,
  keyOf,
  primaryKeys,
  richPupil,
  rowsReachableFrom,
  storedBytesExist,
  tablesReferringToUsers,
  type ForeignKey,
  type RichPupil,
} from './privacy-fixtures';
import { createTestApp, type TestApp } from './test-app';

/**
 * Id columns the schema keeps without a foreign key, and what the privacy code does with each.
 * A new one fails the test until it is added here, having been looked at.
 */
const ID_COLUMNS_WITHOUT_FK: Record<string, string> = {
  'audit_entry.actor_id': 'a person: exported; nulled when that person is deleted',
  'audit_entry.museum_id': 'a museum',
  'audit_entry.subject_id': 'a pupil, work, class…: exported; nulled when the pupil or the work is deleted',
  'nomination.consent_recorded_by_id': 'a member of staff, never a pupil (consent_record keeps the history)',
  'notification.assignment_id': 'an assignment',
  'notification.version_id': 'an attempt (the notification goes with the work, below)',
  'notification.work_id': "a work: a teacher's notifications about a deleted work are deleted with it",
  'project_brief.copied_from_id': 'a brief',
  'team_member.assignment_id': "the team's assignment (kept beside team_id for a unique index)",
  'upload_ticket.file_id': 'a file; tickets go with their user',
  'work_part.attachment_ids': 'files: exported and deleted with the work unless a surviving work uses them',
};

function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

interface ExportedRecord {
  format: string;
  exportedAt: string;
  pupilId: string;
  tables: Record<string, Record<string, unknown>[]>;
}

describe("children's data: export, deletion, consent, staff reads and retention", () => {
  let t: TestApp;
  let w: World;
  let fks: ForeignKey[];
  let pks: Map<string, string[]>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    fks = await foreignKeys(t);
    pks = await primaryKeys(t);
    for (const who of ['teacher', 'colleague', 'otherSchoolTeacher', 'educator', 'admin'] as const) tokens[who] = await signInStaff(t, w[who]);
    tokens.pupil = await signInPupil(t, w.pupil);
  });

  afterAll(async () => {
    await t?.close();
  });

  const rich = () => richPupil(t, { cls: w.cls, teacher: w.teacher, educator: w.educator, museumId: w.museum.id, teammate: w.classmate });

  async function download(pupilId: string, token?: string) {
    let req = t.http().get(`/exports/pupils/${pupilId}/record.zip`).buffer(true).parse(binary as never);
    if (token) req = req.set('authorization', `Bearer ${token}`);
    return req;
  }

  describe('export', () => {
    let p: RichPupil;
    let record: ExportedRecord;
    let zip: Record<string, Uint8Array>;

    beforeAll(async () => {
      p = await rich();
      // Reads a teacher made before the export are in it.
      const read = await t.gql(`query ($id: ID!) { work(id: $id) { id } }`, { id: p.soloWorkId }, { token: tokens.teacher });
      expect(read.errors).toBeUndefined();
      await t.gql(
        `mutation ($input: RecordConsentInput!) { recordGuardianConsent(input: $input) { nomination { id } } }`,
        { input: { nominationId: p.nominationId, creditStyle: 'FULL_NAME', note: 'signed form' } },
        { token: tokens.teacher },
      );
      const res = await download(p.pupil.id, tokens.teacher);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['cache-control']).toContain('no-store');
      zip = unzipSync(new Uint8Array(res.body as Buffer));
      record = JSON.parse(strFromU8(zip['record.json']!));
    });

    it('has every table that refers to a user, found from the schema', async () => {
      const tables = tablesReferringToUsers(fks);
      expect(tables.size).toBeGreaterThan(20);
      for (const table of tables) expect(Object.keys(record.tables)).toContain(table);
      expect(record.format).toBe('lmr-pupil-record/1');
      expect(record.pupilId).toBe(p.pupil.id);
    });

    it('knows every id column kept without a foreign key', async () => {
      expect(await idColumnsWithoutForeignKey(t)).toEqual(Object.keys(ID_COLUMNS_WITHOUT_FK).sort());
    });

    it('holds every row the schema links to the pupil, through foreign keys transitively', async () => {
      const owned = await rowsReachableFrom(t, p.pupil.id, fks, pks);
      // The fixture reaches far: the check is only as good as the rows it finds.
      for (const table of ['cohort_pupil', 'session', 'upload_ticket', 'stored_file', 'team_member', 'work', 'work_part', 'work_version', 'feedback', 'feedback_comment', 'check_in', 'nomination', 'nomination_review', 'consent_record', 'notification']) {
        expect([table, owned.get(table)?.size ?? 0]).not.toEqual([table, 0]);
      }
      for (const [table, keys] of owned) {
        const pk = pks.get(table)!;
        const exported = new Set((record.tables[table] ?? []).map((row) => keyOf(row, pk)));
        for (const key of keys) expect([table, exported.has(key) ? key : 'missing']).toEqual([table, key]);
      }
    });

    it('holds the rows that name the pupil without a foreign key: audit entries and reads of their work', async () => {
      const about: { id: string }[] = await t.dataSource.query(
        `SELECT id FROM audit_entry WHERE (subject_id = $1 OR actor_id = $1 OR subject_id = ANY ($2::uuid[])) AND created_at < $3`,
        [p.pupil.id, [p.soloWorkId, p.teamWorkId, p.nominationId], record.exportedAt],
      );
      expect(about.length).toBeGreaterThanOrEqual(3);
      expect(record.tables.audit_entry!.some((a) => a.action === 'CONSENT_RECORDED' && a.subject_id === p.nominationId)).toBe(true);
      const exported = new Set(record.tables.audit_entry!.map((a) => a.id));
      for (const a of about) expect(exported.has(a.id)).toBe(true);
      expect(record.tables.audit_entry!.some((a) => a.action === 'PUPIL_WORK_VIEWED' && a.subject_id === p.soloWorkId)).toBe(true);
    });

    it('holds the files and leaves secrets out', () => {
      const files = Object.keys(zip).filter((name) => name.startsWith('files/'));
      expect(files.length).toBe(3);
      expect(files.some((f) => f.startsWith(`files/${p.soloFileId}-`) && f.endsWith(p.fileName))).toBe(true);
      for (const f of files) expect(Buffer.from(zip[f]!).equals(PNG)).toBe(true);
      const text = strFromU8(zip['record.json']!);
      expect(text).toContain(p.soloMarker);
      expect(text).toContain(p.teamMarker);
      expect(text).not.toContain(p.pupil.code);
      expect(record.tables.session![0]).not.toHaveProperty('token_hash');
      expect(record.tables.cohort_pupil![0]).not.toHaveProperty('sign_in_code');
    });

    it('is recorded in the audit log', async () => {
      const rows = await t.dataSource.query(`SELECT actor_id FROM audit_entry WHERE action = 'PUPIL_RECORD_EXPORTED' AND subject_id = $1`, [p.pupil.id]);
      expect(rows).toEqual([{ actor_id: w.teacher.id }]);
    });

    it('is for the teachers of the pupil’s classes and the museum’s admins; anyone else finds nothing', async () => {
      expect((await download(p.pupil.id, tokens.admin)).status).toBe(200);
      for (const who of ['colleague', 'otherSchoolTeacher']) {
        const res = await download(p.pupil.id, tokens[who]);
        expect([who, res.status, JSON.parse(res.body.toString()).code]).toEqual([who, 404, 'NOT_FOUND']);
      }
      expect((await download('00000000-0000-4000-8000-000000000000', tokens.teacher)).status).toBe(404);
      expect((await download('not-an-id', tokens.teacher)).status).toBe(404);
      expect((await download(p.pupil.id, tokens.educator)).status).toBe(401);
      expect((await download(p.pupil.id, tokens.pupil)).status).toBe(401);
      expect((await download(p.pupil.id)).status).toBe(401);
      // The portal's cookie works as well as a Bearer token.
      const res = await t.http().get(`/exports/pupils/${p.pupil.id}/record.zip`).set('cookie', `lmr_session=${tokens.teacher}`);
      expect(res.status).toBe(200);
    });
  });

  describe('deletion', () => {
    let p: RichPupil;
    const DELETE = `mutation ($input: DeletePupilInput!) { deletePupil(input: $input) { deletedPupilId worksRemoved teamWorksKept filesRemoved } }`;

    beforeAll(async () => {
      p = await rich();
      await t.gql(`query ($id: ID!) { gradebook(classId: $id) { columns { assignmentId } } }`, { id: w.cls.id }, { token: tokens.teacher });
      // An audit entry about the pupil's nomination, which only its id links to the pupil.
      const consent = await t.gql(
        `mutation ($input: RecordConsentInput!) { recordGuardianConsent(input: $input) { nomination { id } } }`,
        { input: { nominationId: p.nominationId, creditStyle: 'ANONYMOUS' } },
        { token: tokens.teacher },
      );
      expect(consent.errors).toBeUndefined();
    });

    it('is for admins, after typing the pupil’s name; nothing changes otherwise', async () => {
      const teacher = await t.gql(DELETE, { input: { pupilId: p.pupil.id, confirmName: p.pupil.displayName } }, { token: tokens.teacher });
      expect(teacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const typo = await t.gql(DELETE, { input: { pupilId: p.pupil.id, confirmName: 'someone else' } }, { token: tokens.admin });
      expect(typo.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'confirmName' });
      const otherMuseum = await t.gql(DELETE, { input: { pupilId: '00000000-0000-4000-8000-000000000000', confirmName: 'x' } }, { token: tokens.admin });
      expect(otherMuseum.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE id = $1`, [p.pupil.id])).toHaveLength(1);
    });

    it('removes the pupil, their own work and files everywhere, and keeps team work for a former pupil', async () => {
      const before: { storage_key: string }[] = await t.dataSource.query(`SELECT storage_key FROM stored_file WHERE id = ANY ($1::uuid[])`, [[p.soloFileId, p.draftFileId]]);
      expect(before).toHaveLength(2);
      const res = await t.gql(DELETE, { input: { pupilId: p.pupil.id, confirmName: ` ${p.pupil.displayName} ` } }, { token: tokens.admin });
      expect(res.errors).toBeUndefined();
      expect(res.data!.deletePupil).toEqual({ deletedPupilId: p.pupil.id, worksRemoved: 1, teamWorksKept: 1, filesRemoved: 2 });

      // Nothing personal anywhere: every table of the schema, every column, as text.
      const tables: { table_name: string }[] = await t.dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
      const needles = [p.pupil.id, p.pupil.displayName, p.studentNumber, p.soloMarker, p.fileName, p.soloWorkId, p.nominationId, p.slug];
      for (const { table_name } of tables) {
        for (const needle of needles) {
          const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE x::text LIKE '%' || $1 || '%'`, [needle]);
          expect([table_name, needle, n]).toEqual([table_name, needle, 0]);
        }
      }
      // The bytes are gone from the file store; the team's file stays with the team.
      expect(storedBytesExist(t, p.soloFileId)).toBe(false);
      expect(storedBytesExist(t, p.draftFileId)).toBe(false);
      expect(storedBytesExist(t, p.teamFileId)).toBe(true);

      const team: { display_name: string; school_id: string | null; body: string }[] = await t.dataSource.query(
        `SELECT u.display_name, u.school_id, wp.body::text AS body FROM work w
           JOIN team_member tm ON tm.team_id = w.team_id JOIN app_user u ON u.id = tm.pupil_id
           JOIN work_part wp ON wp.work_id = w.id AND wp.updated_by_id = u.id
          WHERE w.id = $1`,
        [p.teamWorkId],
      );
      expect(team).toHaveLength(1);
      expect(team[0]).toMatchObject({ display_name: FORMER_PUPIL_NAME, school_id: null });
      expect(team[0]!.body).toContain(p.teamMarker);
    });

    it('takes the work out of the exhibition and its certificate away', async () => {
      const shown = await t.gql(`query ($slug: String!) { exhibitionWork(slug: $slug) { slug } }`, { slug: p.slug });
      expect(shown.data?.exhibitionWork ?? null).toBeNull();
      const certificate = await t.http().get(`/certificates/${p.nominationId}.pdf`).set('authorization', `Bearer ${tokens.teacher}`);
      expect(certificate.status).toBe(404);
    });

    it('leaves an audit entry that a deletion happened, without whom it was about', async () => {
      const rows = await t.dataSource.query(`SELECT actor_id, subject_type, subject_id, details FROM audit_entry WHERE action = 'PUPIL_DELETED'`);
      expect(rows).toEqual([
        { actor_id: w.admin.id, subject_type: 'Pupil', subject_id: null, details: { reason: 'ADMIN', worksRemoved: 1, teamWorksKept: 1, filesRemoved: 2 } },
      ]);
      const added = await t.dataSource.query(`SELECT subject_id FROM audit_entry WHERE action = 'PUPIL_ADDED' AND subject_type = 'Pupil' AND subject_id IS NULL`);
      expect(added.length).toBeGreaterThanOrEqual(1);
    });

    it('leaves no row pointing at the pupil through any foreign key or id column', async () => {
      const userColumns = fks.filter((fk) => fk.parent === 'app_user').map((fk) => `${fk.table}.${fk.columns[0]}`);
      for (const column of [...userColumns, 'audit_entry.actor_id', 'audit_entry.subject_id', 'nomination.consent_recorded_by_id']) {
        const [table, name] = column.split('.');
        const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${table}" WHERE "${name}" = $1`, [p.pupil.id]);
        expect([column, n]).toEqual([column, 0]);
      }
    });
  });

  describe('guardian consent', () => {
    const PUPIL_PRIVACY = `query ($id: ID!) { pupilPrivacy(pupilId: $id) { id displayName canDelete exportUrl workCount
      nominations { id state consentStands exhibited creditStyle consentHistory { change creditStyle note recordedByName recordedAt } } } }`;
    const RECORD = `mutation ($input: RecordConsentInput!) { recordGuardianConsent(input: $input) { nomination { id consentStands exhibited consentHistory { change } } } }`;
    const WITHDRAW = `mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { nomination { id state } } }`;
    const HISTORY = `query ($id: ID!) { consentHistory(nominationId: $id) { change creditStyle recordedByName } }`;

    it('keeps a history; withdrawal takes the work out of the exhibition at once and a new consent brings it back', async () => {
      const p = await rich();
      const shown = () => t.gql(`query ($slug: String!) { exhibitionWork(slug: $slug) { slug credit { en } } }`, { slug: p.slug });
      expect((await shown()).data?.exhibitionWork?.slug).toBe(p.slug);

      const withdrawn = await t.gql(WITHDRAW, { input: { nominationId: p.nominationId } }, { token: tokens.teacher });
      expect(withdrawn.data?.withdrawConsent.nomination.state).toBe('CONSENT_WITHDRAWN');
      expect((await shown()).data?.exhibitionWork ?? null).toBeNull();
      await t.gql(WITHDRAW, { input: { nominationId: p.nominationId } }, { token: tokens.admin });
      const withdrawals = await t.dataSource.query(`SELECT actor_id, museum_id FROM audit_entry WHERE action = 'CONSENT_WITHDRAWN' AND subject_id = $1`, [p.nominationId]);
      expect(withdrawals).toEqual([{ actor_id: w.teacher.id, museum_id: w.museum.id }]);

      const again = await t.gql(RECORD, { input: { nominationId: p.nominationId, creditStyle: 'ANONYMOUS', note: 'signed form' } }, { token: tokens.teacher });
      expect(again.errors).toBeUndefined();
      expect(again.data!.recordGuardianConsent.nomination).toMatchObject({ consentStands: true, exhibited: true });
      expect((await shown()).data?.exhibitionWork?.credit.en).toBe('A young researcher');

      const page = await t.gql(PUPIL_PRIVACY, { id: p.pupil.id }, { token: tokens.teacher });
      expect(page.errors).toBeUndefined();
      expect(page.data!.pupilPrivacy).toMatchObject({ id: p.pupil.id, canDelete: false, exportUrl: `/exports/pupils/${p.pupil.id}/record.zip` });
      const history = page.data!.pupilPrivacy.nominations.find((n: { id: string }) => n.id === p.nominationId).consentHistory;
      expect(history.map((h: { change: string; creditStyle: string | null; note: string | null }) => [h.change, h.creditStyle, h.note])).toEqual([
        ['GIVEN', 'FULL_NAME', null],
        ['WITHDRAWN', null, null],
        ['GIVEN', 'ANONYMOUS', 'signed form'],
      ]);
      expect(history[0].recordedByName).toBeTruthy();

      const colleague = await t.gql(HISTORY, { id: p.nominationId }, { token: tokens.colleague });
      expect(colleague.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const admin = await t.gql(HISTORY, { id: p.nominationId }, { token: tokens.admin });
      expect(admin.data?.consentHistory).toHaveLength(3);
      const tooLong = await t.gql(RECORD, { input: { nominationId: p.nominationId, creditStyle: 'ANONYMOUS', note: 'x'.repeat(201) } }, { token: tokens.teacher });
      expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    });

    it('keeps the first consent of a nomination made before histories were kept', async () => {
      const p = await rich();
      await t.dataSource.query(`DELETE FROM consent_record WHERE nomination_id = $1`, [p.nominationId]);
      const before = await t.gql(HISTORY, { id: p.nominationId }, { token: tokens.teacher });
      expect(before.data?.consentHistory).toEqual([{ change: 'GIVEN', creditStyle: 'FULL_NAME', recordedByName: expect.any(String) }]);
      await t.gql(WITHDRAW, { input: { nominationId: p.nominationId } }, { token: tokens.teacher });
      const after = await t.gql(HISTORY, { id: p.nominationId }, { token: tokens.teacher });
      expect(after.data?.consentHistory.map((h: { change: string; creditStyle: string | null }) => [h.change, h.creditStyle])).toEqual([
        ['GIVEN', 'FULL_NAME'],
        ['WITHDRAWN', null],
      ]);
    });

    it('is recorded when a teacher nominates with consent', async () => {
      const pupil = await newPupil(t, w.cls);
      const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
      const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
      const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [assignment.id, pupil.id]);
      const [version] = await t.dataSource.query(
        `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at) VALUES ($1, 'PROJECT', 1, 'k', '[]', 'GRADED', false, now(), now()) RETURNING id`,
        [work.id],
      );
      const res = await t.gql(
        `mutation ($input: NominateWorkInput!) { nominateWork(input: $input) { nomination { id } } }`,
        { input: { versionId: version.id, statement: 'Careful', guardianConsent: true, creditStyle: 'FULL_NAME' } },
        { token: tokens.teacher },
      );
      const history = await t.gql(HISTORY, { id: res.data!.nominateWork.nomination.id }, { token: tokens.teacher });
      expect(history.data?.consentHistory).toEqual([{ change: 'GIVEN', creditStyle: 'FULL_NAME', recordedByName: expect.any(String) }]);
    });
  });

  describe("staff reads of a pupil's work and grades", () => {
    const LOG = `query ($id: ID!) { pupilAccessLog(pupilId: $id, first: 50) { edges { node { action actorId actorName subjectType details } } } }`;

    it('are in the audit log, one entry a read, for admins to see per pupil', async () => {
      const pupil = await newPupil(t, w.cls);
      const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
      const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
      const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [assignment.id, pupil.id]);
      const [version] = await t.dataSource.query(
        `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at) VALUES ($1, 'PROJECT', 1, 'k', '[]', 'SUBMITTED', false, now(), now()) RETURNING id`,
        [work.id],
      );
      const before: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry`);

      expect((await t.gql(`query ($id: ID!) { work(id: $id) { id } }`, { id: work.id }, { token: tokens.teacher })).errors).toBeUndefined();
      expect((await t.gql(`query ($id: ID!) { workVersion(id: $id) { id } }`, { id: version.id }, { token: tokens.teacher })).errors).toBeUndefined();
      expect((await t.gql(`query ($id: ID!) { gradingView(versionId: $id) { ownerName } }`, { id: version.id }, { token: tokens.teacher })).errors).toBeUndefined();
      expect((await t.gql(`query ($id: ID!) { classProgress(assignmentId: $id) { assignmentId } }`, { id: assignment.id }, { token: tokens.teacher })).errors).toBeUndefined();
      expect((await t.http().get(`/exports/classes/${w.cls.id}/gradebook.csv`).set('authorization', `Bearer ${tokens.teacher}`)).status).toBe(200);
      // Refused reads leave nothing.
      expect((await t.gql(`query ($id: ID!) { work(id: $id) { id } }`, { id: work.id }, { token: tokens.colleague })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const after: { n: number }[] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entry`);
      expect(after[0]!.n - before[0]!.n).toBe(5);

      const log = await t.gql(LOG, { id: pupil.id }, { token: tokens.admin });
      expect(log.errors).toBeUndefined();
      const entries = log.data!.pupilAccessLog.edges.map((e: { node: { action: string; actorId: string; details: string } }) => [e.node.action, e.node.actorId, JSON.parse(e.node.details).view]);
      expect(entries).toEqual(
        expect.arrayContaining([
          ['PUPIL_WORK_VIEWED', w.teacher.id, 'WORK'],
          ['PUPIL_WORK_VIEWED', w.teacher.id, 'ATTEMPT'],
          ['PUPIL_WORK_VIEWED', w.teacher.id, 'GRADING_VIEW'],
          ['PUPIL_GRADES_VIEWED', w.teacher.id, 'CLASS_PROGRESS'],
          ['PUPIL_GRADES_VIEWED', w.teacher.id, 'GRADEBOOK_CSV'],
        ]),
      );
      const teacher = await t.gql(LOG, { id: pupil.id }, { token: tokens.teacher });
      expect(teacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it("include museum educators' reads of nominated work in review", async () => {
      const p = await rich();
      const read = await t.gql(`query ($id: ID!) { nominationForReview(id: $id) { statement } }`, { id: p.nominationId }, { token: tokens.educator });
      expect(read.errors).toBeUndefined();
      const rows = await t.dataSource.query(`SELECT subject_type, subject_id, details->>'view' AS view FROM audit_entry WHERE actor_id = $1 AND action = 'PUPIL_WORK_VIEWED'`, [w.educator.id]);
      expect(rows).toEqual([{ subject_type: 'Work', subject_id: p.soloWorkId, view: 'MUSEUM_REVIEW' }]);
    });

    it('cost one statement each', async () => {
      const pupil = await newPupil(t, w.cls);
      const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
      const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
      const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id) VALUES ($1, $2) RETURNING id`, [assignment.id, pupil.id]);
      const asPupil = await t.gql(`query ($id: ID!) { work(id: $id) { id } }`, { id: work.id }, { token: await signInPupil(t, pupil) });
      const asTeacher = await t.gql(`query ($id: ID!) { work(id: $id) { id } }`, { id: work.id }, { token: tokens.teacher });
      const count = (r: { body: { extensions?: { sqlStatements?: number } } }) => r.body.extensions?.sqlStatements;
      if (count(asPupil) !== undefined) expect(count(asTeacher)! - count(asPupil)!).toBeLessThanOrEqual(1);
    });
  });

  describe('school privacy page and retention setting', () => {
    const PAGE = `query ($id: ID) { schoolPrivacy(schoolId: $id) { schoolId schoolName retentionMonths canEdit years { schoolYear classCount pupilCount purgeAt warnAt stage } } }`;
    const SET = `mutation ($input: SetRetentionInput!) { setRetentionPeriod(input: $input) { privacy { retentionMonths years { schoolYear purgeAt } } } }`;

    it('shows teachers their own school and admins their museum’s schools', async () => {
      const own = await t.gql(PAGE, {}, { token: tokens.teacher });
      expect(own.errors).toBeUndefined();
      expect(own.data!.schoolPrivacy).toMatchObject({ schoolId: w.schoolA.id, retentionMonths: 12, canEdit: false });
      expect(own.data!.schoolPrivacy.years[0]).toMatchObject({ schoolYear: '2026-2027', stage: 'KEPT', purgeAt: '2028-07-31T15:59:00.000Z' });
      const other = await t.gql(PAGE, { id: w.schoolA.id }, { token: tokens.otherSchoolTeacher });
      expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const admin = await t.gql(PAGE, { id: w.schoolB.id }, { token: tokens.admin });
      expect(admin.data!.schoolPrivacy.canEdit).toBe(true);
    });

    it('lets admins set whole months from 1 to 120, audited', async () => {
      const bad = await t.gql(SET, { input: { schoolId: w.schoolB.id, months: 0 } }, { token: tokens.admin });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'months' });
      const teacher = await t.gql(SET, { input: { schoolId: w.schoolA.id, months: 24 } }, { token: tokens.teacher });
      expect(teacher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const ok = await t.gql(SET, { input: { schoolId: w.schoolB.id, months: 24 } }, { token: tokens.admin });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.setRetentionPeriod.privacy).toMatchObject({ retentionMonths: 24, years: [{ schoolYear: '2026-2027', purgeAt: '2029-07-31T15:59:00.000Z' }] });
      const audit = await t.dataSource.query(`SELECT details FROM audit_entry WHERE action = 'RETENTION_CHANGED' AND subject_id = $1`, [w.schoolB.id]);
      expect(audit).toEqual([{ details: { from: 12, to: 24 } }]);
    });
  });

  describe('retention job', () => {
    it('warns a month before, once, then purges exactly what is past its date', async () => {
      const retention = t.app.get(RetentionService);
      const school = await newSchool(t, { museumId: w.museum.id });
      const teacher = w.teacher;
      const oldClass = await newClass(t, { schoolId: school.id, teacherIds: [teacher.id] });
      const newClass_ = await newClass(t, { schoolId: school.id, teacherIds: [teacher.id] });
      await t.dataSource.query(`UPDATE cohort SET school_year = '2024-2025' WHERE id = $1`, [oldClass.id]);
      await t.dataSource.query(`UPDATE cohort SET school_year = '2025-2026' WHERE id = $1`, [newClass_.id]);
      const leaver = await newPupil(t, oldClass);
      const stayer = await newPupil(t, oldClass);
      await newPupil(t, newClass_, { pupilId: stayer.id });
      const newcomer = await newPupil(t, newClass_);
      const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
      const oldAssignment = await newAssignment(t, { classId: oldClass.id, briefId: brief.id, createdById: teacher.id });
      const oldTeamAssignment = await newAssignment(t, { classId: oldClass.id, briefId: brief.id, createdById: teacher.id, mode: 'TEAM' });
      const newAssignment_ = await newAssignment(t, { classId: newClass_.id, briefId: brief.id, createdById: teacher.id });
      const work = async (assignmentId: string, owner: { pupilId?: string; teamId?: string }, uploaderId: string) => {
        const [row] = await t.dataSource.query(`INSERT INTO work (assignment_id, pupil_id, team_id) VALUES ($1, $2, $3) RETURNING id`, [assignmentId, owner.pupilId ?? null, owner.teamId ?? null]);
        const fileId = await newStoredImage(t, uploaderId);
        await t.dataSource.query(`INSERT INTO work_part (work_id, part_key, body, revision, attachment_ids) VALUES ($1, 'REFLECTION', '{"type":"doc","content":[]}', 1, $2)`, [row.id, [fileId]]);
        return { id: row.id as string, fileId };
      };
      const leaverOld = await work(oldAssignment.id, { pupilId: leaver.id }, leaver.id);
      const stayerOld = await work(oldAssignment.id, { pupilId: stayer.id }, stayer.id);
      const team = await newTeam(t, oldTeamAssignment.id, [leaver.id, stayer.id]);
      const teamOld = await work(oldTeamAssignment.id, { teamId: team.id }, stayer.id);
      const stayerNew = await work(newAssignment_.id, { pupilId: stayer.id }, stayer.id);
      const newcomerNew = await work(newAssignment_.id, { pupilId: newcomer.id }, newcomer.id);
      const warnings = async () =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'RETENTION_WARNING'`, [w.admin.id]))[0].n as number;
      const ofSchool = <T extends { schoolId: string }>(list: T[]) => list.filter((x) => x.schoolId === school.id);

      // 2024-2025 ended on 31 July 2025; kept a year, it goes on 31 July 2026, with a warning from 30 June.
      expect(ofSchool((await retention.run(new Date('2026-06-01T00:00:00Z'))).warned)).toEqual([]);
      expect(await warnings()).toBe(0);
      const warned = await retention.run(new Date('2026-07-05T00:00:00Z'));
      expect(warned.warned).toEqual([{ schoolId: school.id, schoolYear: '2024-2025' }]);
      expect(ofSchool(warned.purged)).toEqual([]);
      expect(await warnings()).toBe(1);
      expect(ofSchool((await retention.run(new Date('2026-07-20T00:00:00Z'))).warned)).toEqual([]);
      expect(await warnings()).toBe(1);
      expect(await t.dataSource.query(`SELECT 1 FROM work WHERE id = $1`, [leaverOld.id])).toHaveLength(1);

      const purged = await retention.run(new Date('2026-08-01T00:00:00Z'));
      // Nothing of any other school or year: the world's classes are of 2026-2027.
      expect(purged.purged).toEqual([{ schoolId: school.id, schoolYear: '2024-2025', pupilsRemoved: 1, worksRemoved: 3, filesRemoved: 3 }]);
      const users = async (id: string) => (await t.dataSource.query(`SELECT 1 FROM app_user WHERE id = $1`, [id])).length;
      const works = async (id: string) => (await t.dataSource.query(`SELECT 1 FROM work WHERE id = $1`, [id])).length;
      expect(await users(leaver.id)).toBe(0);
      expect(await users(stayer.id)).toBe(1);
      expect(await users(newcomer.id)).toBe(1);
      expect([await works(leaverOld.id), await works(stayerOld.id), await works(teamOld.id)]).toEqual([0, 0, 0]);
      expect([await works(stayerNew.id), await works(newcomerNew.id)]).toEqual([1, 1]);
      expect([leaverOld, stayerOld, teamOld].map((x) => storedBytesExist(t, x.fileId))).toEqual([false, false, false]);
      expect([stayerNew, newcomerNew].map((x) => storedBytesExist(t, x.fileId))).toEqual([true, true]);
      expect(await t.dataSource.query(`SELECT 1 FROM team WHERE id = $1`, [team.id])).toHaveLength(0);
      expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE display_name = $1 AND school_id IS NULL AND NOT EXISTS (SELECT 1 FROM team_member WHERE pupil_id = app_user.id)`, [FORMER_PUPIL_NAME])).toHaveLength(0);
      const logged = await t.dataSource.query(`SELECT actor_id, details FROM audit_entry WHERE action = 'RETENTION_PURGED' AND subject_id = $1`, [school.id]);
      expect(logged).toEqual([{ actor_id: null, details: { schoolYear: '2024-2025', pupilsRemoved: 1, worksRemoved: 3, filesRemoved: 3 } }]);

      // Running again purges nothing more, and the next year waits for its own date.
      const again = await retention.run(new Date('2026-08-02T00:00:00Z'));
      expect(ofSchool(again.purged)).toEqual([]);
      expect([await works(stayerNew.id), await works(newcomerNew.id)]).toEqual([1, 1]);
      expect(await t.dataSource.query(`SELECT 1 FROM audit_entry WHERE action = 'RETENTION_PURGED' AND subject_id = $1`, [school.id])).toHaveLength(1);
    });

    it('runs in one API process at a time', async () => {
      const url = (t.dataSource.options as { url?: string }).url;
      if (t.kind !== 'postgres' || !url) return;
      const other = new pg.Client({ connectionString: url });
      await other.connect();
      try {
        await other.query(`SELECT pg_advisory_lock(7310010)`);
        expect((await t.app.get(RetentionService).run(new Date('2030-01-01T00:00:00Z'))).ran).toBe(false);
        await other.query(`SELECT pg_advisory_unlock(7310010)`);
        expect((await t.app.get(RetentionService).run(new Date('2026-01-01T00:00:00Z'))).ran).toBe(true);
      } finally {
        await other.end();
      }
    });
  });
});

describe('the retention job setting', () => {
  it('is on by default, off under NODE_ENV=test, and RETENTION_JOB decides either way', () => {
    expect(loadConfig({}).retentionJob).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).retentionJob).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).retentionJob).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', RETENTION_JOB: 'false' }).retentionJob).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', RETENTION_JOB: 'true' }).retentionJob).toBe(true);
    expect(() => loadConfig({ RETENTION_JOB: 'off' })).toThrow(/^RETENTION_JOB must be true or false \(got "off"\)$/);
  });

  /** Starts the app, then fires every timer it set at the job's interval: how many runs of the job that made. */
  async function scheduledRuns(env: Record<string, string>): Promise<number> {
    const run = jest.spyOn(RetentionService.prototype, 'run').mockResolvedValue({ ran: true, warned: [], purged: [] });
    const intervals = jest.spyOn(globalThis, 'setInterval');
    let app: TestApp | undefined;
    try {
      app = await createTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'silent', ...env });
      const ticks = intervals.mock.calls.filter(([, ms]) => ms === RETENTION_INTERVAL_MS).map(([tick]) => tick as () => void);
      for (const tick of ticks) tick();
      return run.mock.calls.length;
    } finally {
      intervals.mockRestore();
      run.mockRestore();
      await app?.close();
    }
  }

  it('schedules the job in a production process by default', async () => {
    expect(await scheduledRuns({})).toBe(1);
  });

  it('does not schedule it with RETENTION_JOB=false', async () => {
    expect(await scheduledRuns({ RETENTION_JOB: 'false' })).toBe(0);
  });
});
