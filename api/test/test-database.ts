import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openPGlite } from '../src/database/data-source';
import { openDatabase, type Database } from '../src/database/database';

/** Settings the test databases share; short timeouts so a broken test fails rather than hangs. */
export const TEST_DB_SETTINGS = { dataDir: '', dbConnectTimeoutMs: 5000, dbStatementTimeoutMs: 20000, dbPoolSize: 5 };

export const TEMPLATE_ENV = 'LMR_TEST_TEMPLATE_DB';
export const DUMP_ENV = 'LMR_TEST_PGLITE_DUMP';

export function serverUrl(): string | null {
  const url = process.env.DATABASE_URL;
  return url && url.trim() !== '' ? url : null;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  database: Database;
  /** The connection string of a PostgreSQL test database; null for PGlite. */
  url: string | null;
  /** Closes the connection and throws the database away. */
  dispose(): Promise<void>;
}

/**
 * A fresh migrated database for one test file: on PostgreSQL a clone of the migrated
 * template (CREATE DATABASE … TEMPLATE …), otherwise an embedded PGlite loaded from the
 * dump that global-setup made of a migrated database.
 */
export async function freshDatabase(kind: 'default' | 'pglite' = 'default'): Promise<TestDatabase> {
  const url = serverUrl();
  if (url && kind === 'default') {
    const template = process.env[TEMPLATE_ENV];
    if (!template) throw new Error('global-setup did not prepare a template database');
    const name = `lmr_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const databaseUrl = withDatabase(url, name);
    const database = await openDatabase({ ...TEST_DB_SETTINGS, databaseUrl });
    return {
      database,
      url: databaseUrl,
      dispose: async () => {
        await database.close();
        await adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const dumpPath = process.env[DUMP_ENV];
  if (!dumpPath) throw new Error('global-setup did not prepare a PGlite dump');
  const pglite = await openPGlite({ dump: new Blob([readFileSync(dumpPath)]) });
  const database = await openDatabase({ ...TEST_DB_SETTINGS, databaseUrl: null }, { pglite });
  return {
    database,
    url: null,
    dispose: async () => {
      await database.close();
      await pglite.close();
    },
  };
}
