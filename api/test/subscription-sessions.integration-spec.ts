import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashToken } from '../src/common/tokens';
import { ConfigError, loadConfig } from '../src/config/config';
import { EventBus } from '../src/notifications/event-bus';
import type { NotificationKind } from '../src/notifications/notification.entity';
import { notificationChannel, NotificationsService } from '../src/notifications/notifications.service';
import { SubscriptionSessionsService } from '../src/notifications/subscription-sessions.service';
import { newSession, newWorld, signInPupil, signInStaff, STAFF_PASSWORD, type World } from './factories';
import { listeningUrl, subscribe, until, type WsSubscription } from './graphql-ws';
import { newAssignment, newBrief, newWork } from './project-factories';
import { cleanExits, startTwoServers } from './spawned-server';
import { createTestApp, type TestApp } from './test-app';
import { freshDatabase, serverUrl, type TestDatabase } from './test-database';

/**
 * Open subscriptions end with the session that authenticated them (sign-out, password
 * change, disabling, deletion, expiry), in this process and in others, and WebSocket
 * upgrades from pages of other origins are refused.
 */
const SUBSCRIPTION = `subscription { notificationAdded { id kind } }`;
const SIGN_OUT = `mutation { signOut { signedOut } }`;
const itWithPostgres = serverUrl() ? it : it.skip;

/** The close the server sends when a socket's session has ended. */
const SESSION_ENDED = { code: 4401, reason: 'Unauthorized: the session ended' };

/** Resolves with the socket's close, or fails the test if it stays open. */
function closeOf(sub: WsSubscription, timeoutMs = 3000): Promise<{ code: number; reason: string }> {
  return Promise.race([
    sub.closed,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the socket was still open after ${timeoutMs} ms`)), timeoutMs).unref()),
  ]);
}

async function sessionIdOf(t: Pick<TestApp, 'dataSource'>, token: string): Promise<string> {
  const [row] = await t.dataSource.query(`SELECT id FROM session WHERE token_hash = $1`, [hashToken(token)]);
  return row.id;
}

describe('subscriptions end with their session', () => {
  let t: TestApp;
  let w: World;
  let url: string;
  let bus: EventBus;
  let notifications: NotificationsService;
  let subscriptionSessions: SubscriptionSessionsService;

  /** What a feature does: record inside its transaction, publish after the commit. */
  async function notify(userId: string, kind: NotificationKind = 'FEEDBACK') {
    const rows = await t.dataSource.transaction((tx) => notifications.record(tx, [{ userId, kind }]));
    await notifications.publish(rows);
    return rows[0]!;
  }

  beforeAll(async () => {
    // The periodic check is left at its minute here: what closes these sockets is the announcement.
    t = await createTestApp();
    w = await newWorld(t);
    url = await listeningUrl(t);
    bus = t.app.get(EventBus);
    notifications = t.app.get(NotificationsService);
    subscriptionSessions = t.app.get(SubscriptionSessionsService);
  });
  afterAll(async () => t.close());

  it('closes the subscription of a session that signs out, and only that one', async () => {
    const tablet = await signInPupil(t, w.pupil);
    const laptop = await signInPupil(t, w.pupil);
    // The portal's way: the session cookie on the upgrade request.
    const leaving = await subscribe(url, SUBSCRIPTION, { cookie: `lmr_session=${tablet}` });
    const staying = await subscribe(url, SUBSCRIPTION, { token: laptop });
    try {
      await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 2, 'both subscriptions');
      expect(subscriptionSessions.socketCount(await sessionIdOf(t, tablet))).toBe(1);

      const signedOut = await t.gql(SIGN_OUT, {}, { cookie: `lmr_session=${tablet}` });
      expect(signedOut.errors).toBeUndefined();
      expect(await closeOf(leaving)).toEqual(SESSION_ENDED);
      // graphql-ws ended the closed socket's subscription on the bus too.
      await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 1, 'the signed-out subscription to end');
      expect(subscriptionSessions.socketCount(await sessionIdOf(t, tablet))).toBe(0);

      const row = await notify(w.pupil.id);
      expect((await staying.nextMessage()).payload.data.notificationAdded.id).toBe(row.id);
      await new Promise((r) => setTimeout(r, 100));
      expect(leaving.received).toEqual([]);
    } finally {
      await leaving.close();
      await staying.close();
    }
  });

  it("closes a member of staff's other sessions when they change their password, and keeps the one that changed it", async () => {
    const here = await signInStaff(t, w.colleague);
    const elsewhere = await signInStaff(t, w.colleague);
    const own = await subscribe(url, SUBSCRIPTION, { token: here });
    const other = await subscribe(url, SUBSCRIPTION, { token: elsewhere });
    try {
      await until(() => bus.listenerCount(notificationChannel(w.colleague.id)) === 2, 'both subscriptions');
      const changed = await t.gql(
        `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { me { id } } }`,
        { input: { currentPassword: STAFF_PASSWORD, newPassword: 'a-new-and-longer-passphrase' } },
        { token: here },
      );
      expect(changed.errors).toBeUndefined();
      expect(await closeOf(other)).toEqual(SESSION_ENDED);
      const row = await notify(w.colleague.id, 'NOMINATION_DECIDED');
      expect((await own.nextMessage()).payload.data.notificationAdded.id).toBe(row.id);
      expect(other.received).toEqual([]);
    } finally {
      await own.close();
      await other.close();
    }
  });

  it("closes a disabled account's subscriptions", async () => {
    const adminToken = await signInStaff(t, w.admin);
    const token = await signInStaff(t, w.educator);
    const sub = await subscribe(url, SUBSCRIPTION, { token });
    try {
      await until(() => bus.listenerCount(notificationChannel(w.educator.id)) === 1, "the educator's subscription");
      const res = await t.gql(
        `mutation ($input: SetAccountDisabledInput!) { setAccountDisabled(input: $input) { __typename } }`,
        { input: { accountId: w.educator.id, disabled: true } },
        { token: adminToken },
      );
      expect(res.errors).toBeUndefined();
      expect(await closeOf(sub)).toEqual(SESSION_ENDED);
    } finally {
      await sub.close();
    }
  });

  it("closes a deleted pupil's subscriptions", async () => {
    const adminToken = await signInStaff(t, w.admin);
    const token = await signInPupil(t, w.otherSchoolPupil);
    const sub = await subscribe(url, SUBSCRIPTION, { token });
    try {
      await until(() => bus.listenerCount(notificationChannel(w.otherSchoolPupil.id)) === 1, "the pupil's subscription");
      const res = await t.gql(
        `mutation ($input: DeletePupilInput!) { deletePupil(input: $input) { deletedPupilId } }`,
        { input: { pupilId: w.otherSchoolPupil.id, confirmName: w.otherSchoolPupil.displayName } },
        { token: adminToken },
      );
      expect(res.errors).toBeUndefined();
      expect(await closeOf(sub)).toEqual(SESSION_ENDED);
    } finally {
      await sub.close();
    }
  });
});

describe("a pupil's code reset by their teacher", () => {
  let t: TestApp;
  let w: World;
  let url: string;
  let bus: EventBus;

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    url = await listeningUrl(t);
    bus = t.app.get(EventBus);
  });
  afterAll(async () => t.close());

  it("closes the pupil's subscriptions once the new code is stored", async () => {
    const teacherToken = await signInStaff(t, w.teacher);
    const sub = await subscribe(url, SUBSCRIPTION, { token: await signInPupil(t, w.pupil) });
    try {
      await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 1, "the pupil's subscription");
      const res = await t.gql(
        `mutation ($input: ResetPupilCodeInput!) { resetPupilCode(input: $input) { pupilCode } }`,
        { input: { classId: w.cls.id, pupilId: w.pupil.id } },
        { token: teacherToken },
      );
      expect(res.errors).toBeUndefined();
      // The periodic check is at its minute here: only the announcement can close it this soon.
      expect(await closeOf(sub)).toEqual(SESSION_ENDED);
    } finally {
      await sub.close();
    }
  });
});

describe('the periodic check of open subscriptions', () => {
  let t: TestApp;
  let w: World;
  let url: string;
  let bus: EventBus;

  beforeAll(async () => {
    t = await createTestApp({ SUBSCRIPTION_SESSION_CHECK_MS: '150' });
    w = await newWorld(t);
    url = await listeningUrl(t);
    bus = t.app.get(EventBus);
  });
  afterAll(async () => t.close());

  it('closes the socket of a session that expired, and keeps a live one open', async () => {
    const expiring = await signInPupil(t, w.pupil);
    const live = await signInPupil(t, w.pupil);
    const old = await subscribe(url, SUBSCRIPTION, { token: expiring });
    const fresh = await subscribe(url, SUBSCRIPTION, { token: live });
    try {
      await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 2, 'both subscriptions');
      // The session runs out: nothing announces that.
      await t.dataSource.query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [hashToken(expiring)]);
      expect(await closeOf(old)).toEqual(SESSION_ENDED);
      // Several more checks pass; the live session's socket stays.
      await new Promise((r) => setTimeout(r, 500));
      expect(bus.listenerCount(notificationChannel(w.pupil.id))).toBe(1);
      const notifications = t.app.get(NotificationsService);
      const rows = await t.dataSource.transaction((tx) => notifications.record(tx, [{ userId: w.pupil.id, kind: 'RETURNED' }]));
      await notifications.publish(rows);
      expect((await fresh.nextMessage()).payload.data.notificationAdded.id).toBe(rows[0]!.id);
    } finally {
      await old.close();
      await fresh.close();
    }
  });

  it('closes the socket of a session deleted without an announcement (the account removed elsewhere)', async () => {
    const token = await signInPupil(t, w.classmate);
    const sub = await subscribe(url, SUBSCRIPTION, { token });
    try {
      await until(() => bus.listenerCount(notificationChannel(w.classmate.id)) === 1, "the classmate's subscription");
      await t.dataSource.query(`DELETE FROM session WHERE token_hash = $1`, [hashToken(token)]);
      expect(await closeOf(sub)).toEqual(SESSION_ENDED);
    } finally {
      await sub.close();
    }
  });
});

describe('the Origin of a WebSocket upgrade', () => {
  const REFUSED = 'socket closed before ack: 4403 Forbidden';
  let t: TestApp;
  let w: World;
  let url: string;
  let token: string;

  /** What happens to a page of this origin that opens the socket on its visitor's cookie. */
  async function outcomeFrom(origin: string): Promise<string> {
    try {
      const sub = await subscribe(url, SUBSCRIPTION, { cookie: `lmr_session=${token}`, headers: { origin } });
      await sub.close();
      return 'acknowledged';
    } catch (err) {
      return (err as Error).message;
    }
  }

  /** Subscribes from this origin (or with no Origin header) and checks that a notification arrives. */
  async function expectDeliveredFrom(origin: string | null) {
    const bus = t.app.get(EventBus);
    const sub = await subscribe(url, SUBSCRIPTION, { cookie: `lmr_session=${token}`, headers: origin ? { origin } : {} });
    try {
      await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 1, `the subscription from ${origin}`);
      const notifications = t.app.get(NotificationsService);
      const rows = await t.dataSource.transaction((tx) => notifications.record(tx, [{ userId: w.pupil.id, kind: 'FEEDBACK' }]));
      await notifications.publish(rows);
      expect((await sub.nextMessage()).payload.data.notificationAdded.id).toBe(rows[0]!.id);
    } finally {
      await sub.close();
    }
    await until(() => bus.listenerCount(notificationChannel(w.pupil.id)) === 0, 'the subscription to end');
  }

  beforeAll(async () => {
    t = await createTestApp({ ALLOWED_ORIGINS: 'https://portal.example.org, http://localhost:5173' });
    w = await newWorld(t);
    url = await listeningUrl(t);
    token = await signInPupil(t, w.pupil);
  });
  afterAll(async () => t.close());

  it('refuses an upgrade from another site before acknowledging it, and serves its own origin, the allowed ones and clients without Origin', async () => {
    // The other site's page would ride on the visitor's cookie: refused before anything could be subscribed.
    expect(await outcomeFrom('https://evil.example')).toBe(REFUSED);
    await expectDeliveredFrom(`http://127.0.0.1:${new URL(url).port}`);
    await expectDeliveredFrom('https://portal.example.org');
    await expectDeliveredFrom('http://localhost:5173');
    // Not a browser page (a script with its own token, a test): nobody's cookie to abuse.
    await expectDeliveredFrom(null);
  });

  it.each([
    ['a look-alike of an allowed origin', 'https://portal.example.org.evil.example'],
    ['an allowed host on another scheme', 'http://portal.example.org'],
    ['the API host on another port', 'http://127.0.0.1:1'],
    ['a sandboxed frame', 'null'],
  ])('refuses an upgrade from %s (4403 before the ack)', async (_label, origin) => {
    expect(await outcomeFrom(origin)).toBe(REFUSED);
  });
});

describe('ALLOWED_ORIGINS and SUBSCRIPTION_SESSION_CHECK_MS', () => {
  it('default to the Vite dev and preview servers in development and test, and to none in production', () => {
    const dev = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'];
    expect(loadConfig({}).allowedOrigins).toEqual(dev);
    expect(loadConfig({ NODE_ENV: 'test' }).allowedOrigins).toEqual(dev);
    expect(loadConfig({ NODE_ENV: 'production' }).allowedOrigins).toEqual([]);
    expect(loadConfig({}).subscriptionSessionCheckMs).toBe(60_000);
  });

  it('take a comma-separated list of origins, written as browsers send them', () => {
    expect(loadConfig({ NODE_ENV: 'production', ALLOWED_ORIGINS: ' https://Portal.Example.org/ ,http://10.0.0.5:8080,' }).allowedOrigins).toEqual([
      'https://portal.example.org',
      'http://10.0.0.5:8080',
    ]);
    expect(loadConfig({ SUBSCRIPTION_SESSION_CHECK_MS: '250' }).subscriptionSessionCheckMs).toBe(250);
  });

  it.each([
    ['*', /^ALLOWED_ORIGINS holds "\*", which is not an origin/],
    ['portal.example.org', /^ALLOWED_ORIGINS holds "portal.example.org", which is not an origin/],
    ['ftp://portal.example.org', /must start with https:\/\/ or http:\/\//],
    ['https://portal.example.org/app', /must be scheme:\/\/host\[:port\] only, without a path/],
  ])('refuse ALLOWED_ORIGINS=%s with a message naming it', (value, message) => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_ORIGINS: value })).toThrow(message);
  });

  it('refuse a check interval that is not a sane number of milliseconds', () => {
    expect(() => loadConfig({ SUBSCRIPTION_SESSION_CHECK_MS: '10' })).toThrow(/^SUBSCRIPTION_SESSION_CHECK_MS must be a whole number from 100 to 3600000/);
    expect(() => loadConfig({ SUBSCRIPTION_SESSION_CHECK_MS: 'often' })).toThrow(ConfigError);
  });
});

/**
 * Two built servers (dist/main.js, so `npm run build -w @lmr/api` first) on one PostgreSQL
 * database and the Redis at 127.0.0.1:6379, as in two-processes.integration-spec.ts.
 */
describe('two API processes', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await freshDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'lmr-sessions-two-'));
  });
  afterAll(async () => {
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  itWithPostgres('closes the socket on process B when its session signs out on process A, and B refuses the session from then on', async () => {
    const t = { dataSource: db.database.dataSource } as TestApp;
    const w = await newWorld(t);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
    const work = await newWork(t, { assignmentId: assignment.id, pupilId: w.pupil.id, submitted: false });
    const teacherToken = await newSession(t, w.teacher.id);
    const leavingToken = await newSession(t, w.pupil.id);
    const stayingToken = await newSession(t, w.pupil.id);

    // The periodic check at its minute and sessions remembered for one: only the announcement
    // through Redis can close the socket, or make B refuse the session, in time.
    const { portA, portB, numsub, stop } = await startTwoServers({ DATABASE_URL: db.url!, DATA_DIR: dataDir, SESSION_CACHE_MS: '60000' }, 30000);
    try {
      const onB = `ws://127.0.0.1:${portB}/graphql`;
      const leaving = await subscribe(onB, SUBSCRIPTION, { token: leavingToken });
      let staying: WsSubscription | null = null;
      try {
        // B listens on the channel once the first subscription is live (its socket was noted before).
        await until(async () => (await numsub(`lmr:notifications:${w.pupil.id}`)) === 1, 'the subscription on B');
        staying = await subscribe(onB, SUBSCRIPTION, { token: stayingToken });
        const meOnB = async () => {
          const res = await fetch(`http://127.0.0.1:${portB}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${leavingToken}` },
            body: JSON.stringify({ query: '{ me { id } }' }),
          });
          return (await res.json()) as { data?: { me: { id: string } } | null; errors?: { extensions: { code: string } }[] };
        };
        expect((await meOnB()).data!.me.id).toBe(w.pupil.id);

        const res = await fetch(`http://127.0.0.1:${portA}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${leavingToken}` },
          body: JSON.stringify({ query: SIGN_OUT }),
        });
        expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
        expect(await closeOf(leaving, 5000)).toEqual(SESSION_ENDED);
        // B forgot the session it remembered when it heard the announcement, before closing the socket.
        expect((await meOnB()).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');

        // The other session's socket on B still works: a check-in recorded on A reaches it.
        const checkIn = await fetch(`http://127.0.0.1:${portA}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${teacherToken}` },
          body: JSON.stringify({
            query: `mutation ($input: AddCheckInInput!) { addCheckIn(input: $input) { checkIn { id } } }`,
            variables: { input: { workId: work.id, milestoneKey: brief.content.milestones[0]!.key, text: 'Look again at the glaze.' } },
          }),
        });
        expect(((await checkIn.json()) as { errors?: unknown }).errors).toBeUndefined();
        expect((await staying.nextMessage(5000)).payload.data.notificationAdded).toMatchObject({ kind: 'CHECK_IN' });
        await new Promise((r) => setTimeout(r, 100));
        expect(leaving.received).toEqual([]);
      } finally {
        await leaving.close();
        await staying?.close();
      }
    } finally {
      expect(cleanExits(await stop())).toEqual([0, 0, '']);
    }
  });
});
