import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { EventBus } from '../src/notifications/event-bus';
import type { NotificationKind } from '../src/notifications/notification.entity';
import { notificationChannel, NotificationsService } from '../src/notifications/notifications.service';
import { newWorld, signInPupil, signInStaff, type World } from './factories';
import { errorsOf, listeningUrl, subscribe, until } from './graphql-ws';
import { newAssignment, newBrief, newTeam, newWork } from './project-factories';
import { createTestApp, type TestApp } from './test-app';

const SUBSCRIPTION = `subscription { notificationAdded { id kind assignmentId workId versionId createdAt readAt } }`;
const LIST = `query ($first: Int, $after: String) {
  notifications(first: $first, after: $after) { unreadCount edges { cursor node { id kind workId readAt } } pageInfo { hasNextPage endCursor } }
}`;
const MARK = `mutation ($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount notifications { id readAt } } }`;

describe('notifications', () => {
  let t: TestApp;
  let w: World;
  let url: string;
  let notifications: NotificationsService;
  let bus: EventBus;
  let pupilToken: string;
  let classmateToken: string;
  let teacherToken: string;
  let work: { id: string; versionId: string | null };
  let assignmentId: string;

  /** What a feature does: record inside its transaction, publish after the commit. */
  async function notify(userId: string, kind: NotificationKind = 'FEEDBACK') {
    const rows = await t.dataSource.transaction((tx) => notifications.record(tx, [{ userId, kind, assignmentId, workId: work.id, versionId: work.versionId }]));
    await notifications.publish(rows);
    return rows[0]!;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    url = await listeningUrl(t);
    notifications = t.app.get(NotificationsService);
    bus = t.app.get(EventBus);
    pupilToken = await signInPupil(t, w.pupil);
    classmateToken = await signInPupil(t, w.classmate);
    teacherToken = await signInStaff(t, w.teacher);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    assignmentId = (await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id })).id;
    work = await newWork(t, { assignmentId, pupilId: w.pupil.id, submitted: true });
  });
  afterAll(async () => t.close());

  describe('notificationAdded over graphql-ws', () => {
    it("delivers a pupil's own notification at once and never a classmate's", async () => {
      const pupil = await subscribe(url, SUBSCRIPTION, { token: pupilToken });
      // The classmate signs in as the portal does: the session cookie on the upgrade request.
      const classmate = await subscribe(url, SUBSCRIPTION, { cookie: `lmr_session=${classmateToken}` });
      try {
        await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 1, "the pupil's subscription");
        await until(() => bus.listenerCount(notificationChannel(w.classmate.id)) === 1, "the classmate's subscription");

        const forClassmate = await notify(w.classmate.id, 'RETURNED');
        const forPupil = await notify(w.pupil.id, 'FEEDBACK');

        const got = await pupil.nextMessage();
        expect(got.type).toBe('next');
        expect(got.payload.errors).toBeUndefined();
        expect(got.payload.data.notificationAdded).toEqual({
          id: forPupil.id,
          kind: 'FEEDBACK',
          assignmentId,
          workId: work.id,
          versionId: work.versionId,
          createdAt: new Date(forPupil.createdAt).toISOString(),
          readAt: null,
        });
        const classmateGot = await classmate.nextMessage();
        expect(classmateGot.payload.data.notificationAdded.id).toBe(forClassmate.id);

        // Nothing else arrives: the pupil heard only of their own.
        await new Promise((r) => setTimeout(r, 100));
        expect(pupil.received.map((m) => m.payload.data.notificationAdded.id)).toEqual([forPupil.id]);
        expect(classmate.received.map((m) => m.payload.data.notificationAdded.id)).toEqual([forClassmate.id]);
      } finally {
        await pupil.close();
        await classmate.close();
      }
      // Leaving ends the subscription on the server too.
      await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 0, 'the subscription to end');
      await until(() => bus.listenerCount(notificationChannel(w.classmate.id)) === 0, 'the subscription to end');
    });

    it('delivers to every open subscription of the same person (two tablets)', async () => {
      const first = await subscribe(url, SUBSCRIPTION, { token: pupilToken });
      const second = await subscribe(url, SUBSCRIPTION, { token: pupilToken });
      try {
        await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 2, 'both subscriptions');
        const row = await notify(w.pupil.id, 'GRADE_RELEASED');
        expect((await first.nextMessage()).payload.data.notificationAdded.id).toBe(row.id);
        expect((await second.nextMessage()).payload.data.notificationAdded.id).toBe(row.id);
      } finally {
        await first.close();
        await second.close();
      }
    });

    it.each([
      ['no session', {}],
      ['an unknown token', { token: 'x'.repeat(43) }],
      ['an unknown cookie', { cookie: `lmr_session=${'y'.repeat(43)}` }],
    ])('refuses a subscription with %s (UNAUTHENTICATED) and subscribes to nothing', async (_label, opts) => {
      const anonymous = await subscribe(url, SUBSCRIPTION, opts);
      try {
        const message = await anonymous.nextMessage();
        expect(errorsOf(message)?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(message.payload?.data ?? null).toBeNull();
      } finally {
        await anonymous.close();
      }
    });

    it('refuses a subscription on a session that was signed out', async () => {
      const token = await signInPupil(t, w.pupil);
      expect((await t.gql(`mutation { signOut { signedOut } }`, {}, { token })).errors).toBeUndefined();
      const refused = await subscribe(url, SUBSCRIPTION, { token });
      try {
        expect(errorsOf(await refused.nextMessage())?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      } finally {
        await refused.close();
      }
    });

    it('refuses a subscription sent over HTTP, signed in or not, before anything runs', async () => {
      for (const token of [undefined, pupilToken]) {
        const res = await t.gql(SUBSCRIPTION, {}, { token });
        expect(res.status).toBe(400);
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
        expect(res.data ?? null).toBeNull();
      }
    });

    it('lets staff subscribe to their own notifications too', async () => {
      const teacher = await subscribe(url, SUBSCRIPTION, { token: teacherToken });
      try {
        await until(() => bus.listenerCount(notificationChannel(w.teacher.id)) === 1, "the teacher's subscription");
        const row = await notify(w.teacher.id, 'NOMINATION_DECIDED');
        expect((await teacher.nextMessage()).payload.data.notificationAdded).toMatchObject({ id: row.id, kind: 'NOMINATION_DECIDED' });
      } finally {
        await teacher.close();
      }
    });
  });

  it('carries ids and the kind only: no names, texts or grades in the Notification type', () => {
    const schema = buildSchema(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));
    const type = schema.getType('Notification') as GraphQLObjectType;
    expect(Object.keys(type.getFields()).sort()).toEqual(['assignmentId', 'createdAt', 'id', 'kind', 'readAt', 'versionId', 'workId']);
  });

  describe('the list and marking read', () => {
    let mine: string[];
    let theirs: string;
    let pupilToken: string;
    let classmateToken: string;

    beforeAll(async () => {
      // A world of its own, so the counts are exact.
      const other = await newWorld(t);
      pupilToken = await signInPupil(t, other.pupil);
      classmateToken = await signInPupil(t, other.classmate);
      mine = [];
      for (const kind of ['FEEDBACK', 'CHECK_IN', 'RETURNED'] as const) mine.unshift((await notify(other.pupil.id, kind)).id);
      theirs = (await notify(other.classmate.id, 'FEEDBACK')).id;
    });

    it("lists the viewer's own, newest first, with the unread count, in pages", async () => {
      const all = await t.gql(LIST, {}, { token: pupilToken });
      expect(all.errors).toBeUndefined();
      expect(all.data!.notifications.edges.map((e: any) => e.node.id)).toEqual(mine);
      expect(all.data!.notifications.unreadCount).toBe(3);

      const first = await t.gql(LIST, { first: 2 }, { token: pupilToken });
      expect(first.data!.notifications.edges.map((e: any) => e.node.id)).toEqual(mine.slice(0, 2));
      expect(first.data!.notifications.pageInfo.hasNextPage).toBe(true);
      const rest = await t.gql(LIST, { first: 2, after: first.data!.notifications.pageInfo.endCursor }, { token: pupilToken });
      expect(rest.data!.notifications.edges.map((e: any) => e.node.id)).toEqual(mine.slice(2));
      expect(rest.data!.notifications.pageInfo.hasNextPage).toBe(false);

      const classmate = await t.gql(LIST, {}, { token: classmateToken });
      expect(classmate.data!.notifications.edges.map((e: any) => e.node.id)).toEqual([theirs]);
    });

    it('refuses a page size out of range and a forged cursor', async () => {
      for (const variables of [{ first: 0 }, { first: -1 }, { after: 'not-a-cursor' }, { after: Buffer.from('["x","y"]').toString('base64url') }]) {
        const res = await t.gql(LIST, variables, { token: pupilToken });
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
      const capped = await t.gql(LIST, { first: 1000 }, { token: pupilToken });
      expect(capped.errors).toBeUndefined();
    });

    it("marks only the viewer's own notifications read: by id, then all", async () => {
      const someoneElses = await t.gql(MARK, { input: { ids: [theirs] } }, { token: pupilToken });
      expect(someoneElses.errors).toBeUndefined();
      expect(someoneElses.data!.markNotificationsRead).toEqual({ unreadCount: 3, notifications: [] });

      const one = await t.gql(MARK, { input: { ids: [mine[1]] } }, { token: pupilToken });
      expect(one.data!.markNotificationsRead.unreadCount).toBe(2);
      expect(one.data!.markNotificationsRead.notifications.map((n: any) => n.id)).toEqual([mine[1]]);
      expect(one.data!.markNotificationsRead.notifications[0].readAt).toBeTruthy();

      // Marking again changes nothing.
      const again = await t.gql(MARK, { input: { ids: [mine[1]] } }, { token: pupilToken });
      expect(again.data!.markNotificationsRead).toEqual({ unreadCount: 2, notifications: [] });

      const all = await t.gql(MARK, { input: { ids: null } }, { token: pupilToken });
      expect(all.data!.markNotificationsRead.unreadCount).toBe(0);
      expect(all.data!.markNotificationsRead.notifications.map((n: any) => n.id)).toEqual([mine[0], mine[2]]);

      // The classmate's stays unread.
      const classmate = await t.gql(LIST, {}, { token: classmateToken });
      expect(classmate.data!.notifications.unreadCount).toBe(1);
      expect(classmate.data!.notifications.edges[0].node.readAt).toBeNull();
    });

    it('refuses ids that are not notification ids', async () => {
      const res = await t.gql(MARK, { input: { ids: ['nope'] } }, { token: pupilToken });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    });

    it('refuses anonymous callers', async () => {
      expect((await t.gql(LIST)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(MARK, { input: { ids: null } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('for other features', () => {
    it("names a work's pupil, or every member of its team, as recipients", async () => {
      expect(await notifications.recipientsOfWork(t.dataSource, work.id)).toEqual([w.pupil.id]);
      const world = await newWorld(t);
      const brief = await newBrief(t, { authorId: world.educator.id, museumId: world.museum.id });
      const teamAssignment = await newAssignment(t, { classId: world.cls.id, briefId: brief.id, createdById: world.teacher.id, mode: 'TEAM' });
      const team = await newTeam(t, teamAssignment.id, [world.pupil.id, world.classmate.id]);
      const [teamWork] = await t.dataSource.query(`INSERT INTO work (assignment_id, team_id) VALUES ($1, $2) RETURNING id`, [teamAssignment.id, team.id]);
      expect((await notifications.recipientsOfWork(t.dataSource, teamWork.id)).sort()).toEqual([world.pupil.id, world.classmate.id].sort());
    });

    it('records nothing that the transaction rolled back', async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM notification`);
      await expect(
        t.dataSource.transaction(async (tx) => {
          await notifications.record(tx, [{ userId: w.pupil.id, kind: 'FEEDBACK' }]);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM notification`)).toEqual(before);
      expect(await t.dataSource.transaction((tx) => notifications.record(tx, []))).toEqual([]);
    });
  });
});
