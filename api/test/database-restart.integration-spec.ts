import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../src/app';
import { createLogger } from '../src/common/logger';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/database';
import { newPupil, newSession, newWorld } from './factories';
import { newAssignment, newBrief, newWork } from './project-factories';
import { newStoredImage } from './review-factories';
import {
  codesOf,
  DatabaseProxy,
  freePort,
  isOk,
  post,
  postgresTarget,
  startServer,
  throughProxy,
  waitForReady,
  type Answer,
  type Spawned,
} from './spawned-server';
import type { TestApp } from './test-app';
import { freshDatabase, serverUrl, type TestDatabase } from './test-database';

/**
 * The database goes away under load and comes back. The built API talks to PostgreSQL through
 * a TCP proxy the test cuts (the real server keeps running: other test files use it). While it
 * is cut, requests fail fast with SERVICE_UNAVAILABLE and readiness says 503; once it is back
 * the same process answers again within 10 s, and no submission is half-written.
 * Needs DATABASE_URL (a proxy in front of embedded PGlite means nothing).
 */
const itWithPostgres = serverUrl() ? it : it.skip;

/** Generous bounds: they prove "no hang", not speed (the machine may be loaded). */
const NO_HANG_MS = 12000;
const RECOVERY_MS = 10000;

const PUPILS = 24;
const MY_WORK = `query ($id: ID!) { myWork(assignmentId: $id) { id parts { partKey revision } versions { id attempt } } }`;
const SUBMIT = `mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id attempt } } }`;
const SEARCH = `{ collectionObjects(first: 5) { totalCount } }`;
const ME = `{ me { id } }`;

describe('the database restarting under load', () => {
  let db: TestDatabase;
  let dataDir: string;
  let proxy: DatabaseProxy;
  beforeAll(async () => {
    db = await freshDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'lmr-db-restart-'));
  });
  afterAll(async () => {
    await proxy?.close();
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  itWithPostgres('fails fast with a typed error, reports not ready, recovers by itself, and leaves no half-written submission', async () => {
    const t = { dataSource: db.database.dataSource } as TestApp;
    const w = await newWorld(t);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
    const pupils: { token: string; workId: string; key: string }[] = [];
    for (let i = 0; i < PUPILS; i++) {
      const pupil = await newPupil(t, w.cls);
      const work = await newWork(t, { assignmentId: assignment.id, pupilId: pupil.id });
      pupils.push({ token: await newSession(t, pupil.id), workId: work.id, key: `restart-${work.id}` });
    }

    proxy = new DatabaseProxy(postgresTarget(db.url!));
    await proxy.listen();
    const port = await freePort();
    const server: Spawned = startServer({
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: throughProxy(db.url!, proxy.port),
      DB_CONNECT_TIMEOUT_MS: '2000',
      DB_STATEMENT_TIMEOUT_MS: '3000',
      DB_POOL_SIZE: '6',
    });
    let running = true;
    let workers: Promise<void>[] = [];
    try {
      await waitForReady(port, 40000, server);

      // Load: workers send a mix of reads and submits until told to stop.
      const answers: (Answer & { kind: string; pupil: number })[] = [];
      let turn = 0;
      const worker = async () => {
        while (running) {
          const pupil = turn++ % PUPILS;
          const p = pupils[pupil]!;
          const kind = ['submit', 'myWork', 'search', 'me'][turn % 4]!;
          const answer =
            kind === 'submit'
              ? await post(port, SUBMIT, { input: { workId: p.workId, scope: 'PROJECT', idempotencyKey: p.key } }, p.token)
              : kind === 'myWork'
                ? await post(port, MY_WORK, { id: assignment.id }, p.token)
                : kind === 'search'
                  ? await post(port, SEARCH)
                  : await post(port, ME, {}, p.token);
          answers.push({ ...answer, kind, pupil });
        }
      };
      workers = Array.from({ length: 8 }, () => worker());
      const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
      /** Waits (within a generous bound) until at least `count` answers match: no reliance on the machine's speed. */
      const collect = async (count: number, match: (a: Answer) => boolean, what: string) => {
        const deadline = Date.now() + 60000;
        while (answers.filter(match).length < count) {
          if (Date.now() > deadline) throw new Error(`fewer than ${count} answers ${what} within 60 s`);
          await pause(50);
        }
        return answers.filter(match);
      };
      const stopLoad = async () => {
        running = false;
        await Promise.all(workers);
      };

      // Before: everything answers.
      const normalFrom = Date.now();
      const normal = await collect(16, (a) => a.startedAt >= normalFrom, 'before the cut');
      expect(normal.filter((a) => !isOk(a)).map((a) => [a.kind, a.status, codesOf(a)])).toEqual([]);

      // A database that stops answering altogether (pooled connections included): the
      // connect and statement timeouts must end every request.
      proxy.cut('blackhole');
      const blackholeAt = Date.now();
      const readyBlackhole = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(NO_HANG_MS) });
      expect(readyBlackhole.status).toBe(503);
      await collect(8, (a) => a.startedAt >= blackholeAt + 100, 'while the database was silent');

      // A restart: every connection drops, new ones are refused.
      proxy.cut('reset');
      const cutAt = Date.now();
      const duringBlackhole = answers.filter((a) => a.startedAt >= blackholeAt + 100 && a.startedAt + a.ms <= cutAt);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(NO_HANG_MS) });
      expect(ready.status).toBe(503);
      expect(Date.now() - cutAt).toBeLessThan(NO_HANG_MS);
      const duringReset = await collect(16, (a) => a.startedAt >= cutAt + 100, 'while the database was restarting');

      // Back: the same process answers again by itself.
      proxy.restore();
      const restoredAt = Date.now();
      let recoveredAt = 0;
      while (Date.now() - restoredAt < RECOVERY_MS + 5000) {
        if (isOk(await post(port, ME, {}, pupils[0]!.token, 5000))) {
          recoveredAt = Date.now();
          break;
        }
        await pause(100);
      }
      expect(recoveredAt).toBeGreaterThan(0);
      expect(recoveredAt - restoredAt).toBeLessThanOrEqual(RECOVERY_MS);
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);

      // Let requests that were waiting when it came back drain, then load runs clean again.
      await pause(2000);
      const cleanFrom = Date.now();
      const after = await collect(16, (a) => a.startedAt >= cleanFrom, 'after the database came back');
      await stopLoad();
      expect(after.filter((a) => !isOk(a)).map((a) => [a.kind, a.status, codesOf(a)])).toEqual([]);

      if (process.env.FAULT_LOG) {
        const summary = (list: Answer[]) => ({ n: list.length, ok: list.filter(isOk).length, maxMs: Math.max(0, ...list.map((a) => a.ms)), codes: [...new Set(list.flatMap(codesOf))] });
        console.log(JSON.stringify({ normal: summary(normal), reset: summary(duringReset), blackhole: summary(duringBlackhole), after: summary(after), recoveryMs: recoveredAt - restoredAt }));
      }
      // While cut: every request got an HTTP answer in time, and each failure was typed.
      for (const [phase, list] of [['reset', duringReset], ['blackhole', duringBlackhole]] as const) {
        expect([phase, list.length > 0]).toEqual([phase, true]);
        const slow = list.filter((a) => a.ms > NO_HANG_MS).map((a) => [a.kind, a.ms]);
        expect([phase, slow]).toEqual([phase, []]);
        const untyped = list
          .filter((a) => !isOk(a))
          .filter((a) => a.status !== 200 || codesOf(a).some((c) => c !== 'SERVICE_UNAVAILABLE'))
          .map((a) => [a.kind, a.status, a.failure ?? codesOf(a), JSON.stringify(a.body).slice(0, 200)]);
        expect([phase, untyped]).toEqual([phase, []]);
        // Nothing leaks: no stack frames or paths in what the clients saw.
        expect([phase, list.filter((a) => /\n\s+at |\.(?:ts|js):\d+|stacktrace/.test(JSON.stringify(a.body)))]).toEqual([phase, []]);
      }
      expect(duringReset.filter((a) => !isOk(a)).length).toBeGreaterThan(0);
      expect(duringBlackhole.filter((a) => !isOk(a)).length).toBeGreaterThan(0);

      // Every pupil submits once more with the same key, as the portal retries: one attempt each.
      for (const p of pupils) {
        const answer = await post(port, SUBMIT, { input: { workId: p.workId, scope: 'PROJECT', idempotencyKey: p.key } }, p.token);
        expect([answer.status, codesOf(answer)]).toEqual([200, []]);
        expect(answer.body.data.submitWork.version.attempt).toBe(1);
      }
      const versions: { work_id: string; scope: string; attempt: number; idempotency_key: string; parts: unknown[]; status: string }[] = await db.database.dataSource.query(
        `SELECT v.work_id, v.scope, v.attempt, v.idempotency_key, v.parts, v.status FROM work_version v JOIN work w ON w.id = v.work_id WHERE w.assignment_id = $1`,
        [assignment.id],
      );
      const byWork = new Map<string, typeof versions>();
      for (const v of versions) byWork.set(v.work_id, [...(byWork.get(v.work_id) ?? []), v]);
      for (const p of pupils) {
        const mine = byWork.get(p.workId) ?? [];
        // Exactly one complete attempt: the one key, attempt 1, the drafted part frozen in it.
        expect(mine.map((v) => [v.scope, v.attempt, v.idempotency_key, v.status, v.parts.length])).toEqual([['PROJECT', 1, p.key, 'SUBMITTED', 1]]);
      }
    } finally {
      running = false;
      await Promise.all(workers);
      server.child.kill('SIGTERM');
      const exit = await server.done;
      expect(exit.code).toBe(0);
    }
  }, 180000);
});

describe('a plain HTTP route while the database is away', () => {
  /**
   * GraphQL's answer is proved above; plain HTTP routes answer through the global exception
   * filter, which createApp installs for main.ts and for this in-process app alike (so no build
   * is needed). The route is a file download; uploads, the pupil export, the gradebook CSV and
   * certificates go through the same filter.
   */
  itWithPostgres('answers 503 SERVICE_UNAVAILABLE with Retry-After and no internals, then serves again once it is back', async () => {
    const db = await freshDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'lmr-db-http-'));
    const proxy = new DatabaseProxy(postgresTarget(db.url!));
    await proxy.listen();
    const config = {
      ...loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        DATABASE_URL: throughProxy(db.url!, proxy.port),
        DB_CONNECT_TIMEOUT_MS: '2000',
        DB_STATEMENT_TIMEOUT_MS: '3000',
      }),
      webDist: null,
    };
    const database = await openDatabase(config, { migrate: false });
    const app = await createApp({ config, database, logger: createLogger(config.logLevel) });
    try {
      await app.getHttpAdapter().getInstance().ready();
      const t = { dataSource: db.database.dataSource, dataDir } as TestApp;
      const w = await newWorld(t);
      const fileId = await newStoredImage(t, w.pupil.id);
      const token = await newSession(t, w.pupil.id);
      // Signed in, the guard's session lookup meets the outage first; anonymous, the route's own query does.
      const download = (signedIn: boolean) => {
        const req = request(app.getHttpServer()).get(`/files/${fileId}`).timeout(NO_HANG_MS);
        return signedIn ? req.set('authorization', `Bearer ${token}`) : req;
      };

      const before = await download(true);
      expect([before.status, before.headers['content-type']]).toEqual([200, 'image/png']);

      proxy.cut('reset');
      for (const signedIn of [true, false]) {
        const res = await download(signedIn);
        expect({ signedIn, status: res.status, body: res.body }).toEqual({
          signedIn,
          status: 503,
          body: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) },
        });
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.text).not.toMatch(/\n\s+at |\.(?:ts|js):\d+|stack|ECONN|Connection/i);
      }

      proxy.restore();
      const restoredAt = Date.now();
      let status = 0;
      while (Date.now() - restoredAt < RECOVERY_MS) {
        status = (await download(true)).status;
        if (status === 200) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe(200);
    } finally {
      await app.close();
      await database.close();
      await proxy.close();
      await db.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60000);
});
