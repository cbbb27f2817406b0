import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PDFParse } from 'pdf-parse';
import { newPupil, newStaff, newWorld, signInPupil, signInStaff, type World } from './factories';
import { newAssignment, newBrief, newTeam } from './project-factories';
import { gradedAttempt, PNG } from './review-factories';
import { createTestApp, type TestApp } from './test-app';

const PUPIL_NAME = '王小明';
const GIVEN_NAME = '小明';
const SCHOOL_NAME = '沈阳市和平区实验小学';
const TEACHER_NAME = '张丽华';
const TITLE = { zh: '辽代铜镜上的龙纹', en: 'Dragons on Liao bronze mirrors' };

const NOMINATE = `mutation ($input: NominateWorkInput!) { nominateWork(input: $input) { nomination { id } } }`;
const QUEUE = `query ($season: String, $decided: Boolean) { reviewQueue(season: $season, decided: $decided, first: 50) {
  edges { cursor node { id label { zh en } projectTitle { zh en } theme gradeBand season { key label { zh en } } teamWork mayBeExhibited nominatedAt scoreCount myScores { criterion score } outcome decidedAt } }
  pageInfo { hasNextPage endCursor } } }`;
const FOR_REVIEW = `query ($id: ID!) { nominationForReview(id: $id) {
  item { id label { zh } scoreCount outcome }
  parts { partKey title { zh en } body evidence { kind object { id titleZh titleEn path } observation title author url seenOn note } files { index contentType url } }
  statement viewerIsLead reviews { reviewer { id displayName } scores { criterion score } total comment updatedAt } averages { criterion score }
  decisionFeedback revealed { pupilNames schoolName teacherNames } } }`;
const SCORE = `mutation ($input: ScoreNominationInput!) { scoreNomination(input: $input) { nomination { viewerIsLead reviews { total } item { scoreCount } } } }`;
const DECIDE = `mutation ($input: DecideNominationInput!) { decideNomination(input: $input) { nomination { item { outcome } decisionFeedback revealed { pupilNames schoolName teacherNames } } } }`;
const SEASONS = `{ exhibitionSeasons { key label { zh en } workCount } }`;
const EXHIBITION = `query ($season: String!) { exhibition(season: $season, first: 50) { edges { cursor node {
  slug projectTitle { zh en } theme gradeBand season { key } outcome credit { zh en } museumName { zh en } coverImageUrl } } pageInfo { hasNextPage } } }`;
const EXHIBITION_WORK = `query ($slug: String!) { exhibitionWork(slug: $slug) {
  slug projectTitle { zh en } outcome credit { zh en } museumName { zh } coverImageUrl
  parts { partKey title { zh } body evidence { kind object { id titleZh path } observation title } files { index contentType url } } } }`;

function scores(a: number, b: number, c: number, d: number) {
  return [
    { criterion: 'RESEARCH_QUESTION', score: a },
    { criterion: 'EVIDENCE', score: b },
    { criterion: 'CREATIVITY', score: c },
    { criterion: 'PRESENTATION', score: d },
  ];
}

async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** Reads a response body as bytes (supertest parses only text and JSON by itself). */
function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('museum review, exhibition and certificates', () => {
  let t: TestApp;
  let w: World;
  let objectId: string;
  let teacher: string;
  let pupil: string;
  let lead: string;
  let second: string;
  let otherTeacher: string;
  let nominationId: string;
  let ids: string[];

  /** Everything a blind reviewer must never read, and ids the public must never see. */
  const secrets = () => [PUPIL_NAME, GIVEN_NAME, SCHOOL_NAME, TEACHER_NAME];

  async function nominate(creditStyle: string, opts: { pupilId?: string; mention?: string } = {}) {
    const attempt = await gradedAttempt(t, {
      classId: w.cls.id,
      teacherId: w.teacher.id,
      pupilId: opts.pupilId ?? w.pupil.id,
      museumId: w.museum.id,
      educatorId: w.educator.id,
      objectId,
      mention: opts.mention ?? PUPIL_NAME,
      title: TITLE,
    });
    const res = await t.gql(
      NOMINATE,
      { input: { versionId: attempt.versionId, statement: `${PUPIL_NAME}在${TEACHER_NAME}老师的指导下，仔细研究了${SCHOOL_NAME}附近出土的铜镜。`, guardianConsent: true, creditStyle } },
      { token: teacher },
    );
    expect(res.errors).toBeUndefined();
    return { ...attempt, nominationId: res.data!.nominateWork.nomination.id as string };
  }

  async function decide(id: string, outcome: string, token = lead) {
    return t.gql(DECIDE, { input: { nominationId: id, outcome, feedback: '观察细致，证据充分。' } }, { token });
  }

  async function exhibitedSlug(): Promise<string> {
    const res = await t.gql(EXHIBITION, { season: currentSeason() });
    return res.data!.exhibition.edges.map((e: { node: { slug: string } }) => e.node.slug);
  }

  function currentSeason(): string {
    const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
    const m = now.getMonth() + 1;
    const y = now.getFullYear();
    return m >= 8 ? `${y}-AUTUMN` : m === 1 ? `${y - 1}-AUTUMN` : `${y}-SPRING`;
  }

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: 'silent' });
    w = await newWorld(t);
    await t.dataSource.query(`UPDATE school SET name = $2 WHERE id = $1`, [w.schoolA.id, SCHOOL_NAME]);
    await t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [w.pupil.id, PUPIL_NAME]);
    await t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [w.teacher.id, TEACHER_NAME]);
    [{ id: objectId }] = await t.dataSource.query(
      `INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, 'R-1', '契丹铜镜', 'Khitan bronze mirror') RETURNING id`,
      [w.museum.id],
    );
    const secondEducator = await newStaff(t, { role: 'MUSEUM_EDUCATOR', museumId: w.museum.id });
    await t.dataSource.query(`INSERT INTO lead_reviewer (educator_id, museum_id) VALUES ($1, $2)`, [w.educator.id, w.museum.id]);
    teacher = await signInStaff(t, w.teacher);
    pupil = await signInPupil(t, w.pupil);
    lead = await signInStaff(t, w.educator);
    second = await signInStaff(t, secondEducator);
    otherTeacher = await signInStaff(t, w.otherSchoolTeacher);
    const made = await nominate('FIRST_NAME_INITIAL_SCHOOL');
    nominationId = made.nominationId;
    ids = [w.pupil.id, w.teacher.id, w.schoolA.id, w.cls.id, made.workId, made.versionId, made.fileId];
  });
  afterAll(async () => t.close());

  describe('blind review', () => {
    it('lists the nomination without a pupil, school or teacher name anywhere in the response', async () => {
      for (const token of [lead, second]) {
        const res = await t.gql(QUEUE, { season: currentSeason() }, { token });
        expect(res.errors).toBeUndefined();
        const node = res.data!.reviewQueue.edges.find((e: { node: { id: string } }) => e.node.id === nominationId).node;
        expect(node).toMatchObject({ projectTitle: TITLE, theme: 'HISTORY', gradeBand: 'UPPER_PRIMARY', teamWork: false, mayBeExhibited: true, outcome: null });
        expect(node.label.zh).toMatch(/^作品 #[0-9A-F]{4}$/);
        const body = JSON.stringify(res.body);
        for (const secret of [...secrets(), w.pupil.id, w.teacher.id]) expect(body).not.toContain(secret);
      }
    });

    it('shows the frozen attempt with names blanked, cited objects linked and files on a reviewer path', async () => {
      const res = await t.gql(FOR_REVIEW, { id: nominationId }, { token: second });
      expect(res.errors).toBeUndefined();
      const body = JSON.stringify(res.body);
      for (const secret of [...secrets(), ...ids]) expect(body).not.toContain(secret);
      const n = res.data!.nominationForReview;
      expect(n.statement).toContain('▇▇');
      expect(n.revealed).toBeNull();
      expect(n.parts[0].evidence[0].object).toEqual({ id: objectId, titleZh: '契丹铜镜', titleEn: 'Khitan bronze mirror', path: `/collection/${objectId}` });
      expect(n.parts[0].body.content[0].content[0].text).toBe('我是▇▇，我在铜镜上看到了一条龙。');
      const url = n.parts[0].files[0].url;
      const ok = await t.http().get(url).set('authorization', `Bearer ${second}`).buffer(true).parse(binary as never);
      expect(ok.status).toBe(200);
      expect(Buffer.compare(ok.body, PNG)).toBe(0);
      expect((await t.http().get(url).set('authorization', `Bearer ${otherTeacher}`)).status).toBe(403);
      expect((await t.http().get(url).set('authorization', `Bearer ${teacher}`)).status).toBe(403);
      expect((await t.http().get(url)).status).toBe(401);
    });

    it('is for the educators of the museum only', async () => {
      const otherMuseum = await t.dataSource.query(`INSERT INTO museum (name_zh, name_en) VALUES ('别的馆', 'Other') RETURNING id`);
      const stranger = await signInStaff(t, await newStaff(t, { role: 'MUSEUM_EDUCATOR', museumId: otherMuseum[0].id }));
      const res = await t.gql(FOR_REVIEW, { id: nominationId }, { token: stranger });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const queue = await t.gql(QUEUE, {}, { token: stranger });
      expect(queue.data!.reviewQueue.edges).toEqual([]);
    });
  });

  describe('scoring and deciding', () => {
    it('keeps one score set per educator, checks it, and shows every set side by side to the lead only', async () => {
      const bad = await t.gql(SCORE, { input: { nominationId, scores: scores(4, 5, 3, 6) } }, { token: second });
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scores' });
      expect((await t.gql(SCORE, { input: { nominationId, scores: scores(3, 3, 3, 3) } }, { token: second })).errors).toBeUndefined();
      const edited = await t.gql(SCORE, { input: { nominationId, scores: scores(4, 5, 3, 4), comment: '证据很扎实' } }, { token: second });
      expect(edited.data!.scoreNomination.nomination).toEqual({ viewerIsLead: false, reviews: [{ total: 16 }], item: { scoreCount: 1 } });
      const mine = await t.gql(SCORE, { input: { nominationId, scores: scores(5, 4, 5, 4) } }, { token: lead });
      expect(mine.data!.scoreNomination.nomination.reviews.map((r: { total: number }) => r.total)).toEqual([16, 18]);
      const view = await t.gql(FOR_REVIEW, { id: nominationId }, { token: lead });
      expect(view.data!.nominationForReview.averages).toEqual([
        { criterion: 'RESEARCH_QUESTION', score: 4.5 },
        { criterion: 'EVIDENCE', score: 4.5 },
        { criterion: 'CREATIVITY', score: 4 },
        { criterion: 'PRESENTATION', score: 4 },
      ]);
      const other = await t.gql(FOR_REVIEW, { id: nominationId }, { token: second });
      expect(other.data!.nominationForReview.reviews).toHaveLength(1);
      expect(other.data!.nominationForReview.averages).toBeNull();
    });

    it('lets only a lead decide; tells the teacher and the pupil; then reveals the names and freezes the scores', async () => {
      expect((await decide(nominationId, 'OUTSTANDING', second)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const res = await decide(nominationId, 'OUTSTANDING');
      expect(res.errors).toBeUndefined();
      expect(res.data!.decideNomination.nomination).toEqual({
        item: { outcome: 'OUTSTANDING' },
        decisionFeedback: '观察细致，证据充分。',
        revealed: { pupilNames: [PUPIL_NAME], schoolName: SCHOOL_NAME, teacherNames: [TEACHER_NAME] },
      });
      expect((await decide(nominationId, 'COMMENDED')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect((await t.gql(SCORE, { input: { nominationId, scores: scores(1, 1, 1, 1) } }, { token: second })).errors?.[0]?.extensions?.code).toBe('CONFLICT');

      const notes = await t.dataSource.query(`SELECT user_id FROM notification WHERE kind = 'NOMINATION_DECIDED' ORDER BY user_id`);
      expect(notes.map((n: { user_id: string }) => n.user_id).sort()).toEqual([w.pupil.id, w.teacher.id].sort());

      const cls = await t.gql(`query ($id: ID!) { classNominations(classId: $id) { id state outcome decisionFeedback certificateUrl exhibitionPath } }`, { id: w.cls.id }, { token: teacher });
      expect(cls.data!.classNominations[0]).toMatchObject({ id: nominationId, state: 'DECIDED', outcome: 'OUTSTANDING', decisionFeedback: '观察细致，证据充分。', certificateUrl: `/certificates/${nominationId}.pdf` });
      expect(cls.data!.classNominations[0].exhibitionPath).toMatch(/^\/exhibition\/works\/[a-z0-9]{16}$/);
      const mine = await t.gql(`{ myNominationResults { id outcome outcomeName { zh en } feedback projectTitle { zh } certificateUrl } }`, {}, { token: pupil });
      expect(mine.data!.myNominationResults).toEqual([
        { id: nominationId, outcome: 'OUTSTANDING', outcomeName: { zh: '优秀作品', en: 'Outstanding' }, feedback: '观察细致，证据充分。', projectTitle: { zh: TITLE.zh }, certificateUrl: `/certificates/${nominationId}.pdf` },
      ]);
    });
  });

  describe('the public exhibition', () => {
    it('shows the selected work credited as first name, initial and school, and nothing else about the pupil', async () => {
      const seasons = await t.gql(SEASONS);
      expect(seasons.data!.exhibitionSeasons).toContainEqual(expect.objectContaining({ key: currentSeason(), workCount: 1 }));
      const list = await t.gql(EXHIBITION, { season: currentSeason() });
      expect(list.errors).toBeUndefined();
      const node = list.data!.exhibition.edges[0].node;
      expect(node.credit).toEqual({ zh: `王同学（${SCHOOL_NAME}）`, en: `王同学, ${SCHOOL_NAME}` });
      const work = await t.gql(EXHIBITION_WORK, { slug: node.slug });
      expect(work.errors).toBeUndefined();
      for (const res of [list, work]) {
        const body = JSON.stringify(res.body);
        for (const secret of [PUPIL_NAME, GIVEN_NAME, TEACHER_NAME, nominationId, ...ids]) expect(body).not.toContain(secret);
      }
      const shown = work.data!.exhibitionWork;
      expect(shown.parts[0].body.content[0].content[0].text).toBe('我是▇▇，我在铜镜上看到了一条龙。');
      expect(shown.parts[0].evidence[0].object.path).toBe(`/collection/${objectId}`);
      const image = await t.http().get(shown.parts[0].files[0].url).buffer(true).parse(binary as never);
      expect(image.status).toBe(200);
      expect(image.headers['cache-control']).toBe('no-store');
      expect(Buffer.compare(image.body, PNG)).toBe(0);
    });

    it('credits in full or not at all, as the consent says', async () => {
      const full = await nominate('FULL_NAME');
      const anonymous = await nominate('ANONYMOUS');
      const notSelected = await nominate('FULL_NAME');
      await decide(full.nominationId, 'COMMENDED');
      await decide(anonymous.nominationId, 'COMMENDED');
      await decide(notSelected.nominationId, 'NOT_SELECTED');
      const list = await t.gql(EXHIBITION, { season: currentSeason() });
      const credits = list.data!.exhibition.edges.map((e: { node: { credit: { zh: string } } }) => e.node.credit.zh);
      expect(credits).toHaveLength(3);
      expect(credits).toContain(PUPIL_NAME);
      expect(credits).toContain('一位小小研究员');
      const anonymousSlug = list.data!.exhibition.edges.find((e: { node: { credit: { zh: string } } }) => e.node.credit.zh === '一位小小研究员').node.slug;
      const work = await t.gql(EXHIBITION_WORK, { slug: anonymousSlug });
      const body = JSON.stringify(work.body);
      for (const secret of [...secrets(), anonymous.nominationId, anonymous.workId, anonymous.versionId, anonymous.fileId, w.schoolA.id]) expect(body).not.toContain(secret);
    });

    it('drops a work from every query and image at once when consent is withdrawn', async () => {
      const slugs = await exhibitedSlug();
      const cls = await t.gql(`query ($id: ID!) { classNominations(classId: $id) { id exhibitionPath } }`, { id: w.cls.id }, { token: teacher });
      const slug = cls.data!.classNominations.find((n: { id: string }) => n.id === nominationId).exhibitionPath.split('/').pop();
      expect(slugs).toContain(slug);
      const imageUrl = `/exhibition/${slug}/images/0`;
      expect((await t.http().get(imageUrl)).status).toBe(200);

      const res = await t.gql(`mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { nomination { state } } }`, { input: { nominationId } }, { token: teacher });
      expect(res.data!.withdrawConsent.nomination.state).toBe('CONSENT_WITHDRAWN');

      expect(await exhibitedSlug()).not.toContain(slug);
      expect((await t.gql(EXHIBITION_WORK, { slug })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.http().get(imageUrl)).status).toBe(404);
      const seasons = await t.gql(SEASONS);
      expect(seasons.data!.exhibitionSeasons.find((s: { key: string }) => s.key === currentSeason()).workCount).toBe(2);
      const queue = await t.gql(QUEUE, {}, { token: lead });
      expect(queue.data!.reviewQueue.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(nominationId);
    });

    it('answers unknown slugs and images like missing ones', async () => {
      expect((await t.gql(EXHIBITION_WORK, { slug: 'abcdefghjkmnpqrs' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql(EXHIBITION_WORK, { slug: "x' OR 1=1" })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await t.http().get('/exhibition/abcdefghjkmnpqrs/images/0')).status).toBe(404);
      expect((await t.gql(EXHIBITION, { season: 'autumn' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('certificates', () => {
    it('is a PDF in Chinese and English with the full name and the project title, for the pupil, the teacher and the educators', async () => {
      for (const token of [pupil, teacher, second]) {
        const res = await t.http().get(`/certificates/${nominationId}.pdf`).set('authorization', `Bearer ${token}`).buffer(true).parse(binary as never);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        const text = (await pdfText(res.body)).replace(/\s+/g, '');
        expect(text).toContain(PUPIL_NAME);
        expect(text).toContain(TITLE.zh);
        expect(text).toContain('优秀作品');
        expect(text).toContain('Outstanding');
        expect(text).toContain('荣誉证书');
      }
    });

    it('is refused to others and for work not selected', async () => {
      expect((await t.http().get(`/certificates/${nominationId}.pdf`)).status).toBe(401);
      expect((await t.http().get(`/certificates/${nominationId}.pdf`).set('authorization', `Bearer ${otherTeacher}`)).status).toBe(404);
      const classmate = await signInPupil(t, w.classmate);
      expect((await t.http().get(`/certificates/${nominationId}.pdf`).set('authorization', `Bearer ${classmate}`)).status).toBe(404);
      const [{ id }] = await t.dataSource.query(`SELECT id FROM nomination WHERE outcome = 'NOT_SELECTED'`);
      expect((await t.http().get(`/certificates/${id}.pdf`).set('authorization', `Bearer ${teacher}`)).status).toBe(404);
    });
  });

  describe('programme figures', () => {
    it('counts schools, classes and pupils taking part, submissions, nominations and outcomes per theme and grade band', async () => {
      const admin = await signInStaff(t, w.admin);
      for (const token of [second, admin]) {
        const res = await t.gql(
          `query ($season: String) { programmeFigures(season: $season) { season { key } rows { theme gradeBand schools classes pupils pupilAssignments submitted submissionRate
            worksSubmitted nominations nominationRate outstanding commended notSelected awaitingDecision } } }`,
          { season: currentSeason() },
          { token },
        );
        expect(res.errors).toBeUndefined();
        // Four assignments of the class (one per nomination), two pupils on it, one of whom submitted each time.
        expect(res.data!.programmeFigures).toEqual({
          season: { key: currentSeason() },
          rows: [
            {
              theme: 'HISTORY',
              gradeBand: 'UPPER_PRIMARY',
              schools: 1,
              classes: 1,
              pupils: 2,
              pupilAssignments: 8,
              submitted: 4,
              submissionRate: 0.5,
              worksSubmitted: 4,
              nominations: 4,
              nominationRate: 1,
              outstanding: 1,
              commended: 2,
              notSelected: 1,
              awaitingDecision: 0,
            },
          ],
        });
        const body = JSON.stringify(res.body);
        for (const secret of secrets()) expect(body).not.toContain(secret);
      }
      const empty = await t.gql(`{ programmeFigures(season: "2019-SPRING") { rows { theme } } }`, {}, { token: lead });
      expect(empty.data!.programmeFigures.rows).toEqual([]);
      expect((await t.gql(`{ programmeFigures { rows { theme } } }`, {}, { token: teacher })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('exports the figures as CSV with a BOM for the museum only', async () => {
      const res = await t.http().get(`/exports/programme-figures.csv?season=${currentSeason()}`).set('authorization', `Bearer ${lead}`).buffer(true).parse(binary as never);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text = (res.body as Buffer).toString('utf8');
      expect(text.startsWith('\uFEFF主题 Theme,')).toBe(true);
      expect(text).toContain('辽宁历史发展 Liaoning\'s historical development,小学高年级（4–6年级）,1,1,2,8,4,0.5,4,4,1,1,2,1,0');
      // The guard refuses a role on a plain HTTP route as it refuses no session.
      expect((await t.http().get('/exports/programme-figures.csv').set('authorization', `Bearer ${teacher}`)).status).toBe(401);
      expect((await t.http().get('/exports/programme-figures.csv')).status).toBe(401);
    });
  });

  describe('certificates of team work', () => {
    let teamNominationId: string;
    let teamMate: Awaited<ReturnType<typeof newPupil>>;

    beforeAll(async () => {
      teamMate = await newPupil(t, w.cls);
      await t.dataSource.query(`UPDATE app_user SET display_name = '李小红' WHERE id = $1`, [teamMate.id]);
      const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
      const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id, mode: 'TEAM' });
      const team = await newTeam(t, assignment.id, [w.pupil.id, teamMate.id]);
      const [work] = await t.dataSource.query(`INSERT INTO work (assignment_id, team_id) VALUES ($1, $2) RETURNING id`, [assignment.id, team.id]);
      const [version] = await t.dataSource.query(
        `INSERT INTO work_version (work_id, scope, attempt, idempotency_key, parts, status, late, submitted_at, status_changed_at)
         VALUES ($1, 'PROJECT', 1, 'team-certificate', '[]', 'GRADED', false, now(), now()) RETURNING id`,
        [work.id],
      );
      const res = await t.gql(NOMINATE, { input: { versionId: version.id, statement: '两个人一起研究了铜镜。', guardianConsent: true, creditStyle: 'FULL_NAME' } }, { token: teacher });
      teamNominationId = res.data!.nominateWork.nomination.id;
      expect((await decide(teamNominationId, 'COMMENDED')).errors).toBeUndefined();
    });

    it('is for every member of the team, naming them all', async () => {
      for (const token of [await signInPupil(t, teamMate), pupil]) {
        const res = await t.http().get(`/certificates/${teamNominationId}.pdf`).set('authorization', `Bearer ${token}`).buffer(true).parse(binary as never);
        expect(res.status).toBe(200);
        const text = (await pdfText(res.body)).replace(/\s+/g, '');
        expect(text).toContain(PUPIL_NAME);
        expect(text).toContain('李小红');
        expect(text).toContain('表彰作品');
      }
      const results = await t.gql(`{ myNominationResults { id certificateUrl } }`, {}, { token: await signInPupil(t, teamMate) });
      expect(results.data!.myNominationResults).toEqual([{ id: teamNominationId, certificateUrl: `/certificates/${teamNominationId}.pdf` }]);
    });

    it('answers a pupil of the same class outside the team as if there were no certificate', async () => {
      const missing = await t.http().get(`/certificates/${randomUUID()}.pdf`).set('authorization', `Bearer ${teacher}`);
      expect(missing.status).toBe(404);
      const outsider = await signInPupil(t, await newPupil(t, w.cls));
      const classmate = await signInPupil(t, w.classmate);
      const otherSchoolPupil = await signInPupil(t, w.otherSchoolPupil);
      for (const token of [outsider, classmate, otherSchoolPupil]) {
        for (const id of [teamNominationId, nominationId]) {
          const res = await t.http().get(`/certificates/${id}.pdf`).set('authorization', `Bearer ${token}`);
          expect({ status: res.status, body: res.body }).toEqual({ status: missing.status, body: missing.body });
        }
      }
      // Sharing a team with the pupil gives no certificate of the pupil's own work.
      const mate = await signInPupil(t, teamMate);
      expect((await t.http().get(`/certificates/${nominationId}.pdf`).set('authorization', `Bearer ${mate}`)).status).toBe(404);
    });
  });
});
