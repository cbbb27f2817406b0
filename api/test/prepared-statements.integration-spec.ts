import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { ConfigError, loadConfig } from '../src/config/config';
import { openDatabase } from '../src/database/database';
import { MAX_PREPARED_TEXTS, preparedName } from '../src/database/prepared-statements';
import { freshDatabase, serverUrl, TEST_DB_SETTINGS, type TestDatabase } from './test-database';

/** On the PostgreSQL server only: PGlite is one session and has no per-connection statements. */
const onServer = serverUrl() ? describe : describe.skip;

onServer('statements prepared once per connection', () => {
  let db: TestDatabase;
  let runner: QueryRunner;
  const prepared = async () =>
    (await runner.query(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'lmr\\_%'`)).map((r: { statement: string }) => r.statement) as string[];

  beforeAll(async () => {
    db = await freshDatabase();
    // One connection throughout, so what it prepared can be seen on it.
    runner = db.database.dataSource.createQueryRunner();
    await runner.connect();
  });
  afterAll(async () => {
    await runner.release();
    await db.dispose();
  });

  it('prepares a statement with parameters on first use and reuses it with other values', async () => {
    const text = `SELECT $1::int + 1 AS n`;
    expect(await runner.query(text, [1])).toEqual([{ n: 2 }]);
    expect(await runner.query(text, [41])).toEqual([{ n: 42 }]);
    expect((await prepared()).filter((s) => s === text)).toHaveLength(1);
    // A statement without parameters goes as before, unnamed.
    await runner.query(`SELECT 1 AS plain`);
    expect(await prepared()).not.toContain(`SELECT 1 AS plain`);
  });

  it('does not remember a statement that failed to parse, and the connection goes on', async () => {
    const broken = `SELEC $1::int`;
    for (let i = 0; i < 2; i++) await expect(runner.query(broken, [1])).rejects.toThrow(/syntax error/);
    expect(await prepared()).not.toContain(broken);
    expect(await runner.query(`SELECT $1::text AS s`, ['ok'])).toEqual([{ s: 'ok' }]);
  });

  it('prepares again a statement whose result columns changed after it was prepared', async () => {
    await runner.query(`CREATE TABLE shape (id int PRIMARY KEY)`);
    await runner.query(`INSERT INTO shape (id) VALUES (1)`);
    const text = `SELECT * FROM shape WHERE id = $1`;
    expect(await runner.query(text, [1])).toEqual([{ id: 1 }]);
    // As a migration run by another replica would.
    await runner.query(`ALTER TABLE shape ADD COLUMN label text NOT NULL DEFAULT 'new'`);
    expect(await runner.query(text, [1])).toEqual([{ id: 1, label: 'new' }]);
    expect(await runner.query(text, [1])).toEqual([{ id: 1, label: 'new' }]);
  });

  it('keeps to a bound on how many different texts it prepares', () => {
    const names = new Set<string>();
    let refused = 0;
    for (let i = 0; i < MAX_PREPARED_TEXTS + 10; i++) {
      const name = preparedName(`SELECT ${i} WHERE $1::int IS NOT NULL /* bound */`);
      if (name === null) refused += 1;
      else names.add(name);
    }
    expect(refused).toBeGreaterThanOrEqual(10);
    expect(names.size).toBeLessThanOrEqual(MAX_PREPARED_TEXTS);
    // A text already prepared keeps its name past the bound.
    expect(preparedName(`SELECT 0 WHERE $1::int IS NOT NULL /* bound */`)).not.toBeNull();
  });

  it('sends every statement unnamed with DB_PREPARE_STATEMENTS=false, as behind a pooler that cannot keep them', async () => {
    expect(loadConfig({ DB_PREPARE_STATEMENTS: 'false' }).dbPrepareStatements).toBe(false);
    expect(loadConfig({}).dbPrepareStatements).toBe(true);
    expect(() => loadConfig({ DB_PREPARE_STATEMENTS: 'sometimes' })).toThrow(ConfigError);
    const plain = await openDatabase({ ...TEST_DB_SETTINGS, databaseUrl: db.url, dbPrepareStatements: false }, { migrate: false });
    const other = plain.dataSource.createQueryRunner();
    try {
      await other.connect();
      expect(await other.query(`SELECT $1::int * 2 AS n`, [21])).toEqual([{ n: 42 }]);
      expect(await other.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`)).toEqual([{ n: 0 }]);
    } finally {
      await other.release();
      await plain.close();
    }
  });
});
