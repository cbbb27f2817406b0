import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema } from 'graphql';
import { EventBus } from '../src/notifications/event-bus';
import { notificationChannel, NotificationsService } from '../src/notifications/notifications.service';
import { errorsOf, listeningUrl, subscribe, until } from './graphql-ws';
import { createTestApp, type TestApp } from './test-app';
import { briefContent, newAssignment, newBrief, newTeam, newWork } from './project-factories';
import { newAccountLink, newClass, newPupil, newSession, newStaff, newWorld, signInPupil, signInStaff, STAFF_PASSWORD, type World } from './factories';

/**
 * Every query and mutation in schema.gql, run as every kind of person. Allowed ones must
 * succeed; everyone else gets NOT_FOUND, FORBIDDEN or (anonymous) UNAUTHENTICATED and no
 * data. An operation without a row here fails the test: add one when you add an operation.
 * Subscriptions go over WebSocket (graphql-ws), their only transport: an allowed persona
 * subscribes and receives an event raised for them; anyone else is refused.
 */
const PERSONAS = [
  'anonymous',
  'pupil',
  'classmate',
  'otherSchoolPupil',
  'teacher',
  'colleague',
  'otherSchoolTeacher',
  'educator',
  'admin',
] as const;
type Persona = (typeof PERSONAS)[number];

const EVERYONE: readonly Persona[] = PERSONAS;
const SIGNED_IN = PERSONAS.filter((p) => p !== 'anonymous');
const PUPILS: Persona[] = ['pupil', 'classmate', 'otherSchoolPupil'];
const TEACHERS: Persona[] = ['teacher', 'colleague', 'otherSchoolTeacher'];
const STAFF: Persona[] = [...TEACHERS, 'educator', 'admin'];
/** Who may see the world's class (school A, taught by `teacher`, with `pupil` and `classmate`). */
const CLASS_READERS: Persona[] = ['pupil', 'classmate', 'teacher', 'admin'];
const CLASS_MANAGERS: Persona[] = ['teacher', 'admin'];

interface Row {
  /** The whole operation; its single root field is the operation under test. */
  document: string;
  /** Variables, built afresh for each persona (mutations get objects of their own). */
  variables?: (w: World, t: TestApp) => Promise<Record<string, unknown>> | Record<string, unknown>;
  allowed: readonly Persona[];
  /** The persona needs a session it may use up (sign-out). */
  freshSession?: boolean;
  /** A subscription: once the persona's subscription is live, raises an event it must receive. */
  subscription?: { ready: (t: TestApp, userId: string) => boolean; raise: (t: TestApp, userId: string) => Promise<void> };
}

/** A class of the world's school A, taught by `teacher`, with `pupil` and `classmate` on it: changed freely by one row. */
async function spareClass(w: World, t: TestApp) {
  const cls = await newClass(t, { schoolId: w.schoolA.id, teacherIds: [w.teacher.id] });
  await newPupil(t, cls, { pupilId: w.pupil.id });
  await newPupil(t, cls, { pupilId: w.classmate.id });
  return cls;
}

/** Brief content as the createBrief/updateBrief input takes it. */
function briefInput() {
  const { milestones, rubric, ...rest } = briefContent();
  return {
    ...rest,
    milestones: milestones.map(({ title, prompt }) => ({ title, prompt })),
    rubric: rubric.map(({ title, levels }) => ({ title, levels })),
  };
}

/** A library brief assigned to the world's class. */
async function worldAssignment(w: World, t: TestApp, mode: 'INDIVIDUAL' | 'TEAM') {
  const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
  return newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id, mode });
}

/** The world's pupil's work on a fresh assignment of the world's class. */
async function pupilWork(w: World, t: TestApp, submitted: boolean) {
  const assignment = await worldAssignment(w, t, 'INDIVIDUAL');
  return newWork(t, { assignmentId: assignment.id, pupilId: w.pupil.id, submitted });
}

/** A graded project attempt of the world's pupil, as nominations need. */
async function gradedVersion(w: World, t: TestApp): Promise<string> {
  const { versionId } = await pupilWork(w, t, true);
  await t.dataSource.query(`UPDATE work_version SET status = 'GRADED' WHERE id = $1`, [versionId]);
  return versionId!;
}

/** A nomination of the world's pupil's graded work, recorded by the class's teacher. */
async function worldNomination(w: World, t: TestApp): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO nomination (version_id, statement, nominated_by_id, guardian_consent, credit_style, consent_recorded_by_id, consent_recorded_at)
     VALUES ($1, 'Careful drawing of the mirror', $2, true, 'ANONYMOUS', $2, now()) RETURNING id`,
    [await gradedVersion(w, t), w.teacher.id],
  );
  return row.id;
}

const REVIEW_SCORES = ['RESEARCH_QUESTION', 'EVIDENCE', 'CREATIVITY', 'PRESENTATION'].map((criterion) => ({ criterion, score: 4 }));

const ROWS: Record<string, Row> = {
  // Public
  collectionObjects: { document: `{ collectionObjects(first: 1) { totalCount } }`, allowed: EVERYONE },
  collectionObject: {
    document: `query ($id: ID!) { collectionObject(id: $id) { id } }`,
    variables: async (_w, t) => ({ id: (await t.dataSource.query(`SELECT id FROM collection_object LIMIT 1`))[0].id }),
    allowed: EVERYONE,
  },
  createCollectionObject: {
    document: `mutation ($input: CreateCollectionObjectInput!) { createCollectionObject(input: $input) { object { id } } }`,
    variables: () => ({ input: { object: { accessionNumber: `N-${Math.random().toString(36).slice(2)}`, titleZh: '铜镜', titleEn: 'Bronze mirror' } } }),
    allowed: ['educator'],
  },
  updateCollectionObject: {
    document: `mutation ($input: UpdateCollectionObjectInput!) { updateCollectionObject(input: $input) { object { id } } }`,
    variables: async (_w, t) => ({
      input: { id: (await t.dataSource.query(`SELECT id FROM collection_object WHERE accession_number = 'M-1'`))[0].id, object: { accessionNumber: 'M-1', titleZh: '铜镜', titleEn: 'Bronze mirror' } },
    }),
    allowed: ['educator'],
  },
  importCollectionObjects: {
    document: `mutation ($input: ImportCollectionInput!) { importCollectionObjects(input: $input) { imported } }`,
    variables: () => ({ input: { format: 'CSV', content: `accessionNumber,titleZh,titleEn\nI-${Math.random().toString(36).slice(2)},玉璧,Jade disc` } }),
    allowed: ['educator'],
  },
  // The pupil's work (issue 5): the pupil, their team and the class's teachers
  myWork: {
    document: `query ($id: ID!) { myWork(assignmentId: $id) { id } }`,
    variables: async (w, t) => ({ id: (await worldAssignment(w, t, 'INDIVIDUAL')).id }),
    allowed: ['pupil', 'classmate'],
  },
  work: {
    document: `query ($id: ID!) { work(id: $id) { id } }`,
    variables: async (w, t) => ({ id: (await pupilWork(w, t, false)).id }),
    allowed: ['pupil', 'teacher'],
  },
  workVersion: {
    document: `query ($id: ID!) { workVersion(id: $id) { id } }`,
    variables: async (w, t) => ({ id: (await pupilWork(w, t, true)).versionId }),
    allowed: ['pupil', 'teacher'],
  },
  compareWorkVersions: {
    document: `query ($a: ID!, $b: ID!) { compareWorkVersions(fromVersionId: $a, toVersionId: $b) { partKey } }`,
    variables: async (w, t) => {
      const { versionId } = await pupilWork(w, t, true);
      return { a: versionId, b: versionId };
    },
    allowed: ['pupil', 'teacher'],
  },
  saveWorkPart: {
    document: `mutation ($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { revision } } }`,
    variables: async (w, t) => ({ input: { workId: (await pupilWork(w, t, false)).id, partKey: 'REFLECTION', baseRevision: 1, body: { type: 'doc', content: [] } } }),
    allowed: ['pupil'],
  },
  submitWork: {
    document: `mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id } } }`,
    variables: async (w, t) => ({ input: { workId: (await pupilWork(w, t, false)).id, scope: 'PROJECT', idempotencyKey: `k-${Math.random()}` } }),
    allowed: ['pupil'],
  },
  withdrawSubmission: {
    document: `mutation ($input: SubmissionIdInput!) { withdrawSubmission(input: $input) { version { status } } }`,
    variables: async (w, t) => ({ input: { versionId: (await pupilWork(w, t, true)).versionId } }),
    allowed: ['pupil'],
  },
  openSubmission: {
    document: `mutation ($input: SubmissionIdInput!) { openSubmission(input: $input) { version { opened } } }`,
    variables: async (w, t) => ({ input: { versionId: (await pupilWork(w, t, true)).versionId } }),
    allowed: ['teacher'],
  },
  // Notifications (issue 6): everyone's own
  notifications: { document: `{ notifications(first: 5) { unreadCount edges { node { id } } } }`, allowed: SIGNED_IN },
  markNotificationsRead: {
    document: `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount } }`,
    variables: () => ({ input: { ids: null } }),
    allowed: SIGNED_IN,
  },
  notificationAdded: {
    document: `subscription { notificationAdded { id kind } }`,
    allowed: SIGNED_IN,
    subscription: {
      ready: (t, userId) => t.app.get(EventBus).listenerCount(notificationChannel(userId)) > 0,
      raise: async (t, userId) => {
        const notifications = t.app.get(NotificationsService);
        await notifications.publish(await t.dataSource.transaction((tx) => notifications.record(tx, [{ userId, kind: 'FEEDBACK' }])));
      },
    },
  },
  // Nominating for the museum (issue 6): the class's teachers; consent also the museum's admins
  classNominations: {
    document: `query ($id: ID!) { classNominations(classId: $id) { id state } }`,
    variables: (w) => ({ id: w.cls.id }),
    allowed: ['teacher'],
  },
  nominateWork: {
    document: `mutation ($input: NominateWorkInput!) { nominateWork(input: $input) { nomination { id } } }`,
    variables: async (w, t) => ({ input: { versionId: await gradedVersion(w, t), statement: 'Looked closely at the dragon', guardianConsent: true, creditStyle: 'FIRST_NAME_INITIAL_SCHOOL' } }),
    allowed: ['teacher'],
  },
  withdrawConsent: {
    document: `mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { nomination { consentWithdrawnAt } } }`,
    variables: async (w, t) => ({ input: { nominationId: await worldNomination(w, t) } }),
    allowed: ['teacher', 'admin'],
  },
  // Children's data (issue 10): a school's teachers and admins; a pupil's teachers and admins; deleting for admins
  schoolPrivacy: {
    document: `query ($id: ID) { schoolPrivacy(schoolId: $id) { schoolId retentionMonths } }`,
    variables: (w) => ({ id: w.schoolA.id }),
    allowed: ['teacher', 'colleague', 'admin'],
  },
  setRetentionPeriod: {
    document: `mutation ($input: SetRetentionInput!) { setRetentionPeriod(input: $input) { privacy { retentionMonths } } }`,
    variables: (w) => ({ input: { schoolId: w.schoolA.id, months: 12 } }),
    allowed: ['admin'],
  },
  pupilPrivacy: {
    document: `query ($id: ID!) { pupilPrivacy(pupilId: $id) { id exportUrl } }`,
    variables: (w) => ({ id: w.pupil.id }),
    allowed: CLASS_MANAGERS,
  },
  pupilAccessLog: {
    document: `query ($id: ID!) { pupilAccessLog(pupilId: $id, first: 5) { edges { node { id action } } } }`,
    variables: (w) => ({ id: w.pupil.id }),
    allowed: ['admin'],
  },
  deletePupil: {
    document: `mutation ($input: DeletePupilInput!) { deletePupil(input: $input) { deletedPupilId } }`,
    variables: async (w, t) => {
      const pupil = await newPupil(t, w.cls);
      return { input: { pupilId: pupil.id, confirmName: pupil.displayName } };
    },
    allowed: ['admin'],
  },
  recordGuardianConsent: {
    document: `mutation ($input: RecordConsentInput!) { recordGuardianConsent(input: $input) { nomination { id consentStands } } }`,
    variables: async (w, t) => ({ input: { nominationId: await worldNomination(w, t), creditStyle: 'ANONYMOUS' } }),
    allowed: ['teacher', 'admin'],
  },
  consentHistory: {
    document: `query ($id: ID!) { consentHistory(nominationId: $id) { change } }`,
    variables: async (w, t) => ({ id: await worldNomination(w, t) }),
    allowed: ['teacher', 'admin'],
  },
  // Teachers' feedback (issue 6): the class's teachers only
  // The museum's review (issue 7): the museum's educators; deciding is for a lead reviewer
  reviewQueue: { document: `{ reviewQueue(first: 5) { edges { node { id label { zh } } } } }`, allowed: ['educator'] },
  nominationForReview: {
    document: `query ($id: ID!) { nominationForReview(id: $id) { item { id } statement } }`,
    variables: async (w, t) => ({ id: await worldNomination(w, t) }),
    allowed: ['educator'],
  },
  scoreNomination: {
    document: `mutation ($input: ScoreNominationInput!) { scoreNomination(input: $input) { nomination { item { scoreCount } } } }`,
    variables: async (w, t) => ({ input: { nominationId: await worldNomination(w, t), scores: REVIEW_SCORES } }),
    allowed: ['educator'],
  },
  decideNomination: {
    document: `mutation ($input: DecideNominationInput!) { decideNomination(input: $input) { nomination { item { outcome } } } }`,
    variables: async (w, t) => {
      await t.dataSource.query(`INSERT INTO lead_reviewer (educator_id, museum_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [w.educator.id, w.museum.id]);
      return { input: { nominationId: await worldNomination(w, t), outcome: 'COMMENDED', feedback: '很好' } };
    },
    allowed: ['educator'],
  },
  programmeFigures: { document: `{ programmeFigures { rows { theme pupils } } }`, allowed: ['educator', 'admin'] },
  myNominationResults: { document: `{ myNominationResults { id } }`, allowed: PUPILS },
  // The review queue's school filter: school names for the museum's educators; admins have `schools`
  // The online exhibition: public
  exhibitionSeasons: { document: `{ exhibitionSeasons { key } }`, allowed: EVERYONE },
  exhibition: { document: `{ exhibition(season: "2026-AUTUMN") { edges { node { slug } } } }`, allowed: EVERYONE },
  exhibitionWork: {
    document: `query ($slug: String!) { exhibitionWork(slug: $slug) { slug credit { zh } } }`,
    variables: async (w, t) => {
      const slug = Math.random().toString(36).slice(2, 10).padEnd(8, 'a') + 'exhibits';
      await t.dataSource.query(`UPDATE nomination SET outcome = 'OUTSTANDING', decision_feedback = '好', decided_at = now(), exhibition_slug = $2 WHERE id = $1`, [
        await worldNomination(w, t),
        slug,
      ]);
      return { slug };
    },
    allowed: EVERYONE,
  },
  classProgress: {
    document: `query ($id: ID!) { classProgress(assignmentId: $id) { rows { state } } }`,
    variables: async (w, t) => ({ id: (await worldAssignment(w, t, 'INDIVIDUAL')).id }),
    allowed: ['teacher'],
  },
  gradingView: {
    document: `query ($id: ID!) { gradingView(versionId: $id) { version { id } } }`,
    variables: async (w, t) => ({ id: (await pupilWork(w, t, true)).versionId }),
    allowed: ['teacher'],
  },
  gradebook: { document: `query ($id: ID!) { gradebook(classId: $id) { rows { total } } }`, variables: (w) => ({ id: w.cls.id }), allowed: ['teacher'] },
  commentBank: { document: `{ commentBank { id } }`, allowed: TEACHERS },
  saveFeedback: {
    document: `mutation ($input: SaveFeedbackInput!) { saveFeedback(input: $input) { feedback { rowVersion } } }`,
    variables: async (w, t) => ({ input: { versionId: (await pupilWork(w, t, true)).versionId, expectedRowVersion: 0, levels: [] } }),
    allowed: ['teacher'],
  },
  returnWork: {
    document: `mutation ($input: DecideInput!) { returnWork(input: $input) { version { status } } }`,
    variables: async (w, t) => ({ input: { versionId: (await pupilWork(w, t, true)).versionId, expectedRowVersion: 0 } }),
    allowed: ['teacher'],
  },
  gradeWork: {
    document: `mutation ($input: DecideInput!) { gradeWork(input: $input) { version { status } } }`,
    variables: async (w, t) => {
      const { versionId } = await pupilWork(w, t, true);
      const [{ content }] = await t.dataSource.query(
        `SELECT bv.content FROM work_version v JOIN work wk ON wk.id = v.work_id JOIN assignment a ON a.id = wk.assignment_id
           JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version WHERE v.id = $1`,
        [versionId],
      );
      const levels = content.rubric.map((c: { key: string }) => ({ criterionKey: c.key, level: 0, comment: null }));
      await t.dataSource.query(`INSERT INTO feedback (version_id, levels, max_points, row_version, updated_at) VALUES ($1, $2, 3, 1, now())`, [versionId, JSON.stringify(levels)]);
      return { input: { versionId, expectedRowVersion: 1 } };
    },
    allowed: ['teacher'],
  },
  releaseGrades: {
    document: `mutation ($input: ReleaseGradesInput!) { releaseGrades(input: $input) { released } }`,
    variables: async (w, t) => ({ input: { assignmentId: (await worldAssignment(w, t, 'INDIVIDUAL')).id } }),
    allowed: ['teacher'],
  },
  addPartComment: {
    document: `mutation ($input: AddPartCommentInput!) { addPartComment(input: $input) { comment { id } } }`,
    variables: async (w, t) => ({ input: { versionId: (await pupilWork(w, t, true)).versionId, partKey: 'REFLECTION', text: '好' } }),
    allowed: ['teacher'],
  },
  deletePartComment: {
    document: `mutation ($input: IdInput!) { deletePartComment(input: $input) { deleted } }`,
    variables: async (w, t) => {
      const { versionId } = await pupilWork(w, t, true);
      const [c] = await t.dataSource.query(`INSERT INTO feedback_comment (version_id, part_key, text, author_id) VALUES ($1, 'REFLECTION', 'x', $2) RETURNING id`, [versionId, w.teacher.id]);
      return { input: { id: c.id } };
    },
    allowed: ['teacher'],
  },
  addBankComment: { document: `mutation { addBankComment(input: { text: "很好" }) { entries { id } } }`, allowed: TEACHERS },
  removeBankComment: {
    document: `mutation ($input: IdInput!) { removeBankComment(input: $input) { entries { id } } }`,
    variables: async (w, t) => {
      const [e] = await t.dataSource.query(`INSERT INTO comment_bank_entry (teacher_id, text) VALUES ($1, 'x') RETURNING id`, [w.teacher.id]);
      return { input: { id: e.id } };
    },
    allowed: ['teacher'],
  },
  addCheckIn: {
    document: `mutation ($input: AddCheckInInput!) { addCheckIn(input: $input) { checkIn { id } } }`,
    variables: async (w, t) => {
      const { id } = await pupilWork(w, t, false);
      const [{ content }] = await t.dataSource.query(
        `SELECT bv.content FROM work wk JOIN assignment a ON a.id = wk.assignment_id JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version WHERE wk.id = $1`,
        [id],
      );
      return { input: { workId: id, milestoneKey: content.milestones[0].key, text: '加油' } };
    },
    allowed: ['teacher'],
  },
  signIn: {
    document: `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`,
    variables: (w) => ({ input: { email: w.teacher.email, password: STAFF_PASSWORD } }),
    allowed: EVERYONE,
  },
  signInPupil: {
    document: `mutation ($input: PupilSignInInput!) { signInPupil(input: $input) { token } }`,
    variables: (w) => ({ input: { classCode: w.pupil.classCode, pupilCode: w.pupil.code } }),
    allowed: EVERYONE,
  },
  acceptInvitation: {
    document: `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { me { id } } }`,
    variables: async (w, t) => {
      const { token } = await newAccountLink(t, { kind: 'INVITATION', role: 'MUSEUM_EDUCATOR', museumId: w.museum.id });
      return { input: { token, displayName: 'New Educator', password: 'lacquer and silk 1908' } };
    },
    allowed: EVERYONE,
  },
  completePasswordReset: {
    document: `mutation ($input: CompletePasswordResetInput!) { completePasswordReset(input: $input) { passwordChanged } }`,
    variables: async (w, t) => {
      const staff = await newStaff(t, { role: 'TEACHER', schoolId: w.schoolA.id });
      const { token } = await newAccountLink(t, { kind: 'PASSWORD_RESET', userId: staff.id, museumId: w.museum.id });
      return { input: { token, newPassword: 'lacquer and silk 1908' } };
    },
    allowed: EVERYONE,
  },

  // One's own account
  me: { document: `{ me { id } }`, allowed: SIGNED_IN },
  signOut: { document: `mutation { signOut { signedOut } }`, allowed: SIGNED_IN, freshSession: true },
  changePassword: {
    document: `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { me { id } } }`,
    variables: () => ({ input: { currentPassword: STAFF_PASSWORD, newPassword: STAFF_PASSWORD } }),
    allowed: STAFF,
  },

  // Staff accounts (admins)
  staffMembers: { document: `{ staffMembers { id } }`, allowed: ['admin'] },
  invitations: { document: `{ invitations { id } }`, allowed: ['admin'] },
  createInvitation: {
    document: `mutation ($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`,
    variables: (w) => ({ input: { email: `new-${Math.random().toString(36).slice(2)}@test.example`, role: 'TEACHER', schoolId: w.schoolA.id } }),
    allowed: ['admin'],
  },
  createPasswordReset: {
    document: `mutation ($input: CreatePasswordResetInput!) { createPasswordReset(input: $input) { token } }`,
    variables: (w) => ({ input: { accountId: w.colleague.id } }),
    allowed: ['admin'],
  },
  setAccountDisabled: {
    document: `mutation ($input: SetAccountDisabledInput!) { setAccountDisabled(input: $input) { account { id } } }`,
    variables: async (w, t) => ({ input: { accountId: (await newStaff(t, { role: 'TEACHER', schoolId: w.schoolA.id })).id, disabled: true } }),
    allowed: ['admin'],
  },
  auditLog: { document: `{ auditLog(first: 5) { edges { node { id action } } } }`, allowed: ['admin'] },

  // Schools (admins)
  schools: { document: `{ schools { id } }`, allowed: ['admin'] },
  createSchool: {
    document: `mutation ($input: CreateSchoolInput!) { createSchool(input: $input) { school { id } } }`,
    variables: () => ({ input: { name: 'New School' } }),
    allowed: ['admin'],
  },
  updateSchool: {
    document: `mutation ($input: UpdateSchoolInput!) { updateSchool(input: $input) { school { id } } }`,
    variables: (w) => ({ input: { schoolId: w.schoolA.id, district: 'Heping' } }),
    allowed: ['admin'],
  },

  // Classes and pupils
  classes: { document: `{ classes { id } }`, allowed: [...PUPILS, ...TEACHERS, 'admin'] },
  class: { document: `query ($id: ID!) { class(id: $id) { id } }`, variables: (w) => ({ id: w.cls.id }), allowed: CLASS_READERS },
  classmates: { document: `query ($id: ID!) { classmates(classId: $id) { id } }`, variables: (w) => ({ id: w.cls.id }), allowed: CLASS_READERS },
  classRoster: { document: `query ($id: ID!) { classRoster(classId: $id) { pupils { id } } }`, variables: (w) => ({ id: w.cls.id }), allowed: CLASS_MANAGERS },
  signInCards: { document: `query ($id: ID!) { signInCards(classId: $id) { classCode } }`, variables: (w) => ({ id: w.cls.id }), allowed: CLASS_MANAGERS },
  previewRoster: {
    document: `query ($id: ID!, $csv: String!) { previewRoster(classId: $id, csv: $csv) { valid } }`,
    variables: (w) => ({ id: w.cls.id, csv: 'Wang Fang,S-1' }),
    allowed: CLASS_MANAGERS,
  },
  createClass: {
    document: `mutation ($input: CreateClassInput!) { createClass(input: $input) { class { id } } }`,
    variables: () => ({ input: { name: '四年级三班', grade: 4, schoolYear: '2026-2027' } }),
    allowed: TEACHERS,
  },
  addClassTeacher: {
    document: `mutation ($input: AddClassTeacherInput!) { addClassTeacher(input: $input) { class { id } } }`,
    variables: async (w, t) => ({ input: { classId: (await spareClass(w, t)).id, teacherEmail: w.colleague.email } }),
    allowed: CLASS_MANAGERS,
  },
  archiveClass: {
    document: `mutation ($input: ArchiveClassInput!) { archiveClass(input: $input) { class { id } } }`,
    variables: async (w, t) => ({ input: { classId: (await spareClass(w, t)).id } }),
    allowed: CLASS_MANAGERS,
  },
  addPupil: {
    document: `mutation ($input: AddPupilInput!) { addPupil(input: $input) { pupilCode } }`,
    variables: (w) => ({ input: { classId: w.cls.id, displayName: 'Li Xin' } }),
    allowed: CLASS_MANAGERS,
  },
  importRoster: {
    document: `mutation ($input: ImportRosterInput!) { importRoster(input: $input) { imported } }`,
    variables: (w) => ({ input: { classId: w.cls.id, csv: 'Zhao Min\nChen Yu' } }),
    allowed: CLASS_MANAGERS,
  },
  resetPupilCode: {
    document: `mutation ($input: ResetPupilCodeInput!) { resetPupilCode(input: $input) { pupilCode } }`,
    variables: async (w, t) => ({ input: { classId: w.cls.id, pupilId: (await newPupil(t, w.cls)).id } }),
    allowed: CLASS_MANAGERS,
  },
  // Briefs (issue 4): the museum's library, teachers' own briefs
  brief: {
    document: `query ($id: ID!) { brief(id: $id) { id } }`,
    variables: async (w, t) => ({ id: (await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id })).id }),
    allowed: STAFF,
  },
  briefLibrary: { document: `{ briefLibrary(first: 5) { edges { node { id } } } }`, allowed: STAFF },
  myBriefs: { document: `{ myBriefs(first: 5) { edges { node { id } } } }`, allowed: TEACHERS },
  createBrief: {
    document: `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { brief { id } } }`,
    variables: () => ({ input: { content: briefInput() } }),
    allowed: [...TEACHERS, 'educator'],
  },
  updateBrief: {
    document: `mutation ($input: UpdateBriefInput!) { updateBrief(input: $input) { brief { id version } } }`,
    variables: async (w, t) => ({ input: { id: (await newBrief(t, { authorId: w.teacher.id, schoolId: w.schoolA.id, status: 'DRAFT' })).id, content: briefInput() } }),
    allowed: ['teacher'],
  },
  publishBrief: {
    document: `mutation ($input: BriefIdInput!) { publishBrief(input: $input) { brief { id status } } }`,
    variables: async (w, t) => ({ input: { id: (await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id, status: 'DRAFT' })).id } }),
    allowed: ['educator'],
  },
  copyBrief: {
    document: `mutation ($input: BriefIdInput!) { copyBrief(input: $input) { brief { id } } }`,
    variables: async (w, t) => ({ input: { id: (await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id })).id } }),
    allowed: TEACHERS,
  },
  // Assignments (issue 4)
  assignment: {
    document: `query ($id: ID!) { assignment(id: $id) { id teams { id } } }`,
    variables: async (w, t) => ({ id: (await worldAssignment(w, t, 'INDIVIDUAL')).id }),
    allowed: ['pupil', 'classmate', 'teacher'],
  },
  classAssignments: {
    document: `query ($id: ID!) { classAssignments(classId: $id) { edges { node { id } } } }`,
    variables: (w) => ({ id: w.cls.id }),
    allowed: CLASS_READERS,
  },
  myAssignments: { document: `{ myAssignments { edges { node { id } } } }`, allowed: PUPILS },
  createAssignment: {
    document: `mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) { assignment { id } } }`,
    variables: async (w, t) => ({
      input: {
        classId: w.cls.id,
        briefId: (await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id })).id,
        startsAt: '2026-12-01',
        dueAt: '2026-12-20T17:00',
        mode: 'INDIVIDUAL',
      },
    }),
    allowed: ['teacher'],
  },
  setTeams: {
    document: `mutation ($input: SetTeamsInput!) { setTeams(input: $input) { teams { id } } }`,
    variables: async (w, t) => ({ input: { assignmentId: (await worldAssignment(w, t, 'TEAM')).id, teams: [{ name: 'A', pupilIds: [w.pupil.id, w.classmate.id] }] } }),
    allowed: ['teacher'],
  },
  makeBalancedTeams: {
    document: `mutation ($input: MakeBalancedTeamsInput!) { makeBalancedTeams(input: $input) { teams { id } } }`,
    variables: async (w, t) => ({ input: { assignmentId: (await worldAssignment(w, t, 'TEAM')).id, teamSize: 2 } }),
    allowed: ['teacher'],
  },
  joinTeam: {
    document: `mutation ($input: JoinTeamInput!) { joinTeam(input: $input) { teams { id } } }`,
    variables: async (w, t) => ({ input: { teamId: (await newTeam(t, (await worldAssignment(w, t, 'TEAM')).id)).id } }),
    allowed: ['pupil', 'classmate'],
  },
  // Files (issue 5 attachments, issue 4 collection images); the HTTP endpoints are in files.integration-spec.ts
  requestUpload: {
    document: `mutation ($input: RequestUploadInput!) { requestUpload(input: $input) { ticket } }`,
    variables: () => ({ input: { purpose: 'WORK_ATTACHMENT' } }),
    allowed: [...PUPILS, ...TEACHERS],
  },
  addCollectionObjectImage: {
    document: `mutation ($input: AddCollectionObjectImageInput!) { addCollectionObjectImage(input: $input) { object { id } } }`,
    variables: async (w, t) => ({ input: { objectId: await objectM1(t), fileId: await collectionImageFile(w, t), caption: 'front' } }),
    allowed: ['educator'],
  },
  removeCollectionObjectImage: {
    document: `mutation ($input: RemoveCollectionObjectImageInput!) { removeCollectionObjectImage(input: $input) { object { id } } }`,
    variables: async (w, t) => {
      const objectId = await objectM1(t);
      const fileId = await collectionImageFile(w, t);
      await t.dataSource.query(`INSERT INTO collection_object_image (object_id, file_id) VALUES ($1, $2)`, [objectId, fileId]);
      return { input: { objectId, fileId } };
    },
    allowed: ['educator'],
  },
};

async function objectM1(t: TestApp): Promise<string> {
  return (await t.dataSource.query(`SELECT id FROM collection_object WHERE accession_number = 'M-1'`))[0].id;
}

/** A collection image the world's educator uploaded (the row only: the matrix never reads the bytes). */
async function collectionImageFile(w: World, t: TestApp): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO stored_file (uploaded_by_id, purpose, content_type, size_bytes, sha256, storage_key, width, height)
     VALUES ($1, 'COLLECTION_IMAGE', 'image/png', 1, '', 'originals/matrix', 1, 1) RETURNING id`,
    [w.educator.id],
  );
  return row.id;
}

function operationsInSchema(): string[] {
  const schema = buildSchema(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
    type ? Object.keys(type.getFields()) : [],
  );
}

describe('authorization matrix', () => {
  let t: TestApp;
  let w: World;
  const tokens = new Map<Persona, string | undefined>();

  beforeAll(async () => {
    t = await createTestApp({ LOG_LEVEL: process.env.MATRIX_LOG ?? 'silent' });
    w = await newWorld(t);
    await t.dataSource.query(`INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, 'M-1', '铜镜', 'Bronze mirror')`, [w.museum.id]);
    tokens.set('anonymous', undefined);
    tokens.set('pupil', await signInPupil(t, w.pupil));
    tokens.set('classmate', await signInPupil(t, w.classmate));
    tokens.set('otherSchoolPupil', await signInPupil(t, w.otherSchoolPupil));
    tokens.set('teacher', await signInStaff(t, w.teacher));
    tokens.set('colleague', await signInStaff(t, w.colleague));
    tokens.set('otherSchoolTeacher', await signInStaff(t, w.otherSchoolTeacher));
    tokens.set('educator', await signInStaff(t, w.educator));
    tokens.set('admin', await signInStaff(t, w.admin));
  });
  afterAll(async () => t.close());

  it('has a row for every query and mutation in schema.gql', () => {
    const missing = operationsInSchema().filter((name) => !(name in ROWS));
    expect(missing).toEqual([]);
    const stale = Object.keys(ROWS).filter((name) => !operationsInSchema().includes(name));
    expect(stale).toEqual([]);
  });

  const userOf = (persona: Persona): string => {
    const ids: Record<Exclude<Persona, 'anonymous'>, string> = {
      pupil: w.pupil.id,
      classmate: w.classmate.id,
      otherSchoolPupil: w.otherSchoolPupil.id,
      teacher: w.teacher.id,
      colleague: w.colleague.id,
      otherSchoolTeacher: w.otherSchoolTeacher.id,
      educator: w.educator.id,
      admin: w.admin.id,
    };
    return ids[persona as Exclude<Persona, 'anonymous'>];
  };

  /** Runs a subscription row over graphql-ws; answers like t.gql with the first message's payload. */
  async function viaWebSocket(row: Row, variables: Record<string, unknown>, token: string | undefined, persona: Persona) {
    const subscription = await subscribe(await listeningUrl(t), row.document, { token, variables });
    try {
      if (row.allowed.includes(persona)) {
        const userId = userOf(persona);
        await until(() => row.subscription!.ready(t, userId), `the subscription of ${persona}`);
        await row.subscription!.raise(t, userId);
      }
      const message = await subscription.nextMessage();
      return { data: message.type === 'next' ? message.payload.data : null, errors: errorsOf(message) };
    } finally {
      await subscription.close();
    }
  }

  /**
   * The certificate is a plain HTTP route, not an operation, so it has its own row: the
   * pupil whose work it is, the class's teacher and the museum's educators get the PDF;
   * every other signed-in persona gets exactly the answer for a certificate that does not
   * exist. (Team work and the blank answer for work not selected: museum-review.integration-spec.ts.)
   */
  describe('GET /certificates/<nomination>.pdf', () => {
    const allowed: readonly Persona[] = ['pupil', 'teacher', 'educator'];
    let path: string;
    let missing: { status: number; body: unknown };

    beforeAll(async () => {
      const nominationId = await worldNomination(w, t);
      await t.dataSource.query(`UPDATE nomination SET outcome = 'COMMENDED', decision_feedback = '好', decided_at = now() WHERE id = $1`, [nominationId]);
      path = `/certificates/${nominationId}.pdf`;
      const none = await t.http().get(`/certificates/${randomUUID()}.pdf`).set('authorization', `Bearer ${tokens.get('teacher')}`);
      missing = { status: none.status, body: none.body };
      expect(missing.status).toBe(404);
    });

    it.each(PERSONAS)('as %s', async (persona) => {
      const token = tokens.get(persona);
      const request = t.http().get(path);
      const res = await (token ? request.set('authorization', `Bearer ${token}`) : request);
      if (allowed.includes(persona)) {
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
      } else if (persona === 'anonymous') {
        expect(res.status).toBe(401);
      } else {
        expect({ status: res.status, body: res.body }).toEqual(missing);
      }
    });
  });

  describe.each(Object.keys(ROWS))('%s', (field) => {
    it.each(PERSONAS)('as %s', async (persona) => {
      const row = ROWS[field]!;
      const variables = row.variables ? await row.variables(w, t) : {};
      const token = persona === 'anonymous' ? undefined : row.freshSession ? await newSession(t, userOf(persona)) : tokens.get(persona);
      const res = row.subscription ? await viaWebSocket(row, variables, token, persona) : await t.gql(row.document, variables, { token });
      if (row.allowed.includes(persona)) {
        expect(res.errors).toBeUndefined();
        expect(res.data?.[field]).toBeTruthy();
      } else {
        expect(res.errors?.length).toBeGreaterThan(0);
        const code = res.errors![0]!.extensions?.code;
        if (persona === 'anonymous') expect(code).toBe('UNAUTHENTICATED');
        else expect(['NOT_FOUND', 'FORBIDDEN']).toContain(code);
        expect(res.data?.[field] ?? null).toBeNull();
      }
    });
  });
});
