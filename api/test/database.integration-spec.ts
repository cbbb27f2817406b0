import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { freshDatabase, serverUrl, type TestDatabase } from './test-database';

/**
 * PGlite is one session: without the session lock, one request's ROLLBACK would undo
 * another's work. These scenarios run on the embedded database always, and on the
 * PostgreSQL server too when DATABASE_URL is set; every database must give the same answers.
 */
const kinds: ('pglite' | 'default')[] = serverUrl() ? ['pglite', 'default'] : ['pglite'];

async function interleavedCommitAndRollback(ds: DataSource) {
  await ds.query(`CREATE TABLE IF NOT EXISTS probe (label text PRIMARY KEY)`);
  const a = ds.createQueryRunner();
  const b = ds.createQueryRunner();
  // Both start before either ends; on PGlite the second waits for the first to finish.
  const first = (async () => {
    await a.startTransaction();
    await a.query(`INSERT INTO probe (label) VALUES ('from-a')`);
    await new Promise((r) => setTimeout(r, 50));
    await a.rollbackTransaction();
    await a.release();
  })();
  const second = (async () => {
    await b.startTransaction();
    await b.query(`INSERT INTO probe (label) VALUES ('from-b')`);
    await b.commitTransaction();
    await b.release();
  })();
  await Promise.all([first, second]);
  return (await ds.query(`SELECT label FROM probe ORDER BY label`)).map((r: { label: string }) => r.label);
}

async function noDirtyRead(ds: DataSource) {
  await ds.query(`CREATE TABLE IF NOT EXISTS dirty (n int)`);
  let seenDuring = -1;
  await Promise.all([
    ds.transaction(async (tx) => {
      await tx.query(`INSERT INTO dirty (n) VALUES (1)`);
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('roll back');
    }).catch(() => undefined),
    (async () => {
      await new Promise((r) => setTimeout(r, 10));
      seenDuring = Number((await ds.query(`SELECT count(*) AS c FROM dirty`))[0].c);
    })(),
  ]);
  const after = Number((await ds.query(`SELECT count(*) AS c FROM dirty`))[0].c);
  return { seenDuring, after };
}

async function concurrentIncrements(ds: DataSource, writers: number) {
  await ds.query(`CREATE TABLE IF NOT EXISTS counter (id int PRIMARY KEY, value int NOT NULL)`);
  await ds.query(`INSERT INTO counter (id, value) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET value = 0`);
  await Promise.all(
    Array.from({ length: writers }, (_, i) =>
      ds.transaction(async (tx) => {
        const [row] = await tx.query(`SELECT value FROM counter WHERE id = 1 FOR UPDATE`);
        await new Promise((r) => setTimeout(r, i % 3));
        await tx.query(`UPDATE counter SET value = $1 WHERE id = 1`, [row.value + 1]);
      }),
    ),
  );
  return (await ds.query(`SELECT value FROM counter WHERE id = 1`))[0].value;
}

async function failedStatementAbortsOnlyItsTransaction(ds: DataSource) {
  await ds.query(`CREATE TABLE IF NOT EXISTS uniq (k text PRIMARY KEY)`);
  await ds.query(`INSERT INTO uniq (k) VALUES ('taken')`);
  const failure = await ds
    .transaction(async (tx) => {
      await tx.query(`INSERT INTO uniq (k) VALUES ('kept-if-committed')`);
      await tx.query(`INSERT INTO uniq (k) VALUES ('taken')`);
    })
    .then(() => 'committed', (err: { driverError?: { code?: string }; code?: string }) => err.driverError?.code ?? err.code);
  // The next borrower of the (single) session must not inherit an aborted transaction.
  const rows = (await ds.query(`SELECT k FROM uniq ORDER BY k`)).map((r: { k: string }) => r.k);
  return { failure, rows };
}

describe.each(kinds)('transactions on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(async () => db.dispose());

  it('keeps a rollback and a commit that interleave apart', async () => {
    expect(await interleavedCommitAndRollback(db.database.dataSource)).toEqual(['from-b']);
  });

  it('never shows another transaction its uncommitted rows', async () => {
    expect(await noDirtyRead(db.database.dataSource)).toEqual({ seenDuring: 0, after: 0 });
  });

  it('loses no update among 20 concurrent writers', async () => {
    expect(await concurrentIncrements(db.database.dataSource, 20)).toBe(20);
  });

  it('rolls back a transaction whose statement failed, and nothing else', async () => {
    expect(await failedStatementAbortsOnlyItsTransaction(db.database.dataSource)).toEqual({ failure: '23505', rows: ['taken'] });
  });
});
