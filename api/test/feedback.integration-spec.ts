import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newClass, newPupil, newStaff, newWorld, signInPupil, signInStaff, type World } from './factories';
import { newAssignment, newBrief, newTeam } from './project-factories';
import { createTestApp, type TestApp } from './test-app';

const doc = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const SAVE_FEEDBACK = `mutation ($input: SaveFeedbackInput!) { saveFeedback(input: $input) { feedback { rowVersion overallComment score levels { criterionKey level points } } } }`;
const DECIDE = (name: string) => `mutation ($input: DecideInput!) { ${name}(input: $input) { feedback { rowVersion score } version { status } } }`;
const RELEASE = `mutation ($input: ReleaseGradesInput!) { releaseGrades(input: $input) { released } }`;
const CLASS_PROGRESS = `query ($id: ID!) { classProgress(assignmentId: $id) { assignmentId milestoneKeys rows { workId name members { id displayName } state late needsAttention attempt versionId score released milestones { milestoneKey state late } milestoneStates lateMilestones }
  stateCounts { state count } rubricResults { criterionKey levelCounts } } }`;
const PUPIL_VIEW = `query ($id: ID!) { myWork(assignmentId: $id) { id versions { id attempt status feedback { overallComment score levels { level } released comments { text } } } checkIns { text } } }`;

describe('teachers’ feedback, grading and progress', () => {
  let t: TestApp;
  let w: World;
  let teacher: string;
  let coTeacher: string;
  let pupil: string;
  let brief: Awaited<ReturnType<typeof newBrief>>;

  beforeAll(async () => {
    // Statement counts compared across requests: each request checks its session itself, so a
    // count does not depend on whether the session was checked within SESSION_CACHE_MS.
    t = await createTestApp({ GRAPHQL_SQL_COUNT: 'true', SESSION_CACHE_MS: '0' });
    w = await newWorld(t);
    const co = await newStaff(t, { role: 'TEACHER', schoolId: w.schoolA.id });
    await t.dataSource.query(`INSERT INTO cohort_teacher (cohort_id, teacher_id) VALUES ($1, $2)`, [w.cls.id, co.id]);
    teacher = await signInStaff(t, w.teacher);
    coTeacher = await signInStaff(t, co);
    pupil = await signInPupil(t, w.pupil);
    brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
  });
  afterAll(async () => t.close());

  async function submitted(token: string, assignmentId: string, key: string, text = '我的研究') {
    const work = (await t.gql(`query ($id: ID!) { myWork(assignmentId: $id) { id parts { partKey revision } } }`, { id: assignmentId }, { token })).data!.myWork;
    const base = work.parts.find((p: any) => p.partKey === 'REFLECTION')?.revision ?? 0;
    await t.gql(`mutation ($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { revision } } }`, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: base, body: doc(text) } }, { token });
    const res = await t.gql(`mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id attempt } } }`, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: key } }, { token });
    expect(res.errors).toBeUndefined();
    return { workId: work.id as string, versionId: res.data!.submitWork.version.id as string };
  }

  async function assignment() {
    return (await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id })).id;
  }

  it('returns work with feedback, grades the next attempt, and shows the grade only once released', async () => {
    const assignmentId = await assignment();
    const first = await submitted(pupil, assignmentId, 'f1');
    const view = await t.gql(`query ($id: ID!) { gradingView(versionId: $id) { version { attempt opened } ownerName rubric { key } feedback { rowVersion } } }`, { id: first.versionId }, { token: teacher });
    expect(view.data!.gradingView).toMatchObject({ version: { attempt: 1 }, ownerName: w.pupil.displayName, feedback: null });
    const criterion = brief.content.rubric[0]!.key;

    const saved = await t.gql(SAVE_FEEDBACK, { input: { versionId: first.versionId, expectedRowVersion: 0, levels: [{ criterionKey: criterion, level: 0, comment: '再仔细看看' }], overallComment: '请补充证据' } }, { token: teacher });
    expect(saved.data!.saveFeedback.feedback).toMatchObject({ rowVersion: 1, levels: [{ criterionKey: criterion, level: 0, points: 1 }] });
    // Before a decision the pupil sees nothing of the teacher's draft.
    expect((await t.gql(PUPIL_VIEW, { id: assignmentId }, { token: pupil })).data!.myWork.versions[0].feedback).toBeNull();

    const returned = await t.gql(DECIDE('returnWork'), { input: { versionId: first.versionId, expectedRowVersion: 1 } }, { token: teacher });
    expect(returned.data!.returnWork.version.status).toBe('RETURNED');
    const pupilSees = (await t.gql(PUPIL_VIEW, { id: assignmentId }, { token: pupil })).data!.myWork.versions[0];
    expect(pupilSees.feedback).toEqual({ overallComment: '请补充证据', score: null, levels: null, released: false, comments: [] });

    const second = await submitted(pupil, assignmentId, 'f2', '我补充了证据');
    const noLevels = await t.gql(DECIDE('gradeWork'), { input: { versionId: second.versionId, expectedRowVersion: 0 } }, { token: teacher });
    expect(noLevels.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'levels' });
    await t.gql(SAVE_FEEDBACK, { input: { versionId: second.versionId, expectedRowVersion: 0, levels: [{ criterionKey: criterion, level: 1 }], overallComment: '很好' } }, { token: teacher });
    const graded = await t.gql(DECIDE('gradeWork'), { input: { versionId: second.versionId, expectedRowVersion: 1 } }, { token: teacher });
    expect(graded.data!.gradeWork).toEqual({ feedback: { rowVersion: 2, score: 3 }, version: { status: 'GRADED' } });
    const hidden = (await t.gql(PUPIL_VIEW, { id: assignmentId }, { token: pupil })).data!.myWork.versions[0];
    expect(hidden).toMatchObject({ attempt: 2, feedback: { overallComment: '很好', score: null, levels: null, released: false } });

    const release = await t.gql(`mutation ($input: ReleaseGradesInput!) { releaseGrades(input: $input) { released } }`, { input: { assignmentId } }, { token: teacher });
    expect(release.data!.releaseGrades.released).toBe(1);
    const shown = (await t.gql(PUPIL_VIEW, { id: assignmentId }, { token: pupil })).data!.myWork.versions[0];
    expect(shown.feedback).toMatchObject({ score: 3, levels: [{ level: 1 }], released: true });

    const kinds = (await t.dataSource.query(`SELECT kind FROM notification WHERE user_id = $1 AND work_id = $2 ORDER BY created_at`, [w.pupil.id, first.workId])).map((r: any) => r.kind);
    expect(kinds).toEqual(['RETURNED', 'FEEDBACK', 'GRADE_RELEASED']);
    const again = await t.gql(DECIDE('returnWork'), { input: { versionId: second.versionId, expectedRowVersion: 2 } }, { token: teacher });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
  });

  it('refuses the second of two teachers saving from the same read, with the current state', async () => {
    const assignmentId = await assignment();
    const { versionId } = await submitted(pupil, assignmentId, 'c1');
    const criterion = brief.content.rubric[0]!.key;
    await t.gql(SAVE_FEEDBACK, { input: { versionId, expectedRowVersion: 0, levels: [], overallComment: 'first' } }, { token: teacher });
    const a = await t.gql(SAVE_FEEDBACK, { input: { versionId, expectedRowVersion: 1, levels: [{ criterionKey: criterion, level: 1 }], overallComment: 'teacher A' } }, { token: teacher });
    const b = await t.gql(SAVE_FEEDBACK, { input: { versionId, expectedRowVersion: 1, levels: [], overallComment: 'teacher B' } }, { token: coTeacher });
    expect(a.data!.saveFeedback.feedback.rowVersion).toBe(2);
    expect(b.data).toBeNull();
    expect(b.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'expectedRowVersion', current: { rowVersion: 2, overallComment: 'teacher A' } });
  });

  it('loses no update among many randomized simultaneous saves', async () => {
    const assignmentId = await assignment();
    const { versionId } = await submitted(pupil, assignmentId, 'r1');
    const tokens = [teacher, coTeacher];
    const READ = `query ($id: ID!) { gradingView(versionId: $id) { feedback { rowVersion overallComment } } }`;
    // Each writer appends its mark to the comment it read; a refused save reads again and retries.
    const writer = async (mark: string) => {
      const token = tokens[Math.floor(Math.random() * tokens.length)]!;
      for (let attempt = 0; attempt < 200; attempt++) {
        const fb = (await t.gql(READ, { id: versionId }, { token })).data!.gradingView.feedback;
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        const res = await t.gql(SAVE_FEEDBACK, { input: { versionId, expectedRowVersion: fb?.rowVersion ?? 0, levels: [], overallComment: `${fb?.overallComment ?? ''}[${mark}]` } }, { token });
        if (!res.errors) return;
        expect(res.errors[0]!.extensions!.code).toBe('CONFLICT');
      }
      throw new Error(`writer ${mark} never got through`);
    };
    const marks = Array.from({ length: 12 }, (_, i) => `m${i}`);
    await Promise.all(marks.map(writer));
    const final = (await t.gql(READ, { id: versionId }, { token: teacher })).data!.gradingView.feedback;
    expect(final.rowVersion).toBe(marks.length);
    for (const mark of marks) expect(final.overallComment).toContain(`[${mark}]`);
  });

  it('shows class progress with a fixed number of SQL statements, whatever the class size', async () => {
    const statementsFor = async (size: number) => {
      const teacherUser = await newStaff(t, { role: 'TEACHER', schoolId: w.schoolA.id });
      const cls = await newClass(t, { schoolId: w.schoolA.id, teacherIds: [teacherUser.id] });
      const pupils = [];
      for (let i = 0; i < size; i++) pupils.push(await newPupil(t, cls));
      const a = await newAssignment(t, { classId: cls.id, briefId: brief.id, createdById: teacherUser.id });
      for (const p of pupils.slice(0, 3)) await submitted(await signInPupil(t, p), a.id, `p-${p.id}`);
      const res = await t.gql(
        `query ($id: ID!) { classProgress(assignmentId: $id) { rows { name state late needsAttention milestones { state late } } stateCounts { state count } rubricResults { levelCounts } } }`,
        { id: a.id },
        { token: await signInStaff(t, teacherUser) },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.classProgress.rows).toHaveLength(size);
      expect(res.data!.classProgress.stateCounts.find((c: any) => c.state === 'SUBMITTED').count).toBe(3);
      return res.body.extensions.sqlStatements as number;
    };
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('shows the brief as stored: a process that holds it is told when the stored version changes', async () => {
    const ownBrief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const assignmentId = (await newAssignment(t, { classId: w.cls.id, briefId: ownBrief.id, createdById: w.teacher.id })).id;
    const TITLES = `query ($id: ID!) { classProgress(assignmentId: $id) { title { en } milestoneTitles { en } rubricResults { criterionKey } } }`;
    const read = async () => {
      const res = await t.gql(TITLES, { id: assignmentId }, { token: teacher });
      expect(res.errors).toBeUndefined();
      return res.data!.classProgress;
    };
    const first = await read();
    expect(first.milestoneTitles.length).toBeGreaterThan(0);
    expect(first.rubricResults.length).toBeGreaterThan(0);
    // Read again, the content is left out of the statement and taken from what the process holds.
    expect(await read()).toEqual(first);
    const [{ brief_version }] = await t.dataSource.query(`SELECT brief_version FROM assignment WHERE id = $1`, [assignmentId]);
    await t.dataSource.query(
      `UPDATE project_brief_version SET content = jsonb_set(content, '{title,en}', '"Edited by hand"') WHERE brief_id = $1 AND version = $2`,
      [ownBrief.id, brief_version],
    );
    expect(await read()).toEqual({ ...first, title: { en: 'Edited by hand' } });
    // A version the assignment moves to is read too (the assignment's version changed, not the row).
    await t.dataSource.query(
      `INSERT INTO project_brief_version (brief_id, version, content)
       SELECT brief_id, version + 1, jsonb_set(content, '{title,en}', '"The next version"') FROM project_brief_version WHERE brief_id = $1 AND version = $2`,
      [ownBrief.id, brief_version],
    );
    await t.dataSource.query(`UPDATE assignment SET brief_version = brief_version + 1 WHERE id = $1`, [assignmentId]);
    expect((await read()).title).toEqual({ en: 'The next version' });
  });

  it('counts each operation’s statements on its own while operations run at once', async () => {
    const assignmentId = await assignment();
    const PROGRESS = `query ($id: ID!) { classProgress(assignmentId: $id) { rows { state } } }`;
    const COLLECTION = `{ collectionObjects(first: 5) { totalCount edges { node { id } } } }`;
    const alone = {
      progress: (await t.gql(PROGRESS, { id: assignmentId }, { token: teacher })).body.extensions.sqlStatements,
      collection: (await t.gql(COLLECTION)).body.extensions.sqlStatements,
    };
    expect(alone.progress).toBeGreaterThan(0);
    const together = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? t.gql(PROGRESS, { id: assignmentId }, { token: teacher }).then((r) => ['progress', r.body.extensions.sqlStatements])
          : i % 3 === 1
            ? t.gql(COLLECTION).then((r) => ['collection', r.body.extensions.sqlStatements])
            : t.gql(`{ __typename }`).then((r) => ['typename', r.body.extensions.sqlStatements]),
      ),
    );
    for (const [op, n] of together) expect(n).toBe(op === 'typename' ? 0 : alone[op as keyof typeof alone]);
  });

  it('shows team work under the team in class progress and the grading view, and under each member in the gradebook', async () => {
    const assignmentId = (await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id, mode: 'TEAM' })).id;
    const team = await newTeam(t, assignmentId, [w.pupil.id, w.classmate.id]);
    const { versionId } = await submitted(pupil, assignmentId, 'team-f1');
    const [{ name: teamName }] = await t.dataSource.query(`SELECT name FROM team WHERE id = $1`, [team.id]);
    const members = [w.pupil, w.classmate].map((p) => ({ id: p.id, displayName: p.displayName })).sort((a, b) => (a.displayName < b.displayName ? -1 : 1));

    const progress = await t.gql(`query ($id: ID!) { classProgress(assignmentId: $id) { rows { name state members { id displayName } } } }`, { id: assignmentId }, { token: teacher });
    expect(progress.data!.classProgress.rows).toEqual([{ name: teamName, state: 'SUBMITTED', members: expect.arrayContaining(members) }]);
    const view = await t.gql(`query ($id: ID!) { gradingView(versionId: $id) { ownerName members { id displayName } } }`, { id: versionId }, { token: teacher });
    expect(view.data!.gradingView).toEqual({ ownerName: teamName, members });
    const book = await t.gql(`query ($id: ID!) { gradebook(classId: $id) { rows { pupil { id } cells { assignmentId state } } } }`, { id: w.cls.id }, { token: teacher });
    const stateOf = (pupilId: string) =>
      book.data!.gradebook.rows.find((r: any) => r.pupil.id === pupilId).cells.find((c: any) => c.assignmentId === assignmentId)?.state;
    expect([stateOf(w.pupil.id), stateOf(w.classmate.id)]).toEqual(['SUBMITTED', 'SUBMITTED']);
  });

  it('exports the gradebook as CSV that Excel opens with Chinese names', async () => {
    await t.dataSource.query(`UPDATE app_user SET display_name = '王小明' WHERE id = $1`, [w.pupil.id]);
    const book = await t.gql(`query ($id: ID!) { gradebook(classId: $id) { columns { maxPoints } rows { pupil { displayName } total totalMax cells { state score } } } }`, { id: w.cls.id }, { token: teacher });
    const me = book.data!.gradebook.rows.find((r: any) => r.pupil.displayName === '王小明');
    expect(me.total).toBe(3);
    const res = await t.http().get(`/exports/classes/${w.cls.id}/gradebook.csv`).set('authorization', `Bearer ${teacher}`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('王小明');
    expect(text.split('\r\n')[0]).toContain('姓名 Name');
    const stranger = await t.http().get(`/exports/classes/${w.cls.id}/gradebook.csv`).set('authorization', `Bearer ${await signInStaff(t, w.colleague)}`);
    expect(stranger.status).toBe(404);
    expect((await t.http().get(`/exports/classes/${w.cls.id}/gradebook.csv`)).status).toBe(401);
  });

  it('keeps comments on parts, a comment bank and milestone check-ins', async () => {
    const assignmentId = await assignment();
    const { workId, versionId } = await submitted(pupil, assignmentId, 'k1');
    const c = await t.gql(`mutation ($input: AddPartCommentInput!) { addPartComment(input: $input) { comment { id partKey } } }`, { input: { versionId, partKey: 'REFLECTION', text: '这里写得好' } }, { token: teacher });
    expect(c.data!.addPartComment.comment.partKey).toBe('REFLECTION');
    const bad = await t.gql(`mutation ($input: AddPartCommentInput!) { addPartComment(input: $input) { comment { id } } }`, { input: { versionId, partKey: 'NOPE', text: 'x' } }, { token: teacher });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partKey' });
    const bank = await t.gql(`mutation { addBankComment(input: { text: "观察很仔细！" }) { entries { id text } } }`, {}, { token: teacher });
    expect(bank.data!.addBankComment.entries.map((e: any) => e.text)).toEqual(['观察很仔细！']);
    expect((await t.gql(`{ commentBank { id } }`, {}, { token: coTeacher })).data!.commentBank).toEqual([]);
    const checkIn = await t.gql(`mutation ($input: AddCheckInInput!) { addCheckIn(input: $input) { checkIn { text } } }`, { input: { workId, milestoneKey: brief.content.milestones[0]!.key, text: '继续加油' } }, { token: teacher });
    expect(checkIn.errors).toBeUndefined();
    const seen = (await t.gql(PUPIL_VIEW, { id: assignmentId }, { token: pupil })).data!.myWork;
    expect(seen.checkIns).toEqual([{ text: '继续加油' }]);
  });

  it('shows feedback, comments and check-ins in the grading view, and steps through the submitted attempts by name', async () => {
    const cls = await newClass(t, { schoolId: w.schoolA.id, teacherIds: [w.teacher.id] });
    const assignmentId = (await newAssignment(t, { classId: cls.id, briefId: brief.id, createdById: w.teacher.id })).id;
    const pupils = [await newPupil(t, cls), await newPupil(t, cls), await newPupil(t, cls), await newPupil(t, cls)];
    await Promise.all(pupils.map((p, i) => t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [p.id, ['丁', '丙', '乙', '甲'][i]])));
    const [ding, bing, yi, jia] = await Promise.all(pupils.map(async (p, i) => submitted(await signInPupil(t, p), assignmentId, `nav-${i}`)));
    // 乙 is graded: no longer waiting, so the queue (by name: 丁 丙 甲, in code point order) skips it.
    const criterion = brief.content.rubric[0]!.key;
    await t.gql(SAVE_FEEDBACK, { input: { versionId: yi!.versionId, expectedRowVersion: 0, levels: [{ criterionKey: criterion, level: 1 }], overallComment: '很好' } }, { token: teacher });
    await t.gql(DECIDE('gradeWork'), { input: { versionId: yi!.versionId, expectedRowVersion: 1 } }, { token: teacher });
    await t.gql(`mutation ($input: AddPartCommentInput!) { addPartComment(input: $input) { comment { id } } }`, { input: { versionId: bing!.versionId, partKey: 'REFLECTION', text: '第一条' } }, { token: teacher });
    await t.gql(`mutation ($input: AddPartCommentInput!) { addPartComment(input: $input) { comment { id } } }`, { input: { versionId: bing!.versionId, partKey: 'REFLECTION', text: '第二条' } }, { token: teacher });
    await t.gql(SAVE_FEEDBACK, { input: { versionId: bing!.versionId, expectedRowVersion: 0, levels: [{ criterionKey: criterion, level: 0 }], overallComment: '再看看' } }, { token: teacher });
    await t.gql(`mutation ($input: AddCheckInInput!) { addCheckIn(input: $input) { checkIn { id } } }`, { input: { workId: bing!.workId, milestoneKey: brief.content.milestones[0]!.key, text: '继续' } }, { token: teacher });

    const VIEW = `query ($id: ID!) { gradingView(versionId: $id) { version { id workId attempt status opened submittedAt } assignmentId ownerName members { id displayName }
      feedback { rowVersion overallComment score released levels { criterionKey level points } comments { partKey text createdAt } } checkIns { milestoneKey text createdAt } previousVersionId nextVersionId } }`;
    const view = async (versionId: string) => {
      const res = await t.gql(VIEW, { id: versionId }, { token: teacher });
      expect(res.errors).toBeUndefined();
      return res.data!.gradingView;
    };
    const middle = await view(bing!.versionId);
    expect(middle).toMatchObject({
      version: { id: bing!.versionId, workId: bing!.workId, attempt: 1, status: 'SUBMITTED' },
      assignmentId,
      ownerName: '丙',
      members: [{ id: pupils[1]!.id, displayName: '丙' }],
      feedback: { rowVersion: 1, overallComment: '再看看', score: null, released: false, levels: [{ criterionKey: criterion, level: 0, points: 1 }] },
      checkIns: [{ milestoneKey: brief.content.milestones[0]!.key, text: '继续' }],
      previousVersionId: ding!.versionId,
      nextVersionId: jia!.versionId,
    });
    expect(middle.feedback.comments.map((c: any) => c.text)).toEqual(['第一条', '第二条']);
    expect(Number.isNaN(Date.parse(middle.feedback.comments[0].createdAt))).toBe(false);
    expect(Number.isNaN(Date.parse(middle.checkIns[0].createdAt))).toBe(false);
    expect(Date.parse(middle.version.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await view(ding!.versionId)).toMatchObject({ previousVersionId: null, nextVersionId: bing!.versionId, feedback: null, checkIns: [] });
    expect(await view(jia!.versionId)).toMatchObject({ previousVersionId: bing!.versionId, nextVersionId: null });
    // A graded attempt opened on its own keeps its place among the waiting ones.
    expect(await view(yi!.versionId)).toMatchObject({ version: { status: 'GRADED' }, feedback: { score: expect.any(Number) }, previousVersionId: bing!.versionId, nextVersionId: jia!.versionId });
    // Another teacher of the school, not of the class, gets what a wrong id gets.
    const colleague = await signInStaff(t, w.colleague);
    const refused = await t.gql(VIEW, { id: bing!.versionId }, { token: colleague });
    const missing = await t.gql(VIEW, { id: '00000000-0000-4000-8000-000000000000' }, { token: colleague });
    expect(refused.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(refused.errors![0]!.message).toBe(missing.errors![0]!.message);
  });

  it('shows each pupil’s state, milestones, attempt, score and the rubric results in class progress', async () => {
    const cls = await newClass(t, { schoolId: w.schoolA.id, teacherIds: [w.teacher.id] });
    const assignmentId = (await newAssignment(t, { classId: cls.id, briefId: brief.id, createdById: w.teacher.id })).id;
    const pupils = [await newPupil(t, cls), await newPupil(t, cls), await newPupil(t, cls), await newPupil(t, cls)];
    const names = ['丁', '丙', '乙', '甲'];
    await Promise.all(pupils.map((p, i) => t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [p.id, names[i]])));
    const [ding, bing, yi] = await Promise.all(pupils.slice(0, 3).map((p) => signInPupil(t, p)));
    const milestone = brief.content.milestones[0]!.key;
    // 丙 has drafted the first milestone; 乙 submitted; 丁 was graded; 甲 has not begun.
    const work = (await t.gql(`query ($id: ID!) { myWork(assignmentId: $id) { id } }`, { id: assignmentId }, { token: bing! })).data!.myWork;
    await t.gql(`mutation ($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { revision } } }`, { input: { workId: work.id, partKey: milestone, baseRevision: 0, body: doc('草稿') } }, { token: bing! });
    const submittedByYi = await submitted(yi!, assignmentId, 'state-yi');
    const graded = await submitted(ding!, assignmentId, 'state-ding');
    const criterion = brief.content.rubric[0]!.key;
    await t.gql(SAVE_FEEDBACK, { input: { versionId: graded.versionId, expectedRowVersion: 0, levels: [{ criterionKey: criterion, level: 1 }] } }, { token: teacher });
    await t.gql(DECIDE('gradeWork'), { input: { versionId: graded.versionId, expectedRowVersion: 1 } }, { token: teacher });

    const res = await t.gql(
      CLASS_PROGRESS,
      { id: assignmentId },
      { token: teacher },
    );
    expect(res.errors).toBeUndefined();
    const progress = res.data!.classProgress;
    expect(progress.assignmentId).toBe(assignmentId);
    const keys = brief.content.milestones.map((m) => m.key);
    const all = (state: string) => keys.map((milestoneKey) => ({ milestoneKey, state, late: false }));
    expect(progress.milestoneKeys).toEqual(keys);
    // The grid's two lists say what the milestone objects say, in the order of milestoneKeys.
    const row = (i: number, rest: { milestones: { state: string; late: boolean }[]; [field: string]: unknown }) => ({
      name: names[i],
      members: [{ id: pupils[i]!.id, displayName: names[i] }],
      late: false,
      released: false,
      ...rest,
      milestoneStates: rest.milestones.map((m) => m.state),
      lateMilestones: rest.milestones.map((m) => m.late),
    });
    const rows = (released: boolean) => [
      row(0, { workId: graded.workId, state: 'GRADED', needsAttention: false, attempt: 1, versionId: graded.versionId, score: brief.content.rubric[0]!.levels[1]!.points, released, milestones: all('GRADED') }),
      row(1, { workId: work.id, state: 'DRAFTING', needsAttention: false, attempt: null, versionId: null, score: null, milestones: keys.map((k) => ({ milestoneKey: k, state: k === milestone ? 'DRAFTING' : 'NOT_STARTED', late: false })) }),
      row(2, { workId: submittedByYi.workId, state: 'SUBMITTED', needsAttention: true, attempt: 1, versionId: submittedByYi.versionId, score: null, milestones: all('SUBMITTED') }),
      row(3, { workId: null, state: 'NOT_STARTED', needsAttention: false, attempt: null, versionId: null, score: null, milestones: all('NOT_STARTED') }),
    ];
    expect(progress.rows).toEqual(rows(false));
    expect(progress.stateCounts).toEqual([
      { state: 'NOT_STARTED', count: 1 },
      { state: 'DRAFTING', count: 1 },
      { state: 'SUBMITTED', count: 1 },
      { state: 'RETURNED', count: 0 },
      { state: 'GRADED', count: 1 },
    ]);
    const results = progress.rubricResults.find((r: any) => r.criterionKey === criterion);
    expect(results.levelCounts).toEqual(brief.content.rubric[0]!.levels.map((_, i) => (i === 1 ? 1 : 0)));

    // Only the graded pupil's grade goes out; a submitted attempt has nothing to release yet.
    const release = await t.gql(RELEASE, { input: { assignmentId } }, { token: teacher });
    expect(release.data!.releaseGrades.released).toBe(1);
    const after = await t.gql(CLASS_PROGRESS, { id: assignmentId }, { token: teacher });
    expect(after.errors).toBeUndefined();
    expect(after.data!.classProgress.rows).toEqual(rows(true));
  });

  it('names each cited collection object (null once it has left the collection) in a fixed number of SQL statements, however many are cited', async () => {
    const VIEW = `query ($id: ID!) { gradingView(versionId: $id) { version { parts { partKey evidence { id kind objectId object { id accessionNumber title { zh en } } } } } } }`;
    const MINE = `query ($id: ID!) { myWork(assignmentId: $id) { parts { evidence { objectId object { title { zh en } } } } versions { parts { evidence { objectId object { title { zh en } } } } } } }`;
    const citing = async (count: number) => {
      const cls = await newClass(t, { schoolId: w.schoolA.id, teacherIds: [w.teacher.id] });
      const assignmentId = (await newAssignment(t, { classId: cls.id, briefId: brief.id, createdById: w.teacher.id })).id;
      const token = await signInPupil(t, await newPupil(t, cls));
      const objects: { id: string; title_zh: string; title_en: string }[] = [];
      for (let i = 0; i < count + 1; i++) {
        const [o] = await t.dataSource.query(
          `INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, $2, $3, $4) RETURNING id, title_zh, title_en`,
          [w.museum.id, `CITE-${randomUUID()}`, `藏品${i}`, `Object ${i}`],
        );
        objects.push(o);
      }
      const work = (await t.gql(`query ($id: ID!) { myWork(assignmentId: $id) { id } }`, { id: assignmentId }, { token })).data!.myWork;
      const evidence = [
        ...objects.map((o, i) => ({ id: `ev-${i}`, kind: 'COLLECTION_OBJECT', objectId: o.id, observation: `观察${i}` })),
        { id: 'ev-outside', kind: 'OUTSIDE_SOURCE', title: '博物馆导览' },
      ];
      const saved = await t.gql(`mutation ($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { revision } } }`, { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: 0, body: doc('证据'), evidence } }, { token });
      expect(saved.errors).toBeUndefined();
      const submittedWork = await t.gql(`mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id } } }`, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: `cite-${count}` } }, { token });
      const versionId = submittedWork.data!.submitWork.version.id as string;
      // The last object leaves the collection after the pupil cited it.
      const gone = objects.pop()!;
      await t.dataSource.query(`DELETE FROM collection_object WHERE id = $1`, [gone.id]);
      const expected = [
        ...objects.map((o, i) => ({ id: `ev-${i}`, kind: 'COLLECTION_OBJECT', objectId: o.id, object: { id: o.id, accessionNumber: expect.any(String), title: { zh: o.title_zh, en: o.title_en } } })),
        { id: `ev-${count}`, kind: 'COLLECTION_OBJECT', objectId: gone.id, object: null },
        { id: 'ev-outside', kind: 'OUTSIDE_SOURCE', objectId: null, object: null },
      ];

      const view = await t.gql(VIEW, { id: versionId }, { token: teacher });
      expect(view.errors).toBeUndefined();
      expect(view.data!.gradingView.version.parts.find((p: any) => p.partKey === 'REFLECTION').evidence).toEqual(expected);
      // The pupil's own work names the same objects, in the draft and in the attempt, with one look-up for both.
      const mine = await t.gql(MINE, { id: assignmentId }, { token });
      expect(mine.errors).toBeUndefined();
      const titles = (parts: any[]) => parts.flatMap((p) => p.evidence.map((e: any) => e.object?.title.en ?? null));
      const expectedTitles = [...objects.map((o) => o.title_en), null, null];
      expect(titles(mine.data!.myWork.parts)).toEqual(expectedTitles);
      expect(titles(mine.data!.myWork.versions[0].parts)).toEqual(expectedTitles);
      return { view: view.body.extensions.sqlStatements as number, mine: mine.body.extensions.sqlStatements as number };
    };
    const two = await citing(2);
    const many = await citing(12);
    expect(two.view).toBeGreaterThan(0);
    expect(many).toEqual(two);
  });
});
