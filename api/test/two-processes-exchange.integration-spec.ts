import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWorld, STAFF_PASSWORD } from './factories';
import { subscribe } from './graphql-ws';
import { newAssignment, newBrief } from './project-factories';
import { cleanExits, codesOf, post, startTwoServers, type Answer } from './spawned-server';
import type { TestApp } from './test-app';
import { freshDatabase, serverUrl, type TestDatabase } from './test-database';

/**
 * A whole pupil–teacher exchange across two API processes that share one PostgreSQL and one
 * Redis, every step on the other process than the one before: nothing the exchange needs may
 * live in one process's memory (sessions, drafts, feedback, notifications, sign-in limits).
 * Needs DATABASE_URL and Redis at 127.0.0.1:6379 (TEST_REDIS_URL), like two-processes.integration-spec.ts.
 */
const itWithPostgres = serverUrl() ? it : it.skip;

const data = (a: Answer, field: string) => {
  expect([a.status, codesOf(a)]).toEqual([200, []]);
  return a.body.data[field];
};

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('a pupil–teacher exchange across two API processes', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await freshDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'lmr-exchange-'));
  });
  afterAll(async () => {
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  itWithPostgres('signs in on one, works on the other, and hears of feedback wherever the pupil is connected', async () => {
    const t = { dataSource: db.database.dataSource } as TestApp;
    const w = await newWorld(t);
    const brief = await newBrief(t, { authorId: w.educator.id, museumId: w.museum.id });
    const assignment = await newAssignment(t, { classId: w.cls.id, briefId: brief.id, createdById: w.teacher.id });

    // Two free failures per account and per class code at an address: the last steps run into
    // the waits across both processes (30 s first, so none runs out on a busy machine).
    const { portA, portB, numsub, stop } = await startTwoServers({
      DATABASE_URL: db.url!,
      DATA_DIR: dataDir,
      SIGN_IN_FREE_FAILURES_PER_ACCOUNT_ADDRESS: '2',
      SIGN_IN_FREE_FAILURES_PER_CLASS_ADDRESS: '2',
      SIGN_IN_FIRST_DELAY_SECONDS: '30',
    });
    try {
      // The pupil signs in on A and works on B.
      const pupilToken = data(
        await post(portA, `mutation ($input: PupilSignInInput!) { signInPupil(input: $input) { token } }`, { input: { classCode: w.pupil.classCode, pupilCode: w.pupil.code } }),
        'signInPupil',
      ).token as string;
      const work = data(await post(portB, `query ($id: ID!) { myWork(assignmentId: $id) { id parts { partKey revision } } }`, { id: assignment.id }, pupilToken), 'myWork');
      const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '铜镜背面有一条龙，我想知道它为什么在那里。' }] }] };
      const saved = data(
        await post(
          portB,
          `mutation ($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { revision } } }`,
          { input: { workId: work.id, partKey: 'REFLECTION', baseRevision: work.parts.find((p: { partKey: string }) => p.partKey === 'REFLECTION')?.revision ?? 0, body } },
          pupilToken,
        ),
        'saveWorkPart',
      );
      expect(saved.part.revision).toBeGreaterThan(0);
      const version = data(
        await post(portB, `mutation ($input: SubmitWorkInput!) { submitWork(input: $input) { version { id attempt status } } }`, { input: { workId: work.id, scope: 'PROJECT', idempotencyKey: 'exchange-1' } }, pupilToken),
        'submitWork',
      ).version;
      expect(version).toMatchObject({ attempt: 1, status: 'SUBMITTED' });

      // The pupil listens on B.
      const listening = await subscribe(`ws://127.0.0.1:${portB}/graphql`, `subscription { notificationAdded { kind workId } }`, { token: pupilToken });
      try {
        await until(async () => (await numsub(`lmr:notifications:${w.pupil.id}`)) === 1, "the pupil's subscription on B");

        // The teacher signs in on B and returns the work with feedback on A.
        const teacherToken = data(await post(portB, `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`, { input: { email: w.teacher.email, password: STAFF_PASSWORD } }), 'signIn')
          .token as string;
        const levels = brief.content.rubric.map((c) => ({ criterionKey: c.key, level: 1, comment: '观察得很仔细' }));
        const feedback = data(
          await post(
            portA,
            `mutation ($input: SaveFeedbackInput!) { saveFeedback(input: $input) { feedback { rowVersion } } }`,
            { input: { versionId: version.id, expectedRowVersion: 0, levels, overallComment: '再找一件辽代的文物比较一下。' } },
            teacherToken,
          ),
          'saveFeedback',
        ).feedback;
        const returned = data(
          await post(portA, `mutation ($input: DecideInput!) { returnWork(input: $input) { version { status } } }`, { input: { versionId: version.id, expectedRowVersion: feedback.rowVersion } }, teacherToken),
          'returnWork',
        );
        expect(returned.version.status).toBe('RETURNED');

        // The pupil hears of it on B …
        const message = await listening.nextMessage(15000);
        expect(message.payload.errors).toBeUndefined();
        expect(message.payload.data.notificationAdded).toMatchObject({ kind: 'RETURNED', workId: work.id });
      } finally {
        await listening.close();
      }

      // … and reads the feedback on A.
      const seen = data(
        await post(portA, `query ($id: ID!) { myWork(assignmentId: $id) { versions { id status feedback { overallComment levels { comment } } } } }`, { id: assignment.id }, pupilToken),
        'myWork',
      );
      expect(seen.versions).toEqual([
        expect.objectContaining({ id: version.id, status: 'RETURNED', feedback: expect.objectContaining({ overallComment: '再找一件辽代的文物比较一下。' }) }),
      ]);

      // Failed sign-ins count across both processes: two on A, one on B, then even the right password waits on either.
      const signIn = (port: number, password: string) =>
        post(port, `mutation ($input: SignInInput!) { signIn(input: $input) { token } }`, { input: { email: w.colleague.email, password } });
      for (const port of [portA, portA, portB]) expect(codesOf(await signIn(port, 'not the password'))).not.toEqual([]);
      expect(codesOf(await signIn(portB, STAFF_PASSWORD))).toEqual(['RATE_LIMITED']);
      expect(codesOf(await signIn(portA, STAFF_PASSWORD))).toEqual(['RATE_LIMITED']);

      // Guesses sent at once to both processes, past the free ones: exactly one is checked.
      const guessCode = (port: number, code: string) =>
        post(port, `mutation ($input: PupilSignInInput!) { signInPupil(input: $input) { token } }`, { input: { classCode: w.pupil.classCode, pupilCode: code } });
      const wrong = ['ZZZZZ2', 'ZZZZZ3', 'ZZZZZ4', 'ZZZZZ5', 'ZZZZZ6', 'ZZZZZ7', 'ZZZZZ8', 'ZZZZZ9', 'ZZZZYA', 'ZZZZYB', 'ZZZZYC', 'ZZZZYD'].filter((c) => c !== w.pupil.code);
      for (const port of [portA, portB]) expect(codesOf(await guessCode(port, wrong[0]!))).toEqual(['UNAUTHENTICATED']);
      const burst = await Promise.all(wrong.slice(1, 11).map((code, i) => guessCode(i % 2 ? portA : portB, code)));
      const codes = burst.flatMap(codesOf).sort();
      expect(codes).toEqual(['UNAUTHENTICATED', ...Array(9).fill('RATE_LIMITED')].sort());
    } finally {
      expect(cleanExits(await stop())).toEqual([0, 0, '']);
    }
  }, 120000);
});
