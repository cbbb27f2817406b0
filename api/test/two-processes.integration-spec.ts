import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { ConfigError, loadConfig } from '../src/config/config';
import { RedisEventBus } from '../src/notifications/redis-event-bus';
import { newSession, newWorld } from './factories';
import { subscribe } from './graphql-ws';
import { cleanExits, freePort, startServer, startTwoServers, TEST_REDIS_URL } from './spawned-server';
import { newAssignment, newBrief, newWork } from './project-factories';
import type { TestApp } from './test-app';
import { freshDatabase, serverUrl, type TestDatabase } from './test-database';

/**
 * Notifications across API processes through Redis (redis://127.0.0.1:6379 must be running).
 * The two-process case needs both processes on one database, so it runs only with
 * DATABASE_URL: on PGlite each process would have an embedded database of its own. It uses
 * the built server (dist/main.js), like startup.integration-spec.ts.
 */
const REDIS_URL = TEST_REDIS_URL;
const itWithPostgres = serverUrl() ? it : it.skip;

async function numsub(redis: Redis, channel: string): Promise<number> {
  const reply = (await redis.pubsub('NUMSUB', channel)) as [string, number];
  return Number(reply[1]);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('REDIS_URL', () => {
  it.each([
    ['http://127.0.0.1:6379', /must start with redis:\/\/ or rediss:\/\//],
    ['not a url', /is not a valid URL/],
  ])('refuses %s with a message naming it', (value, message) => {
    expect(() => loadConfig({ REDIS_URL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: value })).toThrow(message);
  });

  it('takes redis:// and rediss:// URLs, and unset means in-process', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
    expect(loadConfig({ REDIS_URL: 'rediss://:secret@cache.example:6380/2' }).redisUrl).toBe('rediss://:secret@cache.example:6380/2');
    expect(loadConfig({}).redisUrl).toBeNull();
  });
});

describe('the Redis event bus', () => {
  let probe: Redis;
  beforeAll(() => {
    probe = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await probe.quit();
  });

  it('carries JSON from one process to another, and unsubscribes when the subscriber leaves', async () => {
    // Two buses stand for two processes.
    const a = await RedisEventBus.connect(REDIS_URL, 2000);
    const b = await RedisEventBus.connect(REDIS_URL, 2000);
    const channel = `test:${Math.random().toString(36).slice(2)}`;
    try {
      const first = await b.subscribe<{ at: string; n: number }>(channel);
      const second = await b.subscribe<{ at: string; n: number }>(channel);
      expect(await numsub(probe, `lmr:${channel}`)).toBe(1);
      await a.publish(channel, { at: new Date(0), n: 1 });
      await a.publish(`${channel}-other`, { n: 2 });
      await a.publish(channel, { at: new Date(1), n: 3 });
      expect((await first.next()).value).toEqual({ at: '1970-01-01T00:00:00.000Z', n: 1 });
      expect((await first.next()).value).toEqual({ at: '1970-01-01T00:00:00.001Z', n: 3 });
      expect((await second.next()).value).toMatchObject({ n: 1 });

      await first.return!();
      expect(await numsub(probe, `lmr:${channel}`)).toBe(1);
      await second.return!();
      await until(async () => (await numsub(probe, `lmr:${channel}`)) === 0, 'the unsubscribe');
      expect(b.listenerCount(channel)).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('ends open subscriptions when it closes', async () => {
    const bus = await RedisEventBus.connect(REDIS_URL, 2000);
    const subscription = await bus.subscribe('test:closing');
    const pending = subscription.next();
    await bus.close();
    expect(await pending).toEqual({ value: undefined, done: true });
  });

  it('gives up on an unreachable Redis with a message naming where', async () => {
    await expect(RedisEventBus.connect('redis://127.0.0.1:1', 1000)).rejects.toThrow(/^cannot connect to Redis at 127\.0\.0\.1:1: /);
  });
});

describe('two API processes sharing PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await freshDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'lmr-two-'));
  });
  afterAll(async () => {
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  itWithPostgres('delivers a check-in recorded on process A to the pupil subscribed on process B, and to no one else', async () => {
    // The factories only need something that runs SQL on the shared database.
    const t = { dataSource: db.database.dataSource } as TestApp;
    const w = await newWorld(t);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
    const work = await newWork(t, { assignmentId: assignment.id, pupilId: w.pupil.id, submitted: false });
    const teacherToken = await newSession(t, w.teacher.id);
    const pupilToken = await newSession(t, w.pupil.id);
    const classmateToken = await newSession(t, w.classmate.id);

    const { portA, portB, numsub, stop } = await startTwoServers({ DATABASE_URL: db.url!, DATA_DIR: dataDir }, 30000);
    try {
      const query = `subscription { notificationAdded { id kind workId assignmentId } }`;
      const pupil = await subscribe(`ws://127.0.0.1:${portB}/graphql`, query, { token: pupilToken });
      const classmate = await subscribe(`ws://127.0.0.1:${portB}/graphql`, query, { token: classmateToken });
      try {
        await until(async () => (await numsub(`lmr:notifications:${w.pupil.id}`)) === 1, "the pupil's subscription on B");
        await until(async () => (await numsub(`lmr:notifications:${w.classmate.id}`)) === 1, "the classmate's subscription on B");

        const res = await fetch(`http://127.0.0.1:${portA}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${teacherToken}` },
          body: JSON.stringify({
            query: `mutation ($input: AddCheckInInput!) { addCheckIn(input: $input) { checkIn { id } } }`,
            variables: { input: { workId: work.id, milestoneKey: brief.content.milestones[0]!.key, text: '观察得很仔细，再写一个问题。' } },
          }),
        });
        const body = (await res.json()) as { data?: unknown; errors?: unknown };
        expect(body.errors).toBeUndefined();

        const message = await pupil.nextMessage(5000);
        expect(message.payload.errors).toBeUndefined();
        expect(message.payload.data.notificationAdded).toMatchObject({ kind: 'CHECK_IN', workId: work.id, assignmentId: assignment.id });
        const [row] = await t.dataSource.query(`SELECT id FROM notification WHERE user_id = $1`, [w.pupil.id]);
        expect(message.payload.data.notificationAdded.id).toBe(row.id);

        await new Promise((r) => setTimeout(r, 200));
        expect(classmate.received).toEqual([]);
      } finally {
        await pupil.close();
        await classmate.close();
      }
      await until(async () => (await numsub(`lmr:notifications:${w.pupil.id}`)) === 0, 'B to unsubscribe once the pupil left');
    } finally {
      // Both stop cleanly: the Redis connections closed with the app.
      expect(cleanExits(await stop())).toEqual([0, 0, '']);
    }
  });

  it('stops the start when Redis cannot be reached, logging where', async () => {
    const run = await startServer({
      REDIS_URL: 'redis://127.0.0.1:1',
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      ...(db.url ? { DATABASE_URL: db.url } : {}),
    }).done;
    expect(run.code).toBe(1);
    // Nest stops the start itself (its one JSON log line), before main.ts can print its own line.
    expect(run.stdout).toMatch(/cannot connect to Redis at 127\.0\.0\.1:1: /);
  });
});
