import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { newPupil, newSession, newWorld } from './factories';
import { newAssignment, newBrief, newWork } from './project-factories';
import { codesOf, freePort, post, startServer, waitForReady, type Answer } from './spawned-server';
import type { TestApp } from './test-app';
import { freshDatabase, serverUrl, type TestDatabase } from './test-database';

/**
 * SIGTERM while requests are in flight. To have them truly in flight (not merely sent), the
 * test holds row locks on the pupils' work from its own connection, so every submit waits
 * inside the database; then it signals the server, sees new connections refused, lets the
 * locks go, and every submit answers 200 before the process exits 0 within 10 s.
 * Needs DATABASE_URL (the locks are taken on the shared PostgreSQL database).
 */
const itWithPostgres = serverUrl() ? it : it.skip;
const IN_FLIGHT = 16;
const SUBMIT = `mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id attempt } } }`;

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

describe('SIGTERM under load', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await freshDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'lmr-sigterm-'));
  });
  afterAll(async () => {
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  itWithPostgres('lets in-flight requests finish with 200, refuses new connections, and exits 0 within 10 s', async () => {
    const t = { dataSource: db.database.dataSource } as TestApp;
    const w = await newWorld(t);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });
    const pupils: { token: string; workId: string }[] = [];
    for (let i = 0; i < IN_FLIGHT; i++) {
      const pupil = await newPupil(t, w.cls);
      const work = await newWork(t, { assignmentId: assignment.id, pupilId: pupil.id });
      pupils.push({ token: await newSession(t, pupil.id), workId: work.id });
    }

    const port = await freePort();
    const server = startServer({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: db.url!, DB_POOL_SIZE: String(IN_FLIGHT + 4), LOG_LEVEL: 'info' });
    const locker = new pg.Client({ connectionString: db.url! });
    await locker.connect();
    let lockHeld = false;
    try {
      await waitForReady(port, 40000, server);
      await locker.query('BEGIN');
      await locker.query(`SELECT id FROM work WHERE id = ANY($1::uuid[]) FOR UPDATE`, [pupils.map((p) => p.workId)]);
      lockHeld = true;

      const settled = new Set<number>();
      const inFlight: Promise<Answer>[] = pupils.map((p, i) =>
        post(port, SUBMIT, { input: { workId: p.workId, scope: 'PROJECT', idempotencyKey: `sigterm-${i}` } }, p.token, 30000).then((a) => {
          settled.add(i);
          return a;
        }),
      );
      // Every submit is waiting on a lock inside PostgreSQL: in flight for certain.
      const waitingDeadline = Date.now() + 20000;
      for (;;) {
        const [{ n }] = await db.database.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'little-museum-researcher' AND wait_event_type = 'Lock'`,
        );
        if (n >= IN_FLIGHT) break;
        if (Date.now() > waitingDeadline) throw new Error(`only ${n} of ${IN_FLIGHT} requests reached the database`);
        await new Promise((r) => setTimeout(r, 50));
      }

      const signalledAt = Date.now();
      server.child.kill('SIGTERM');
      // The listener closes first: new connections are refused while the old ones drain.
      let refusedAt = 0;
      while (Date.now() - signalledAt < 5000) {
        if (await refused(port)) {
          refusedAt = Date.now();
          break;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(refusedAt).toBeGreaterThan(0);
      expect(settled.size).toBe(0);

      await new Promise((r) => setTimeout(r, 500));
      expect(settled.size).toBe(0);
      await locker.query('COMMIT');
      lockHeld = false;

      const answers = await Promise.all(inFlight);
      expect(answers.map((a) => [a.status, a.failure ?? null, codesOf(a)])).toEqual(answers.map(() => [200, null, []]));
      expect(answers.every((a) => a.body.data.submitWork.version.attempt === 1)).toBe(true);

      const exit = await server.done;
      expect([exit.code, exit.stderr, exit.code === 0 ? '' : exit.stdout.split('\n').filter((l) => !l.includes('"msg":"graphql"')).join('\n').slice(-3000)]).toEqual([0, '', '']);
      expect(exit.at - signalledAt).toBeLessThan(10000);
      expect(exit.stdout).toContain('"msg":"stopped"');
      const [{ n }] = await db.database.dataSource.query(`SELECT count(*)::int AS n FROM work_version WHERE idempotency_key LIKE 'sigterm-%'`);
      expect(n).toBe(IN_FLIGHT);
    } finally {
      if (lockHeld) await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 120000);
});
