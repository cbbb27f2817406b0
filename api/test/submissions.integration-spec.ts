import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newPupil, newWorld, signInPupil, signInStaff, type World } from './factories';
import { newAssignment, newBrief, newTeam } from './project-factories';
import { createTestApp, type TestApp } from './test-app';

const MY_WORK = `query ($id: ID!) { myWork(assignmentId: $id) { id editable parts { partKey revision body } versions { id attempt status } } }`;
const SAVE = `mutation ($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { partKey revision body evidence { kind objectId observation title url } } } }`;
const SUBMIT = `mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id attempt status late scope parts { partKey } } } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawSubmission(input: { versionId: $id }) { version { id status } } }`;
const OPEN = `mutation ($id: ID!) { openSubmission(input: { versionId: $id }) { version { opened } } }`;

const doc = (...lines: string[]) => ({ type: 'doc', content: lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

async function versions(t: TestApp, workId: string): Promise<number> {
  return Number((await t.dataSource.query(`SELECT count(*) AS n FROM work_version WHERE work_id = $1`, [workId]))[0].n);
}

describe('the pupil’s workspace and submitting', () => {
  let t: TestApp;
  let w: World;
  let pupil: string;
  let classmate: string;
  let teacher: string;
  let colleague: string;
  let assignmentId: string;
  let milestoneKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    pupil = await signInPupil(t, w.pupil);
    classmate = await signInPupil(t, w.classmate);
    teacher = await signInStaff(t, w.teacher);
    colleague = await signInStaff(t, w.colleague);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    milestoneKey = brief.content.milestones[0]!.key;
    assignmentId = (await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id })).id;
  });
  afterAll(async () => t.close());

  async function freshWork(token: string, assignment = assignmentId) {
    const res = await t.gql(MY_WORK, { id: assignment }, { token });
    expect(res.errors).toBeUndefined();
    return res.data!.myWork;
  }

  async function freshAssignment(dueInPast = false) {
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const a = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
    if (dueInPast) await t.dataSource.query(`UPDATE assignment SET starts_at = now() - interval '10 days', due_at = now() - interval '1 day' WHERE id = $1`, [a.id]);
    return { id: a.id, milestoneKey: brief.content.milestones[0]!.key };
  }

  it('autosaves by revision, and refuses a save from an older revision with the current text', async () => {
    const work = await freshWork(pupil);
    expect(work).toMatchObject({ editable: true, parts: [], versions: [] });
    expect((await freshWork(pupil)).id).toBe(work.id);

    const first = await t.gql(SAVE, { input: { workId: work.id, partKey: milestoneKey, baseRevision: 0, body: doc('龙的身体是弯的') } }, { token: pupil });
    expect(first.data!.saveWorkPart.part.revision).toBe(1);
    const tabA = await t.gql(SAVE, { input: { workId: work.id, partKey: milestoneKey, baseRevision: 1, body: doc('龙的身体是弯的', '颜色是绿色') } }, { token: pupil });
    expect(tabA.data!.saveWorkPart.part.revision).toBe(2);

    // A second tab that still had revision 1 must not overwrite tab A's words.
    const tabB = await t.gql(SAVE, { input: { workId: work.id, partKey: milestoneKey, baseRevision: 1, body: doc('完全不同的内容') } }, { token: pupil });
    expect(tabB.data).toBeNull();
    expect(tabB.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'baseRevision' });
    expect((tabB.errors![0]!.extensions!.current as any).revision).toBe(2);
    expect((tabB.errors![0]!.extensions!.current as any).body).toEqual(doc('龙的身体是弯的', '颜色是绿色'));
    const now = await freshWork(pupil);
    expect(now.parts[0]).toMatchObject({ revision: 2, body: doc('龙的身体是弯的', '颜色是绿色') });
  });

  it('stores formatted text as a sanitized document and never raw HTML', async () => {
    const work = await freshWork(classmate);
    const html = await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 0, body: '<p onclick="x()">hi</p>' } }, { token: classmate });
    expect(html.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const sneaky = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)>', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] },
        { type: 'rawHtml', html: '<script>alert(1)</script>' },
      ],
    };
    const saved = await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 0, body: sneaky } }, { token: classmate });
    expect(saved.data!.saveWorkPart.part.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }] });
  });

  it('cites collection objects and outside sources as evidence, and names a bad item', async () => {
    const work = await freshWork(pupil);
    const [object] = await t.dataSource.query(`INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, 'EV-1', '玉猪龙', 'Jade pig-dragon') RETURNING id`, [w.museum.id]);
    const evidence = [
      { kind: 'COLLECTION_OBJECT', objectId: object.id, observation: '它像一个字母C' },
      { kind: 'OUTSIDE_SOURCE', title: '红山文化', author: '博物馆讲解员', url: 'https://example.org/hongshan', seenOn: '2026-11-20' },
    ];
    const saved = await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 0, body: doc('证据'), evidence } }, { token: pupil });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveWorkPart.part.evidence).toEqual([
      { kind: 'COLLECTION_OBJECT', objectId: object.id, observation: '它像一个字母C', title: null, url: null },
      { kind: 'OUTSIDE_SOURCE', objectId: null, observation: null, title: '红山文化', url: 'https://example.org/hongshan' },
    ]);
    const missing = await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 1, body: doc('x'), evidence: [{ kind: 'COLLECTION_OBJECT', objectId: '00000000-0000-4000-8000-000000000000', observation: '?' }] } }, { token: pupil });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence.0.objectId' });
    const badPart = await t.gql(SAVE, { input: { workId: work.id, partKey: 'NOT-A-MILESTONE', baseRevision: 0, body: doc('x') } }, { token: pupil });
    expect(badPart.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partKey' });
    const stolenFile = await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 1, body: doc('x'), attachmentIds: ['00000000-0000-4000-8000-000000000000'] } }, { token: pupil });
    expect(stolenFile.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachmentIds' });
  });

  it('keeps the work to the pupil and the class’s teachers', async () => {
    const work = await freshWork(pupil);
    expect((await t.gql(`query ($id: ID!) { work(id: $id) { id editable } }`, { id: work.id }, { token: teacher })).data!.work).toEqual({ id: work.id, editable: false });
    for (const token of [classmate, colleague]) {
      const res = await t.gql(`query ($id: ID!) { work(id: $id) { id } }`, { id: work.id }, { token });
      expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND');
      const write = await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 5, body: doc('x') } }, { token });
      expect(['NOT_FOUND', 'FORBIDDEN']).toContain(write.errors![0]!.extensions!.code);
    }
  });

  it('makes exactly one attempt from 20 concurrent submits with the same key', async () => {
    const a = await freshAssignment();
    const work = await freshWork(pupil, a.id);
    await t.gql(SAVE, { input: { workId: work.id, partKey: a.milestoneKey, baseRevision: 0, body: doc('我的研究') } }, { token: pupil });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => t.gql(SUBMIT, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: 'double-click-1' } }, { token: pupil })),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data!.submitWork.version.id)).size).toBe(1);
    expect(results[0]!.data!.submitWork.version).toMatchObject({ attempt: 1, status: 'SUBMITTED', late: false, scope: 'PROJECT' });
    expect(await versions(t, work.id)).toBe(1);
  });

  it('allows only legal transitions among 20 concurrent submits with different keys', async () => {
    const a = await freshAssignment();
    const work = await freshWork(pupil, a.id);
    await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 0, body: doc('反思') } }, { token: pupil });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.gql(SUBMIT, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: `key-${i}` } }, { token: pupil })),
    );
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((r) => r.errors)) expect(r.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await versions(t, work.id)).toBe(1);
  });

  it('leaves nothing behind when a submit fails half way', async () => {
    const a = await freshAssignment();
    const work = await freshWork(pupil, a.id);
    await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 0, body: doc('会失败') } }, { token: pupil });
    const [{ updated_at: before }] = await t.dataSource.query(`SELECT updated_at FROM work WHERE id = $1`, [work.id]);
    await t.dataSource.query(`CREATE OR REPLACE FUNCTION fail_version() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await t.dataSource.query(`CREATE TRIGGER fail_version BEFORE INSERT ON work_version FOR EACH ROW WHEN (NEW.idempotency_key = 'explode') EXECUTE FUNCTION fail_version()`);
    try {
      const res = await t.gql(SUBMIT, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: 'explode' } }, { token: pupil });
      expect(res.errors![0]!.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res.body)).not.toContain('disk full');
    } finally {
      await t.dataSource.query(`DROP TRIGGER fail_version ON work_version`);
    }
    expect(await versions(t, work.id)).toBe(0);
    const [{ updated_at: after }] = await t.dataSource.query(`SELECT updated_at FROM work WHERE id = $1`, [work.id]);
    expect(new Date(after).getTime()).toBe(new Date(before).getTime());
    const retry = await t.gql(SUBMIT, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: 'retry' } }, { token: pupil });
    expect(retry.data!.submitWork.version.attempt).toBe(1);
  });

  it('lets the pupil take work back until a teacher opens it, then compares attempts', async () => {
    const a = await freshAssignment(true);
    const work = await freshWork(pupil, a.id);
    await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 0, body: doc('第一稿') } }, { token: pupil });
    const first = (await t.gql(SUBMIT, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: 'a1' } }, { token: pupil })).data!.submitWork.version;
    expect(first).toMatchObject({ attempt: 1, late: true });
    const locked = await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 1, body: doc('改') } }, { token: pupil });
    expect(locked.errors![0]!.extensions!.code).toBe('FORBIDDEN');

    expect((await t.gql(WITHDRAW, { id: first.id }, { token: pupil })).data!.withdrawSubmission.version.status).toBe('WITHDRAWN');
    await t.gql(SAVE, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 1, body: doc('第一稿', '加了一句') } }, { token: pupil });
    const second = (await t.gql(SUBMIT, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: 'a2' } }, { token: pupil })).data!.submitWork.version;
    expect(second.attempt).toBe(2);

    expect((await t.gql(OPEN, { id: second.id }, { token: teacher })).data!.openSubmission.version.opened).toBe(true);
    const tooLate = await t.gql(WITHDRAW, { id: second.id }, { token: pupil });
    expect(tooLate.errors![0]!.extensions!.code).toBe('CONFLICT');

    const changes = await t.gql(`query ($a: ID!, $b: ID!) { compareWorkVersions(fromVersionId: $a, toVersionId: $b) { partKey lines { op text } } }`, { a: first.id, b: second.id }, { token: teacher });
    expect(changes.data!.compareWorkVersions).toEqual([
      { partKey: 'REFLECTION', lines: [{ op: 'same', text: '第一稿' }, { op: 'added', text: '加了一句' }] },
    ]);
    const seen = await t.gql(`query ($id: ID!) { workVersion(id: $id) { attempt parts { body } } }`, { id: first.id }, { token: pupil });
    expect(seen.data!.workVersion).toEqual({ attempt: 1, parts: [{ body: doc('第一稿') }] });
  });

  it('shares team work among the team only, and keeps teams once work is submitted', async () => {
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const a = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id, mode: 'TEAM' });
    const third = await newPupil(t, w.cls);
    const team = await newTeam(t, a.id, [w.pupil.id, w.classmate.id]);
    const otherTeam = await newTeam(t, a.id, [third.id]);
    const mine = await freshWork(pupil, a.id);
    expect((await freshWork(classmate, a.id)).id).toBe(mine.id);
    const thirdToken = await signInPupil(t, third);
    expect((await freshWork(thirdToken, a.id)).id).not.toBe(mine.id);
    const peek = await t.gql(`query ($id: ID!) { work(id: $id) { id } }`, { id: mine.id }, { token: thirdToken });
    expect(peek.errors![0]!.extensions!.code).toBe('NOT_FOUND');

    await t.gql(SAVE, { input: { workId: mine.id, partKey: 'REFLECTION', baseRevision: 0, body: doc('团队') } }, { token: classmate });
    await t.gql(SUBMIT, { input: { workId: mine.id, scope: 'PROJECT', idempotencyKey: 'team-1' } }, { token: pupil });
    const move = await t.gql(`mutation ($id: ID!) { joinTeam(input: { teamId: $id }) { teams { id } } }`, { id: otherTeam.id }, { token: classmate });
    expect(move.errors![0]!.extensions!.code).toBe('CONFLICT');
    const reform = await t.gql(`mutation ($input: MakeBalancedTeamsInput!) { makeBalancedTeams(input: $input) { teams { id } } }`, { input: { assignmentId: a.id, teamSize: 2 } }, { token: teacher });
    expect(reform.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM team WHERE id = $1`, [team.id]))[0].n)).toBe(1);
  });
});
